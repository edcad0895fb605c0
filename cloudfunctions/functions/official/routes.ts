/**
 * `official`: officials' and admins' actions (R1.2 region scope): catalogue and quotas, targets,
 * dashboards and rankings (R9.4), ledgers and their exports (R9.5).
 */
import { z } from 'zod';
import { DASHBOARD_METRICS, LEDGER_KINDS } from '../../core/dashboard';
import { adminImportCatalogue, adminUpsertVoucherType } from '../../services/catalogue';
import { MAX_TARGET, dashboard, exportDownload, exportLedger, issueDirectedList, jobStatus, ledgerPage, listTargets, myExports, ranking, setTarget } from '../../services/official';
import { LIST_ID, closeDirected, directedJob, directedJobs, setCountyQuota } from '../../services/voucher';
import type { RouteTable } from '../router';
import { date, regionCode, year } from '../schemas';

const metric = z.enum(DASHBOARD_METRICS, { error: '指标不正确' });
const ledgerFilters = z.object({
  ledger: z.enum(LEDGER_KINDS, { error: '请选择台账' }),
  regionCode: regionCode.optional(),
  from: date.optional(),
  to: date.optional(),
  type: z.string().trim().min(1).max(40).optional(),
  status: z.string().trim().min(1).max(20).optional(),
  band: z.enum(['A', 'B', 'C'], { error: '年龄段只能是A、B、C' }).optional(),
  occupation: z.string().trim().min(1).max(20).optional(),
});
const jobId = z.object({ jobId: z.string().regex(/^x[0-9a-f]{32}$/, { error: '没有找到这个导出任务' }) });
const listId = z.object({ listId: z.string().regex(LIST_ID, { error: '没有找到这次定向发放' }) });
/** R12.2 / D52 how long one call may spend issuing a directed list (the app gives up on a call after 10 s). */
const DIRECTED_STEP_MS = 6_000;
/** The body a call may carry a workbook in: base64 of a little over 10 MB (the use case says FILE_TOO_LARGE past 10 MB). */
const DIRECTED_CALL_BASE64 = 15 * 1024 * 1024;
/** How long one `jobStatus` call may spend moving a job on (the cloud has no background work). */
const JOB_STEP_MS = 2_000;

export const officialRoutes: RouteTable<'official'> = {
  importCatalogue: {
    schema: z.object({}),
    handle: (deps, caller) => adminImportCatalogue(deps, caller),
  },
  upsertVoucherType: {
    schema: z.object({
      code: z.string({ error: '请填写券种代码' }).regex(/^[a-z][a-z0-9-]{1,31}$/, { error: '券种代码只能是小写字母、数字和短横线' }),
      name: z.string({ error: '请填写券名' }).trim().min(2, { error: '券名至少2个字' }).max(30, { error: '券名最多30个字' }),
      alias: z.string().trim().max(30, { error: '别名最多30个字' }).optional(),
      bands: z.array(z.enum(['A', 'B', 'C'], { error: '年龄段只能是A、B、C' }), { error: '请选择年龄段' }).min(1, { error: '至少选择一个年龄段' }),
      validityDays: z.number({ error: '请填写有效天数' }).int({ error: '有效天数应为整数' }).min(1, { error: '有效天数至少1天' }).max(730, { error: '有效天数最多730天' }),
      defaultCountyQuota: z.number({ error: '请填写默认名额' }).int({ error: '名额应为整数' }).min(0, { error: '名额不能为负数' }).max(10_000_000),
      categories: z.array(z.enum(['skills', 'special', 'agri', 'village'], { error: '培训类别不正确' })).min(1, { error: '至少选择一个培训类别' }),
      sameTownship: z.boolean().optional(),
      requiresEmployer: z.boolean().optional(),
      active: z.boolean({ error: '请选择是否启用' }),
    }),
    handle: async (deps, caller, input) => {
      const { _id, ...doc } = await adminUpsertVoucherType(deps, caller, input);
      return doc;
    },
  },
  setCountyQuota: {
    schema: z.object({
      type: z.string({ error: '请选择培训券' }).min(1).max(40),
      countyCode: z.string({ error: '请选择县（市、区）' }).regex(/^\d{6}$/, { error: '请选择县（市、区）' }),
      year: z.number({ error: '请填写年度' }).int().min(2020, { error: '年度不正确' }).max(2100, { error: '年度不正确' }),
      limit: z.number({ error: '请填写名额' }).int({ error: '名额应为整数' }).min(0, { error: '名额不能为负数' }).max(10_000_000),
    }),
    handle: (deps, caller, input) => setCountyQuota(deps, caller, input),
  },
  dashboard: {
    schema: z.object({ regionCode: regionCode.optional(), year: year.optional(), projectId: z.string().min(1).max(64).optional() }),
    handle: (deps, caller, input) => dashboard(deps, caller, input),
  },
  ranking: {
    schema: z.object({
      regionCode: regionCode.optional(),
      year: year.optional(),
      metric,
      month: z.number().int().min(1, { error: '月份应为1–12' }).max(12, { error: '月份应为1–12' }).optional(),
    }),
    handle: (deps, caller, input) => ranking(deps, caller, input),
  },
  targets: {
    schema: z.object({ regionCode: regionCode.optional(), year: year.optional() }),
    handle: (deps, caller, input) => listTargets(deps, caller, input),
  },
  setTarget: {
    schema: z.object({
      regionCode,
      year,
      metric,
      target: z.number({ error: '请填写目标数' }).int({ error: '目标数应为整数' }).min(1, { error: '目标数至少为1' }).max(MAX_TARGET, { error: '目标数过大' }),
    }),
    handle: (deps, caller, input) => setTarget(deps, caller, input),
  },
  ledger: {
    schema: ledgerFilters.extend({
      after: z.string().max(2000).optional(),
      limit: z.number().int().min(1).max(200, { error: '每页最多200条' }).optional(),
    }),
    handle: (deps, caller, input) => ledgerPage(deps, caller, input),
  },
  exportLedger: {
    schema: ledgerFilters,
    handle: (deps, caller, input) => exportLedger(deps, caller, input),
  },
  jobStatus: {
    schema: jobId,
    handle: (deps, caller, input) => jobStatus(deps, caller, input.jobId, deps.exportRunner ? 0 : JOB_STEP_MS),
  },
  downloadExport: {
    schema: jobId,
    handle: (deps, caller, input) => exportDownload(deps, caller, input.jobId),
  },
  myExports: {
    schema: z.object({}),
    handle: (deps, caller) => myExports(deps, caller),
  },
  issueDirected: {
    schema: z.object({
      countyCode: z.string({ error: '请选择县（市、区）' }).regex(/^\d{6}$/, { error: '请选择县（市、区）' }),
      type: z.string({ error: '请选择培训券' }).min(1, { error: '请选择培训券' }).max(40),
      // 5000 lines of a number and a name or two; bounded again by the line count (LIST_TOO_LONG).
      text: z.string().max(600_000, { error: '一次最多5000人，请分成几份' }).optional(),
      // A workbook in the call (the local host): the use case refuses over 10 MB with FILE_TOO_LARGE.
      file: z.object({ name: z.string().max(200), base64: z.string().max(DIRECTED_CALL_BASE64, { error: '文件太大，请不要超过10MB' }) }).optional(),
      fileId: z.string().max(300).optional(),
    }),
    handle: (deps, caller, input) => issueDirectedList(deps, caller, input, DIRECTED_STEP_MS),
  },
  directedJob: {
    schema: listId,
    handle: (deps, caller, input) => directedJob(deps, caller, input, DIRECTED_STEP_MS),
  },
  directedJobs: {
    schema: z.object({ regionCode: regionCode.optional() }),
    handle: (deps, caller, input) => directedJobs(deps, caller, input),
  },
  closeDirected: {
    schema: listId,
    handle: (deps, caller, input) => closeDirected(deps, caller, input),
  },
};

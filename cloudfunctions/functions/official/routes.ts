/**
 * `official`: officials' and admins' actions (R1.2 region scope). Dashboards, ledgers and
 * exports arrive with issue 6.
 */
import { z } from 'zod';
import { requireRole } from '../../services/authz';
import { importCatalogue } from '../../services/catalogue';
import { adminUpsertVoucherType, setCountyQuota } from '../../services/quotas';
import type { RouteTable } from '../router';

export const officialRoutes: RouteTable<'official'> = {
  importCatalogue: {
    schema: z.object({}),
    handle: async (deps, caller) => {
      await requireRole(deps, caller, 'admin');
      return importCatalogue(deps.store, deps.clock.now());
    },
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
};

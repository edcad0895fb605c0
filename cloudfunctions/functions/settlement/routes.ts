/**
 * `settlement`: institutions apply for their subsidy entries (申领), the county reviews them entry
 * by entry (审核) and records the transfer (拨付) (R12.1); institution scorecards.
 */
import { z } from 'zod';
import { SUBSIDY_STATUSES } from '../../core/certificates';
import { applyForSubsidies, correctEntry, exportScorecards, getApplication, listApplications, listEntries, recordPayment, reviewEntries, scorecards } from '../../services/settlement';
import type { RouteTable } from '../router';
import { date, id, regionCode, year } from '../schemas';

const number = z.string().trim().regex(/^\d{16}$/, { error: '证书编号应为16位数字' });
const applicationId = z.string({ error: '没有找到这份申领' }).regex(/^a_[0-9a-f]{24}$/, { error: '没有找到这份申领' });
const reason = z.string({ error: '请填写原因（2–200字）' }).trim().min(2, { error: '请填写原因（2–200字）' }).max(200, { error: '请填写原因（2–200字）' });
const MAX = 200;

export const settlementRoutes: RouteTable<'settlement'> = {
  entries: {
    schema: z.object({ institutionId: id.optional(), classId: id.optional(), status: z.enum(SUBSIDY_STATUSES, { error: '状态不正确' }).optional() }),
    handle: (deps, caller, input) => listEntries(deps, caller, input),
  },
  apply: {
    schema: z
      .object({
        institutionId: id.optional(),
        classId: id.optional(),
        certificateNumbers: z.array(number).max(MAX, { error: `一次最多申领${MAX}条补贴` }).optional(),
      })
      .refine((r) => Boolean(r.classId) !== Boolean(r.certificateNumbers?.length), { error: '请选择一个结业的班级，或选择要申领的补贴' }),
    handle: (deps, caller, input) => applyForSubsidies(deps, caller, input),
  },
  applications: {
    schema: z.object({ institutionId: id.optional(), regionCode: regionCode.optional(), state: z.enum(['open', 'settled']).optional() }),
    handle: (deps, caller, input) => listApplications(deps, caller, input),
  },
  application: {
    schema: z.object({ applicationId }),
    handle: (deps, caller, input) => getApplication(deps, caller, input),
  },
  review: {
    schema: z.object({
      applicationId,
      decisions: z
        .array(z.object({ certificateNumber: number, decision: z.enum(['approve', 'reject', 'return'], { error: '请选择审核结果' }), reason: reason.optional() }))
        .min(1, { error: '请至少审核一条补贴' })
        .max(MAX, { error: `一次最多审核${MAX}条补贴` }),
    }),
    handle: (deps, caller, input) => reviewEntries(deps, caller, input),
  },
  correct: {
    schema: z.object({ certificateNumber: number, reason }),
    handle: (deps, caller, input) => correctEntry(deps, caller, input),
  },
  pay: {
    schema: z.object({
      applicationId,
      certificateNumbers: z.array(number).max(MAX).optional(),
      amountFen: z.number({ error: '请填写拨付金额' }).int({ error: '金额以分计，应为整数' }).min(1, { error: '请填写正确的拨付金额' }).max(1e11),
      paidOn: date,
      transferRef: z.string({ error: '请填写转账凭证号' }).trim().max(40, { error: '请填写4–40位的转账凭证号' }),
    }),
    handle: (deps, caller, input) => recordPayment(deps, caller, input),
  },
  scorecards: {
    schema: z.object({ regionCode: regionCode.optional(), year: year.optional() }),
    handle: (deps, caller, input) => scorecards(deps, caller, input),
  },
  exportScorecards: {
    schema: z.object({ regionCode: regionCode.optional(), year: year.optional() }),
    handle: (deps, caller, input) => exportScorecards(deps, caller, input),
  },
};

/**
 * `certificate`: assessment results (R7.1), certificates and their public verification (R7.2),
 * revocation, and the subsidy each certificate earns (R7.3).
 */
import { z } from 'zod';
import { findEvaluationVoucher, myCertificates, recordBatch, recordResult, revokeCertificate, verifyCertificate } from '../../services/certificate';
import type { RouteTable } from '../router';
import { date, id } from '../schemas';

const score = z.number({ error: '请填写成绩' }).int({ error: '成绩应为0–100的整数' }).min(0, { error: '成绩应为0–100的整数' }).max(100, { error: '成绩应为0–100的整数' });

export const certificateRoutes: RouteTable<'certificate'> = {
  mine: { schema: z.object({}), handle: (deps, caller) => myCertificates(deps, caller), proxy: true },
  findEvaluationVoucher: {
    schema: z.object({ idNumber: z.string({ error: '请输入身份证号码' }).max(40), institutionId: id.optional() }),
    handle: (deps, caller, input) => findEvaluationVoucher(deps, caller, input),
  },
  record: {
    schema: z
      .object({
        institutionId: id.optional(),
        classId: id.optional(),
        personId: id.optional(),
        voucherId: id.optional(),
        occupationCode: z.string().max(20).optional(),
        level: z.number().int().min(0).max(5).optional(),
        passed: z.boolean({ error: '请选择合格或不合格' }),
        score,
        assessedOn: date.optional(),
      })
      .refine((r) => (r.classId && r.personId) || r.voucherId, { error: '请选择学员' }),
    handle: (deps, caller, input) => recordResult(deps, caller, input),
  },
  recordBatch: {
    schema: z.object({
      classId: id,
      assessedOn: date.optional(),
      results: z
        .array(z.object({ personId: id, passed: z.boolean({ error: '请选择合格或不合格' }), score }))
        .min(1, { error: '请至少录入一名学员' })
        .max(200, { error: '一次最多录入200名学员' }),
    }),
    handle: (deps, caller, input) => recordBatch(deps, caller, input),
  },
  verify: {
    schema: z.object({
      number: z.string({ error: '请输入证书编号' }).trim().regex(/^\d{16}$/, { error: '证书编号应为16位数字' }),
      code: z.string({ error: '请输入验证码' }).trim().min(1, { error: '请输入验证码' }).max(20),
    }),
    handle: (deps, _caller, input) => verifyCertificate(deps, input),
  },
  revoke: {
    schema: z.object({
      number: z.string().trim().regex(/^\d{16}$/, { error: '证书编号应为16位数字' }),
      reason: z.string({ error: '请填写撤销原因' }).max(200, { error: '撤销原因最多200字' }),
    }),
    handle: (deps, caller, input) => revokeCertificate(deps, caller, input),
  },
};

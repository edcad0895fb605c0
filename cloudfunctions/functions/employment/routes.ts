/** `employment`: reports (R8.1), transfers (R8.2) and follow-ups (R8.3). */
import { z } from 'zod';
import { myEmployment, myFollowUps, reportEmployment } from '../../services/employment';
import type { RouteTable } from '../router';

export const employmentRoutes: RouteTable<'employment'> = {
  report: {
    schema: z.object({
      status: z.enum(['employed', 'self_employed', 'flexible', 'seeking'], { error: '请选择就业状态' }),
      employer: z.string().max(60, { error: '单位名称最多60字' }).optional(),
      occupation: z.string().max(40, { error: '工种最多40字' }).optional(),
      place: z.enum(['county', 'province', 'country', 'abroad'], { error: '请选择工作地点' }).optional(),
      regionCode: z.string().regex(/^\d{6}(\d{3})?$/, { error: '请选择工作所在地区' }).optional(),
      placeName: z.string().max(40, { error: '工作地点最多40字' }).optional(),
      startDate: z.string().max(10).optional(),
      monthlyIncomeYuan: z.number({ error: '月收入应为0–100000元的整数' }).optional(),
    }),
    handle: (deps, caller, input) => reportEmployment(deps, caller, input),
    // R14.1 employer and income are personal information.
    consent: 'collects',
  },
  mine: { schema: z.object({}), handle: (deps, caller) => myEmployment(deps, caller) },
  followUps: { schema: z.object({}), handle: (deps, caller) => myFollowUps(deps, caller), proxy: true },
};

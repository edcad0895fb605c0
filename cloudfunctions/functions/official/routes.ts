/**
 * `official`: officials' and admins' actions (R1.2 region scope). Dashboards, ledgers and
 * exports arrive with issue 6.
 */
import { z } from 'zod';
import { requireRole } from '../../services/authz';
import { importCatalogue } from '../../services/catalogue';
import { setCountyQuota } from '../../services/quotas';
import type { RouteTable } from '../router';

export const officialRoutes: RouteTable<'official'> = {
  importCatalogue: {
    schema: z.object({}),
    handle: async (deps, caller) => {
      await requireRole(deps, caller, 'admin');
      return importCatalogue(deps.store, deps.clock.now());
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

/**
 * `voucher`: electronic training vouchers (R3.3, R4).
 */
import { z } from 'zod';
import { cancelVoucher, claimVoucher, listTypesFor, myVouchers, voucherCatalogue } from '../../services/voucher';
import type { RouteTable } from '../router';

export const voucherRoutes: RouteTable<'voucher'> = {
  listTypes: {
    schema: z.object({}),
    handle: (deps, caller) => listTypesFor(deps, caller),
    proxy: true,
  },
  catalogue: { schema: z.object({}), handle: (deps, caller) => voucherCatalogue(deps, caller) },
  claim: {
    schema: z.object({ type: z.string({ error: '请选择培训券' }).min(1, { error: '请选择培训券' }).max(40) }),
    handle: (deps, caller, input) => claimVoucher(deps, caller, input),
    proxy: true,
    // R14.1, R14.3: the privacy guide agreed, and the real-name check where the county asks for it.
    consent: 'uses',
    realName: true,
  },
  mine: {
    schema: z.object({}),
    handle: (deps, caller) => myVouchers(deps, caller),
    proxy: true,
  },
  cancel: {
    schema: z.object({ voucherId: z.string({ error: '请选择要退回的培训券' }).min(1).max(64) }),
    handle: (deps, caller, input) => cancelVoucher(deps, caller, input),
  },
};

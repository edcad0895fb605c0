/**
 * Phase: vouchers claimed (R3.3, R4), in claim order — each built by the voucher context's
 * newVoucher under the id claimVoucher derives from the request key, recorded by claimedChange,
 * with the request record, the type slot, the person's yearly count and the county quota moved
 * as claimVoucher moves them. The vouchers stay in flight (later phases end, reserve or redeem
 * them); the type slot is written only where the voucher is still unused at the year's end.
 */
import type { RequestDoc } from '../../../cloudfunctions/services/kernel/requests';
import { requestKey } from '../../../cloudfunctions/services/kernel/requests';
import {
  type SlotDoc,
  claimedChange,
  newVoucher,
  personYearId,
  slotId,
  voucherIdOf,
} from '../../../cloudfunctions/services/voucher';
import { VOUCHER_TYPES } from '../plan';
import { type LoaderContext, inOrder, openidOf, placeOfPerson, record } from './context';
import { personYearCounted } from './transitions';

/** Answers the claims in claim order (plan indices). */
export async function loadClaims(ctx: LoaderContext): Promise<number[]> {
  const { plan, sink } = ctx;
  const typeRow = new Map(VOUCHER_TYPES.map((t) => [t.code, t]));
  const vOrder = inOrder(plan.vouchers, (v) => ctx.mine(plan.personCounty[v.person]), (v) => v.claimedAt);
  for (const vi of vOrder) {
    const v = plan.vouchers[vi];
    const personId = ctx.personIds[v.person];
    const openid = openidOf(v.person);
    const requestId = `gen-${ctx.seed}-v${vi}`;
    const key = requestKey(openid, 'voucher.claim', requestId);
    const place = placeOfPerson(ctx, v.person);
    const voucher = newVoucher({
      id: voucherIdOf(key),
      place,
      person: { _id: personId, openid, townshipCode: plan.townships[plan.personTownship[v.person]].code },
      type: typeRow.get(v.type)!,
      eligibility: { eligible: true, age: v.age, band: v.band },
      at: new Date(v.claimedAt),
      requestId,
    });
    if (voucher.expiresAt !== new Date(v.expiresAt).toISOString()) throw new Error(`plan/expiry mismatch for voucher ${vi}`);
    ctx.vouchers[vi] = voucher;
    const request: RequestDoc = { _id: key, result: voucher._id, at: voucher.claimedAt };
    await sink.put('requests', request);
    // R4.3: the type slot holds the voucher while it is unused (enrolling or ending it frees the slot).
    if (v.status === 'unused') await sink.put('voucherSlots', { _id: slotId(personId, v.type), voucherId: voucher._id } satisfies SlotDoc);
    const yearId = personYearId(personId, voucher.year);
    const firstOfYear = !ctx.personYears.has(yearId);
    const year = ctx.personYears.get(yearId) ?? { _id: yearId, personId, year: voucher.year, counted: 0 };
    ctx.personYears.set(yearId, personYearCounted(year, 1));
    await record(ctx, claimedChange(voucher, { openid, role: 'laborer' }, firstOfYear));
  }
  await sink.flushAll();
  return vOrder;
}

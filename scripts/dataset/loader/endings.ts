/**
 * Phase: vouchers cancelled by their holders or expired by the sweep (R4.5), in the order they
 * ended — each recorded by endedChange and changed as endVoucher changes it (voucherEnded), its
 * place given back to the county quota and the person's yearly count. Then the quotas and the
 * yearly counts are final and written.
 */
import { type PlaceShardDoc, placeShardId } from '../../../cloudfunctions/services/kernel/places';
import { type QuotaDoc, SYSTEM, endedChange, personYearId } from '../../../cloudfunctions/services/voucher';
import { type LoaderContext, openidOf, record } from './context';
import { personYearCounted, voucherEnded } from './transitions';

/** Answers how many vouchers ended. */
export async function loadEndings(ctx: LoaderContext, claimOrder: number[]): Promise<number> {
  const { plan, sink } = ctx;
  const ended = claimOrder.filter((vi) => plan.vouchers[vi].status === 'cancelled' || plan.vouchers[vi].status === 'expired');
  ended.sort((a, b) => plan.vouchers[a].endedAt! - plan.vouchers[b].endedAt!);
  for (const vi of ended) {
    const planned = plan.vouchers[vi];
    const status = planned.status as 'cancelled' | 'expired';
    const at = new Date(planned.endedAt!);
    const v = ctx.vouchers[vi];
    const actor = status === 'cancelled' ? { openid: openidOf(planned.person), role: 'laborer' as const } : SYSTEM;
    await record(ctx, endedChange(v, status, at, actor));
    ctx.vouchers[vi] = voucherEnded(v, status, at);
    const yearId = personYearId(v.personId, v.year);
    ctx.personYears.set(yearId, personYearCounted(ctx.personYears.get(yearId)!, -1));
  }
  for (const q of ctx.tx.drain('quotas') as QuotaDoc[]) {
    await sink.put('quotas', q);
    await sink.put('quotaShards', { _id: placeShardId(q._id, 0), pool: q._id, k: 0, limit: q.limit, used: q.used } satisfies PlaceShardDoc);
  }
  for (const y of ctx.personYears.values()) await sink.put('personYears', y);
  ctx.personYears.clear();
  await sink.flushAll();
  return ended.length;
}

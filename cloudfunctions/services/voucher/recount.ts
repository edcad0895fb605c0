/**
 * R9.2 reconcile, vouchers: their counters, the county quotas' places used (R4.2), the yearly
 * counts (R4.4) and the one-unused slots (R4.3), rebuilt from the voucher records; also the
 * usage counters booked in each voucher's claim month (D48) and the people reached (D49).
 */
import { METRICS, parseVoucherMetric, voucherMetric } from '../../core/books';
import { chinaDateOf } from '../../core/china-date';
import { COUNTS_TOWARD_LIMIT } from '../../core/vouchers';
import type { Store } from '../../store/port';
import { scan } from '../../store/scan';
import { type Difference, type Recount, type PendingCounts, compareCounts, tally } from '../books/reconcile';
import { counterId } from '../books/counters';
import type { PlaceShardDoc } from '../kernel/places';
import { type PersonYearDoc, type QuotaDoc, type SlotDoc, type VoucherDoc, personYearId, quotaId, slotId } from './documents';

export async function recountVouchers(store: Store, pending: PendingCounts): Promise<Recount> {
  const counters = new Map<string, number>();
  const quotas = new Map<string, number>();
  const personYears = new Map<string, number>();
  const slots = new Map<string, string>();
  /** D49: each person-year's first voucher (the counter cell it reached them in). */
  const firstOfYear = new Map<string, { claimedAt: string; cell: string }>();
  let vouchers = 0;
  for await (const v of scan<VoucherDoc>(store, 'vouchers')) {
    vouchers++;
    const claimed = chinaDateOf(new Date(v.claimedAt));
    const inClaimMonth = (metric: string) => counterId(v.countyCode, claimed.year, claimed.month, metric, v.band);
    tally(counters, inClaimMonth(voucherMetric(v.origin === 'directed' ? 'directed' : 'claimed', v.type)));
    if (v.status === 'reserved' || v.status === 'redeemed') tally(counters, inClaimMonth(voucherMetric('used', v.type)));
    const yearKey = personYearId(v.personId, v.year);
    const first = firstOfYear.get(yearKey);
    if (!first || v.claimedAt < first.claimedAt) firstOfYear.set(yearKey, { claimedAt: v.claimedAt, cell: inClaimMonth(METRICS.laborersReached) });
    if ((v.status === 'cancelled' || v.status === 'expired' || v.status === 'redeemed') && v.endedAt) {
      const ended = chinaDateOf(new Date(v.endedAt));
      tally(counters, counterId(v.countyCode, ended.year, ended.month, voucherMetric(v.status, v.type), v.band));
    }
    if (COUNTS_TOWARD_LIMIT.includes(v.status)) {
      tally(quotas, quotaId(v.type, v.countyCode, v.year));
      tally(personYears, personYearId(v.personId, v.year));
    }
    if (v.status === 'unused') slots.set(slotId(v.personId, v.type), v._id);
  }
  for (const { cell } of firstOfYear.values()) tally(counters, cell);
  const differences0: Difference[] = [];
  // D61/D62: a quota's `used` plus what its queued changes will fold in, and its shards' places, both equal the vouchers.
  const { rollups } = pending;
  const storedQuotas = new Map<string, number>();
  for await (const q of scan<QuotaDoc>(store, 'quotas')) storedQuotas.set(q._id, q.used + (rollups.get(`quotas/${q._id}/used`) ?? 0));
  const shardPlaces = new Map<string, number>();
  for await (const s of scan<PlaceShardDoc>(store, 'quotaShards')) {
    tally(shardPlaces, s.pool, s.used);
    if (s.used > s.limit) differences0.push({ what: 'quota shard over its limit', id: s._id, stored: s.used, recounted: s.limit });
  }
  const storedYears = new Map<string, number>();
  for await (const p of scan<PersonYearDoc>(store, 'personYears')) storedYears.set(p._id, p.counted);
  const storedSlots = new Map<string, string>();
  for await (const s of scan<SlotDoc>(store, 'voucherSlots')) storedSlots.set(s._id, s.voucherId);
  const differences: Difference[] = [
    ...differences0,
    ...compareCounts('quota used', storedQuotas, quotas),
    ...compareCounts('quota shard places', shardPlaces, quotas),
    ...compareCounts('yearly count', storedYears, personYears),
  ];
  for (const id of new Set([...storedSlots.keys(), ...slots.keys()])) {
    const s = storedSlots.get(id) ?? null;
    const r = slots.get(id) ?? null;
    if (s !== r) differences.push({ what: 'unused-voucher slot', id, stored: s, recounted: r });
  }
  return {
    owns: (metric) => parseVoucherMetric(metric) !== null || metric === METRICS.laborersReached,
    counters,
    differences,
    checked: { vouchers, quotas: storedQuotas.size, quotaShards: shardPlaces.size, yearlyCounts: storedYears.size, slots: storedSlots.size },
  };
}

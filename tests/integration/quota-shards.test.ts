/**
 * R4.2, R4.5 under D62: a county quota's places live in shards. Setting the limit spreads it over
 * them, a claim is refused only when every shard is full, an ended voucher gives its place back
 * to the shard it came from, and the places used always equal the vouchers that count.
 */
import type { VoucherView } from '../../cloudfunctions/contract';
import { reconcile } from '../../cloudfunctions/services/audit';
import { type PlaceShardDoc, placeShardId } from '../../cloudfunctions/services/kernel/places';
import { QUOTA_SHARDS } from '../../cloudfunctions/services/voucher';
import { sharedGateway } from '../support/gateway';
import { aLaborer } from '../support/laborers';

const START = '2026-03-02T02:00:00.000Z';
/** 交口县: no other test of this file's gateway claims there. */
const JIAOKOU = '141130';
const JIAOKOU_TOWNSHIP = '141130100';
const QUOTA = `skills:${JIAOKOU}:2026`;

const { gw } = sharedGateway(START);

const shards = async () => {
  const out: PlaceShardDoc[] = [];
  for (let k = 0; k < QUOTA_SHARDS; k++) {
    const s = await gw.runtime.deps.store.get<PlaceShardDoc>('quotaShards', placeShardId(QUOTA, k));
    if (s) out.push(s);
  }
  return out;
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('D62 a county quota split over shards (R4.2, R4.5)', () => {
  it('R4.2 the limit is spread over the shards; claims take every place, refused only once all are taken; R4.5 a cancelled place goes back to its shard', async () => {
    const admin = await gw.as('official-city');
    await admin.ok('official', 'setCountyQuota', { type: 'skills', countyCode: JIAOKOU, year: 2026, limit: 5 });
    const before = await shards();
    expect(before).toHaveLength(QUOTA_SHARDS);
    expect(sum(before.map((s) => s.limit))).toBe(5);
    expect(before.filter((s) => s.limit > 0)).toHaveLength(5); // 5 shards of one place, the others of none

    const people = [];
    for (let i = 0; i < 7; i++) people.push(await aLaborer(gw, { age: 30 + i, townshipCode: JIAOKOU_TOWNSHIP }));
    const results = [];
    for (const p of people) results.push(await p.client.call<VoucherView>('voucher', 'claim', { type: 'skills' }));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.code))).toEqual(['QUOTA_EXHAUSTED', 'QUOTA_EXHAUSTED']);
    expect(sum((await shards()).map((s) => s.used))).toBe(5);

    const won = results.findIndex((r) => r.ok);
    const voucher = results[won].ok ? (results[won] as { ok: true; data: VoucherView }).data : null;
    const stored = await gw.runtime.deps.store.get<{ _id: string; quotaShard?: number }>('vouchers', voucher!.id);
    await people[won].client.ok('voucher', 'cancel', { voucherId: voucher!.id });
    const shard = (await shards()).find((s) => s.k === (stored!.quotaShard ?? 0))!;
    expect(shard.used).toBe(0);
    // The place is free again: the next claimant gets it.
    expect((await people[5].client.call('voucher', 'claim', { type: 'skills' })).ok).toBe(true);
    expect((await reconcile(gw.runtime.deps.store)).differences).toEqual([]);
  }, 60_000);

  it('R4.2 raising the limit keeps every shard’s places and spreads only the new room; lowering below the used is refused', async () => {
    const admin = await gw.as('official-city');
    const raised = await admin.ok<{ limit: number; used: number }>('official', 'setCountyQuota', { type: 'skills', countyCode: JIAOKOU, year: 2026, limit: 517 });
    expect(raised).toMatchObject({ limit: 517, used: 5 });
    const after = await shards();
    expect(sum(after.map((s) => s.used))).toBe(5);
    expect(sum(after.map((s) => s.limit))).toBe(517);
    expect(after.every((s) => s.limit - s.used >= 2)).toBe(true); // 512 new places: 2 per shard
    const lowered = await admin.call('official', 'setCountyQuota', { type: 'skills', countyCode: JIAOKOU, year: 2026, limit: 4 });
    expect(lowered).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(sum((await shards()).map((s) => s.limit))).toBe(517);
  });
});

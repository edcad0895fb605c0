/**
 * `voucher` through the gateway over HTTP (R3.3, R4, R9.1, R9.2), on a fresh embedded store.
 */
import type { VoucherTypeView, VoucherView } from '../../cloudfunctions/contract';
import { verifyAllChains } from '../../cloudfunctions/services/books/ledger';
import { reconcile } from '../../cloudfunctions/services/audit';
import { sweepExpiredVouchers } from '../../cloudfunctions/services/voucher';
import { and, where } from '../../cloudfunctions/store/port';
import { sharedGateway } from '../support/gateway';
import { aLaborer } from '../support/laborers';
import { demoClassId } from '../../cloudfunctions/gateway/demo-ids';

// Early in the year, so 90 days later is still the same quota year.
const START = '2026-03-02T02:00:00.000Z';
const LANXIAN = '141127';
const LINXIAN_TOWNSHIP = '141124100';

const { gw, persona } = sharedGateway(START);
const admin = persona('official-city');


const store = () => gw.runtime.deps.store;
const claimedEntries = (county = LANXIAN) =>
  store().count('ledger', and(where('countyCode', 'eq', county), where('type', 'eq', 'voucher.claimed')));

async function expectBooksClean() {
  const chains = await verifyAllChains(store());
  expect(chains.filter((c) => c.broken)).toEqual([]);
  const { differences } = await reconcile(store());
  expect(differences).toEqual([]);
}


describe('R4.1 eligibility drives the list and the claim', () => {
  it('shows a 52-year-old the skills voucher refused with the age reason, and agri claimable', async () => {
    const { client } = await aLaborer(gw, { age: 52 });
    const types = await client.ok<VoucherTypeView[]>('voucher', 'listTypes');
    const skills = types.find((t) => t.code === 'skills')!;
    expect(skills).toMatchObject({ eligible: false, canClaim: false, reasons: ['该券面向18–45周岁劳动者，您今年52周岁'] });
    expect(types.find((t) => t.code === 'agri')).toMatchObject({ eligible: true, canClaim: true, reasons: [] });
    // Eligible types first.
    const firstIneligible = types.findIndex((t) => !t.eligible);
    expect(types.slice(firstIneligible).every((t) => !t.eligible)).toBe(true);

    const refused = await client.call('voucher', 'claim', { type: 'skills' });
    expect(refused).toEqual({ ok: false, code: 'NOT_ELIGIBLE', message: '该券面向18–45周岁劳动者，您今年52周岁' });
    const agri = await client.ok<VoucherView>('voucher', 'claim', { type: 'agri' });
    expect(agri).toMatchObject({ type: 'agri', band: 'B', status: 'unused', daysLeft: 89 });
  });

  it('lets a 66-year-old claim only the village voucher', async () => {
    const { client } = await aLaborer(gw, { age: 66 });
    const types = await client.ok<VoucherTypeView[]>('voucher', 'listTypes');
    expect(types.filter((t) => t.canClaim).map((t) => t.code)).toEqual(['village']);
    const v = await client.ok<VoucherView>('voucher', 'claim', { type: 'village' });
    expect(v).toMatchObject({ band: 'C', status: 'unused', daysLeft: 59 });
  });

  it('refuses the enterprise voucher without a current employer', async () => {
    const { client } = await aLaborer(gw, { age: 30 });
    const res = await client.call('voucher', 'claim', { type: 'enterprise' });
    expect(res).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
  });

  it('refuses an unknown type and an unregistered caller, writing nothing', async () => {
    const { client } = await aLaborer(gw, { age: 30 });
    const before = await store().count('vouchers');
    expect(await client.call('voucher', 'claim', { type: 'gold' })).toMatchObject({ ok: false, code: 'VOUCHER_TYPE_UNKNOWN' });
    expect(await (await gw.as('trainer')).call('voucher', 'claim', { type: 'skills' })).toMatchObject({
      ok: false,
      code: 'NOT_REGISTERED',
    });
    expect(await gw.anonymous().call('voucher', 'claim', { type: 'skills' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await store().count('vouchers')).toBe(before);
  });
});

describe('R4.2 county quota under concurrency', () => {
  it('2000 concurrent claims by 1000 people against a quota of 500 sell exactly 500, one each', async () => {
    // The quota for 临县 (a county no other test touches) is set by the city admin.
    const quota = await admin.ok('official', 'setCountyQuota', { type: 'skills', countyCode: '141124', year: 2026, limit: 500 });
    expect(quota).toMatchObject({ limit: 500, used: 0 });
    const people = [];
    for (let i = 0; i < 1000; i++) people.push(await aLaborer(gw, { age: 25 + (i % 20), townshipCode: LINXIAN_TOWNSHIP }));
    const results = await Promise.all(
      people.flatMap(({ client }) => [
        client.call<VoucherView>('voucher', 'claim', { type: 'skills' }),
        client.call<VoucherView>('voucher', 'claim', { type: 'skills' }),
      ]),
    );
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(500);
    const refusals = results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.code));
    expect(new Set(refusals)).toEqual(new Set(['QUOTA_EXHAUSTED', 'VOUCHER_UNUSED_EXISTS']));
    const vouchers = await store().find<{ _id: string; personId: string }>('vouchers', and(where('countyCode', 'eq', '141124'), where('type', 'eq', 'skills')), { limit: 1000 });
    expect(vouchers.items).toHaveLength(500);
    expect(new Set(vouchers.items.map((v) => v.personId)).size).toBe(500);
    const q = await store().get<{ _id: string; used: number }>('quotas', 'skills:141124:2026');
    expect(q?.used).toBe(500);
    expect(await claimedEntries('141124')).toBe(500);
    const loser = people[0];
    const list = await loser.client.ok<VoucherTypeView[]>('voucher', 'listTypes');
    expect(list.find((t) => t.code === 'skills')?.quota).toEqual({ limit: 500, left: 0 });
    await expectBooksClean();
  }, 120_000);
});

describe('R4.3–R4.6 claims', () => {
  it('R4.6 the same request id twice gives one voucher and writes nothing new', async () => {
    const { client } = await aLaborer(gw, { age: 30 });
    const first = await client.call<VoucherView>('voucher', 'claim', { type: 'skills' }, 'req-same-1');
    const ledgerBefore = await store().count('ledger');
    const again = await client.call<VoucherView>('voucher', 'claim', { type: 'skills' }, 'req-same-1');
    expect(first.ok && again.ok).toBe(true);
    expect(again).toEqual(first);
    expect(await store().count('ledger')).toBe(ledgerBefore);
    const mine = await client.ok<VoucherView[]>('voucher', 'mine');
    expect(mine).toHaveLength(1);
  });

  it('R4.3 refuses a second unused voucher of the same type', async () => {
    const { client } = await aLaborer(gw, { age: 30 });
    await client.ok('voucher', 'claim', { type: 'skills' });
    const again = await client.call('voucher', 'claim', { type: 'skills' });
    expect(again).toMatchObject({ ok: false, code: 'VOUCHER_UNUSED_EXISTS' });
  });

  it('R4.4 refuses the 4th subsidised voucher in a calendar year; cancelled ones do not count', async () => {
    const { client } = await aLaborer(gw, { age: 30 });
    const a = await client.ok<VoucherView>('voucher', 'claim', { type: 'skills' });
    await client.ok('voucher', 'cancel', { voucherId: a.id });
    // Enrolling reserves a voucher (R5.2): reserved ones count toward the limit.
    await client.ok<VoucherView>('voucher', 'claim', { type: 'skills' });
    await client.ok('training', 'enroll', { classId: demoClassId('mianshi-yangcheng') });
    await client.ok<VoucherView>('voucher', 'claim', { type: 'skills' });
    await client.ok('training', 'enroll', { classId: demoClassId('hugong-lishi') });
    await client.ok<VoucherView>('voucher', 'claim', { type: 'evaluation' });
    const fourth = await client.call('voucher', 'claim', { type: 'skills' });
    expect(fourth).toEqual({ ok: false, code: 'YEARLY_LIMIT', message: '每人每年最多享受3次补贴性培训，您今年的次数已用完' });
    const list = await client.ok<VoucherTypeView[]>('voucher', 'listTypes');
    expect(list.find((t) => t.code === 'skills')).toMatchObject({ canClaim: false, usedThisYear: 3, refusalCode: 'YEARLY_LIMIT' });
  });

  it('R3.3 a voucher keeps the band it was claimed under after the holder crosses a boundary', async () => {
    const { client } = await aLaborer(gw, { age: 45 });
    const v = await client.ok<VoucherView>('voucher', 'claim', { type: 'evaluation' });
    expect(v.band).toBe('A');
    await gw.setNow('2026-05-20T02:00:00.000Z'); // past the holder's 46th birthday (≤ 335 days away)
    try {
      const mine = await client.ok<VoucherView[]>('voucher', 'mine');
      expect(mine[0]).toMatchObject({ id: v.id, band: 'A' });
    } finally {
      await gw.setNow(START);
    }
  });
});

describe('R4.5 cancellation and expiry return the place', () => {
  it('cancel returns the place to the county quota and frees the type', async () => {
    // 石楼县: no other test claims there.
    await admin.ok('official', 'setCountyQuota', { type: 'village', countyCode: '141126', year: 2026, limit: 1 });
    const holder = await aLaborer(gw, { age: 70, townshipCode: '141126100' });
    const waiting = await aLaborer(gw, { age: 71, townshipCode: '141126100' });
    const v = await holder.client.ok<VoucherView>('voucher', 'claim', { type: 'village' });
    expect(await waiting.client.call('voucher', 'claim', { type: 'village' })).toEqual({
      ok: false,
      code: 'QUOTA_EXHAUSTED',
      message: '本年度名额已领完',
    });
    const cancelled = await holder.client.ok<VoucherView>('voucher', 'cancel', { voucherId: v.id });
    expect(cancelled).toMatchObject({ status: 'cancelled', statusName: '已退回' });
    expect(await waiting.client.call('voucher', 'claim', { type: 'village' })).toMatchObject({ ok: true });
    expect(await holder.client.call('voucher', 'cancel', { voucherId: v.id })).toMatchObject({
      ok: false,
      code: 'VOUCHER_NOT_CANCELLABLE',
    });
  });

  it('nobody can cancel another person’s voucher', async () => {
    const owner = await aLaborer(gw, { age: 30 });
    const other = await aLaborer(gw, { age: 31 });
    const v = await owner.client.ok<VoucherView>('voucher', 'claim', { type: 'evaluation' });
    expect(await other.client.call('voucher', 'cancel', { voucherId: v.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await owner.client.ok<VoucherView[]>('voucher', 'mine'))[0].status).toBe('unused');
  });

  it('expiry at 00:00 China time after the last valid day returns the place (lazily and by the sweep)', async () => {
    // 临县's agri quota: no other test claims it.
    await admin.ok('official', 'setCountyQuota', { type: 'agri', countyCode: '141124', year: 2026, limit: 2 });
    const a = await aLaborer(gw, { age: 50, townshipCode: LINXIAN_TOWNSHIP });
    const b = await aLaborer(gw, { age: 51, townshipCode: LINXIAN_TOWNSHIP });
    const va = await a.client.ok<VoucherView>('voucher', 'claim', { type: 'agri' });
    await b.client.ok<VoucherView>('voucher', 'claim', { type: 'agri' });
    // Claimed 2 March (China); 90 days → valid through 30 May, expires 31 May 00:00 China = 30 May 16:00 UTC.
    expect(va.expiresAt).toBe('2026-05-30T16:00:00.000Z');
    try {
      await gw.setNow('2026-05-30T15:59:59.000Z');
      expect((await a.client.ok<VoucherView[]>('voucher', 'mine'))[0]).toMatchObject({ status: 'unused', daysLeft: 0 });
      await gw.setNow('2026-05-30T16:00:00.000Z');
      // Lazily, on the holder's read.
      expect((await a.client.ok<VoucherView[]>('voucher', 'mine'))[0]).toMatchObject({ status: 'expired', statusName: '已过期' });
      // By the sweep, for the other.
      expect((await sweepExpiredVouchers(gw.runtime.deps)).expired).toBeGreaterThanOrEqual(1);
      expect((await b.client.ok<VoucherView[]>('voucher', 'mine'))[0].status).toBe('expired');
      const q = await store().get<{ _id: string; used: number }>('quotas', 'agri:141124:2026');
      expect(q?.used).toBe(0);
      const c = await aLaborer(gw, { age: 52, townshipCode: LINXIAN_TOWNSHIP });
      expect(await c.client.call('voucher', 'claim', { type: 'agri' })).toMatchObject({ ok: true });
    } finally {
      await gw.setNow(START);
    }
    await expectBooksClean();
  });
});

describe('quotas are set by admins of the county’s region only', () => {
  it('refuses a county official, and a quota below the places used', async () => {
    const county = await gw.as('official-county');
    expect(await county.call('official', 'setCountyQuota', { type: 'skills', countyCode: LANXIAN, year: 2026, limit: 10 })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    await admin.ok('official', 'setCountyQuota', { type: 'evaluation', countyCode: '141126', year: 2026, limit: 5 });
    const holder = await aLaborer(gw, { age: 40, townshipCode: '141126100' });
    await holder.client.ok('voucher', 'claim', { type: 'evaluation' });
    const res = await admin.call('official', 'setCountyQuota', { type: 'evaluation', countyCode: '141126', year: 2026, limit: 0 });
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '已发放1张，名额不能少于1' });
    const ok = await admin.ok('official', 'setCountyQuota', { type: 'evaluation', countyCode: '141126', year: 2026, limit: 1 });
    expect(ok).toMatchObject({ limit: 1, used: 1, county: { name: '石楼县' } });
  });
});

describe('R4 the catalogue is data: admins upsert voucher types', () => {
  const newType = {
    code: 'homecare',
    name: '家政服务培训券',
    bands: ['B', 'A'],
    validityDays: 30,
    defaultCountyQuota: 2,
    categories: ['skills'],
    active: true,
  };

  it('adds a type that laborers then see and claim, recorded on the ledger', async () => {
    const saved = await admin.ok<{ code: string; bands: string[] }>('official', 'upsertVoucherType', newType);
    expect(saved).toMatchObject({ code: 'homecare', bands: ['A', 'B'] });
    expect(await store().count('ledger', where('type', 'eq', 'catalogue.voucherType.added'))).toBe(1);
    const { client } = await aLaborer(gw, { age: 50, townshipCode: '141126100' });
    const types = await client.ok<VoucherTypeView[]>('voucher', 'listTypes');
    expect(types.find((t) => t.code === 'homecare')).toMatchObject({ canClaim: true, audience: '18–60周岁劳动者', quota: { limit: 2, left: 2 } });
    expect(await client.ok<VoucherView>('voucher', 'claim', { type: 'homecare' })).toMatchObject({ daysLeft: 29, band: 'B' });
  });

  it('retires a type: no longer listed or claimable, vouchers already claimed stay', async () => {
    await admin.ok('official', 'upsertVoucherType', { ...newType, active: false });
    const { client } = await aLaborer(gw, { age: 40, townshipCode: '141126100' });
    expect((await client.ok<VoucherTypeView[]>('voucher', 'listTypes')).some((t) => t.code === 'homecare')).toBe(false);
    expect(await client.call('voucher', 'claim', { type: 'homecare' })).toMatchObject({ ok: false, code: 'VOUCHER_TYPE_UNKNOWN' });
    expect(await store().count('vouchers', where('type', 'eq', 'homecare'))).toBe(1);
    await expectBooksClean();
  });

  it('refuses non-admins and bad input with Chinese messages, writing nothing', async () => {
    const before = await store().count('ledger');
    const county = await gw.as('official-county');
    expect(await county.call('official', 'upsertVoucherType', newType)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await admin.call('official', 'upsertVoucherType', { ...newType, bands: ['D'] })).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '年龄段只能是A、B、C',
    });
    expect(await admin.call('official', 'upsertVoucherType', { ...newType, validityDays: 0 })).toMatchObject({
      ok: false,
      message: '有效天数至少1天',
    });
    expect(await store().count('ledger')).toBe(before);
  });
});

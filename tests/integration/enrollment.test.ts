/**
 * `training` enrollment through the gateway over HTTP (R5), on a fresh embedded store seeded
 * with the demo classes (sessions start tomorrow, China time).
 */
import type { ClassView, EnrollmentView, VoucherView } from '../../cloudfunctions/contract';
import { verifyAllChains } from '../../cloudfunctions/services/books/ledger';
import { reconcile } from '../../cloudfunctions/services/audit';
import { sharedGateway } from '../support/gateway';
import { aLaborer } from '../support/laborers';
import { demoClassId } from '../../cloudfunctions/gateway/demo-ids';

const NOW = '2026-03-02T02:00:00.000Z';
const HUGONG = demoClassId('hugong-lishi'); // full-time, capacity 40, skills or enterprise vouchers
const MIANSHI = demoClassId('mianshi-yangcheng'); // part-time
const BIANZHI = demoClassId('bianzhi-dongcun'); // 送培训下乡 in 岚县东村镇

const { gw, persona } = sharedGateway(NOW);
const admin = persona('official-city');

const store = () => gw.runtime.deps.store;

async function withVoucher(type = 'skills', options: Parameters<typeof aLaborer>[1] = { age: 30 }) {
  const laborer = await aLaborer(gw, options);
  const voucher = await laborer.client.ok<VoucherView>('voucher', 'claim', { type });
  return { ...laborer, voucher };
}

async function expectBooksClean() {
  expect((await verifyAllChains(store())).filter((c) => c.broken)).toEqual([]);
  expect((await reconcile(store())).differences).toEqual([]);
}

describe('R5.1 classes', () => {
  it('lists the demo classes not yet started, with mode, seats and township', async () => {
    const { client } = await aLaborer(gw, { age: 30 });
    const classes = await client.ok<ClassView[]>('training', 'listClasses', {});
    expect(classes.map((c) => c.id).sort()).toEqual([BIANZHI, demoClassId('guoshu-runcheng'), HUGONG, MIANSHI].sort());
    const hugong = classes.find((c) => c.id === HUGONG)!;
    expect(hugong).toMatchObject({ modeName: '全脱产', capacity: 40, seatsLeft: 40, minAttendanceRatio: 0.8, level: 5 });
    const village = await client.ok<ClassView[]>('training', 'listClasses', { mode: 'village' });
    expect(village.map((c) => c.township?.name)).toEqual(['东村镇']);
  });
});

describe('R5.2 enrollment', () => {
  it('R5.2 300 concurrent enrollments into a class of 40 enroll exactly 40, each binding one voucher', async () => {
    await admin.ok('official', 'setCountyQuota', { type: 'skills', countyCode: '141124', year: 2026, limit: 400 });
    const people = [];
    for (let i = 0; i < 300; i++) people.push(await withVoucher('skills', { age: 20 + (i % 25), townshipCode: '141124100' }));
    const results = await Promise.all(people.map((p) => p.client.call<EnrollmentView>('training', 'enroll', { classId: HUGONG })));
    const enrolled = results.filter((r) => r.ok);
    expect(enrolled).toHaveLength(40);
    expect(new Set(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.code)))).toEqual(new Set(['CLASS_FULL']));
    const c = await store().get<{ _id: string; enrolled: number }>('classes', HUGONG);
    expect(c?.enrolled).toBe(40);
    const reserved = await store().count('vouchers', { field: 'status', op: 'eq', value: 'reserved' });
    expect(reserved).toBe(40);
    // The losers keep an unused voucher.
    const loser = people[results.findIndex((r) => !r.ok)];
    expect((await loser.client.ok<VoucherView[]>('voucher', 'mine'))[0].status).toBe('unused');
    await expectBooksClean();
  }, 120_000);

  it('R5.2 a voucher cannot be bound twice, and a second enrollment needs another voucher', async () => {
    const p = await withVoucher('skills');
    await p.client.ok('training', 'enroll', { classId: MIANSHI });
    expect(await p.client.call('training', 'enroll', { classId: MIANSHI })).toMatchObject({ ok: false, code: 'ALREADY_ENROLLED' });
    const other = await p.client.call('training', 'enroll', { classId: demoClassId('guoshu-runcheng') });
    expect(other).toMatchObject({ ok: false, code: 'NO_USABLE_VOUCHER', message: '您没有可用于这个班的培训券，请先领取' });
    const mine = await p.client.ok<VoucherView[]>('voucher', 'mine');
    expect(mine.map((v) => v.status)).toEqual(['reserved']);
  });

  it('R5.2 full-time classes of one person may not overlap in dates', async () => {
    const p = await withVoucher('skills');
    await p.client.ok('voucher', 'claim', { type: 'evaluation' });
    // A second full-time class over the same dates, accepting evaluation vouchers.
    await store().transaction(async (tx) => {
      const base = (await tx.get<Record<string, unknown> & { _id: string }>('classes', HUGONG))!;
      const { _id, ...rest } = base;
      await tx.set('classes', 'class-overlap', { ...rest, acceptedTypes: ['evaluation'], enrolled: 0, name: '重叠的全脱产班' });
    });
    await p.client.ok('training', 'enroll', { classId: 'class-overlap' });
    await admin.ok('official', 'setCountyQuota', { type: 'skills', countyCode: '141127', year: 2026, limit: 6000 });
    const second = await p.client.call('training', 'enroll', { classId: HUGONG });
    expect(second).toMatchObject({ ok: false });
    if (!second.ok) expect(['FULLTIME_OVERLAP', 'CLASS_FULL']).toContain(second.code);
  });

  it('R4 a village voucher pays only for training in the holder’s township', async () => {
    const far = await withVoucher('village', { age: 66, townshipCode: '141127101' }); // 岚城镇
    expect(await far.client.call('training', 'enroll', { classId: BIANZHI })).toMatchObject({ ok: false, code: 'VOUCHER_WRONG_TOWNSHIP' });
    const near = await withVoucher('village', { age: 67, townshipCode: '141127100' }); // 东村镇
    expect(await near.client.call('training', 'enroll', { classId: BIANZHI })).toMatchObject({ ok: true });
  });

  it('refuses an unknown class and a class that has started, writing nothing', async () => {
    const p = await withVoucher('skills');
    expect(await p.client.call('training', 'enroll', { classId: 'nope' })).toMatchObject({ ok: false, code: 'CLASS_NOT_FOUND' });
    await gw.setNow('2026-03-10T02:00:00.000Z');
    try {
      expect(await p.client.call('training', 'enroll', { classId: MIANSHI })).toMatchObject({ ok: false, code: 'CLASS_STARTED' });
    } finally {
      await gw.setNow(NOW);
    }
    expect((await p.client.ok<VoucherView[]>('voucher', 'mine'))[0].status).toBe('unused');
  });
});

describe('R5.3 withdrawing', () => {
  it('R5.3 before the first session returns the voucher to unused, and it can be used again', async () => {
    const p = await withVoucher('skills');
    await p.client.ok('training', 'enroll', { classId: MIANSHI });
    const w = await p.client.ok<EnrollmentView>('training', 'withdraw', { classId: MIANSHI });
    expect(w).toMatchObject({ status: 'withdrawn', statusName: '已退出' });
    expect((await p.client.ok<VoucherView[]>('voucher', 'mine'))[0]).toMatchObject({ id: p.voucher.id, status: 'unused' });
    await p.client.ok('training', 'enroll', { classId: MIANSHI });
    expect((await p.client.ok<EnrollmentView[]>('training', 'mine'))[0]).toMatchObject({ status: 'enrolled', voucherId: p.voucher.id });
    await expectBooksClean();
  });

  it('R5.3 is refused once the class has started, and for a class one is not in', async () => {
    const p = await withVoucher('skills');
    expect(await p.client.call('training', 'withdraw', { classId: MIANSHI })).toMatchObject({ ok: false, code: 'NOT_ENROLLED_SELF' });
    await p.client.ok('training', 'enroll', { classId: MIANSHI });
    await gw.setNow('2026-03-10T02:00:00.000Z');
    try {
      expect(await p.client.call('training', 'withdraw', { classId: MIANSHI })).toMatchObject({ ok: false, code: 'WITHDRAW_TOO_LATE' });
    } finally {
      await gw.setNow(NOW);
    }
  });

  it('D16 a withdrawn voucher whose type slot was refilled is returned to the quota instead', async () => {
    const p = await withVoucher('skills');
    await p.client.ok('training', 'enroll', { classId: MIANSHI });
    const newer = await p.client.ok<VoucherView>('voucher', 'claim', { type: 'skills' });
    await p.client.ok('training', 'withdraw', { classId: MIANSHI });
    const mine = await p.client.ok<VoucherView[]>('voucher', 'mine');
    expect(mine.find((v) => v.id === newer.id)?.status).toBe('unused');
    expect(mine.find((v) => v.id === p.voucher.id)?.status).toBe('cancelled');
    await expectBooksClean();
  });
});

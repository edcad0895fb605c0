/**
 * R6.5 completion and the trainer's classes, through the gateway over HTTP: a class closes after
 * its last session (by its trainer, or by the sweep 72 hours later), each enrollment becomes
 * completed or not completed by attendance, vouchers are redeemed, and the books still balance.
 */
import type { ClassView, CompletionView, EnrollmentView, ScanResult, TrainerClassView, VoucherView } from '../../cloudfunctions/contract';
import { sweepClassCompletion } from '../../cloudfunctions/services/training';
import { verifyAllChains } from '../../cloudfunctions/services/books/ledger';
import { reconcile } from '../../cloudfunctions/services/audit';
import { sharedGateway, startTestGateway } from '../support/gateway';
import { aLaborer, aTrainee } from '../support/laborers';
import { counterTotal } from '../support/books';
import { demoClassId } from '../../cloudfunctions/gateway/demo-ids';

const NOW = '2026-03-02T02:00:00.000Z'; // demo classes start tomorrow
const HUGONG = demoClassId('hugong-lishi'); // the trainer persona's; 10 sessions 09:00–17:00 China, 3–12 March; ratio 0.8
const MIANSHI = demoClassId('mianshi-yangcheng'); // another institution's; 8 evenings 4–11 March, 19:00–21:00 China
const dayOf = (i: number) => `2026-03-${String(3 + i).padStart(2, '0')}T01:10:00.000Z`; // 09:10 China, session i
const AFTER_HUGONG = '2026-03-12T09:30:00.000Z'; // 17:30 China on the last day

const { gw, persona } = sharedGateway(NOW);
const trainer = persona('trainer');

const trainee = (classId: string) => aTrainee(gw, classId, { age: 30 });

async function attend(t: { codeAt: (iso: string) => string }, sessions: number[]) {
  for (const i of sessions) {
    await gw.setNow(dayOf(i));
    const result = await trainer.ok<ScanResult>('training', 'scan', { classId: HUGONG, code: t.codeAt(dayOf(i)) });
    expect(result).toMatchObject({ status: 'accepted', session: i });
  }
}

const counter = (metric: string) => counterTotal(gw.runtime.deps.store, metric);

describe('training.listClasses tells each laborer what they can do', () => {
  it('R5.2 without a usable voucher the class says why; with one it names the type; eligibleOnly filters', async () => {
    const l = await aLaborer(gw, { age: 30 });
    const before = await l.client.ok<ClassView[]>('training', 'listClasses', {});
    expect(before.find((c) => c.id === HUGONG)!.forMe).toEqual({
      enrolled: false,
      voucherType: null,
      canEnroll: false,
      reason: '您没有可用于这个班的培训券，请先领取',
      reasonCode: 'NO_USABLE_VOUCHER',
      // R13: a 岚县 household, a class in 离石区; the voucher it takes can be claimed in the same step.
      distance: 'city',
      distanceText: '另一个县',
      claimable: 'skills',
    });
    expect(await l.client.ok<ClassView[]>('training', 'listClasses', { eligibleOnly: true })).toEqual([]);
    await l.client.ok('voucher', 'claim', { type: 'skills' });
    const mine = await l.client.ok<ClassView[]>('training', 'listClasses', { eligibleOnly: true });
    expect(mine.map((c) => c.id).sort()).toEqual([HUGONG, MIANSHI].sort());
    expect(mine.find((c) => c.id === HUGONG)!.forMe).toMatchObject({ canEnroll: true, voucherType: 'skills', reason: null });
  });

  it('R5.2 an enrolled person sees 已报名 and an unregistered one is asked to register', async () => {
    const t = await trainee(MIANSHI);
    const list = await t.client.ok<ClassView[]>('training', 'listClasses', {});
    expect(list.find((c) => c.id === MIANSHI)!.forMe).toMatchObject({ enrolled: true, canEnroll: false, reasonCode: 'ALREADY_ENROLLED' });
    const stranger = await gw.as(`test-unregistered-${process.pid}`);
    const seen = await stranger.ok<ClassView[]>('training', 'listClasses', {});
    expect(seen.every((c) => c.forMe?.reasonCode === 'NOT_REGISTERED')).toBe(true);
  });

  it('refuses a malformed filter and changes nothing', async () => {
    const l = await aLaborer(gw);
    expect(await l.client.call('training', 'listClasses', { eligibleOnly: 'yes' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});

describe('training.myClasses (trainer)', () => {
  it('R1.3 lists only the trainer’s institution’s classes with state and the current session', async () => {
    const classes = await trainer.ok<TrainerClassView[]>('training', 'myClasses', {});
    expect(classes.map((c) => c.id)).toEqual([HUGONG]);
    expect(classes[0]).toMatchObject({ state: 'upcoming', stateName: '未开课', currentSession: 0, closedAt: null });
    const laborer = await aLaborer(gw);
    expect(await laborer.client.call('training', 'myClasses', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('R6.5 completion', () => {
  let full: Awaited<ReturnType<typeof trainee>>;
  let short: Awaited<ReturnType<typeof trainee>>;
  let absent: Awaited<ReturnType<typeof trainee>>;

  beforeAll(async () => {
    await gw.setNow(NOW);
    full = await trainee(HUGONG);
    short = await trainee(HUGONG);
    absent = await trainee(HUGONG);
    await attend(full, [0, 1, 2, 3, 4, 5, 6, 7]); // 8 of 10 = 0.8
    await attend(short, [0, 1, 2, 3, 4, 5, 6]); // 7 of 10
  });

  it('R6.5 the laborer sees attended sessions and how many are needed', async () => {
    const mine = await short.client.ok<EnrollmentView[]>('training', 'mine', {});
    expect(mine[0]).toMatchObject({ attendedSessions: [0, 1, 2, 3, 4, 5, 6], requiredSessions: 8, status: 'enrolled' });
  });

  it('R6.5 a class cannot be closed before its last session ends, nor by anyone but its trainer', async () => {
    await gw.setNow(dayOf(9));
    expect(await trainer.call('training', 'closeClass', { classId: HUGONG })).toMatchObject({ ok: false, code: 'CLASS_NOT_ENDED', message: '最后一节课结束后才能结业' });
    await gw.setNow(AFTER_HUGONG);
    expect(await trainer.call('training', 'closeClass', { classId: MIANSHI })).toMatchObject({ ok: false, code: 'NOT_YOUR_CLASS' });
    expect(await full.client.call('training', 'closeClass', { classId: HUGONG })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const mine = await trainer.ok<TrainerClassView[]>('training', 'myClasses', {});
    expect(mine[0]).toMatchObject({ state: 'ended', currentSession: null });
  });

  it('R6.5 closing completes 8 of 10 and not 7 of 10, redeems every voucher, and balances the books', async () => {
    await gw.setNow(AFTER_HUGONG);
    const started = await counter('trainingsStarted');
    const outcome = await trainer.ok<CompletionView>('training', 'closeClass', { classId: HUGONG });
    expect(outcome).toMatchObject({ classId: HUGONG, completed: 1, notCompleted: 2 });
    expect(Date.parse(outcome.closedAt) - Date.parse(AFTER_HUGONG)).toBeLessThan(5000); // the dev clock runs on
    const statusOf = async (t: typeof full) => (await t.client.ok<EnrollmentView[]>('training', 'mine', {}))[0];
    expect(await statusOf(full)).toMatchObject({ status: 'completed', statusName: '已结业' });
    expect(await statusOf(short)).toMatchObject({ status: 'not_completed', statusName: '未达到出勤要求' });
    expect(await statusOf(absent)).toMatchObject({ status: 'not_completed', attendedSessions: [] });
    for (const t of [full, short, absent]) {
      const [v] = await t.client.ok<VoucherView[]>('voucher', 'mine', {});
      expect(v).toMatchObject({ status: 'redeemed', statusName: '已使用', daysLeft: null });
    }
    expect(await counter('trainingsCompleted')).toBe(1);
    expect(await counter('trainingsNotCompleted')).toBe(2);
    expect(await counter('vouchersRedeemed.skills')).toBe(3);
    expect(await counter('trainingsStarted')).toBe(started); // started at enroll, not here
    const mine = await trainer.ok<TrainerClassView[]>('training', 'myClasses', {});
    expect(mine[0]).toMatchObject({ state: 'closed', stateName: '已结业', closedAt: outcome.closedAt });
    expect((await reconcile(gw.runtime.deps.store)).differences).toEqual([]);
    expect((await verifyAllChains(gw.runtime.deps.store)).filter((r) => r.broken)).toEqual([]);
  });

  it('R6.5 closing again changes nothing; later scans and offline uploads are refused as closed', async () => {
    const ledger = await gw.runtime.deps.store.count('ledger');
    expect(await trainer.ok<CompletionView>('training', 'closeClass', { classId: HUGONG })).toMatchObject({ completed: 1, notCompleted: 2 });
    await gw.setNow(AFTER_HUGONG);
    const late = await trainer.ok<ScanResult>('training', 'scan', { classId: HUGONG, code: short.codeAt(AFTER_HUGONG) });
    expect(late).toEqual({ status: 'refused', code: 'CLASS_CLOSED', message: '这个班已结业，不能再签到' });
    const upload = await trainer.ok<{ scanId: string; result: ScanResult }[]>('training', 'uploadOfflineScans', {
      deviceNow: AFTER_HUGONG,
      scans: [{ scanId: 'late-offline-scan-1', classId: HUGONG, code: short.codeAt(dayOf(9)), deviceScannedAt: dayOf(9) }],
    });
    expect(upload[0].result).toMatchObject({ status: 'refused', code: 'CLASS_CLOSED' });
    expect(await gw.runtime.deps.store.count('ledger')).toBe(ledger);
    const mine = await short.client.ok<EnrollmentView[]>('training', 'mine', {});
    expect(mine[0].status).toBe('not_completed');
  });
});

describe('R6.5 the sweep closes what nobody closed, 72 hours after the last session', () => {
  const completionOf = async (classId: string) =>
    (await gw.runtime.deps.store.get<{ _id: string; completion: string }>('classes', classId))!.completion;

  it('R6.4 waits for offline uploads: nothing at 71 h, completed at 73 h', async () => {
    await gw.setNow(NOW);
    const t = await trainee(MIANSHI);
    const lastEnds = Date.parse('2026-03-11T13:00:00.000Z'); // 21:00 China on 11 March
    await gw.setNow(new Date(lastEnds + 71 * 3_600_000).toISOString());
    await sweepClassCompletion(gw.runtime.deps);
    expect(await completionOf(MIANSHI)).toBe('pending');
    expect((await t.client.ok<EnrollmentView[]>('training', 'mine', {}))[0].status).toBe('enrolled');
    await gw.setNow(new Date(lastEnds + 73 * 3_600_000).toISOString());
    await sweepClassCompletion(gw.runtime.deps);
    expect(await completionOf(MIANSHI)).toBe('done');
    expect((await t.client.ok<EnrollmentView[]>('training', 'mine', {}))[0]).toMatchObject({ status: 'not_completed' });
    expect(await sweepClassCompletion(gw.runtime.deps)).toEqual({ classes: 0, completed: 0, notCompleted: 0 }); // done stays done
    expect((await reconcile(gw.runtime.deps.store)).differences).toEqual([]);
  });
});

describe('R6.5 a closing cut short', () => {
  it('R6.5 is finished by the next sweep, whatever the date', async () => {
    const local = await startTestGateway({ devNow: NOW });
    try {
      const store = local.runtime.deps.store;
      // The 果树 class takes 农业实用技术 vouchers, which are for 46–60.
      const l = await aLaborer(local, { age: 50 });
      await l.client.ok('voucher', 'claim', { type: 'agri' });
      await l.client.ok('training', 'enroll', { classId: demoClassId('guoshu-runcheng') });
      const c = await store.get<{ _id: string; lastSessionEndsAt: string }>('classes', demoClassId('guoshu-runcheng'));
      const closedAt = new Date(Date.parse(c!.lastSessionEndsAt) + 3_600_000).toISOString();
      await local.setNow(closedAt);
      // As if the process stopped right after step 1 (the class marked closed, nobody completed).
      await store.transaction((tx) => tx.update('classes', demoClassId('guoshu-runcheng'), { set: { closedAt, completion: 'closing' } }));
      // (The 编织 class, long over and empty, is swept too.)
      expect(await sweepClassCompletion(local.runtime.deps)).toEqual({ classes: 2, completed: 0, notCompleted: 1 });
      const guoshu = await store.get<{ _id: string; completion: string; notCompleted: number }>('classes', demoClassId('guoshu-runcheng'));
      expect(guoshu).toMatchObject({ completion: 'done', notCompleted: 1 });
      const mine = await l.client.ok<EnrollmentView[]>('training', 'mine', {});
      expect(mine[0]).toMatchObject({ status: 'not_completed' });
    } finally {
      await local.close();
    }
  });
});

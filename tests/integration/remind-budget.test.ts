/**
 * R10.1 the daily run keeps inside a cloud function's time: given a budget it stops cleanly
 * between phases (or between a phase's batches), leaving the rest for the next invocation of
 * the same China day, which finishes them; a run of a finished day does nothing more.
 */
import type { Clock } from '../../cloudfunctions/services/kernel/clock';
import { runRemind } from '../../cloudfunctions/services/remind';
import { type TestGateway, startTestGateway } from '../support/gateway';
import { aLaborer } from '../support/laborers';

const PHASES = ['sweep', 'voucherExpiry', 'sessions', 'certificates', 'digests', 'quotas', 'attendance', 'vouchersOpen'];
let gw: TestGateway;
beforeAll(async () => {
  // 11 January 2026, 08:00 China time: a digest day, with vouchers claimed 83 days earlier expiring in 7.
  gw = await startTestGateway({ devNow: '2025-10-21T00:00:00.000Z' });
  for (let i = 0; i < 3; i++) await (await aLaborer(gw, { age: 30 })).client.ok('voucher', 'claim', { type: 'skills' });
  await gw.setNow('2026-01-11T00:00:00.000Z');
});
afterAll(() => gw.close());

/** A clock that moves 3 s on at every reading: any budget runs out after a known few readings. */
const stepping = (base: Clock): Clock => {
  let n = 0;
  return { now: () => new Date(base.now().getTime() + n++ * 3_000) };
};

describe('R10.1 the run’s time budget', () => {
  it('R10.1 a 5 s budget stops cleanly; the next invocation finishes the phases; then the day is done', async () => {
    const deps = gw.runtime.deps;
    const first = await runRemind({ ...deps, clock: stepping(deps.clock) }, { budgetMs: 5_000 });
    expect(first.unfinishedPhases.length).toBeGreaterThan(0);
    expect(first.unfinishedPhases.length).toBeLessThan(PHASES.length);
    expect(first.skippedPhases).toEqual([]);
    const done = PHASES.filter((p) => !first.unfinishedPhases.includes(p));
    const run = await deps.store.get<{ _id: string; done: string[]; finishedAt: string | null }>('remindRuns', '2026-01-11');
    expect(run).toMatchObject({ done, finishedAt: null });

    const second = await runRemind(deps);
    expect(second.skippedPhases).toEqual(done);
    expect(second.unfinishedPhases).toEqual([]);
    const finished = await deps.store.get<{ _id: string; done: string[]; finishedAt: string | null }>('remindRuns', '2026-01-11');
    expect(finished?.done.sort()).toEqual([...PHASES].sort());
    expect(finished?.finishedAt).not.toBeNull();
    // Between them the two invocations wrote the day's reminders once: the expiring vouchers and the digests.
    const created = { ...first.created, ...second.created };
    expect(created.voucherExpiry).toBe(3);
    expect(created.officialDigest).toBeGreaterThanOrEqual(2);

    const third = await runRemind(deps);
    expect(third).toMatchObject({ skippedPhases: PHASES, unfinishedPhases: [], created: {} });
  });
});

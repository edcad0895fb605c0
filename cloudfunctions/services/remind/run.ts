/**
 * R10.1 the daily reminder run (08:00 China time; the `remind` timer in the cloud, in-process
 * locally, `npm run remind -- --at …` for one run). Each phase finds its due reminders by
 * indexed queries, a page of ≤ 1000 at a time, and writes outbox entries in small transactions;
 * a dedupe key per reminder makes a phase safe to run twice or concurrently, and the run
 * document records finished phases so a run cut short resumes where it stopped. The vouchers'
 * expiry sweep and the classes' 72 h completion run here too. Sending comes after (outbox.ts).
 */
import { chinaDateOf, formatDate } from '../../core/china-date';
import type { StaffDoc } from '../account';
import { requireRole } from '../kernel/authz';
import type { Caller, Deps } from '../kernel/deps';
import { type DeliveryReport, deliverDue } from '../message';
import { sweepClassCompletion } from '../training';
import { sweepExpiredVouchers } from '../voucher';
import { type Created, attendance, certificates, digests, officials, quotas, sessions, voucherExpiry } from './phases';

type RemindRunDoc = { _id: string; done: string[]; startedAt: string; finishedAt: string | null };

export interface RemindReport {
  day: string;
  /** New outbox entries per kind (entries already there are not counted again). */
  created: Created;
  expiredVouchers: number;
  completedClasses: number;
  skippedPhases: string[];
}

const PHASES = ['sweep', 'voucherExpiry', 'sessions', 'certificates', 'digests', 'quotas', 'attendance'] as const;

/** One day's run at the clock's time (use a shifted clock for another day). */
export async function runRemind(deps: Deps): Promise<RemindReport> {
  const at = deps.clock.now();
  const today = chinaDateOf(at);
  const day = formatDate(today);
  const report: RemindReport = { day, created: {}, expiredVouchers: 0, completedClasses: 0, skippedPhases: [] };
  const run = (await deps.store.get<RemindRunDoc>('remindRuns', day)) ?? { _id: day, done: [], startedAt: at.toISOString(), finishedAt: null };
  let staff: StaffDoc[] | null = null;
  const officialsOnce = async () => (staff ??= await officials(deps));
  for (const phase of PHASES) {
    if (run.done.includes(phase)) {
      report.skippedPhases.push(phase);
      continue;
    }
    if (phase === 'sweep') {
      report.expiredVouchers = (await sweepExpiredVouchers(deps)).expired;
      report.completedClasses = (await sweepClassCompletion(deps)).classes;
    } else if (phase === 'voucherExpiry') await voucherExpiry(deps, today, at, report.created);
    else if (phase === 'sessions') await sessions(deps, today, at, report.created);
    else if (phase === 'certificates') await certificates(deps, today, at, report.created);
    else if (phase === 'digests') await digests(deps, today, at, report.created, await officialsOnce());
    else if (phase === 'quotas') await quotas(deps, today, at, report.created, await officialsOnce());
    else if (phase === 'attendance') await attendance(deps, today, at, report.created, await officialsOnce());
    run.done.push(phase);
    const { _id, ...data } = run;
    await deps.store.transaction((tx) => tx.set<RemindRunDoc>('remindRuns', day, { ...data, finishedAt: phase === PHASES[PHASES.length - 1] ? at.toISOString() : null }));
  }
  return report;
}


/** The day's run, then the sends that are due (the timer, and an admin by hand). */
export async function runDayAndSend(deps: Deps): Promise<RemindReport & { delivery: DeliveryReport | null }> {
  const report = await runRemind(deps);
  const delivery = deps.notifier ? await deliverDue(deps, deps.notifier, deps.templates ?? {}) : null;
  return { ...report, delivery };
}

/** Admin: runs the day by hand. */
export async function adminRunDay(deps: Deps, caller: Caller): Promise<RemindReport & { delivery: DeliveryReport | null }> {
  await requireRole(deps, caller, 'admin');
  return runDayAndSend(deps);
}

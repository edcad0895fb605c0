/**
 * R10.1 the daily reminder run (08:00 China time; the `remind` timer in the cloud, in-process
 * locally, `npm run remind -- --at …` for one run). Each phase finds its due reminders by
 * indexed queries, a page of ≤ 1000 at a time, and writes outbox entries in small transactions;
 * a dedupe key per reminder makes a phase safe to run twice or concurrently, and the run
 * document records finished phases so a run cut short resumes where it stopped. The vouchers'
 * expiry sweep, the classes' 72 h completion and what a class cancellation left run here too. Sending comes after (outbox.ts).
 */
import { chinaDateOf, formatDate } from '../../core/china-date';
import type { StaffDoc } from '../staff';
import { requireRole } from '../kernel/authz';
import type { Caller, Deps } from '../kernel/deps';
import { type DeliveryReport, deliverDue } from '../message';
import { sweepClassCompletion, sweepClassPlans } from '../training';
import { sweepExpiredVouchers } from '../voucher';
import { vouchersOpen } from './reach';
import { BudgetSpent, type Created, type PhaseContext, attendance, certificates, digests, officials, quotas, sessions, voucherExpiry } from './phases';

type RemindRunDoc = { _id: string; done: string[]; startedAt: string; finishedAt: string | null };

export interface RemindReport {
  day: string;
  /** New outbox entries per kind (entries already there are not counted again). */
  created: Created;
  expiredVouchers: number;
  completedClasses: number;
  /** Phases an earlier invocation of the day had finished. */
  skippedPhases: string[];
  /** Phases left for the next invocation because the time budget ran out. */
  unfinishedPhases: string[];
}

const PHASES = ['sweep', 'voucherExpiry', 'sessions', 'certificates', 'digests', 'quotas', 'attendance', 'vouchersOpen'] as const;
type Phase = (typeof PHASES)[number];

/** The whole of a cloud function call is 60 s; the run leaves time for the sends after it. */
export const REMIND_BUDGET_MS = 40_000;
export const SEND_BUDGET_MS = 12_000;

async function runPhase(phase: Phase, ctx: PhaseContext, report: RemindReport, staffOnce: () => Promise<StaffDoc[]>): Promise<void> {
  const { deps } = ctx;
  if (phase === 'sweep') {
    report.expiredVouchers = (await sweepExpiredVouchers(deps)).expired;
    report.completedClasses = (await sweepClassCompletion(deps)).classes;
    // R11.3: cancellations and change notices a call cut short.
    await sweepClassPlans(deps);
  } else if (phase === 'voucherExpiry') await voucherExpiry(ctx);
  else if (phase === 'sessions') await sessions(ctx);
  else if (phase === 'certificates') await certificates(ctx);
  else if (phase === 'digests') await digests(ctx, await staffOnce());
  else if (phase === 'quotas') await quotas(ctx, await staffOnce());
  else if (phase === 'attendance') await attendance(ctx, await staffOnce());
  // R12.3 / D51: once a month, to those who hold nothing.
  else await vouchersOpen(ctx);
}

/**
 * One day's run at the clock's time (use a shifted clock for another day), within a time
 * budget: phases finished by an earlier invocation of the same China day are skipped, and a
 * phase the budget cuts short is left unfinished, for the next invocation (the resume trigger
 * fires every ten minutes) to run again — its dedupe keys make a rerun write nothing twice.
 */
export async function runRemind(deps: Deps, options: { budgetMs?: number } = {}): Promise<RemindReport> {
  const at = deps.clock.now();
  const today = chinaDateOf(at);
  const day = formatDate(today);
  const deadline = at.getTime() + (options.budgetMs ?? REMIND_BUDGET_MS);
  const report: RemindReport = { day, created: {}, expiredVouchers: 0, completedClasses: 0, skippedPhases: [], unfinishedPhases: [] };
  const run = (await deps.store.get<RemindRunDoc>('remindRuns', day)) ?? { _id: day, done: [], startedAt: at.toISOString(), finishedAt: null };
  const ctx: PhaseContext = { deps, today, at, created: report.created, deadline };
  let staff: StaffDoc[] | null = null;
  const staffOnce = async () => (staff ??= await officials(deps));
  for (const phase of PHASES) {
    if (run.done.includes(phase)) {
      report.skippedPhases.push(phase);
      continue;
    }
    if (report.unfinishedPhases.length > 0 || deps.clock.now().getTime() >= deadline) {
      report.unfinishedPhases.push(phase);
      continue;
    }
    try {
      await runPhase(phase, ctx, report, staffOnce);
    } catch (e) {
      if (!(e instanceof BudgetSpent)) throw e;
      report.unfinishedPhases.push(phase);
      continue;
    }
    run.done.push(phase);
    const { _id, ...data } = run;
    const finished = PHASES.every((p) => run.done.includes(p));
    await deps.store.transaction((tx) => tx.set<RemindRunDoc>('remindRuns', day, { ...data, finishedAt: finished ? deps.clock.now().toISOString() : null }));
  }
  return report;
}

/** The day's run (or what is left of it), then the sends that are due, each within its budget. */
export async function runDayAndSend(
  deps: Deps,
  options: { budgetMs?: number; sendBudgetMs?: number } = {},
): Promise<RemindReport & { delivery: DeliveryReport | null }> {
  const report = await runRemind(deps, { budgetMs: options.budgetMs });
  const delivery = deps.notifier ? await deliverDue(deps, deps.notifier, deps.templates ?? {}, { budgetMs: options.sendBudgetMs ?? SEND_BUDGET_MS }) : null;
  return { ...report, delivery };
}

/** Admin: runs the day by hand. */
export async function adminRunDay(deps: Deps, caller: Caller): Promise<RemindReport & { delivery: DeliveryReport | null }> {
  await requireRole(deps, caller, 'admin');
  return runDayAndSend(deps);
}

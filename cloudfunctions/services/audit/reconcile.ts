/**
 * R9.2 reconcile: every context recounts its records, and the books compare those counts with
 * the stored counters, the counter-like documents and the yearly summaries. Counters are a
 * cache of the records; this is how we know the cache is right, and where it is not.
 */
import type { Store } from '../../store/port';
import { recountRegistrations } from '../account';
import { type Difference, type PendingCounts, type Recount, pendingCounts, reconcileBooks } from '../books/reconcile';
import { recountCredentials } from '../certificate';
import { recountEmployment } from '../employment';
import { recountSettlement } from '../settlement';
import { recountTrainings } from '../training';
import { recountVouchers } from '../voucher';

export type { Difference } from '../books/reconcile';

/**
 * Each context's recount, one at a time (each holds its records' counts in memory); those with
 * roll-ups (a quota's used, a class's enrolled) add what the sequencer's queue still holds (D61).
 */
const RECOUNTS: readonly ((store: Store, pending: PendingCounts) => Promise<Recount>)[] = [
  recountVouchers,
  recountTrainings,
  recountCredentials,
  recountEmployment,
  recountRegistrations,
  recountSettlement,
];

export async function reconcile(store: Store): Promise<{ checked: Record<string, number>; differences: Difference[] }> {
  // What waits in the sequencer's queue, read once for every recount and the books.
  const pending = await pendingCounts(store);
  const recounts: Recount[] = [];
  for (const recount of RECOUNTS) recounts.push(await recount(store, pending));
  return reconcileBooks(store, recounts, pending);
}

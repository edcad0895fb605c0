/**
 * R9.2 reconcile: every context recounts its records, and the books compare those counts with
 * the stored counters, the counter-like documents and the yearly summaries. Counters are a
 * cache of the records; this is how we know the cache is right, and where it is not.
 */
import type { Store } from '../../store/port';
import { recountRegistrations } from '../account';
import { type Difference, type Recount, reconcileBooks } from '../books/reconcile';
import { recountCredentials } from '../certificate';
import { recountEmployment } from '../employment';
import { recountSettlement } from '../settlement';
import { recountTrainings } from '../training';
import { recountVouchers } from '../voucher';

export type { Difference } from '../books/reconcile';

/** Each context's recount, one at a time (each holds its records' counts in memory). */
const RECOUNTS: readonly ((store: Store) => Promise<Recount>)[] = [
  recountVouchers,
  recountTrainings,
  recountCredentials,
  recountEmployment,
  recountRegistrations,
  recountSettlement,
];

export async function reconcile(store: Store): Promise<{ checked: Record<string, number>; differences: Difference[] }> {
  const recounts: Recount[] = [];
  for (const recount of RECOUNTS) recounts.push(await recount(store));
  return reconcileBooks(store, recounts);
}

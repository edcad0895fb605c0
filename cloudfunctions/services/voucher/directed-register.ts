/**
 * R12.2 / D50 a listed person who registers later: inside the registration's own transaction,
 * each open directed issue waiting for their number gives them its voucher (every claim rule
 * applies at that moment, and their household county must be the issue's), and their line in the
 * report says what happened. A closed issue says so instead. Registration runs this through the
 * account context's hook (account/register.ts), so the account context needs no voucher import.
 */
import { ERROR_MESSAGES } from '../../core/errors';
import { isDirectedOpen } from '../../core/directed';
import type { Tx } from '../../store/port';
import type { PersonDoc } from '../account';
import type { Deps } from '../kernel/deps';
import { type DirectedJobDoc, type DirectedLineDoc, type DirectedPendingDoc, addCounts, directedLineId } from './directed-documents';
import { type Decision, countsOf, giveTo, jobActor } from './directed-issue';

export async function receiveDirectedVouchers(deps: Deps, tx: Tx, person: PersonDoc, now: Date): Promise<void> {
  const waiting = await tx.get<DirectedPendingDoc>('directedPending', person.idHash);
  if (!waiting) return;
  for (const listId of waiting.lists) {
    const job = await tx.get<DirectedJobDoc>('directedJobs', listId);
    const line = job ? await tx.get<DirectedLineDoc>('directedLines', directedLineId(listId, person.idHash)) : null;
    if (!job || !line || line.status !== 'pending') continue;
    const decision: Decision = isDirectedOpen(job, now)
      ? await giveTo(tx, { job, actor: jobActor(job), countyName: deps.regions.ref(job.countyCode).name, now }, person)
      : { status: 'refused', code: 'DIRECTED_CLOSED', message: ERROR_MESSAGES.DIRECTED_CLOSED, personId: person._id, voucherId: null };
    await tx.update('directedLines', line._id, { set: { ...decision, decidedAt: now.toISOString() } });
    // A line already counted with its part moves from pending to its outcome; one not yet counted is counted when its part is.
    if (line.part < job.done) {
      await tx.update('directedJobs', listId, { set: { counts: addCounts(addCounts(job.counts, countsOf([line]), -1), countsOf([decision])) } });
    }
  }
  await tx.remove('directedPending', person.idHash);
}

/**
 * One state change = one ledger entry + its counters, inside the caller's transaction
 * (R9.1, R9.2): they commit together with the change or not at all.
 */
import type { LedgerEventType } from '../../core/books';
import type { Tx } from '../../store/port';
import type { Place } from '../kernel/place';
import { type CounterBump, bumpCounters } from './counters';
import { type Actor, type LedgerEntryDoc, appendLedger } from './ledger';

export interface Change {
  place: Place;
  at: Date;
  type: LedgerEventType;
  subjects: Record<string, string>;
  actor: Actor;
  data: Record<string, unknown>;
  counters: readonly CounterBump[];
}

export async function recordChange(tx: Tx, change: Change): Promise<LedgerEntryDoc> {
  const entry = await appendLedger(tx, {
    countyCode: change.place.countyCode,
    type: change.type,
    subjects: change.subjects,
    actor: change.actor,
    at: change.at.toISOString(),
    data: change.data,
  });
  await bumpCounters(tx, change.place, change.at, change.counters);
  return entry;
}

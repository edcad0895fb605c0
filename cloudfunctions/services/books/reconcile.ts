/**
 * R9.2 reconcile, the books' half: counters are a cache of the records. Each context recounts
 * its own records (its `recount.ts`) into the counter values they should give and checks its
 * own counter-like documents (quotas, slots, class counts); this compares the stored counters
 * of the metrics each recount owns, and every yearly summary cell against the counter documents.
 */
import type { Store } from '../../store/port';
import { scan } from '../../store/scan';
import { chinaDateOf } from '../../core/china-date';
import type { QueuedChangeDoc } from './changes';
import { type CounterDoc, type CounterYearDoc, type RegionYearDoc, cellKey, cellsOf, cityCellsFromCounties, counterId, counterYearId } from './counters';

export interface Difference {
  what: string;
  id: string;
  stored: number | string | null;
  recounted: number | string | null;
}

/** What one context found when it recounted its records. */
export interface Recount {
  /** The stored counter metrics this recount rebuilds (others are left to their owners). */
  owns(metric: string): boolean;
  /** counter id → the value the records give. */
  counters: Map<string, number>;
  /** Differences in the context's own counter-like documents. */
  differences: Difference[];
  /** How many records of each kind were read. */
  checked: Record<string, number>;
}

export const tally = (m: Map<string, number>, key: string, by = 1): void => {
  m.set(key, (m.get(key) ?? 0) + by);
};

/** Every key whose stored and recounted values differ (a missing one counts as 0). */
export function compareCounts(what: string, stored: Map<string, number>, recounted: Map<string, number>): Difference[] {
  const out: Difference[] = [];
  for (const id of new Set([...stored.keys(), ...recounted.keys()])) {
    const s = stored.get(id) ?? 0;
    const r = recounted.get(id) ?? 0;
    if (s !== r) out.push({ what, id, stored: s, recounted: r });
  }
  return out;
}

/**
 * What the changes still queued for the sequencer (D61) will add: per counter id, and per
 * roll-up (`{collection}/{id}/{field}`). Reconcile adds them to what is stored, so it stays
 * exact while entries wait.
 */
export interface PendingCounts {
  counters: Map<string, { metric: string; by: number }>;
  rollups: Map<string, number>;
  changes: number;
}

export async function pendingCounts(store: Store): Promise<PendingCounts> {
  const counters = new Map<string, { metric: string; by: number }>();
  const rollups = new Map<string, number>();
  let changes = 0;
  for await (const q of scan<QueuedChangeDoc>(store, 'ledgerQueue')) {
    changes++;
    const { year, month } = chinaDateOf(new Date(q.at));
    for (const b of q.counters) {
      const id = counterId(q.place.countyCode, year, month, b.metric, b.band ?? '-');
      counters.set(id, { metric: b.metric, by: (counters.get(id)?.by ?? 0) + b.by });
    }
    for (const r of q.rollups) tally(rollups, `${r.collection}/${r.id}/${r.field}`, r.by);
  }
  return { counters, rollups, changes };
}

/** Every cell of every summary of a collection, as `{summary id}/{cell}` → value. */
async function summaryCells(store: Store, collection: 'counterYears' | 'regionYears'): Promise<{ cells: Map<string, number>; documents: number }> {
  const cells = new Map<string, number>();
  let documents = 0;
  for await (const y of scan<CounterYearDoc | RegionYearDoc>(store, collection)) {
    documents++;
    for (const cell of cellsOf(y)) cells.set(`${y._id}/${cellKey(cell.metric, cell.month, cell.band)}`, cell.value);
  }
  return { cells, documents };
}

/** Compares the stored counters (and what waits to be added to them, read once by the caller) with the recounts, and the yearly summaries with the counters. */
export async function reconcileBooks(
  store: Store,
  recounts: readonly Recount[],
  pending?: PendingCounts,
): Promise<{ checked: Record<string, number>; differences: Difference[] }> {
  const stored: CounterDoc[] = [];
  for await (const c of scan<CounterDoc>(store, 'counters')) stored.push(c);
  pending ??= await pendingCounts(store);
  const differences: Difference[] = [];
  const checked: Record<string, number> = {};
  let counters = 0;
  for (const r of recounts) {
    const owned = new Map(stored.filter((c) => r.owns(c.metric)).map((c) => [c._id, c.value] as const));
    for (const [id, { metric, by }] of pending.counters) if (r.owns(metric)) tally(owned, id, by);
    counters += owned.size;
    differences.push(...r.differences, ...compareCounts('counter', owned, r.counters));
    Object.assign(checked, r.checked);
  }
  // The yearly summaries must hold exactly the counter documents' values, cell by cell.
  const summed = new Map<string, number>();
  for (const c of stored) {
    tally(summed, `${counterYearId(c.countyCode, c.year)}/${cellKey(c.metric, c.month, null)}`, c.value);
    tally(summed, `${counterYearId(c.countyCode, c.year)}/${cellKey(c.metric, null, c.band)}`, c.value);
  }
  const { cells, documents: summaries } = await summaryCells(store, 'counterYears');
  differences.push(...compareCounts('yearly summary cell', cells, summed));
  // D63 each city's summary holds exactly its counties' summed, cell by cell.
  const cityCells = new Map<string, number>();
  for (const [id, city] of await cityCellsFromCounties(store)) for (const [key, value] of Object.entries(city.cells)) cityCells.set(`${id}/${key}`, value);
  const { cells: storedCity, documents: citySummaries } = await summaryCells(store, 'regionYears');
  differences.push(...compareCounts('city summary cell', storedCity, cityCells));
  return { checked: { ...checked, summaries, citySummaries, counters, queuedChanges: pending.changes }, differences };
}

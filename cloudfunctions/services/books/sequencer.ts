/**
 * D61 the county sequencer. On stores where concurrent writers conflict (CloudBase, PostgreSQL)
 * a change's transaction writes its entry as a queued change (./changes.ts) and never touches
 * the county's shared documents — the chain head, the counters, the yearly summary, a quota's
 * roll-up. Right after the commit the sequencer of the county takes the queued changes, oldest
 * first, and in one transaction per batch gives each entry its place in the chain (seq, prevHash,
 * hash), applies the counts and roll-ups, and removes the queue documents: only sequencers write
 * those shared documents, so a storm of changes fights over nothing but its own records.
 *
 * R9.1 still holds — no change without its entry: the queued change commits with the change. A
 * sequencer that loses to another gives up quietly (the winner took its changes, or the next run
 * or the minute timer will); `ledger:verify` reports entries still waiting and fails past
 * PENDING_LIMIT_MS; reconcile counts what waits.
 */
import { type Doc, type Filter, type FindOptions, type Page, type Store, type Tx, isStoreError, where } from '../../store/port';
import type { CollectionName } from '../../store/collections';
import { scan } from '../../store/scan';
import type { Logger } from '../kernel/deps';
import { type QueuedChangeDoc, chainChanges, queueingTx } from './changes';

/**
 * Queued changes sequenced in one transaction: ~4 operations each plus the counters, so a batch
 * stays well inside CloudBase's 30 s for a transaction (each operation a round trip from the
 * function) and short enough that the county's other sequencers rarely wait on it.
 */
export const SEQUENCE_BATCH = 50;
/** `ledger:verify` fails when an entry has waited longer than this for its place. */
export const PENDING_LIMIT_MS = 5 * 60_000;

/** Sequences up to `batch` of a county's oldest queued changes in one transaction. */
export async function sequenceCounty(store: Store, countyCode: string, batch = SEQUENCE_BATCH): Promise<{ sequenced: number; more: boolean }> {
  const page = await store.find<QueuedChangeDoc>('ledgerQueue', where('countyCode', 'eq', countyCode), { orderBy: { field: 'at' }, limit: batch });
  if (page.items.length === 0) return { sequenced: 0, more: false };
  const sequenced = await store.transaction(async (tx) => {
    const live: QueuedChangeDoc[] = [];
    // Another sequencer may have taken some since the query: only what is still queued.
    for (const q of page.items) {
      const still = await tx.get<QueuedChangeDoc>('ledgerQueue', q._id);
      if (still) live.push(still);
    }
    if (live.length === 0) return 0;
    await chainChanges(tx, live);
    for (const q of live) await tx.remove('ledgerQueue', q._id);
    return live.length;
  });
  return { sequenced, more: page.next !== undefined };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface SequencerOptions {
  /** Where the sequencer's own transactions go (benchmarks record them apart); default the store's. */
  store?: Store;
  /** How long one run keeps retrying a conflict before leaving the rest to the next run. */
  deadlineMs?: number;
  /** Batches one run takes at most (a storm's later changes wait for a later run). */
  maxBatches?: number;
}

/**
 * One per process: at most one run per county at a time here, and every change committed before
 * a run starts is taken by it (so callers that settle together share one run).
 */
export class Sequencer {
  private readonly counties = new Map<string, { tail: Promise<void>; waiting: Promise<void> | null }>();
  private readonly deadlineMs: number;
  private readonly maxBatches: number;
  /** Runs that met a conflict, and conflicts met (benchmarks). */
  readonly stats = { runs: 0, sequenced: 0, conflicts: 0, gaveUp: 0 };

  constructor(
    private readonly store: Store,
    private readonly log?: Logger,
    options: SequencerOptions = {},
  ) {
    this.deadlineMs = options.deadlineMs ?? 3_000;
    this.maxBatches = options.maxBatches ?? 20;
  }

  /** Resolves once a run that started after this call has ended; never rejects. */
  settle(countyCode: string): Promise<void> {
    let state = this.counties.get(countyCode);
    if (!state) this.counties.set(countyCode, (state = { tail: Promise.resolve(), waiting: null }));
    if (state.waiting) return state.waiting;
    const s = state;
    const run = s.tail.then(() => {
      s.waiting = null;
      return this.run(countyCode);
    });
    s.waiting = run;
    s.tail = run;
    return run;
  }

  private async run(countyCode: string): Promise<void> {
    this.stats.runs++;
    const deadline = Date.now() + this.deadlineMs;
    let batches = 0;
    for (let attempt = 0; batches < this.maxBatches; ) {
      try {
        const { sequenced, more } = await sequenceCounty(this.store, countyCode);
        this.stats.sequenced += sequenced;
        batches++;
        attempt = 0;
        if (!more) return;
      } catch (e) {
        if (isStoreError(e, 'BUSY') && Date.now() < deadline) {
          this.stats.conflicts++;
          // Another process's sequencer holds the head: wait a little, at random, and look again.
          await sleep(5 + Math.random() * 20 * 2 ** Math.min(attempt++, 4));
          continue;
        }
        this.stats.gaveUp++;
        this.log?.error('ledger sequencer left changes queued', { countyCode, error: String((e as Error).message ?? e) });
        return;
      }
    }
  }
}

/** Every county's queued changes, sequenced (the minute timer and the local commands). */
export async function sequenceAll(store: Store): Promise<number> {
  const sequencer = store instanceof SequencedStore ? store.sequencer : new Sequencer(store);
  let counties = 0;
  let from = '';
  for (;;) {
    const filter: Filter | undefined = from ? where('_id', 'gte', from) : undefined;
    const first = await store.find<QueuedChangeDoc>('ledgerQueue', filter, { limit: 1 });
    const next = first.items[0];
    if (!next) return counties;
    await sequencer.settle(next.countyCode);
    counties++;
    from = `${next.countyCode};`; // `;` follows `:`: the next county's ids
  }
}

export interface PendingReport {
  countyCode: string;
  waiting: number;
  oldestAt: string;
  /** Waited past PENDING_LIMIT_MS. */
  late: boolean;
}

/** Entries still waiting for their place, per county (`ledger:verify`). */
export async function pendingEntries(store: Store, now: Date, limitMs = PENDING_LIMIT_MS): Promise<PendingReport[]> {
  const byCounty = new Map<string, PendingReport>();
  for await (const q of scan<QueuedChangeDoc>(store, 'ledgerQueue')) {
    const r = byCounty.get(q.countyCode) ?? { countyCode: q.countyCode, waiting: 0, oldestAt: q.at, late: false };
    r.waiting++;
    if (q.at < r.oldestAt) r.oldestAt = q.at;
    r.late = now.getTime() - new Date(r.oldestAt).getTime() > limitMs;
    byCounty.set(q.countyCode, r);
  }
  return [...byCounty.values()];
}

/**
 * A store whose transactions queue their changes and settle them after the commit (D61): what
 * the cloud functions and a PostgreSQL host run on. Reads pass through.
 */
export class SequencedStore implements Store {
  readonly sequencer: Sequencer;

  constructor(
    readonly inner: Store,
    log?: Logger,
    options?: SequencerOptions,
  ) {
    this.sequencer = new Sequencer(options?.store ?? inner, log, options);
  }

  get groupCommit(): boolean | undefined {
    return this.inner.groupCommit;
  }

  async transaction<R>(fn: (tx: Tx) => Promise<R>): Promise<R> {
    let counties = new Set<string>();
    const result = await this.inner.transaction((tx) => {
      counties = new Set(); // a re-run starts again
      return fn(queueingTx(tx, counties));
    });
    for (const c of counties) await this.sequencer.settle(c);
    return result;
  }

  get<T extends Doc>(collection: CollectionName, id: string): Promise<T | null> {
    return this.inner.get(collection, id);
  }

  find<T extends Doc>(collection: CollectionName, filter?: Filter, options?: FindOptions): Promise<Page<T>> {
    return this.inner.find(collection, filter, options);
  }

  count(collection: CollectionName, filter?: Filter): Promise<number> {
    return this.inner.count(collection, filter);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/**
 * One storm of `npm run bench -- contention` (issue 17) on one design: the actions are sent at
 * once from 4 host processes (4 connection pools to one PostgreSQL at REPEATABLE READ, CloudBase's
 * retry policy: 3 immediate re-runs, then BUSY); the write-set recorder says which documents the
 * storm's own transactions fought over, apart from the sequencer's (D61).
 */
import type { Deps } from '../cloudfunctions/services/kernel/deps';
import { SequencedStore } from '../cloudfunctions/services/books/sequencer';
import { PgStore } from '../cloudfunctions/store/pg-store';
import { type Store, isStoreError } from '../cloudfunctions/store/port';
import { Recording, RecordingStore } from './recording-store';

export const PROCESSES = 4;

export type DesignName = 'today' | 'new';
export const DESIGNS: Record<DesignName, string> = {
  today: "today's: each change chains its entry and bumps the county's counters in its own transaction; one quota place document",
  new: 'D61/D62: each change queues its entry for the county sequencer after commit; quota places in 256 shards, class seats in 16',
};

/** An action of the storm, sent by one host process (its deps). */
export type Action = (deps: Deps) => Promise<unknown>;

export interface StormFigures {
  design: string;
  actions: number;
  busyRate: number;
  throughputPerSecond: number;
  seconds: number;
  /** The share of the storm's transactions that wrote its most written document (the class capacity excepted where `except` says). */
  hottestDocShare: number;
  hottestDocs: { doc: string; share: number }[];
  /** Documents a rule itself puts in every writer's way (one class's capacity), and their share. */
  exceptedDocs?: { doc: string; share: number }[];
  conflicts: number;
  /** Reads and writes of one action's own transaction(s), and the sequencer's per action. */
  operationsPerAction: { reads: number; writes: number; sequencerReads: number; sequencerWrites: number; outsideReads: number } | null;
  sequencer?: { runs: number; sequenced: number; conflicts: number; gaveUp: number; queuedAfterStorm: number };
  answers: Record<string, number>;
}

/**
 * Runs `actions` at once on `design` and answers the figures. `base` supplies everything but the
 * store; `sequences` runs of actions are sent one after another (a trainer scanning 40 phones).
 */
export async function runStorm(
  base: Deps,
  url: string,
  design: DesignName,
  chains: Action[][],
  options: { except?: (doc: string) => boolean } = {},
): Promise<StormFigures> {
  const storm = new Recording();
  const sequencing = new Recording();
  const pools = Array.from({ length: PROCESSES }, () => new PgStore({ connectionString: url, conflictRetries: 3, maxConnections: 10 }));
  const processes: Store[] = pools.map((pool) => {
    const recorded = new RecordingStore(pool, storm);
    if (design === 'today') return recorded;
    return new SequencedStore(recorded, undefined, { store: new RecordingStore(pool, sequencing) });
  });
  const deps = processes.map((store) => ({ ...base, store }) as Deps);
  const answers: string[] = [];
  const started = process.hrtime.bigint();
  await Promise.all(
    chains.map(async (chain, i) => {
      for (const action of chain) {
        answers.push(
          await action(deps[i % PROCESSES]).then(
            () => 'ok',
            (e: unknown) => (isStoreError(e, 'BUSY') ? 'BUSY' : String((e as { code?: string }).code ?? e)),
          ),
        );
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const n = answers.length;
  const ok = answers.filter((a) => a === 'ok').length;
  const busy = answers.filter((a) => a === 'BUSY').length;
  const except = options.except ?? (() => false);
  const sequencers = processes.filter((p): p is SequencedStore => p instanceof SequencedStore).map((p) => p.sequencer.stats);
  const queuedAfterStorm = await pools[0].count('ledgerQueue');
  const per = storm.perTransaction();
  const txPerAction = storm.committed.length / Math.max(1, ok);
  const figures: StormFigures = {
    design: DESIGNS[design],
    actions: n,
    busyRate: Number((busy / n).toFixed(4)),
    throughputPerSecond: Math.round(ok / seconds),
    seconds: Number(seconds.toFixed(2)),
    hottestDocShare: storm.hottest(1, except)[0]?.share ?? 0,
    hottestDocs: storm.hottest(6, except),
    ...(options.except ? { exceptedDocs: storm.hottest(3, (d) => !except(d)) } : {}),
    conflicts: pools.reduce((c, p) => c + p.stats.conflicts, 0),
    operationsPerAction: per && {
      reads: Number((per.reads * txPerAction).toFixed(1)),
      writes: Number((per.writes * txPerAction).toFixed(1)),
      sequencerReads: Number((sequencing.committed.reduce((a, r) => a + r.reads.length, 0) / Math.max(1, ok)).toFixed(2)),
      sequencerWrites: Number((sequencing.committed.reduce((a, r) => a + r.writes.length, 0) / Math.max(1, ok)).toFixed(2)),
      outsideReads: Number(((storm.outsideReads + sequencing.outsideReads) / Math.max(1, n)).toFixed(2)),
    },
    ...(design === 'new'
      ? {
          sequencer: {
            runs: sequencers.reduce((a, s) => a + s.runs, 0),
            sequenced: sequencers.reduce((a, s) => a + s.sequenced, 0),
            conflicts: sequencers.reduce((a, s) => a + s.conflicts, 0),
            gaveUp: sequencers.reduce((a, s) => a + s.gaveUp, 0),
            queuedAfterStorm,
          },
        }
      : {}),
    answers: Object.fromEntries([...new Set(answers)].map((a) => [a, answers.filter((x) => x === a).length])),
  };
  for (const p of pools) await p.close();
  return figures;
}

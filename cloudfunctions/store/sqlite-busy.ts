/**
 * Issue 18: waiting for another connection's write lock on the embedded database. SQLite's own
 * busy handler sleeps on the thread (a host serves nothing meanwhile) and then fails with
 * "database is locked"; the store keeps that handler short and waits the rest asynchronously,
 * with backoff, up to a limit — then answers StoreError('BUSY'), the store's own refusal.
 */
import { StoreError } from './port';

/**
 * How long a transaction (or read) waits for another connection's write lock before the store
 * answers BUSY: twice the 5 s busy timeout that used to fail outright. A storm of claims holds
 * the lock for one group commit at a time (tens of ms) and a local command's steps are as short,
 * so a wait this long means another writer is stuck or bulk-loading; the caller hears 系统繁忙.
 */
export const LOCK_WAIT_MS = 10_000;

/**
 * SQLite's own busy handler: it sleeps on the thread (no request is served meanwhile), so only
 * this long per attempt; between attempts the store waits asynchronously (lockBackoff).
 */
export const BUSY_TIMEOUT_MS = 50;

/**
 * A bulk write commits once its transaction has held the lock this long (wall time, so a busy
 * machine does not stretch it). Measured here: one 50,000-row ledger flush held the lock 1.9 s on
 * an idle machine and 6.3 s beside two busy processes (past the 5 s other writers waited);
 * writing 700,000 persons and their ID-number index in 50,000-document flushes took 19.1–22.9 s
 * as one transaction per flush, 18.4–19.6 s in 1 s transactions, 20.5–25.7 s in 250 ms ones.
 */
export const BULK_TX_MS = 1_000;

/** The pause before the next attempt: 2, 4, 8 … up to 100 ms, with jitter so two waiters do not keep colliding. */
const lockBackoff = (attempt: number) => Math.min(100, 2 ** Math.min(attempt + 1, 7)) * (0.5 + Math.random() / 2);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * SQLite's "database is locked" (SQLITE_BUSY and its extended codes): another connection holds the
 * lock. By the code alone, not `instanceof`: the native addon keeps the SqliteError class (and so
 * the Error) of the first context that loaded better-sqlite3, and jest gives each test file its own.
 */
export const isSqliteBusy = (e: unknown): boolean => {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_'));
};

/** The store's own words for a lock held too long; any other error unchanged. */
export function busyAsStoreError(e: unknown, waitedMs?: number): unknown {
  if (!isSqliteBusy(e)) return e;
  const waited = waitedMs === undefined ? '' : ` for ${(waitedMs / 1000).toFixed(1)} s`;
  return new StoreError('BUSY', `the database stayed busy${waited}: another connection held its write lock (nothing of this transaction was written)`);
}

export interface LockWaits {
  /** Attempts that found another connection's lock. */
  waits: number;
  /** The longest a single transaction, read or bulk write waited. */
  maxWaitMs: number;
  /** Transactions, reads and bulk writes answered BUSY after LOCK_WAIT_MS. */
  busy: number;
}

export interface BulkPutOptions {
  /** How long to wait for another connection's write lock (default LOCK_WAIT_MS; the dataset loader waits as long as it takes). */
  lockWaitMs?: number;
  /** Called every 30 s of waiting, with the wait so far. */
  onWait?: (waitedMs: number) => void;
  /** Commit once a transaction has held the lock this long (default BULK_TX_MS; Infinity: one transaction). */
  txMs?: number;
}

/**
 * Runs `attempt` (one SQLite call that may find another connection's lock) until it gets
 * through, waiting asynchronously between attempts; after `waitMs`, StoreError('BUSY').
 * `attempt` must have no effect when it throws SQLITE_BUSY (BEGIN IMMEDIATE, COMMIT, a read).
 */
export async function whenUnlocked<T>(
  attempt: () => T,
  { waitMs, onWait, stats }: { waitMs: number; onWait?: (waitedMs: number) => void; stats: LockWaits },
): Promise<T> {
  const started = performance.now();
  let reported = 0;
  for (let n = 0; ; n++) {
    try {
      const value = attempt();
      if (n > 0) stats.maxWaitMs = Math.max(stats.maxWaitMs, performance.now() - started);
      return value;
    } catch (error) {
      if (!isSqliteBusy(error)) throw error;
      stats.waits++;
      const waited = performance.now() - started;
      if (waited >= waitMs) {
        stats.busy++;
        stats.maxWaitMs = Math.max(stats.maxWaitMs, waited);
        throw busyAsStoreError(error, waited);
      }
      if (onWait && waited - reported >= 30_000) {
        reported = waited;
        onWait(waited);
      }
      await sleep(Math.min(lockBackoff(n), Math.max(1, waitMs - waited)));
    }
  }
}

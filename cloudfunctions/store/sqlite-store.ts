/**
 * The embedded adapter: SQLite through better-sqlite3 (local runs and tests).
 * Each collection is a table of JSON documents keyed by id (`c_<collection>`), with expression
 * indexes on the fields it declares — one table per collection, not one for all, so a write
 * maintains only its own collection's indexes (measured: with one shared table every insert
 * evaluated all 17 index expressions). One connection, WAL, synchronous=NORMAL, prepared
 * statements cached, and a FIFO lock around every transaction and read (DESIGN.md "Storage").
 *
 * Other connections (a local command beside the host, the dataset loader's threads) may write the
 * same file (issue 18). SQLite's own busy handler blocks the thread while it waits, so it is kept
 * short (BUSY_TIMEOUT_MS); the rest of the wait for another writer's lock is asynchronous, with
 * backoff, up to the store's LOCK_WAIT_MS, and then the store answers StoreError('BUSY') — never
 * SQLite's raw error, and never with half a transaction written. Bulk writes commit every
 * BULK_TX_MS so no other writer waits long on them.
 */
import Database from 'better-sqlite3';
import { COLLECTIONS, type CollectionName } from './collections';
import { FifoLock } from './fifo-lock';
import {
  BULK_TX_MS,
  BUSY_TIMEOUT_MS,
  type BulkPutOptions,
  LOCK_WAIT_MS,
  type LockWaits,
  busyAsStoreError,
  whenUnlocked,
} from './sqlite-busy';
import type { Doc, DocData, Filter, FindOptions, Page, Store, Tx, UpdateSpec } from './port';
import { MAX_PAGE, StoreError, decodeCursor, encodeCursor } from './port';

import { type SqlValue, fieldSql, filterSql, sqlValue, table, withId, withoutBound } from './sqlite-sql';

export { type BulkPutOptions, LOCK_WAIT_MS, type LockWaits, isSqliteBusy } from './sqlite-busy';

/** At most this many queued transactions share one commit. */
const MAX_BATCH = 256;

interface PendingTx {
  fn: (tx: Tx) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for tests. */
  filename: string;
  /** How long transactions and reads wait for another connection's write lock (default LOCK_WAIT_MS). */
  lockWaitMs?: number;
}

export class SqliteStore implements Store {
  /** Transactions queued together run in one group commit (see `transaction`). */
  readonly groupCommit = true;
  private readonly db: Database.Database;
  private readonly lock = new FifoLock();
  private readonly statements = new Map<string, Database.Statement>();
  private readonly pending: PendingTx[] = [];
  private readonly lockWaitMs: number;
  private readonly lockWaits: LockWaits = { waits: 0, maxWaitMs: 0, busy: 0 };

  constructor(options: SqliteStoreOptions) {
    this.lockWaitMs = options.lockWaitMs ?? LOCK_WAIT_MS;
    this.db = new Database(options.filename);
    // Opening may have to wait (a new file, a new collection's table): synchronously, once, for
    // as long as a transaction would; an existing schema needs no lock at all.
    this.db.pragma(`busy_timeout = ${Math.min(this.lockWaitMs, LOCK_WAIT_MS)}`);
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      // 64 MiB of page cache (the default is 2 MiB): a claim touches a dozen tables and their
      // indexes; measured +25% claims/s on a WAL file.
      this.db.pragma('cache_size = -65536');
      for (const [name, spec] of Object.entries(COLLECTIONS)) {
        const t = table(name);
        this.db.exec(`CREATE TABLE IF NOT EXISTS ${t} (id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL) WITHOUT ROWID`);
        for (const index of spec.indexes) {
          const indexName = `idx_${name}_${index.fields.join('_').replace(/\./g, '_')}`;
          this.db.exec(`CREATE INDEX IF NOT EXISTS ${indexName} ON ${t} (${index.fields.map(fieldSql).join(', ')})`);
        }
      }
    } catch (error) {
      this.db.close();
      throw busyAsStoreError(error, this.lockWaitMs);
    }
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }

  /** How often and how long this connection waited for another's lock (benchmarks, tests). */
  lockWaitStats(): LockWaits {
    return { ...this.lockWaits };
  }

  /** whenUnlocked (sqlite-busy.ts) on this connection, counted in its lock-wait figures. */
  private whenUnlocked<T>(attempt: () => T, waitMs: number, onWait?: (waitedMs: number) => void): Promise<T> {
    return whenUnlocked(attempt, { waitMs, onWait, stats: this.lockWaits });
  }

  /** better-sqlite3 statements are reusable; preparing each call cost more than running it. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /**
   * Group commit: transactions that queue up while one commit is under way run together inside
   * one SQLite transaction, each in its own savepoint (rolled back alone when its callback
   * throws), and all are answered after the one COMMIT. Every caller still gets all-or-nothing
   * for its own writes and sees the writes of those before it, as if run one by one; a storm of
   * claims shares the commit's page writes (the county's quota, counter and chain-head pages)
   * instead of writing them once per claim.
   */
  transaction<R>(fn: (tx: Tx) => Promise<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ fn, resolve, reject } as PendingTx);
      if (this.pending.length === 1) void this.lock.run(() => this.runBatch());
    });
  }

  /**
   * One group commit. Issue 18: BEGIN IMMEDIATE may find another connection's write lock — no
   * callback has run yet, so it is simply attempted again (whenUnlocked) and, past the wait,
   * every caller hears BUSY. COMMIT that finds a lock keeps the transaction open and is attempted
   * again; the callbacks are never run again, so none runs twice in a committed transaction.
   * Never rejects: every caller of the batch is answered, whatever fails.
   */
  private async runBatch(): Promise<void> {
    const batch = this.pending.splice(0, MAX_BATCH);
    if (batch.length === 0) return;
    if (this.pending.length > 0) void this.lock.run(() => this.runBatch());
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      await this.whenUnlocked(() => this.sql('BEGIN IMMEDIATE').run(), this.lockWaitMs);
    } catch (error) {
      for (const p of batch) p.reject(busyAsStoreError(error));
      return;
    }
    try {
      for (const p of batch) {
        this.sql('SAVEPOINT tx').run();
        try {
          const value = await p.fn(this.makeTx());
          this.sql('RELEASE tx').run();
          outcomes.push({ ok: true, value });
        } catch (error) {
          this.sql('ROLLBACK TO tx').run();
          this.sql('RELEASE tx').run();
          outcomes.push({ ok: false, error: busyAsStoreError(error) });
        }
      }
      await this.whenUnlocked(() => this.sql('COMMIT').run(), this.lockWaitMs);
    } catch (error) {
      // Nothing of the batch was committed: every caller hears so.
      this.rollbackQuietly();
      for (const p of batch) p.reject(busyAsStoreError(error));
      return;
    }
    batch.forEach((p, i) => {
      const o = outcomes[i];
      if (o.ok) p.resolve(o.value);
      else p.reject(o.error);
    });
  }

  private rollbackQuietly(): void {
    try {
      if (this.db.inTransaction) this.sql('ROLLBACK').run();
    } catch {
      // SQLite has already rolled the transaction back (e.g. after SQLITE_FULL).
    }
  }

  get<T extends Doc>(collection: CollectionName, id: string): Promise<T | null> {
    return this.readInTurn(() => this.read<T>(collection, id));
  }

  /** A read outside a transaction, in turn; in WAL it never waits for a writer, but SQLite may still say busy (recovery). */
  private readInTurn<T>(fn: () => T): Promise<T> {
    return this.lock.run(() => this.whenUnlocked(fn, this.lockWaitMs));
  }

  find<T extends Doc>(collection: CollectionName, filter?: Filter, options: FindOptions = {}): Promise<Page<T>> {
    return this.readInTurn(() => {
      const t = table(collection);
      const limit = options.limit ?? 100;
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
        throw new StoreError('INVALID_QUERY', `limit must be 1–${MAX_PAGE}`);
      }
      const orderField = options.orderBy?.field ?? '_id';
      const desc = options.orderBy?.direction === 'desc';
      const orderExpr = fieldSql(orderField);
      const params: SqlValue[] = [];
      const clauses = ['1'];
      const cursor = options.after ? decodeCursor(options.after) : null;
      // After a cursor, the filter's own bound on the order field in the paging direction is
      // implied by the cursor's (the cursor item met it) and would keep SQLite from seeking to the
      // cursor: each page would rescan from that bound. Leave it to the cursor.
      const effective = filter && cursor && cursor[0] !== null ? withoutBound(filter, orderField, desc) : filter;
      if (effective) clauses.push(filterSql(effective, params));
      if (cursor) {
        const [value, id] = cursor;
        const cmp = desc ? '<' : '>';
        // SQLite puts NULL (a missing field) before every value: first going up, last going down.
        if (value === null) {
          // Past a null: the nulls after it, then (going up) every value.
          clauses.push(desc ? `(${orderExpr} IS NULL AND id < ?)` : `(${orderExpr} IS NOT NULL OR id > ?)`);
          params.push(id);
        } else {
          // The plain bound lets SQLite seek the index to the cursor (it does not seek on the row
          // value alone): deep pages of a 200k-row ledger cost what the first page costs. (Going
          // down, the nulls that follow the last value are read below, apart: an OR here would
          // cost the seek.)
          clauses.push(`${orderExpr} ${cmp}= ? AND (${orderExpr}, id) ${cmp} (?, ?)`);
          params.push(sqlValue(value), sqlValue(value), id);
        }
      }
      const dir = desc ? 'DESC' : 'ASC';
      const rows = this.sql(`SELECT id, doc FROM ${t} WHERE ${clauses.join(' AND ')} ORDER BY ${orderExpr} ${dir}, id ${dir} LIMIT ?`).all(
        ...params,
        limit + 1,
      ) as { id: string; doc: string }[];
      if (desc && cursor && cursor[0] !== null && rows.length <= limit) {
        // Going down past a value, the page ends with the nulls (missing fields), after every value.
        const nullParams: SqlValue[] = [];
        // The whole filter: a bound on the order field it has (dropped above for the seek) excludes the nulls.
        const nullWhere = filter ? `${filterSql(filter, nullParams)} AND ` : '';
        rows.push(
          ...(this.sql(`SELECT id, doc FROM ${t} WHERE ${nullWhere}${orderExpr} IS NULL ORDER BY id DESC LIMIT ?`).all(...nullParams, limit + 1 - rows.length) as { id: string; doc: string }[]),
        );
      }
      const items = rows.slice(0, limit).map((r) => withId<T>(r.doc, r.id));
      const page: Page<T> = { items };
      if (rows.length > limit) {
        const last = items[items.length - 1];
        const lastValue = orderField === '_id' ? last._id : this.orderValue(t, last._id, orderExpr);
        page.next = encodeCursor(lastValue, last._id);
      }
      return page;
    });
  }

  count(collection: CollectionName, filter?: Filter): Promise<number> {
    return this.readInTurn(() => {
      const t = table(collection);
      const params: SqlValue[] = [];
      const where = filter ? ` WHERE ${filterSql(filter, params)}` : '';
      const row = this.sql(`SELECT COUNT(*) AS n FROM ${t}${where}`).get(...params) as { n: number };
      return row.n;
    });
  }

  /**
   * Bulk loading (dataset generators): INSERT OR REPLACE of many documents, same table and JSON
   * layout as a transaction's `set`, in SQLite transactions of at most BULK_TX_MS each (issue
   * 18: one long transaction kept other writers waiting past their timeout), each waiting for
   * another connection's lock as long as `lockWaitMs`. Not for use cases: it bypasses the
   * transaction API, so it writes no ledger entries or counters of its own, and a failure leaves
   * the chunks before it written (a load that fails is loaded again from scratch).
   */
  async bulkPut(collection: CollectionName, docs: readonly Doc[], options: BulkPutOptions = {}): Promise<number> {
    const waitMs = options.lockWaitMs ?? this.lockWaitMs;
    const txMs = options.txMs ?? BULK_TX_MS;
    let next = 0;
    while (next < docs.length) {
      next = await this.lock.run(async () => {
        const statement = this.sql(`INSERT OR REPLACE INTO ${table(collection)} (id, doc) VALUES (?, ?)`);
        await this.whenUnlocked(() => this.sql('BEGIN IMMEDIATE').run(), waitMs, options.onWait);
        const began = performance.now();
        let i = next;
        try {
          do {
            const { _id, ...rest } = docs[i++] as Doc & Record<string, unknown>;
            statement.run(_id, JSON.stringify(rest));
          } while (i < docs.length && (i % 64 !== 0 || performance.now() - began < txMs));
          await this.whenUnlocked(() => this.sql('COMMIT').run(), waitMs, options.onWait);
        } catch (error) {
          this.rollbackQuietly();
          throw busyAsStoreError(error);
        }
        return i;
      });
    }
    return docs.length;
  }

  async close(): Promise<void> {
    await this.lock.run(() => this.db.close());
  }

  /** The order value exactly as SQLite sees it, so the cursor compares like the ORDER BY. */
  private orderValue(t: string, id: string, orderExpr: string): SqlValue {
    const row = this.sql(`SELECT ${orderExpr} AS v FROM ${t} WHERE id = ?`).get(id) as { v: SqlValue };
    return row.v;
  }

  private read<T extends Doc>(collection: string, id: string): T | null {
    const row = this.sql(`SELECT doc FROM ${table(collection)} WHERE id = ?`).get(id) as { doc: string } | undefined;
    return row ? withId<T>(row.doc, id) : null;
  }

  private write(collection: string, id: string, data: Record<string, unknown>): void {
    const { _id: _ignored, ...rest } = data;
    this.sql(`INSERT INTO ${table(collection)} (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`).run(
      id,
      JSON.stringify(rest),
    );
  }

  private makeTx(): Tx {
    return {
      get: async <T extends Doc>(collection: CollectionName, id: string) => this.read<T>(collection, id),
      create: async <T extends Doc>(collection: CollectionName, id: string, data: DocData<T>) => {
        if (this.read(collection, id)) throw new StoreError('DUPLICATE', `${collection}/${id} exists`);
        this.write(collection, id, data as Record<string, unknown>);
      },
      set: async <T extends Doc>(collection: CollectionName, id: string, data: DocData<T>) => {
        this.write(collection, id, data as Record<string, unknown>);
      },
      update: async (collection: CollectionName, id: string, spec: UpdateSpec) => {
        const current = this.read(collection, id);
        if (!current) throw new StoreError('NOT_FOUND', `${collection}/${id} does not exist`);
        const next: Record<string, unknown> = { ...current, ...spec.set };
        for (const [field, by] of Object.entries(spec.inc ?? {})) {
          const prev = next[field];
          next[field] = (typeof prev === 'number' ? prev : 0) + by;
        }
        this.write(collection, id, next);
      },
      remove: async (collection: CollectionName, id: string) => {
        this.sql(`DELETE FROM ${table(collection)} WHERE id = ?`).run(id);
      },
    };
  }
}

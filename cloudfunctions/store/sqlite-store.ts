/**
 * The embedded adapter: SQLite through better-sqlite3 (local runs and tests).
 * Each collection is a table of JSON documents keyed by id (`c_<collection>`), with expression
 * indexes on the fields it declares — one table per collection, not one for all, so a write
 * maintains only its own collection's indexes (measured: with one shared table every insert
 * evaluated all 17 index expressions). One connection, WAL, synchronous=NORMAL, prepared
 * statements cached, and a FIFO lock around every transaction and read (DESIGN.md "Storage").
 */
import Database from 'better-sqlite3';
import { COLLECTIONS, type CollectionName, isCollectionName } from './collections';
import { FifoLock } from './fifo-lock';
import {
  type Doc,
  type DocData,
  type Filter,
  type FindOptions,
  MAX_PAGE,
  type Page,
  type Store,
  StoreError,
  type Tx,
  type UpdateSpec,
  decodeCursor,
  encodeCursor,
} from './port';

type SqlValue = string | number | null;

const FIELD_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** `filter` without its top-level bounds on `field` in the paging direction (< and ≤ going down). */
function withoutBound(filter: Filter, field: string, desc: boolean): Filter | undefined {
  const ops = desc ? ['lt', 'lte'] : ['gt', 'gte'];
  const isBound = (f: Filter) => 'field' in f && f.field === field && ops.includes(f.op);
  if (isBound(filter)) return undefined;
  if ('and' in filter) {
    const rest = filter.and.filter((f) => !isBound(f));
    return rest.length === 0 ? undefined : { and: rest };
  }
  return filter;
}

/** A stored document with its id (set on the parsed object: copying a large one costs more than parsing it). */
function withId<T>(json: string, id: string): T {
  const doc = JSON.parse(json) as Record<string, unknown>;
  doc._id = id;
  return doc as T;
}

/** The SQL expression for a document field (`_id` is the key column). */
function fieldSql(field: string): string {
  if (field === '_id') return 'id';
  if (!FIELD_PATTERN.test(field)) throw new StoreError('INVALID_QUERY', `bad field name: ${field}`);
  return `json_extract(doc, '$.${field}')`;
}

/** JSON values as SQLite compares them: json_extract answers booleans as 1/0. */
function sqlValue(value: unknown): SqlValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' || typeof value === 'string') return value;
  throw new StoreError('INVALID_QUERY', 'filter values must be strings, numbers, booleans or null');
}

const OPERATORS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

function filterSql(filter: Filter, params: SqlValue[]): string {
  if ('and' in filter || 'or' in filter) {
    const parts = 'and' in filter ? filter.and : filter.or;
    if (parts.length === 0) return 'and' in filter ? '1' : '0';
    const joiner = 'and' in filter ? ' AND ' : ' OR ';
    return `(${parts.map((p) => filterSql(p, params)).join(joiner)})`;
  }
  const expr = fieldSql(filter.field);
  switch (filter.op) {
    case 'eq':
      params.push(sqlValue(filter.value));
      return `${expr} IS ?`;
    case 'ne':
      params.push(sqlValue(filter.value));
      return `${expr} IS NOT ?`;
    case 'in': {
      if (!Array.isArray(filter.value)) throw new StoreError('INVALID_QUERY', '`in` takes an array');
      if (filter.value.length === 0) return '0';
      for (const v of filter.value) params.push(sqlValue(v));
      return `${expr} IN (${filter.value.map(() => '?').join(', ')})`;
    }
    default:
      params.push(sqlValue(filter.value));
      return `${expr} ${OPERATORS[filter.op]} ?`;
  }
}

/** The table of a collection; names come from the declared list only, so they are safe in SQL. */
function table(name: string): string {
  if (!isCollectionName(name)) throw new StoreError('INVALID_QUERY', `unknown collection: ${name}`);
  return `c_${name}`;
}

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
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly lock = new FifoLock();
  private readonly statements = new Map<string, Database.Statement>();
  private readonly pending: PendingTx[] = [];

  constructor(options: SqliteStoreOptions) {
    this.db = new Database(options.filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
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

  private async runBatch(): Promise<void> {
    const batch = this.pending.splice(0, MAX_BATCH);
    if (batch.length === 0) return;
    if (this.pending.length > 0) void this.lock.run(() => this.runBatch());
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    this.sql('BEGIN IMMEDIATE').run();
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
          outcomes.push({ ok: false, error });
        }
      }
      this.sql('COMMIT').run();
    } catch (error) {
      // Nothing of the batch was committed: every caller hears so.
      if (this.db.inTransaction) this.sql('ROLLBACK').run();
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => {
      const o = outcomes[i];
      if (o.ok) p.resolve(o.value);
      else p.reject(o.error);
    });
  }

  get<T extends Doc>(collection: CollectionName, id: string): Promise<T | null> {
    return this.lock.run(() => this.read<T>(collection, id));
  }

  find<T extends Doc>(collection: CollectionName, filter?: Filter, options: FindOptions = {}): Promise<Page<T>> {
    return this.lock.run(() => {
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
        if (value === null) {
          clauses.push(`(${orderExpr} ${cmp} ? OR (${orderExpr} IS ? AND id ${cmp} ?))`);
          params.push(sqlValue(value), sqlValue(value), id);
        } else {
          // The plain bound lets SQLite seek the index to the cursor (it does not seek on the row
          // value alone): deep pages of a 200k-row ledger cost what the first page costs.
          clauses.push(`${orderExpr} ${cmp}= ? AND (${orderExpr}, id) ${cmp} (?, ?)`);
          params.push(sqlValue(value), sqlValue(value), id);
        }
      }
      const dir = desc ? 'DESC' : 'ASC';
      const rows = this.sql(`SELECT id, doc FROM ${t} WHERE ${clauses.join(' AND ')} ORDER BY ${orderExpr} ${dir}, id ${dir} LIMIT ?`).all(
        ...params,
        limit + 1,
      ) as { id: string; doc: string }[];
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
    return this.lock.run(() => {
      const t = table(collection);
      const params: SqlValue[] = [];
      const where = filter ? ` WHERE ${filterSql(filter, params)}` : '';
      const row = this.sql(`SELECT COUNT(*) AS n FROM ${t}${where}`).get(...params) as { n: number };
      return row.n;
    });
  }

  /**
   * Bulk loading (dataset generators): INSERT OR REPLACE of many documents in one SQLite
   * transaction, same table and JSON layout as a transaction's `set`. Not for use cases: it
   * bypasses the transaction API, so it writes no ledger entries or counters of its own.
   */
  bulkPut(collection: CollectionName, docs: readonly Doc[]): Promise<number> {
    return this.lock.run(() => {
      const statement = this.sql(`INSERT OR REPLACE INTO ${table(collection)} (id, doc) VALUES (?, ?)`);
      const load = this.db.transaction((items: readonly Doc[]) => {
        for (const d of items) {
          const { _id, ...rest } = d as Doc & Record<string, unknown>;
          statement.run(_id, JSON.stringify(rest));
        }
      });
      load(docs);
      return docs.length;
    });
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

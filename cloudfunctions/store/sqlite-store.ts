/**
 * The embedded adapter: SQLite through better-sqlite3 (local runs and tests).
 * Documents live in one table keyed by (collection, id), as JSON, with expression indexes on
 * the fields each collection declares. One connection, WAL, synchronous=NORMAL, and a FIFO lock
 * around every transaction and read (DESIGN.md "Storage").
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

function assertCollection(name: string): void {
  if (!isCollectionName(name)) throw new StoreError('INVALID_QUERY', `unknown collection: ${name}`);
}

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for tests. */
  filename: string;
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly lock = new FifoLock();

  constructor(options: SqliteStoreOptions) {
    this.db = new Database(options.filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS docs (collection TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (collection, id)) WITHOUT ROWID',
    );
    for (const [name, spec] of Object.entries(COLLECTIONS)) {
      for (const index of spec.indexes) {
        const indexName = `idx_${name}_${index.fields.join('_').replace(/\./g, '_')}`;
        const columns = ['collection', ...index.fields.map(fieldSql)].join(', ');
        this.db.exec(`CREATE INDEX IF NOT EXISTS ${indexName} ON docs (${columns})`);
      }
    }
  }

  transaction<R>(fn: (tx: Tx) => Promise<R>): Promise<R> {
    return this.lock.run(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.makeTx());
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  get<T extends Doc>(collection: CollectionName, id: string): Promise<T | null> {
    return this.lock.run(() => this.read<T>(collection, id));
  }

  find<T extends Doc>(collection: CollectionName, filter?: Filter, options: FindOptions = {}): Promise<Page<T>> {
    return this.lock.run(() => {
      assertCollection(collection);
      const limit = options.limit ?? 100;
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
        throw new StoreError('INVALID_QUERY', `limit must be 1–${MAX_PAGE}`);
      }
      const orderField = options.orderBy?.field ?? '_id';
      const desc = options.orderBy?.direction === 'desc';
      const orderExpr = fieldSql(orderField);
      const params: SqlValue[] = [collection];
      const clauses = ['collection = ?'];
      if (filter) clauses.push(filterSql(filter, params));
      if (options.after) {
        const [value, id] = decodeCursor(options.after);
        const cmp = desc ? '<' : '>';
        clauses.push(`(${orderExpr} ${cmp} ? OR (${orderExpr} IS ? AND id ${cmp} ?))`);
        params.push(sqlValue(value), sqlValue(value), id);
      }
      const dir = desc ? 'DESC' : 'ASC';
      const rows = this.db
        .prepare(
          `SELECT id, doc FROM docs WHERE ${clauses.join(' AND ')} ORDER BY ${orderExpr} ${dir}, id ${dir} LIMIT ?`,
        )
        .all(...params, limit + 1) as { id: string; doc: string }[];
      const items = rows.slice(0, limit).map((r) => ({ ...JSON.parse(r.doc), _id: r.id }) as T);
      const page: Page<T> = { items };
      if (rows.length > limit) {
        const last = items[items.length - 1];
        const lastValue = orderField === '_id' ? last._id : this.orderValue(collection, last._id, orderExpr);
        page.next = encodeCursor(lastValue, last._id);
      }
      return page;
    });
  }

  count(collection: CollectionName, filter?: Filter): Promise<number> {
    return this.lock.run(() => {
      assertCollection(collection);
      const params: SqlValue[] = [collection];
      const where = filter ? ` AND ${filterSql(filter, params)}` : '';
      const row = this.db.prepare(`SELECT COUNT(*) AS n FROM docs WHERE collection = ?${where}`).get(...params) as {
        n: number;
      };
      return row.n;
    });
  }

  async close(): Promise<void> {
    await this.lock.run(() => this.db.close());
  }

  /** The order value exactly as SQLite sees it, so the cursor compares like the ORDER BY. */
  private orderValue(collection: string, id: string, orderExpr: string): SqlValue {
    const row = this.db.prepare(`SELECT ${orderExpr} AS v FROM docs WHERE collection = ? AND id = ?`).get(collection, id) as {
      v: SqlValue;
    };
    return row.v;
  }

  private read<T extends Doc>(collection: string, id: string): T | null {
    assertCollection(collection);
    const row = this.db.prepare('SELECT doc FROM docs WHERE collection = ? AND id = ?').get(collection, id) as
      | { doc: string }
      | undefined;
    return row ? ({ ...JSON.parse(row.doc), _id: id } as T) : null;
  }

  private write(collection: string, id: string, data: Record<string, unknown>): void {
    const { _id: _ignored, ...rest } = data;
    this.db
      .prepare('INSERT INTO docs (collection, id, doc) VALUES (?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET doc = excluded.doc')
      .run(collection, id, JSON.stringify(rest));
  }

  private makeTx(): Tx {
    return {
      get: async <T extends Doc>(collection: CollectionName, id: string) => this.read<T>(collection, id),
      create: async <T extends Doc>(collection: CollectionName, id: string, data: DocData<T>) => {
        if (this.read(collection, id)) throw new StoreError('DUPLICATE', `${collection}/${id} exists`);
        this.write(collection, id, data as Record<string, unknown>);
      },
      set: async <T extends Doc>(collection: CollectionName, id: string, data: DocData<T>) => {
        assertCollection(collection);
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
        assertCollection(collection);
        this.db.prepare('DELETE FROM docs WHERE collection = ? AND id = ?').run(collection, id);
      },
    };
  }
}

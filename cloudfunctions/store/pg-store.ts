/**
 * The Store port on PostgreSQL (issue 17): one table per collection (`id text`, `doc jsonb`) with
 * the declared indexes as expression indexes. Transactions run at REPEATABLE READ — snapshot
 * isolation, as CloudBase's — so concurrent writers of one document really conflict: the loser's
 * statement fails with 40001 and the whole callback is run again at once, as the CloudBase SDK
 * does, the same number of times (`conflictRetries`, default 3); past them the caller hears BUSY.
 * Several host processes may share one database. The local host uses it when `DATABASE_URL` is a
 * `postgres://` URL; the database should use the C collation (strings compare byte-wise, as
 * SQLite and CloudBase compare them).
 */
import { Pool, type PoolClient } from 'pg';
import { COLLECTIONS, type CollectionName } from './collections';
import type { Doc, DocData, Filter, FindOptions, Page, Store, Tx, UpdateSpec } from './port';
import { MAX_PAGE, StoreError, decodeCursor, encodeCursor, fieldOf } from './port';
import { Params, pgAfter, pgField, pgFilter, pgTable } from './pg-sql';

export interface PgStoreOptions {
  connectionString: string;
  /** Extra runs of a transaction callback on a conflict before BUSY (CloudBase's SDK: 3). */
  conflictRetries?: number;
  /** Connections this process keeps (CloudBase's basic plan allows 20 in all). */
  maxConnections?: number;
}

/** serialization_failure, deadlock_detected: the transaction lost to another and may be run again. */
const CONFLICT_CODES = new Set(['40001', '40P01']);
const codeOf = (e: unknown): string => String((e as { code?: unknown })?.code ?? '');
/** A fixed key for the schema's advisory lock: processes starting together create it once. */
const SCHEMA_LOCK = 7_311_742;

export class PgStore implements Store {
  private readonly pool: Pool;
  private ready: Promise<void> | null = null;
  /** Conflicts met and transactions given up as BUSY (benchmarks). */
  readonly stats = { conflicts: 0, busy: 0 };

  constructor(private readonly options: PgStoreOptions) {
    this.pool = new Pool({ connectionString: options.connectionString, max: options.maxConnections ?? 10 });
  }

  /** Tables and indexes, once per process (IF NOT EXISTS, under an advisory lock). */
  private schema(): Promise<void> {
    this.ready ??= (async () => {
      const client = await this.pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
        for (const [name, spec] of Object.entries(COLLECTIONS)) {
          const t = pgTable(name);
          await client.query(`CREATE TABLE IF NOT EXISTS ${t} (id text PRIMARY KEY, doc jsonb NOT NULL)`);
          for (const index of spec.indexes) {
            const indexName = `${t}_${index.fields.join('_').replace(/\./g, '_')}`.toLowerCase().slice(0, 63);
            await client.query(`CREATE INDEX IF NOT EXISTS ${indexName} ON ${t} (${index.fields.map((f) => `(${pgField(f)})`).join(', ')})`);
          }
        }
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]).catch(() => undefined);
        client.release();
      }
    })();
    return this.ready;
  }

  async transaction<R>(fn: (tx: Tx) => Promise<R>): Promise<R> {
    await this.schema();
    const retries = this.options.conflictRetries ?? 3;
    for (let attempt = 0; ; attempt++) {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
        const value = await fn(this.makeTx(client));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (!CONFLICT_CODES.has(codeOf(error))) throw error;
        this.stats.conflicts++;
        if (attempt >= retries) {
          this.stats.busy++;
          throw new StoreError('BUSY', 'transaction conflict persisted');
        }
      } finally {
        client.release();
      }
    }
  }

  async get<T extends Doc>(collection: CollectionName, id: string): Promise<T | null> {
    await this.schema();
    return readDoc<T>(this.pool, collection, id);
  }

  async find<T extends Doc>(collection: CollectionName, filter?: Filter, options: FindOptions = {}): Promise<Page<T>> {
    await this.schema();
    const limit = options.limit ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw new StoreError('INVALID_QUERY', `limit must be 1–${MAX_PAGE}`);
    const field = options.orderBy?.field ?? '_id';
    const desc = options.orderBy?.direction === 'desc';
    const expr = pgField(field);
    const params = new Params();
    const clauses = ['TRUE'];
    if (filter) clauses.push(pgFilter(filter, params));
    if (options.after) {
      const [value, id] = decodeCursor(options.after);
      clauses.push(pgAfter(expr, field, value, id, desc, params));
    }
    const order = field === '_id' ? `id ${desc ? 'DESC' : 'ASC'}` : desc ? `${expr} DESC NULLS LAST, id DESC` : `${expr} ASC NULLS FIRST, id ASC`;
    const rows = await this.pool.query<{ id: string; doc: Record<string, unknown> }>(
      `SELECT id, doc FROM ${pgTable(collection)} WHERE ${clauses.join(' AND ')} ORDER BY ${order} LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
    const items = rows.rows.slice(0, limit).map((r) => ({ ...r.doc, _id: r.id }) as unknown as T);
    const page: Page<T> = { items };
    if (rows.rows.length > limit) {
      const last = items[items.length - 1];
      const value = field === '_id' ? last._id : (fieldOf(last as unknown as Record<string, unknown>, field) ?? null);
      page.next = encodeCursor(value, last._id);
    }
    return page;
  }

  async count(collection: CollectionName, filter?: Filter): Promise<number> {
    await this.schema();
    const params = new Params();
    const where = filter ? ` WHERE ${pgFilter(filter, params)}` : '';
    const rows = await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${pgTable(collection)}${where}`, params.values);
    return Number(rows.rows[0].n);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private makeTx(client: PoolClient): Tx {
    const write = async (collection: CollectionName, id: string, data: Record<string, unknown>) => {
      const { _id: _ignored, ...rest } = data;
      await client.query(`INSERT INTO ${pgTable(collection)} (id, doc) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`, [id, rest]);
    };
    return {
      get: <T extends Doc>(collection: CollectionName, id: string) => readDoc<T>(client, collection, id),
      create: async <T extends Doc>(collection: CollectionName, id: string, data: DocData<T>) => {
        const { _id: _ignored, ...rest } = data as Record<string, unknown>;
        // DO NOTHING keeps the transaction usable; a row another transaction holds uncommitted is
        // waited for, and one committed after our snapshot is a conflict (40001), run again.
        const res = await client.query(`INSERT INTO ${pgTable(collection)} (id, doc) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING`, [id, rest]);
        if (res.rowCount === 0) throw new StoreError('DUPLICATE', `${collection}/${id} exists`);
      },
      set: async <T extends Doc>(collection: CollectionName, id: string, data: DocData<T>) => write(collection, id, data as Record<string, unknown>),
      update: async (collection: CollectionName, id: string, spec: UpdateSpec) => {
        const current = await readDoc<Doc & Record<string, unknown>>(client, collection, id);
        if (!current) throw new StoreError('NOT_FOUND', `${collection}/${id} does not exist`);
        const next: Record<string, unknown> = { ...current, ...spec.set };
        for (const [field, by] of Object.entries(spec.inc ?? {})) {
          const prev = next[field];
          next[field] = (typeof prev === 'number' ? prev : 0) + by;
        }
        await write(collection, id, next);
      },
      remove: async (collection: CollectionName, id: string) => {
        await client.query(`DELETE FROM ${pgTable(collection)} WHERE id = $1`, [id]);
      },
    };
  }
}

async function readDoc<T extends Doc>(db: Pick<Pool, 'query'> | PoolClient, collection: CollectionName, id: string): Promise<T | null> {
  const rows = await db.query<{ doc: Record<string, unknown> }>(`SELECT doc FROM ${pgTable(collection)} WHERE id = $1`, [id]);
  return rows.rows[0] ? ({ ...rows.rows[0].doc, _id: id } as unknown as T) : null;
}

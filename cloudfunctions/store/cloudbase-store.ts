/**
 * The CloudBase adapter over `@cloudbase/node-sdk` (production).
 *
 * The SDK is required and initialised lazily, here only: its `init()` pings a metadata host and
 * leaves a timer, which must not happen in tests, local runs, or when a bundle is merely loaded.
 * Its transaction API is typed `any`; this file wraps it in the typed port.
 */
import type { CollectionName } from './collections';
import type { Doc, DocData, Filter, FindOptions, Page, Store, Tx, UpdateSpec } from './port';
import { MAX_PAGE, StoreError, decodeCursor, encodeCursor, fieldOf } from './port';

/* The slice of the SDK this adapter uses (the SDK's own types are `any` where it matters). */
interface TcbQuery {
  where(cond: unknown): TcbQuery;
  orderBy(field: string, dir: 'asc' | 'desc'): TcbQuery;
  limit(n: number): TcbQuery;
  get(): Promise<{ data: Record<string, unknown>[] }>;
  count(): Promise<{ total: number }>;
}
interface TcbDocRef {
  get(): Promise<{ data: unknown }>;
  set(data: Record<string, unknown>): Promise<unknown>;
  update(data: Record<string, unknown>): Promise<{ updated?: number }>;
  remove?(): Promise<unknown>;
  delete?(): Promise<unknown>;
}
interface TcbCollection extends TcbQuery {
  doc(id: string): TcbDocRef;
}
interface TcbCommand {
  set(v: unknown): unknown;
  eq(v: unknown): unknown;
  neq(v: unknown): unknown;
  gt(v: unknown): unknown;
  gte(v: unknown): unknown;
  lt(v: unknown): unknown;
  lte(v: unknown): unknown;
  in(v: unknown[]): unknown;
  and(conds: unknown[]): unknown;
  or(conds: unknown[]): unknown;
  inc(n: number): unknown;
}
interface TcbTransaction {
  collection(name: string): { doc(id: string): TcbDocRef };
}
interface TcbDatabase {
  command: TcbCommand;
  collection(name: string): TcbCollection;
  runTransaction<R>(fn: (tx: TcbTransaction) => Promise<R>, times?: number): Promise<R>;
}
interface TcbModule {
  SYMBOL_CURRENT_ENV: symbol;
  init(options: Record<string, unknown>): { database(): TcbDatabase };
}

export interface CloudbaseStoreOptions {
  /** The CloudBase environment id; default: the function's current environment. */
  env?: string;
  /** Credentials for use outside CloudBase (contract tests from a developer machine). */
  secretId?: string;
  secretKey?: string;
  /** Extra runs of a transaction callback on conflict before BUSY. */
  conflictRetries?: number;
  /** Where the SDK sends its requests (tests point it at a stand-in; default: CloudBase's own). */
  serviceUrl?: string;
}

/**
 * CloudBase answers at most 1000 documents a query, whatever `limit` says (`@cloudbase/database`
 * query.ts caps it). A page asks for one more than it returns to learn whether more follow, so a
 * page returns at most 999.
 */
export const CLOUD_QUERY_CAP = 1000;

const isConflict = (e: unknown): boolean =>
  /DATABASE_TRANSACTION_CONFLICT/.test(String((e as { code?: unknown })?.code ?? '')) ||
  /DATABASE_TRANSACTION_CONFLICT/.test(String((e as { message?: unknown })?.message ?? ''));

/** Strips `_id`: CloudBase refuses to write it inside the document body. */
function body(data: Record<string, unknown>): Record<string, unknown> {
  const { _id: _ignored, ...rest } = data;
  return rest;
}

export class CloudbaseStore implements Store {
  private db: TcbDatabase | null = null;

  constructor(private readonly options: CloudbaseStoreOptions = {}) {}

  /** Lazy: the SDK is loaded and initialised on the first database call only. */
  private database(): TcbDatabase {
    if (!this.db) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const tcb = require('@cloudbase/node-sdk') as TcbModule;
      const app = tcb.init({
        env: this.options.env ?? tcb.SYMBOL_CURRENT_ENV,
        ...(this.options.secretId ? { secretId: this.options.secretId, secretKey: this.options.secretKey } : {}),
        ...(this.options.serviceUrl ? { serviceUrl: this.options.serviceUrl } : {}),
      });
      this.db = app.database();
    }
    return this.db;
  }

  async transaction<R>(fn: (tx: Tx) => Promise<R>): Promise<R> {
    const db = this.database();
    // The SDK may wrap what the callback threw; keep the original to rethrow it unchanged.
    let thrown: { error: unknown } | null = null;
    try {
      return await db.runTransaction(async (raw) => {
        thrown = null;
        try {
          return await fn(this.makeTx(raw, db.command));
        } catch (error) {
          thrown = { error };
          throw error;
        }
      }, this.options.conflictRetries ?? 3);
    } catch (error) {
      if (thrown && !isConflict((thrown as { error: unknown }).error)) throw (thrown as { error: unknown }).error;
      if (isConflict(error)) throw new StoreError('BUSY', 'transaction conflict persisted');
      throw error;
    }
  }

  async get<T extends Doc>(collection: CollectionName, id: string): Promise<T | null> {
    const res = await this.database().collection(collection).doc(id).get();
    // Outside a transaction the SDK answers `{ data: [doc] }`.
    const rows = res.data as Record<string, unknown>[];
    return rows.length ? ({ ...rows[0], _id: id } as T) : null;
  }

  async find<T extends Doc>(collection: CollectionName, filter?: Filter, options: FindOptions = {}): Promise<Page<T>> {
    const limit = options.limit ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
      throw new StoreError('INVALID_QUERY', `limit must be 1–${MAX_PAGE}`);
    }
    const db = this.database();
    const _ = db.command;
    const field = options.orderBy?.field ?? '_id';
    const dir = options.orderBy?.direction === 'desc' ? 'desc' : 'asc';
    const conds: unknown[] = [];
    if (filter) conds.push(this.condition(filter, _));
    if (options.after) {
      const [value, id] = decodeCursor(options.after);
      const past = dir === 'desc' ? _.lt.bind(_) : _.gt.bind(_);
      // A missing field (null) sorts before every value, as on the other stores: first going up,
      // last going down; comparisons with a value never match it, so it is named on its own.
      let after: unknown;
      if (field === '_id') after = { _id: past(id) };
      else if (value === null || value === undefined) {
        after = dir === 'desc' ? { [field]: _.eq(null), _id: past(id) } : _.or([{ [field]: _.neq(null) }, { [field]: _.eq(null), _id: past(id) }]);
      } else {
        const sameOrPast = [{ [field]: past(value) }, { [field]: _.eq(value), _id: past(id) }];
        after = _.or(dir === 'desc' ? [...sameOrPast, { [field]: _.eq(null) }] : sameOrPast);
      }
      conds.push(after);
    }
    let query: TcbQuery = db.collection(collection);
    if (conds.length) query = query.where(conds.length === 1 ? conds[0] : _.and(conds));
    query = query.orderBy(field, dir);
    if (field !== '_id') query = query.orderBy('_id', dir);
    // One more than the page, within the cap: a full answer means more follow.
    const ask = Math.min(limit + 1, CLOUD_QUERY_CAP);
    const res = await query.limit(ask).get();
    const items = res.data.slice(0, ask - 1) as T[];
    const page: Page<T> = { items };
    if (res.data.length >= ask) {
      const last = items[items.length - 1];
      page.next = encodeCursor(field === '_id' ? last._id : fieldOf(last, field), last._id);
    }
    return page;
  }

  async count(collection: CollectionName, filter?: Filter): Promise<number> {
    const db = this.database();
    let query: TcbQuery = db.collection(collection);
    if (filter) query = query.where(this.condition(filter, db.command));
    return (await query.count()).total;
  }

  async close(): Promise<void> {
    this.db = null;
  }

  /** Maps the port's filter tree to `db.command`. */
  private condition(filter: Filter, _: TcbCommand): unknown {
    if ('and' in filter) return _.and(filter.and.map((f) => this.condition(f, _)));
    if ('or' in filter) return _.or(filter.or.map((f) => this.condition(f, _)));
    const ops = { eq: _.eq, ne: _.neq, gt: _.gt, gte: _.gte, lt: _.lt, lte: _.lte } as const;
    if (filter.op === 'in') {
      if (!Array.isArray(filter.value)) throw new StoreError('INVALID_QUERY', '`in` takes an array');
      return { [filter.field]: _.in(filter.value) };
    }
    return { [filter.field]: ops[filter.op].call(_, filter.value) };
  }

  private makeTx(raw: TcbTransaction, _: TcbCommand): Tx {
    const ref = (c: CollectionName, id: string) => raw.collection(c).doc(id);
    const read = async <T extends Doc>(c: CollectionName, id: string): Promise<T | null> => {
      // Inside a transaction the SDK answers `{ data: doc | null }`.
      const res = await ref(c, id).get();
      const data = res.data as Record<string, unknown> | null;
      return data ? ({ ...data, _id: id } as T) : null;
    };
    return {
      get: read,
      create: async <T extends Doc>(c: CollectionName, id: string, data: DocData<T>) => {
        if (await read(c, id)) throw new StoreError('DUPLICATE', `${c}/${id} exists`);
        await ref(c, id).set(body(data as Record<string, unknown>));
      },
      set: async <T extends Doc>(c: CollectionName, id: string, data: DocData<T>) => {
        await ref(c, id).set(body(data as Record<string, unknown>));
      },
      update: async (c: CollectionName, id: string, spec: UpdateSpec) => {
        if (!(await read(c, id))) throw new StoreError('NOT_FOUND', `${c}/${id} does not exist`);
        // The port replaces each field given (SqliteStore does the same). The SDK would turn a
        // nested object into dotted `$set` paths and merge it, dropping empty objects: `_.set`
        // keeps the value whole.
        const patch: Record<string, unknown> = {};
        for (const [field, value] of Object.entries(body(spec.set ?? {}))) {
          if (value !== undefined) patch[field] = value !== null && typeof value === 'object' ? _.set(value) : value;
        }
        for (const [field, by] of Object.entries(spec.inc ?? {})) patch[field] = _.inc(by);
        await ref(c, id).update(patch);
      },
      remove: async (c: CollectionName, id: string) => {
        const r = ref(c, id);
        await (r.delete ? r.delete() : r.remove?.());
      },
    };
  }
}

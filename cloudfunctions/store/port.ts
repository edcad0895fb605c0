/**
 * The Store port (DESIGN.md "Storage"): what services may ask of a database.
 *
 * Designed to CloudBase's limits so code that passes locally also works in the cloud:
 * inside a transaction, documents are read and written by collection + id only; queries
 * (filter, order, limit ≤ 1000, cursor) run outside transactions.
 */
import type { CollectionName } from './collections';

/** Every stored document carries its id as `_id`. */
export type Doc = { _id: string };

/** Fields to write; `_id` is given separately. */
export type DocData<T extends Doc> = Omit<T, '_id'>;

export interface UpdateSpec {
  /** Fields to overwrite (dotted paths are not supported: pass the whole sub-object). */
  set?: Record<string, unknown>;
  /** Numeric fields to add to (missing fields count as 0). */
  inc?: Record<string, number>;
}

/**
 * Work inside one transaction. The callback may run more than once (CloudBase re-runs it on
 * DATABASE_TRANSACTION_CONFLICT), so it must have no outside side effects.
 */
export interface Tx {
  get<T extends Doc>(collection: CollectionName, id: string): Promise<T | null>;
  /** Fails with StoreError('DUPLICATE') when the id exists. */
  create<T extends Doc>(collection: CollectionName, id: string, data: DocData<T>): Promise<void>;
  /** Upsert: replaces the whole document. */
  set<T extends Doc>(collection: CollectionName, id: string, data: DocData<T>): Promise<void>;
  /** Fails with StoreError('NOT_FOUND') when the id does not exist. */
  update(collection: CollectionName, id: string, spec: UpdateSpec): Promise<void>;
  remove(collection: CollectionName, id: string): Promise<void>;
}

export type Comparison = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in';

/** A small filter tree that maps to `db.command` in the cloud and to SQL locally. */
export type Filter =
  | { field: string; op: Comparison; value: unknown }
  | { and: Filter[] }
  | { or: Filter[] };

export const where = (field: string, op: Comparison, value: unknown): Filter => ({ field, op, value });
export const and = (...filters: Filter[]): Filter => ({ and: filters });
export const or = (...filters: Filter[]): Filter => ({ or: filters });
/** Ids `{key}:…`: every id from `{key}:` up to `{key};` (`;` follows `:`), an index read by id. */
export const idsUnder = (key: string): Filter => and(where('_id', 'gte', `${key}:`), where('_id', 'lt', `${key};`));

export const MAX_PAGE = 1000;

export interface FindOptions {
  /** One field, ties broken by `_id` in the same direction. Default: `_id` ascending. */
  orderBy?: { field: string; direction?: 'asc' | 'desc' };
  /** ≤ 1000 (CloudBase's limit for one query). Default 100. */
  limit?: number;
  /** The `next` cursor of the previous page. */
  after?: string;
}

export interface Page<T> {
  items: T[];
  /** Cursor for the following page; absent on the last page. */
  next?: string;
}

export interface Store {
  /**
   * True when transactions issued together are committed together without conflicting (the
   * embedded store's group commit): batch work may then issue many at once. CloudBase leaves it
   * unset — concurrent transactions writing one county's documents there conflict and retry.
   */
  readonly groupCommit?: boolean;
  /** Runs `fn` atomically: every write commits, or none does. */
  transaction<R>(fn: (tx: Tx) => Promise<R>): Promise<R>;
  /** Reads one document outside a transaction. */
  get<T extends Doc>(collection: CollectionName, id: string): Promise<T | null>;
  find<T extends Doc>(collection: CollectionName, filter?: Filter, options?: FindOptions): Promise<Page<T>>;
  count(collection: CollectionName, filter?: Filter): Promise<number>;
  close(): Promise<void>;
}

export type StoreErrorCode = 'DUPLICATE' | 'NOT_FOUND' | 'BUSY' | 'INVALID_QUERY';

/** A storage fact a service may act on (e.g. DUPLICATE → "already registered"). */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  constructor(code: StoreErrorCode, message: string) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
  }
}

export const isStoreError = (e: unknown, code?: StoreErrorCode): e is StoreError =>
  e instanceof StoreError && (code === undefined || e.code === code);

/** Cursor encoding shared by adapters: the last item's order value and id. */
export function encodeCursor(value: unknown, id: string): string {
  return Buffer.from(JSON.stringify([value, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): [unknown, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string') {
      return [parsed[0], parsed[1]];
    }
  } catch {
    // fall through
  }
  throw new StoreError('INVALID_QUERY', 'bad cursor');
}

/** Reads a (possibly dotted) field of a document. */
export function fieldOf(doc: Record<string, unknown>, path: string): unknown {
  let v: unknown = doc;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

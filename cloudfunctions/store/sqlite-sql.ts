/**
 * The SQL the embedded adapter speaks: a collection's table, a document field as a JSON path, a
 * port filter as a WHERE clause with its parameters. Names come from the declared collections
 * and a field pattern only, so they are safe to splice into SQL.
 */
import { isCollectionName } from './collections';
import { type Filter, StoreError } from './port';

export type SqlValue = string | number | null;

const FIELD_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** `filter` without its top-level bounds on `field` in the paging direction (< and ≤ going down). */
export function withoutBound(filter: Filter, field: string, desc: boolean): Filter | undefined {
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
export function withId<T>(json: string, id: string): T {
  const doc = JSON.parse(json) as Record<string, unknown>;
  doc._id = id;
  return doc as T;
}

/** The SQL expression for a document field (`_id` is the key column). */
export function fieldSql(field: string): string {
  if (field === '_id') return 'id';
  if (!FIELD_PATTERN.test(field)) throw new StoreError('INVALID_QUERY', `bad field name: ${field}`);
  return `json_extract(doc, '$.${field}')`;
}

/** JSON values as SQLite compares them: json_extract answers booleans as 1/0. */
export function sqlValue(value: unknown): SqlValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' || typeof value === 'string') return value;
  throw new StoreError('INVALID_QUERY', 'filter values must be strings, numbers, booleans or null');
}

const OPERATORS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

export function filterSql(filter: Filter, params: SqlValue[]): string {
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
export function table(name: string): string {
  if (!isCollectionName(name)) throw new StoreError('INVALID_QUERY', `unknown collection: ${name}`);
  return `c_${name}`;
}


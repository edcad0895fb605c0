/**
 * The SQL the PostgreSQL adapter speaks: a collection's table (`id text`, `doc jsonb`), a document
 * field as a jsonb path with JSON null read as SQL NULL (as SQLite's json_extract does, so both
 * adapters answer `eq null` and `ne` alike), a port filter as a WHERE clause with numbered
 * parameters. Values are compared as jsonb: numbers numerically, strings byte-wise in a database
 * with the C collation (which the test server and the docs ask for), booleans as booleans.
 */
import { isCollectionName } from './collections';
import { type Filter, StoreError } from './port';

const FIELD_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** The table of a collection; names come from the declared list only, so they are safe in SQL. */
export function pgTable(name: string): string {
  if (!isCollectionName(name)) throw new StoreError('INVALID_QUERY', `unknown collection: ${name}`);
  return `c_${name.toLowerCase()}`;
}

/** The SQL expression for a document field (`_id` is the key column). */
export function pgField(field: string): string {
  if (field === '_id') return 'id';
  if (!FIELD_PATTERN.test(field)) throw new StoreError('INVALID_QUERY', `bad field name: ${field}`);
  return `NULLIF(doc #> '{${field.split('.').join(',')}}', 'null'::jsonb)`;
}

/** Collects the parameters of one statement and names them `$1`, `$2`, … */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** A JSON value as jsonb (null stays SQL NULL); `_id` compares as text. */
  json(value: unknown, field: string): string {
    if (field === '_id') return `${this.add(String(value))}::text`;
    if (value === null || value === undefined) return 'NULL::jsonb';
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new StoreError('INVALID_QUERY', 'filter values must be strings, numbers, booleans or null');
    }
    return `${this.add(JSON.stringify(value))}::jsonb`;
  }
}

const OPERATORS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

export function pgFilter(filter: Filter, params: Params): string {
  if ('and' in filter || 'or' in filter) {
    const parts = 'and' in filter ? filter.and : filter.or;
    if (parts.length === 0) return 'and' in filter ? 'TRUE' : 'FALSE';
    return `(${parts.map((p) => pgFilter(p, params)).join('and' in filter ? ' AND ' : ' OR ')})`;
  }
  const expr = pgField(filter.field);
  switch (filter.op) {
    case 'eq':
      return `${expr} IS NOT DISTINCT FROM ${params.json(filter.value, filter.field)}`;
    case 'ne':
      return `${expr} IS DISTINCT FROM ${params.json(filter.value, filter.field)}`;
    case 'in': {
      if (!Array.isArray(filter.value)) throw new StoreError('INVALID_QUERY', '`in` takes an array');
      if (filter.value.length === 0) return 'FALSE';
      return `${expr} IN (${filter.value.map((v) => params.json(v, filter.field)).join(', ')})`;
    }
    default:
      return `${expr} ${OPERATORS[filter.op]} ${params.json(filter.value, filter.field)}`;
  }
}

/**
 * After a cursor `[value, id]` in the order `expr, id` (NULL first going up and last going down,
 * as SQLite orders): what comes next.
 */
export function pgAfter(expr: string, field: string, value: unknown, id: string, desc: boolean, params: Params): string {
  const idParam = params.add(id);
  if (value === null || value === undefined) {
    return desc ? `(${expr} IS NULL AND id < ${idParam})` : `(${expr} IS NOT NULL OR id > ${idParam})`;
  }
  const v = params.json(value, field);
  return desc
    ? `(${expr} < ${v} OR ${expr} IS NULL OR (${expr} = ${v} AND id < ${idParam}))`
    : `(${expr} > ${v} OR (${expr} = ${v} AND id > ${idParam}))`;
}

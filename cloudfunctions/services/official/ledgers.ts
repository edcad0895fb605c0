/**
 * R9.5 reading a ledger: the filters checked and turned into one indexed range —
 * `{region field} = code AND {date} in [from, to)`, newest first, cursor-paged (≤ 1000 a read),
 * the other filters narrowing it — and each page turned into rows.
 */
import type { LedgerFilters, LedgerPage, LedgerRow, Region } from '../../contract';
import { type CalendarDate, addDays, chinaDateOf, chinaMidnight, compareDates, formatDate, parseDate } from '../../core/china-date';
import { LEDGERS, type LedgerKind, statusLabel } from '../../core/dashboard';
import { DomainError } from '../../core/errors';
import type { CollectionName } from '../../store/collections';
import { type Doc, type Filter, type Page, type Store, and, where } from '../../store/port';
import { scan } from '../../store/scan';
import type { PersonDoc } from '../account';
import type { OccupationDoc } from '../catalogue';
import { officialRegion } from '../kernel/authz';
import type { Caller, Deps } from '../kernel/deps';
import { inRegion } from '../kernel/place';
import type { InstitutionDoc } from '../institution';
import type { ClassDoc } from '../training';
import { type ClassNames, LEDGER_DEFS, type RowContext } from './ledger-defs';


/** China midnight of a date, as the ISO instant stored times compare with. */
const chinaMidnightIso = (d: CalendarDate) => chinaMidnight(d).toISOString();

export interface ResolvedQuery {
  kind: LedgerKind;
  region: Region;
  from: CalendarDate;
  to: CalendarDate;
  filter: Filter;
  orderBy: { field: string; direction: 'desc' };
}

/** Checks the filters and builds the one indexed query (the caller has checked the region). */
export function resolveLedgerQuery(region: Region, f: LedgerFilters, today: CalendarDate): ResolvedQuery {
  const def = LEDGER_DEFS[f.ledger];
  const info = LEDGERS[f.ledger];
  const from = f.from ? parseDate(f.from) : { year: today.year, month: 1, day: 1 };
  const to = f.to ? parseDate(f.to) : { year: today.year, month: 12, day: 31 };
  if (!from || !to || compareDates(from, to) > 0) throw new DomainError('PERIOD_INVALID');
  const parts: Filter[] = [
    inRegion(region),
    where(def.dateField, 'gte', chinaMidnightIso(from)),
    where(def.dateField, 'lt', chinaMidnightIso(addDays(to, 1))),
  ];
  if (def.fixed) parts.push(def.fixed);
  if (f.type) {
    if (!def.typeField) throw new DomainError('INVALID_INPUT', '这个台账不能按类别筛选');
    parts.push(where(def.typeField, 'eq', f.type));
  }
  if (f.status) {
    if (!def.statusFilter || !info.statuses.some((s) => s.value === f.status)) throw new DomainError('INVALID_INPUT', '状态不正确');
    parts.push(def.statusFilter(f.status));
  }
  if (f.band) parts.push(where('band', 'eq', f.band));
  if (f.occupation) {
    if (!def.occupationField) throw new DomainError('INVALID_INPUT', '这个台账不能按职业筛选');
    parts.push(where(def.occupationField, 'eq', f.occupation));
  }
  return { kind: f.ledger, region, from, to, filter: and(...parts), orderBy: { field: def.dateField, direction: 'desc' } };
}

/** The filters in words, for the export list and the file. */
export function describeQuery(q: ResolvedQuery, f: LedgerFilters, regions: Deps['regions']): string {
  const parts = [regions.ref(q.region.code).name, `${formatDate(q.from)} 至 ${formatDate(q.to)}`];
  if (f.type) parts.push(`类别 ${f.type}`);
  if (f.status) parts.push(statusLabel(q.kind, f.status));
  if (f.band) parts.push(`${f.band}段`);
  if (f.occupation) parts.push(`职业 ${f.occupation}`);
  return parts.join(' · ');
}

async function byIds<T extends Doc>(store: Store, collection: CollectionName, ids: Iterable<string>): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, T>();
  for (let i = 0; i < unique.length; i += 1000) {
    const page = await store.find<T>(collection, where('_id', 'in', unique.slice(i, i + 1000)), { limit: 1000 });
    for (const d of page.items) out.set(d._id, d);
  }
  return out;
}

/** Names that do not change within an export: loaded once per reader. */
export interface NameCache {
  occupations: Map<string, string>;
  institutions: Map<string, string>;
  classes: Map<string, ClassNames>;
}

export async function loadNames(store: Store): Promise<NameCache> {
  const occupations = new Map<string, string>();
  for (const o of (await store.find<OccupationDoc>('occupations', undefined, { limit: 1000 })).items) occupations.set(o._id, o.name);
  const institutions = new Map<string, string>();
  for await (const i of scan<InstitutionDoc>(store, 'institutions')) institutions.set(i._id, i.name);
  return { occupations, institutions, classes: new Map() };
}

/** One page of a resolved query, turned into rows. */
export async function readLedgerPage(
  deps: Deps,
  q: ResolvedQuery,
  options: { after?: string; limit: number; fullIdNumbers: boolean; names: NameCache },
): Promise<{ rows: LedgerRow[]; next?: string }> {
  const def = LEDGER_DEFS[q.kind];
  let page: Page<Doc>;
  try {
    page = await deps.store.find<Doc>(def.collection, q.filter, { orderBy: q.orderBy, limit: options.limit, after: options.after });
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'INVALID_QUERY') throw new DomainError('INVALID_INPUT', '翻页标记无效，请从第一页重新查看');
    throw e;
  }
  // D64: a document that carries what its row shows of its person needs no read of the person.
  const unread = options.fullIdNumbers || !def.holder ? page.items : page.items.filter((d) => !def.holder!(d));
  const persons = await byIds<PersonDoc>(deps.store, 'persons', unread.map(def.personId));
  if (def.classId) {
    const missing = page.items.map((d) => def.classId!(d)).filter((id): id is string => !!id && !options.names.classes.has(id));
    for (const [id, c] of await byIds<ClassDoc>(deps.store, 'classes', missing)) {
      options.names.classes.set(id, { name: c.name, occupationName: c.occupationName, institutionName: c.institutionName });
    }
  }
  const numbers = new Map<string, string>();
  const ctx: RowContext = {
    persons,
    classes: options.names.classes,
    institutions: options.names.institutions,
    occupations: options.names.occupations,
    regions: deps.regions,
    idNumber: (p) => {
      if (!p) return '';
      if (!options.fullIdNumbers || !p.idCipher) return p.idMasked;
      // One decryption per person a page: a person may have several rows (sessions, entries).
      let number = numbers.get(p.idCipher);
      if (number === undefined) numbers.set(p.idCipher, (number = deps.idVault.decrypt(p.idCipher)));
      return number;
    },
  };
  return { rows: page.items.map((d) => def.row(d, ctx)), next: page.next };
}

export function ledgerPageOf(kind: LedgerKind, rows: LedgerRow[], next: string | undefined): LedgerPage {
  return { ledger: kind, title: LEDGERS[kind].title, columns: LEDGER_DEFS[kind].columns, rows, ...(next ? { next } : {}) };
}


/** An official's page of a ledger in their region (R1.2, R9.5): masked ID numbers, ≤ 200 rows. */
export async function ledgerPage(deps: Deps, caller: Caller, filters: LedgerFilters & { after?: string; limit?: number }): Promise<LedgerPage> {
  const { region } = await officialRegion(deps, caller, filters.regionCode);
  const query = resolveLedgerQuery(region, filters, chinaDateOf(deps.clock.now()));
  const page = await readLedgerPage(deps, query, {
    after: filters.after,
    limit: filters.limit ?? 50,
    fullIdNumbers: false,
    names: await loadNames(deps.store),
  });
  return ledgerPageOf(filters.ledger, page.rows, page.next);
}

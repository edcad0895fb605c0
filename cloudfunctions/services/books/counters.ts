/**
 * R9.2 Counters per (county, year, month, metric, band), updated in the same transaction as the
 * change they count. Dashboards read these; `reconcile` rebuilds them from records.
 */
import type { Band } from '../../core/age';
import type { CounterMetric } from '../../core/books';
import { chinaDateOf } from '../../core/china-date';
import type { Store, Tx } from '../../store/port';
import { scan } from '../../store/scan';
import { type Place, placeOf } from '../kernel/place';

export interface CounterBump {
  /** From the catalogue (core/books.ts): `METRICS.trainingsStarted`, `voucherMetric('claimed', 'skills')`. */
  metric: CounterMetric;
  band: Band | null;
  by: number;
}

export type CounterDoc = Place & {
  _id: string;
  year: number;
  month: number;
  metric: string;
  /** `-` when the metric has no band. */
  band: Band | '-';
  value: number;
};

export const counterId = (countyCode: string, year: number, month: number, metric: string, band: Band | '-') =>
  `${countyCode}:${year}:${String(month).padStart(2, '0')}:${metric}:${band}`;

/**
 * id = `{countyCode}:{year}`: the same counts as the county's counter documents of that year, in
 * one document, so a dashboard reads one document per county whatever the number of records
 * (R9.2). Each metric has a cell per month (`metric|MM`) and a cell per band (`metric|bA`): the
 * dashboard needs months and bands, never both at once, and a document of 16 cells a metric
 * instead of 48 reads three times faster. Written in the same transaction as the counter
 * documents; the county's ledger head is already written by every change there, so this adds no
 * new point of contention.
 */
export type CounterYearDoc = Place & { _id: string; year: number } & { [cell: string]: number | string };

export const counterYearId = (countyCode: string, year: number) => `${countyCode}:${year}`;

/**
 * id = `{cityCode}:{year}` (D63): a city's yearly summary, cell by cell the sum of its counties'
 * (`counterYears`), written with them. A province's dashboard reads its cities' (11 documents
 * for 山西, not 117).
 */
export type RegionYearDoc = { _id: string; cityCode: string; provinceCode: string; year: number } & { [cell: string]: number | string };

export const regionYearId = (cityCode: string, year: number) => `${cityCode}:${year}`;

/** A yearly summary a dashboard reads: a county's, or (D63, for a province) a city's. */
export type SummaryDoc = CounterYearDoc | RegionYearDoc;

/** A cell's field name, with the metric's dots as `~` (a dot is a path in CloudBase). */
export function cellKey(metric: string, month: number | null, band: Band | '-' | null): string {
  const m = metric.replaceAll('.', '~');
  return month !== null ? `${m}|${String(month).padStart(2, '0')}` : `${m}|b${band}`;
}

/** A month cell (band null) or a band cell (month null). */
export interface Cell {
  metric: string;
  month: number | null;
  band: Band | '-' | null;
  value: number;
}

/** Cells already read, per summary object: a dashboard reads each summary's cells more than once (R9.3, R12.3). */
const readCells = new WeakMap<object, readonly Cell[]>();

/** What a cell's field name says, parsed once per distinct name (a summary has ~600; a dashboard reads thousands of cells a call). */
const cellNames = new Map<string, Omit<Cell, 'value'> | null>();

function cellName(key: string): Omit<Cell, 'value'> | null {
  let name = cellNames.get(key);
  if (name !== undefined) return name;
  const bar = key.indexOf('|');
  if (bar < 0) name = null;
  else {
    const metric = key.slice(0, bar).replaceAll('~', '.');
    const rest = key.slice(bar + 1);
    name = rest.charCodeAt(0) === 98 /* b */ ? { metric, month: null, band: rest.slice(1) as Band | '-' } : { metric, month: Number(rest), band: null };
  }
  cellNames.set(key, name);
  return name;
}

/** The cells of a summary document (its other fields are the place and year); the same array for the same object (do not change it). */
export function cellsOf(doc: Record<string, unknown>): readonly Cell[] {
  const known = readCells.get(doc);
  if (known) return known;
  const cells: Cell[] = [];
  for (const key in doc) {
    const value = doc[key];
    if (typeof value !== 'number') continue;
    const name = cellName(key);
    if (name) cells.push({ metric: name.metric, month: name.month, band: name.band, value });
  }
  readCells.set(doc, cells);
  return cells;
}

/** One change's bumps, at its place and time. */
export interface PlacedBumps {
  place: Place;
  at: Date;
  bumps: readonly CounterBump[];
}

/** The only counter writer. `at` decides the year and month, in China time. */
export function bumpCounters(tx: Tx, place: Place, at: Date, bumps: readonly CounterBump[]): Promise<void> {
  return applyBumps(tx, [{ place, at, bumps }]);
}

/**
 * Many changes' bumps folded first, so each counter document and each yearly summary is read
 * and written once however many changes touch it (the sequencer's batches).
 */
export async function applyBumps(tx: Tx, changes: readonly PlacedBumps[]): Promise<void> {
  const counters = new Map<string, { doc: Omit<CounterDoc, '_id' | 'value'>; by: number }>();
  const years = new Map<string, { place: Place; year: number; cells: Record<string, number> }>();
  const cities = new Map<string, { place: Place; year: number; cells: Record<string, number> }>();
  for (const { place, at, bumps } of changes) {
    if (bumps.length === 0) continue;
    const { year, month } = chinaDateOf(at);
    const yearId = counterYearId(place.countyCode, year);
    let summary = years.get(yearId);
    if (!summary) years.set(yearId, (summary = { place, year, cells: {} }));
    const cityId = regionYearId(place.cityCode, year);
    let city = cities.get(cityId);
    if (!city) cities.set(cityId, (city = { place, year, cells: {} }));
    for (const b of bumps) {
      const band = b.band ?? '-';
      const id = counterId(place.countyCode, year, month, b.metric, band);
      const known = counters.get(id);
      if (known) known.by += b.by;
      else counters.set(id, { doc: { ...placeOf(place), year, month, metric: b.metric, band }, by: b.by });
      for (const key of [cellKey(b.metric, month, null), cellKey(b.metric, null, band)]) {
        summary.cells[key] = (summary.cells[key] ?? 0) + b.by;
        city.cells[key] = (city.cells[key] ?? 0) + b.by;
      }
    }
  }
  for (const [id, { doc, by }] of counters) {
    if (await tx.get<CounterDoc>('counters', id)) await tx.update('counters', id, { inc: { value: by } });
    else await tx.create<CounterDoc>('counters', id, { ...doc, value: by });
  }
  for (const [yearId, { place, year, cells }] of years) {
    if (await tx.get<CounterYearDoc>('counterYears', yearId)) await tx.update('counterYears', yearId, { inc: cells });
    else await tx.create<CounterYearDoc>('counterYears', yearId, { ...placeOf(place), year, ...cells } as never);
  }
  for (const [cityId, { place, year, cells }] of cities) {
    if (await tx.get<RegionYearDoc>('regionYears', cityId)) await tx.update('regionYears', cityId, { inc: cells });
    else await tx.create<RegionYearDoc>('regionYears', cityId, { cityCode: place.cityCode, provinceCode: place.provinceCode, year, ...cells } as never);
  }
}

/** The cells of every city's yearly summary, summed from its counties' (the roll-up's definition, D63). */
export async function cityCellsFromCounties(store: Store): Promise<Map<string, { cityCode: string; provinceCode: string; year: number; cells: Record<string, number> }>> {
  const out = new Map<string, { cityCode: string; provinceCode: string; year: number; cells: Record<string, number> }>();
  for await (const y of scan<CounterYearDoc>(store, 'counterYears')) {
    const id = regionYearId(y.cityCode, y.year as number);
    let city = out.get(id);
    if (!city) out.set(id, (city = { cityCode: y.cityCode, provinceCode: y.provinceCode, year: y.year as number, cells: {} }));
    for (const c of cellsOf(y)) {
      const key = cellKey(c.metric, c.month, c.band);
      city.cells[key] = (city.cells[key] ?? 0) + c.value;
    }
  }
  return out;
}

/** Writes every city's yearly summary afresh from its counties' (a loaded dataset, whose parts each hold a few counties). */
export async function foldRegionYears(store: Store): Promise<number> {
  const cities = await cityCellsFromCounties(store);
  for (const [id, { cityCode, provinceCode, year, cells }] of cities) {
    await store.transaction((tx) => tx.set<RegionYearDoc>('regionYears', id, { cityCode, provinceCode, year, ...cells } as never));
  }
  return cities.size;
}

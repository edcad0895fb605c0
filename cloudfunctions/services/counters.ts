/**
 * R9.2 Counters per (county, year, month, metric, band), updated in the same transaction as the
 * change they count. Dashboards read these; `reconcile` rebuilds them from records.
 */
import type { Band } from '../core/age';
import { chinaDateOf } from '../core/china-date';
import type { Tx } from '../store/port';

export interface Place {
  countyCode: string;
  cityCode: string;
  provinceCode: string;
}

/** The place of a record (person, voucher, enrollment …), without its other fields. */
export const placeOf = (p: Place): Place => ({ countyCode: p.countyCode, cityCode: p.cityCode, provinceCode: p.provinceCode });

export interface CounterBump {
  /** e.g. `vouchersClaimed.skills`. */
  metric: string;
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
 * one document of cells (`cellKey`), so a dashboard reads one document per county whatever the
 * number of records (R9.2). Written in the same transaction as the counter documents; the county's
 * ledger head is already written by every change there, so this adds no new point of contention.
 */
export type CounterYearDoc = Place & { _id: string; year: number } & { [cell: string]: number | string };

export const counterYearId = (countyCode: string, year: number) => `${countyCode}:${year}`;

/** A cell's field name: `metric|MM|band`, with the metric's dots as `~` (a dot is a path in CloudBase). */
export const cellKey = (metric: string, month: number, band: Band | '-') =>
  `${metric.replaceAll('.', '~')}|${String(month).padStart(2, '0')}|${band}`;

export interface Cell {
  metric: string;
  month: number;
  band: Band | '-';
  value: number;
}

/** The cells of a summary document (its other fields are the place and year). */
export function cellsOf(doc: Record<string, unknown>): Cell[] {
  const cells: Cell[] = [];
  for (const [key, value] of Object.entries(doc)) {
    const parts = key.split('|');
    if (parts.length !== 3 || typeof value !== 'number') continue;
    cells.push({ metric: parts[0].replaceAll('~', '.'), month: Number(parts[1]), band: parts[2] as Band | '-', value });
  }
  return cells;
}

/** The only counter writer. `at` decides the year and month, in China time. */
export async function bumpCounters(tx: Tx, place: Place, at: Date, bumps: readonly CounterBump[]): Promise<void> {
  if (bumps.length === 0) return;
  const { year, month } = chinaDateOf(at);
  const cells: Record<string, number> = {};
  for (const b of bumps) {
    const band = b.band ?? '-';
    const id = counterId(place.countyCode, year, month, b.metric, band);
    if (await tx.get<CounterDoc>('counters', id)) {
      await tx.update('counters', id, { inc: { value: b.by } });
    } else {
      await tx.create<CounterDoc>('counters', id, { ...place, year, month, metric: b.metric, band, value: b.by });
    }
    const key = cellKey(b.metric, month, band);
    cells[key] = (cells[key] ?? 0) + b.by;
  }
  const yearId = counterYearId(place.countyCode, year);
  if (await tx.get<CounterYearDoc>('counterYears', yearId)) {
    await tx.update('counterYears', yearId, { inc: cells });
  } else {
    await tx.create<CounterYearDoc>('counterYears', yearId, { ...placeOf(place), year, ...cells } as never);
  }
}

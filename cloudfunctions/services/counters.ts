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

/** The only counter writer. `at` decides the year and month, in China time. */
export async function bumpCounters(tx: Tx, place: Place, at: Date, bumps: readonly CounterBump[]): Promise<void> {
  const { year, month } = chinaDateOf(at);
  for (const b of bumps) {
    const band = b.band ?? '-';
    const id = counterId(place.countyCode, year, month, b.metric, band);
    if (await tx.get<CounterDoc>('counters', id)) {
      await tx.update('counters', id, { inc: { value: b.by } });
    } else {
      await tx.create<CounterDoc>('counters', id, { ...place, year, month, metric: b.metric, band, value: b.by });
    }
  }
}

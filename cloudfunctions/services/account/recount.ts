/**
 * R9.2 reconcile, registrations: laborers registered, by household county and the month and
 * band of registration.
 */
import { METRICS } from '../../core/books';
import { chinaDateOf } from '../../core/china-date';
import type { Store } from '../../store/port';
import { scan } from '../../store/scan';
import { counterId } from '../books/counters';
import { type Recount, tally } from '../books/reconcile';
import { type PersonDoc, registrationBand } from './documents';

export async function recountRegistrations(store: Store): Promise<Recount> {
  const counters = new Map<string, number>();
  let persons = 0;
  for await (const p of scan<PersonDoc>(store, 'persons')) {
    persons++;
    const at = chinaDateOf(new Date(p.registeredAt));
    tally(counters, counterId(p.countyCode, at.year, at.month, METRICS.laborersRegistered, registrationBand(p) ?? '-'));
  }
  return { owns: (metric) => metric === METRICS.laborersRegistered, counters, differences: [], checked: { persons } };
}

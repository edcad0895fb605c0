/**
 * Reading the store the way assertions need it: how many documents some collections hold (to
 * show that a refusal wrote nothing), and a metric's total over every county and month.
 */
import type { CounterDoc } from '../../cloudfunctions/services/books/counters';
import type { CollectionName } from '../../cloudfunctions/store/collections';
import type { Store } from '../../cloudfunctions/store/port';
import { scan } from '../../cloudfunctions/store/scan';

/** `{ persons: 3, ledger: 12 }`: each collection's documents now. */
export async function countsOf<C extends CollectionName>(store: Store, ...collections: C[]): Promise<Record<C, number>> {
  const out = {} as Record<C, number>;
  for (const c of collections) out[c] = await store.count(c);
  return out;
}

/** A counter metric summed over every county, month and band. */
export async function counterTotal(store: Store, metric: string): Promise<number> {
  let total = 0;
  for await (const c of scan<CounterDoc>(store, 'counters')) if (c.metric === metric) total += c.value;
  return total;
}

/**
 * R11 nothing exists only because seed code wrote it: the demo seed writes through the use
 * cases alone. Every store write it causes is traced to the function that opened the
 * transaction; each of those must live in cloudfunctions/services/, never in the seed.
 */
import { randomBytes } from 'node:crypto';
import { seedDemo } from '../../cloudfunctions/gateway/seed';
import { verifyAllChains } from '../../cloudfunctions/services/books/ledger';
import { reconcile } from '../../cloudfunctions/services/audit';
import { ShiftedClock } from '../../cloudfunctions/services/kernel/clock';
import type { Deps } from '../../cloudfunctions/services/kernel/deps';
import { IdVault } from '../../cloudfunctions/services/kernel/id-vault';
import { regionDirectory } from '../../cloudfunctions/services/kernel/reference-data';
import type { Store } from '../../cloudfunctions/store/port';
import { SqliteStore } from '../../cloudfunctions/store/sqlite-store';

/** The file that called `transaction`: the first stack frame outside the store and this test. */
function openerOf(stack: string): string {
  const frames = stack.split('\n').slice(1).map((l) => /\((.*):\d+:\d+\)$/.exec(l)?.[1] ?? /at (\/.*):\d+:\d+$/.exec(l)?.[1] ?? '');
  return frames.find((f) => f.includes('/cloudfunctions/') && !f.includes('/cloudfunctions/store/')) ?? frames.find((f) => f !== '' && !f.endsWith('seed.test.ts')) ?? 'unknown';
}

it('R11 the demo seed writes only through use cases in cloudfunctions/services/', async () => {
  const store = new SqliteStore({ filename: ':memory:' });
  const openers: string[] = [];
  const traced: Store = new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop !== 'transaction' && prop !== 'bulkPut') return typeof value === 'function' ? value.bind(target) : value;
      return (...args: unknown[]) => {
        openers.push(openerOf(new Error().stack ?? ''));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  const deps: Deps = {
    store: traced,
    clock: new ShiftedClock(new Date('2026-03-02T02:00:00.000Z')),
    idVault: new IdVault({ encryptionKey: randomBytes(32), hashKey: randomBytes(32) }),
    regions: regionDirectory(),
    log: { info: () => {}, error: () => {} },
  };
  await seedDemo(deps);
  const relative = openers.map((f) => f.slice(f.indexOf('/cloudfunctions/') + 1));
  expect(relative.length).toBeGreaterThan(30);
  expect(relative.filter((f) => !f.startsWith('cloudfunctions/services/'))).toEqual([]);
  // …and it is the demo the app would have made: books clean, classes approved by their officials.
  expect((await verifyAllChains(store)).filter((c) => c.broken)).toEqual([]);
  expect((await reconcile(store)).differences).toEqual([]);
  const classes = await store.find<{ _id: string; status: string; review: { by: string } | null }>('classes', undefined, { limit: 100 });
  expect(classes.items.map((c) => c.status)).toEqual(['approved', 'approved', 'approved', 'approved']);
  await store.close();
});

/**
 * One contract suite for every Store adapter (DESIGN.md "Storage"). It always runs on the
 * embedded adapter, and on the CloudBase adapter through the real `@cloudbase/node-sdk` with only
 * its network replaced (tests/support/cloudbase-double.ts answers like CloudBase: documented
 * reply shapes, the 1000-document cap, snapshot-isolated transactions that conflict); on a real
 * CloudBase environment too when TCB_ENV and credentials are set.
 */
import { randomUUID } from 'node:crypto';
import { loadCloudCredentials } from '../../cloudfunctions/config';
import { CloudbaseStore } from '../../cloudfunctions/store/cloudbase-store';
import { type Doc, type Store, StoreError, and, or, where } from '../../cloudfunctions/store/port';
import { scan } from '../../cloudfunctions/store/scan';
import { SqliteStore } from '../../cloudfunctions/store/sqlite-store';
import { PgStore } from '../../cloudfunctions/store/pg-store';
import { startTestPostgres } from '../../scripts/postgres';
import { CloudbaseDouble } from '../support/cloudbase-double';
import { cloudStore } from '../support/cloud-deps';

type Item = Doc & { group: string; rank: number; label?: string; flag?: boolean; n?: number };

interface Adapter {
  name: string;
  make(): Store;
  /** Concurrency for the counter test (the cloud is slower per call). */
  increments: number;
}

// The SDK asks a metadata host whether it runs on Tencent Cloud, and warns of slow requests.
process.env.TENCENTCLOUD = 'true';
process.env.SILENCE = 'true';
const double = new CloudbaseDouble();
let doubleUrl = '';
beforeAll(async () => {
  doubleUrl = await double.start();
});
afterAll(() => double.stop());

const adapters: Adapter[] = [
  { name: 'SqliteStore (embedded)', make: () => new SqliteStore({ filename: ':memory:' }), increments: 2000 },
  {
    name: 'CloudbaseStore (real SDK, network replaced)',
    make: () => cloudStore(doubleUrl),
    increments: 8,
  },
];

// PostgreSQL at REPEATABLE READ (issue 17): a throwaway server from Debian's package, which the
// test script installs; CloudBase's retry policy with the count the CloudBase adapter gets here.
const postgres = startTestPostgres();
if (postgres) {
  adapters.push({
    name: 'PgStore (PostgreSQL, REPEATABLE READ)',
    make: () => new PgStore({ connectionString: postgres.url, conflictRetries: 10 }),
    increments: 8,
  });
  afterAll(() => postgres.stop());
} else if (process.env.CI) {
  throw new Error('PostgreSQL is not installed: the store contract must run on it in CI (apt-get install postgresql)');
} else {
  console.info('Store contract on PostgreSQL skipped: PostgreSQL is not installed (sudo apt-get install -y postgresql).');
}

const cloud = loadCloudCredentials(process.env);
if (cloud) {
  adapters.push({
    name: 'CloudbaseStore (real environment)',
    make: () => new CloudbaseStore({ env: cloud.env, secretId: cloud.secretId, secretKey: cloud.secretKey, conflictRetries: 10 }),
    increments: 50,
  });
} else {
  // Said out loud so nobody mistakes a skipped suite for a passing one.
  console.info('Store contract on a real CloudBase environment skipped: set TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY to run it.');
}

describe.each(adapters)('Store contract: $name', (adapter) => {
  let store: Store;
  /** Each test's documents live in their own group, so a shared cloud collection stays clean. */
  let group: string;

  beforeEach(() => {
    store = adapter.make();
    group = `g-${randomUUID()}`;
  });
  afterEach(() => store.close());

  const id = (n: string | number) => `${group}-${n}`;

  it('creates a document and reads it back by id, inside and outside a transaction', async () => {
    const inside = await store.transaction(async (tx) => {
      await tx.create<Item>('scratch', id(1), { group, rank: 1, label: '甲' });
      return tx.get<Item>('scratch', id(1));
    });
    expect(inside).toEqual({ _id: id(1), group, rank: 1, label: '甲' });
    expect(await store.get<Item>('scratch', id(1))).toEqual({ _id: id(1), group, rank: 1, label: '甲' });
    expect(await store.get('scratch', id('missing'))).toBeNull();
  });

  it('refuses to create a document whose id exists, and leaves the first untouched', async () => {
    await store.transaction((tx) => tx.create<Item>('scratch', id(1), { group, rank: 1, label: 'first' }));
    const second = store.transaction((tx) => tx.create<Item>('scratch', id(1), { group, rank: 2, label: 'second' }));
    await expect(second).rejects.toMatchObject({ code: 'DUPLICATE' });
    await expect(second).rejects.toBeInstanceOf(StoreError);
    expect(await store.get<Item>('scratch', id(1))).toMatchObject({ rank: 1, label: 'first' });
  });

  it('rolls back every write of a transaction that throws', async () => {
    await store.transaction((tx) => tx.create<Item>('scratch', id('kept'), { group, rank: 0, n: 1 }));
    const failing = store.transaction(async (tx) => {
      await tx.create<Item>('scratch', id('new'), { group, rank: 1 });
      await tx.update('scratch', id('kept'), { inc: { n: 5 }, set: { label: 'changed' } });
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    expect(await store.get('scratch', id('new'))).toBeNull();
    expect(await store.get<Item>('scratch', id('kept'))).toEqual({ _id: id('kept'), group, rank: 0, n: 1 });
  });

  it('updates with set and inc, refuses to update a missing document, and removes', async () => {
    await store.transaction((tx) => tx.create<Item>('scratch', id(1), { group, rank: 1, n: 1 }));
    await store.transaction((tx) => tx.update('scratch', id(1), { set: { label: 'x' }, inc: { n: 2, m: 3 } }));
    expect(await store.get('scratch', id(1))).toEqual({ _id: id(1), group, rank: 1, n: 3, m: 3, label: 'x' });
    await expect(store.transaction((tx) => tx.update('scratch', id(2), { inc: { n: 1 } }))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await store.transaction((tx) => tx.remove('scratch', id(1)));
    expect(await store.get('scratch', id(1))).toBeNull();
  });

  it('set replaces the whole document (upsert)', async () => {
    await store.transaction((tx) => tx.set<Item>('scratch', id(1), { group, rank: 1, label: 'a' }));
    await store.transaction((tx) => tx.set<Item>('scratch', id(1), { group, rank: 2 }));
    expect(await store.get('scratch', id(1))).toEqual({ _id: id(1), group, rank: 2 });
  });

  it('ends exactly at N after N concurrent increments of one counter', async () => {
    await store.transaction((tx) => tx.create<Item>('scratch', id('counter'), { group, rank: 0, n: 0 }));
    const results = await Promise.allSettled(
      Array.from({ length: adapter.increments }, () =>
        store.transaction((tx) => tx.update('scratch', id('counter'), { inc: { n: 1 } })),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(0);
    expect((await store.get<Item>('scratch', id('counter')))?.n).toBe(adapter.increments);
  });

  it('rolls back only the failing ones among concurrent transactions', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) =>
        store.transaction(async (tx) => {
          await tx.create<Item>('scratch', id(`c${i}`), { group, rank: i });
          if (i % 3 === 0) throw new Error(`refused ${i}`);
          return i;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(20);
    expect(results[3]).toEqual({ status: 'rejected', reason: new Error('refused 3') });
    expect(results[4]).toEqual({ status: 'fulfilled', value: 4 });
    expect(await store.count('scratch', where('group', 'eq', group))).toBe(40);
    expect(await store.get('scratch', id('c3'))).toBeNull();
  });

  it('answers DUPLICATE, never INTERNAL, to the loser of two concurrent creates of one id', async () => {
    const both = await Promise.allSettled(
      [1, 2].map((n) => store.transaction((tx) => tx.create<Item>('scratch', id('twice'), { group, rank: n }))),
    );
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = both.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(StoreError);
    expect(lost.reason).toMatchObject({ code: 'DUPLICATE' });
  });

  it('update replaces a nested object whole and keeps an empty one (no dotted merge)', async () => {
    await store.transaction((tx) => tx.create('scratch', id(1), { group, rank: 1, nested: { x: 0, y: 2 }, other: { z: 1 } }));
    await store.transaction((tx) => tx.update('scratch', id(1), { set: { nested: { x: 1 }, other: {} } }));
    expect(await store.get('scratch', id(1))).toEqual({ _id: id(1), group, rank: 1, nested: { x: 1 }, other: {} });
  });

  it('never lets two concurrent read-then-create transactions both win', async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        store.transaction(async (tx) => {
          if (await tx.get('scratch', id('once'))) throw new Error('taken');
          await tx.create<Item>('scratch', id('once'), { group, rank: i });
        }),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
  });

  describe('queries outside transactions', () => {
    beforeEach(async () => {
      await store.transaction(async (tx) => {
        for (let i = 1; i <= 25; i++) {
          await tx.create<Item>('scratch', id(String(i).padStart(2, '0')), {
            group,
            rank: i % 5,
            flag: i % 2 === 0,
            label: i <= 3 ? '岚县' : '临县',
          });
        }
      });
    });

    it('filters with eq, ne, gt, gte, lt, lte, in, and, or', async () => {
      const n = (f: Parameters<Store['count']>[1]) => store.count('scratch', and(where('group', 'eq', group), f!));
      expect(await n(where('rank', 'eq', 0))).toBe(5);
      expect(await n(where('rank', 'ne', 0))).toBe(20);
      expect(await n(where('rank', 'gt', 3))).toBe(5);
      expect(await n(where('rank', 'gte', 3))).toBe(10);
      expect(await n(where('rank', 'lt', 1))).toBe(5);
      expect(await n(where('rank', 'lte', 1))).toBe(10);
      expect(await n(where('rank', 'in', [1, 2]))).toBe(10);
      expect(await n(where('flag', 'eq', true))).toBe(12);
      expect(await n(where('label', 'eq', '岚县'))).toBe(3);
      expect(await n(or(where('rank', 'eq', 0), where('label', 'eq', '岚县')))).toBe(8);
    });

    it('orders, limits and pages with a cursor without losing or repeating a document', async () => {
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      do {
        const page = await store.find<Item>('scratch', where('group', 'eq', group), {
          orderBy: { field: 'rank', direction: 'desc' },
          limit: 4,
          after,
        });
        expect(page.items.length).toBeLessThanOrEqual(4);
        seen.push(...page.items.map((i) => i._id));
        after = page.next;
        pages++;
      } while (after);
      expect(pages).toBe(7);
      expect(new Set(seen).size).toBe(25);
      const ranks = await Promise.all(seen.map(async (s) => (await store.get<Item>('scratch', s))!.rank));
      expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    });

    it('pages through documents without the order field (null) in both directions, losing none', async () => {
      const mixed = `${group}-nulls`;
      await store.transaction(async (tx) => {
        for (let i = 1; i <= 9; i++) await tx.create('scratch', id(`n${i}`), { group: mixed, ...(i % 3 === 0 ? {} : { endedAt: `2026-03-0${i}` }) });
      });
      for (const direction of ['asc', 'desc'] as const) {
        const seen: (string | null)[] = [];
        let after: string | undefined;
        do {
          const page = await store.find<{ _id: string; endedAt?: string }>('scratch', where('group', 'eq', mixed), { orderBy: { field: 'endedAt', direction }, limit: 2, after });
          seen.push(...page.items.map((i) => i.endedAt ?? null));
          after = page.next;
        } while (after);
        expect(seen).toHaveLength(9);
        const dated = seen.filter((x): x is string => x !== null);
        expect(dated).toEqual([...dated].sort((a, b) => (direction === 'asc' ? a.localeCompare(b) : b.localeCompare(a))));
        // The three without a date stand together: first going up, last going down.
        expect(direction === 'asc' ? seen.slice(0, 3) : seen.slice(6)).toEqual([null, null, null]);
      }
    });

    it('scans every document past the 1000 a query returns: 2,500 of 2,500', async () => {
      const big = `${group}-big`;
      for (let start = 0; start < 2500; start += 500) {
        await store.transaction(async (tx) => {
          for (let i = start; i < start + 500; i++) await tx.create<Item>('scratch', `${big}-${String(i).padStart(4, '0')}`, { group: big, rank: i % 7 });
        });
      }
      const seen = new Set<string>();
      for await (const d of scan<Item>(store, 'scratch', where('group', 'eq', big))) seen.add(d._id);
      expect(seen.size).toBe(2500);
      const ordered: string[] = [];
      for await (const d of scan<Item>(store, 'scratch', where('group', 'eq', big), { field: 'rank', direction: 'desc' })) ordered.push(d._id);
      expect(new Set(ordered).size).toBe(2500);
    }, 120_000);

    it('refuses a page larger than 1000 (the cloud limit)', async () => {
      await expect(store.find('scratch', undefined, { limit: 1001 })).rejects.toMatchObject({ code: 'INVALID_QUERY' });
    });
  });
});

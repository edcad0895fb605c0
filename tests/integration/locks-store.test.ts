/**
 * Issue 18 at the store: another connection holds the write lock (BEGIN IMMEDIATE on the same
 * file). A transaction waits for it; past the store's wait it is answered StoreError('BUSY')
 * with its callback never run and nothing written; a callback is run once, never again in the
 * transaction that commits; reads are not held up (WAL); a bulk write waits as long as it is told.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreError } from '../../cloudfunctions/store/port';
import { SqliteStore } from '../../cloudfunctions/store/sqlite-store';

describe('issue 18: the SQLite store and another connection’s write lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'czt-locks-store-'));
  const file = join(dir, 'store.db');
  const store = new SqliteStore({ filename: file, lockWaitMs: 600 });
  let holder: Database.Database;
  beforeEach(() => {
    holder = new Database(file);
  });
  afterEach(() => {
    if (holder.inTransaction) holder.exec('ROLLBACK');
    holder.close();
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const releaseAfter = (ms: number) => new Promise<void>((resolve) => setTimeout(() => (holder.exec('COMMIT'), resolve()), ms));

  it('a lock held past the wait: BUSY, the callback never run, nothing written', async () => {
    holder.exec('BEGIN IMMEDIATE');
    let runs = 0;
    const outcome = store.transaction(async (tx) => {
      runs++;
      await tx.set('meta', 'busy', { at: 'never' } as never);
    });
    await expect(outcome).rejects.toBeInstanceOf(StoreError);
    await expect(outcome).rejects.toMatchObject({ code: 'BUSY' });
    await expect(outcome).rejects.not.toThrow(/database is locked/);
    expect(runs).toBe(0);
    holder.exec('ROLLBACK');
    expect(await store.get('meta', 'busy')).toBeNull();
  });

  it('a lock released within the wait: each waiting callback runs once and commits', async () => {
    holder.exec('BEGIN IMMEDIATE');
    const runs = new Map<number, number>();
    const released = releaseAfter(300);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.transaction(async (tx) => {
          runs.set(i, (runs.get(i) ?? 0) + 1);
          await tx.set('meta', `waited-${i}`, { i } as never);
        }),
      ),
    );
    await released;
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(runs.size).toBe(50);
    expect(await store.count('meta', { field: '_id', op: 'gte', value: 'waited-' })).toBe(50);
    expect(store.lockWaitStats().waits).toBeGreaterThan(0);
  });

  it('reads go on while another connection holds the write lock', async () => {
    await store.transaction((tx) => tx.set('meta', 'seen', { v: 1 } as never));
    holder.exec('BEGIN IMMEDIATE');
    expect(await store.get('meta', 'seen')).toMatchObject({ v: 1 });
  });

  it('a bulk write waits for the lock as long as it is told, then writes everything', async () => {
    holder.exec('BEGIN IMMEDIATE');
    const released = releaseAfter(1_000);
    const docs = Array.from({ length: 20_000 }, (_, i) => ({ _id: `bulk-${String(i).padStart(5, '0')}`, i }));
    await store.bulkPut('scratch', docs, { lockWaitMs: Number.POSITIVE_INFINITY });
    await released;
    expect(await store.count('scratch')).toBe(docs.length);
  });
});

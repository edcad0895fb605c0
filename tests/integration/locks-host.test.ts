/**
 * Issue 18, the local host: another connection (better-sqlite3 on the same file) holds the
 * write lock (BEGIN IMMEDIATE) during a burst of claims. Every claim is answered ok or with the
 * clean BUSY refusal — never INTERNAL, never SQLite's own words — and what was answered BUSY
 * wrote nothing: claimed again with the same request id, it succeeds; reconcile is clean.
 *
 * Deterministic: the test takes the lock before the burst and releases it on its own timer —
 * once after 7 s (past SQLite's old 5 s busy timeout, inside the store's 10 s wait: every claim
 * waits and succeeds), once after 14 s (past the store's wait: the claims already waiting hear
 * BUSY, the later ones succeed).
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiResponse } from '../../cloudfunctions/contract';
import { reconcile } from '../../cloudfunctions/services/audit';
import { verifyAllChains } from '../../cloudfunctions/services/books/ledger';
import * as sqliteStore from '../../cloudfunctions/store/sqlite-store';
import { type ApiClient, type TestGateway, startTestGateway } from '../support/gateway';
import { aLaborer } from '../support/laborers';

const CLAIMANTS = 200;
/** The store's wait for another connection's write lock before it answers BUSY (sqlite-store.ts LOCK_WAIT_MS). */
const STORE_WAIT_MS = 10_000;
const WITHIN_WAIT_MS = 7_000;
const PAST_WAIT_MS = STORE_WAIT_MS + 4_000;

/** Takes the database's write lock now; releases it after `ms`. */
function holdWriteLock(file: string, ms: number): Promise<void> {
  const holder = new Database(file);
  holder.exec('BEGIN IMMEDIATE');
  return new Promise((resolve) =>
    setTimeout(() => {
      holder.exec('COMMIT');
      holder.close();
      resolve();
    }, ms),
  );
}

const claim = (client: ApiClient, type: string, requestId: string) => client.call('voucher', 'claim', { type }, requestId);

function expectClean(answers: ApiResponse<unknown>[]): void {
  for (const a of answers) {
    if (a.ok) continue;
    expect(a.code).toBe('BUSY');
    expect(a.message).not.toMatch(/locked|SQLITE|Sqlite/i);
  }
}

describe('issue 18: claims while another connection holds the write lock', () => {
  let gw: TestGateway;
  let clients: ApiClient[];

  beforeAll(async () => {
    gw = await startTestGateway({ dataDir: mkdtempSync(join(tmpdir(), 'czt-locks-host-')) });
    clients = (await Promise.all(Array.from({ length: CLAIMANTS }, () => aLaborer(gw, { age: 30 })))).map((l) => l.client);
  }, 60_000);
  afterAll(() => gw.close());

  it('the store’s wait for the lock has the length these tests assume', () => {
    expect((sqliteStore as { LOCK_WAIT_MS?: number }).LOCK_WAIT_MS).toBe(STORE_WAIT_MS);
  });

  it('a lock held past SQLite’s busy timeout: every claim waits for it and succeeds', async () => {
    const released = holdWriteLock(join(gw.dataDir, 'chizhengtong.db'), WITHIN_WAIT_MS);
    const answers = await Promise.all(clients.map((c, i) => claim(c, 'skills', `locks-skills-${i}`)));
    await released;
    expectClean(answers);
    expect(answers.filter((a) => a.ok)).toHaveLength(CLAIMANTS);
  }, 40_000);

  it('a lock held past the store’s wait: waiting claims hear BUSY, wrote nothing, and succeed when claimed again', async () => {
    const released = holdWriteLock(join(gw.dataDir, 'chizhengtong.db'), PAST_WAIT_MS);
    const answers = await Promise.all(clients.map((c, i) => claim(c, 'evaluation', `locks-evaluation-${i}`)));
    await released;
    expectClean(answers);
    const busy = answers.flatMap((a, i) => (a.ok ? [] : [i]));
    expect(busy.length).toBeGreaterThan(0);
    expect(busy.length).toBeLessThan(CLAIMANTS);
    const again = await Promise.all(busy.map((i) => claim(clients[i], 'evaluation', `locks-evaluation-${i}`)));
    expect(again.filter((a) => !a.ok)).toEqual([]);

    const store = gw.runtime.deps.store;
    expect(await store.count('vouchers', { field: 'type', op: 'in', value: ['skills', 'evaluation'] })).toBe(2 * CLAIMANTS);
    const { differences } = await reconcile(store);
    expect(differences).toEqual([]);
    expect((await verifyAllChains(store)).filter((c) => c.broken !== null)).toEqual([]);
    expect(readFileSync(join(gw.dataDir, 'logs', 'app.log'), 'utf8')).not.toMatch(/database is locked/);
  }, 50_000);
});

import { canonicalJson } from '../../../cloudfunctions/core/canonical-json';
import { GENESIS_HASH, appendLedger, entryHash, ledgerId, verifyAllChains, verifyChain } from '../../../cloudfunctions/services/books/ledger';
import { SqliteStore } from '../../../cloudfunctions/store/sqlite-store';
import { freshStoreEachTest } from '../../support/stores';

const actor = { openid: 'o1', role: 'laborer' as const };
const entry = (countyCode: string, n: number) => ({
  countyCode,
  type: 'voucher.claimed' as const,
  subjects: { voucherId: `v${n}` },
  actor,
  at: `2026-11-23T04:00:0${n % 10}.000Z`,
  data: { type: 'skills', n },
});

describe('R9.1 hash-chained ledger', () => {
  const store = freshStoreEachTest();

  it('R9.1 canonical JSON sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });

  it('R9.1 chains entries per county: sequence, previous hash, SHA-256 hash', async () => {
    const e1 = await store.transaction((tx) => appendLedger(tx, entry('141127', 1)));
    const e2 = await store.transaction((tx) => appendLedger(tx, entry('141127', 2)));
    const other = await store.transaction((tx) => appendLedger(tx, entry('141124', 3)));
    expect([e1.seq, e2.seq, other.seq]).toEqual([1, 2, 1]);
    expect(e1.prevHash).toBe(GENESIS_HASH);
    expect(e2.prevHash).toBe(e1.hash);
    expect(e1.hash).toMatch(/^[0-9a-f]{64}$/);
    const { _id, hash, ...body } = e2;
    expect(entryHash(body)).toBe(hash);
    expect(await verifyAllChains(store)).toEqual([
      { countyCode: '141124', entries: 1, broken: null },
      { countyCode: '141127', entries: 2, broken: null },
    ]);
  });

  it('R9.1 writes nothing when the change it belongs to rolls back', async () => {
    await store.transaction((tx) => appendLedger(tx, entry('141127', 1)));
    await expect(
      store.transaction(async (tx) => {
        await appendLedger(tx, entry('141127', 2));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await store.count('ledger')).toBe(1);
    expect((await verifyChain(store, '141127')).broken).toBeNull();
  });

  it('R9.1 verify names the first altered entry', async () => {
    for (let i = 1; i <= 5; i++) await store.transaction((tx) => appendLedger(tx, entry('141127', i)));
    await store.transaction((tx) => tx.update('ledger', ledgerId('141127', 3), { set: { data: { type: 'skills', n: 99 } } }));
    expect((await verifyChain(store, '141127')).broken).toEqual({
      id: ledgerId('141127', 3),
      seq: 3,
      reason: 'hash does not match the entry (entry altered)',
    });
  });

  it('R9.1 verify names a removed entry and a head that does not match', async () => {
    for (let i = 1; i <= 4; i++) await store.transaction((tx) => appendLedger(tx, entry('141127', i)));
    await store.transaction((tx) => tx.remove('ledger', ledgerId('141127', 2)));
    expect((await verifyChain(store, '141127')).broken).toMatchObject({ seq: 3, reason: 'expected seq 2, found 3 (entry missing)' });

    const fresh = new SqliteStore({ filename: ':memory:' });
    for (let i = 1; i <= 3; i++) await fresh.transaction((tx) => appendLedger(tx, entry('141127', i)));
    await fresh.transaction((tx) => tx.remove('ledger', ledgerId('141127', 3)));
    expect((await verifyChain(fresh, '141127')).broken).toMatchObject({ seq: 3, reason: 'head says seq 3, chain ends at 2' });
    await fresh.close();
  });

  it('R9.1 keeps one gap-free chain under 500 concurrent appends', async () => {
    await Promise.all(Array.from({ length: 500 }, (_, i) => store.transaction((tx) => appendLedger(tx, entry('141127', i)))));
    expect(await verifyChain(store, '141127')).toEqual({ countyCode: '141127', entries: 500, broken: null });
  });
});

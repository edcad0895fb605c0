/**
 * R9.1, R9.2 under D61: on a sequenced store a change's transaction writes its entry as a queued
 * change and none of the county's shared documents; the county's sequencer then chains the
 * entries in order and applies their counts — the same chain and the same counters the inline
 * books write. A change rolled back leaves nothing queued; entries waiting are reported.
 */
import { voucherMetric } from '../../../cloudfunctions/core/books';
import { type Change, type QueuedChangeDoc, recordChange } from '../../../cloudfunctions/services/books/changes';
import { type CounterDoc, type CounterYearDoc, cellKey, counterId, counterYearId } from '../../../cloudfunctions/services/books/counters';
import { type LedgerEntryDoc, type LedgerHeadDoc, verifyChain } from '../../../cloudfunctions/services/books/ledger';
import { pendingCounts, reconcileBooks } from '../../../cloudfunctions/services/books/reconcile';
import { PENDING_LIMIT_MS, SequencedStore, pendingEntries, sequenceAll } from '../../../cloudfunctions/services/books/sequencer';
import { type Store, type Tx, where } from '../../../cloudfunctions/store/port';
import { SqliteStore } from '../../../cloudfunctions/store/sqlite-store';

const LANXIAN = { countyCode: '141127', cityCode: '141100', provinceCode: '140000' };
const XINGXIAN = { countyCode: '141123', cityCode: '141100', provinceCode: '140000' };
const MARCH = new Date('2026-03-02T02:00:00.000Z');
const claim = (n: number, place = LANXIAN): Change => ({
  place,
  at: new Date(MARCH.getTime() + n * 1000),
  type: 'voucher.claimed',
  subjects: { voucherId: `v${n}` },
  actor: { openid: `o${n}`, role: 'laborer' },
  data: { n },
  counters: [{ metric: voucherMetric('claimed', 'skills'), band: 'A', by: 1 }],
});
const claimCounter = counterId('141127', 2026, 3, 'vouchersClaimed.skills', 'A');

/** A transaction wrapper that notes every document written through it. */
function recordingWrites() {
  const writes: string[] = [];
  const spy = (tx: Tx): Tx => ({
    get: (c, id) => tx.get(c, id),
    create: (c, id, d) => (writes.push(`${c}/${id}`), tx.create(c, id, d)),
    set: (c, id, d) => (writes.push(`${c}/${id}`), tx.set(c, id, d)),
    update: (c, id, s) => (writes.push(`${c}/${id}`), tx.update(c, id, s)),
    remove: (c, id) => (writes.push(`${c}/${id}`), tx.remove(c, id)),
  });
  return { writes, spy };
}

describe('D61 the ledger sequencer (R9.1, R9.2)', () => {
  let raw: SqliteStore;
  let store: SequencedStore;
  beforeEach(() => {
    raw = new SqliteStore({ filename: ':memory:' });
    store = new SequencedStore(raw);
  });
  afterEach(() => store.close());

  it('R9.1 a change writes only its queued entry in its own transaction — no chain head, counter or summary', async () => {
    const { writes, spy } = recordingWrites();
    const inner = new SequencedStore({ ...raw, transaction: (fn) => raw.transaction((tx) => fn(spy(tx))), get: raw.get.bind(raw), find: raw.find.bind(raw), count: raw.count.bind(raw), close: () => Promise.resolve() } as Store);
    // Spy on the change's transaction only: stop the sequencer from running after it.
    const sequencer = inner.sequencer as unknown as { settle: () => Promise<void> };
    sequencer.settle = () => Promise.resolve();
    await inner.transaction((tx) => recordChange(tx, claim(1)));
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/^ledgerQueue\/141127:/);
    expect(await raw.count('ledger')).toBe(0);
    expect(await raw.get('ledgerHeads', '141127')).toBeNull();
  });

  it('R9.1 after the commit the entries are chained in order and verify; the queue is empty', async () => {
    for (let i = 1; i <= 5; i++) await store.transaction((tx) => recordChange(tx, claim(i)));
    expect(await raw.count('ledgerQueue')).toBe(0);
    const entries = (await raw.find<LedgerEntryDoc>('ledger', where('countyCode', 'eq', '141127'), { orderBy: { field: 'seq' } })).items;
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries.map((e) => e.data.n)).toEqual([1, 2, 3, 4, 5]);
    expect((await verifyChain(raw, '141127')).broken).toBeNull();
    expect((await raw.get<LedgerHeadDoc>('ledgerHeads', '141127'))!.seq).toBe(5);
  });

  it('R9.2 the counters and the yearly summary hold what the inline books hold', async () => {
    const inline = new SqliteStore({ filename: ':memory:' });
    try {
      await Promise.all([1, 2, 3, 4].map((i) => store.transaction((tx) => recordChange(tx, claim(i)))));
      for (const i of [1, 2, 3, 4]) await inline.transaction((tx) => recordChange(tx, claim(i)));
      for (const s of [raw, inline]) {
        expect((await s.get<CounterDoc>('counters', claimCounter))!.value).toBe(4);
        const year = (await s.get<CounterYearDoc>('counterYears', counterYearId('141127', 2026)))!;
        expect([year[cellKey('vouchersClaimed.skills', 3, null)], year[cellKey('vouchersClaimed.skills', null, 'A')]]).toEqual([4, 4]);
      }
    } finally {
      await inline.close();
    }
  });

  it('R9.1 a change rolled back leaves nothing queued and nothing counted', async () => {
    await expect(
      store.transaction(async (tx) => {
        await recordChange(tx, claim(1));
        throw new Error('refused after the entry');
      }),
    ).rejects.toThrow('refused after the entry');
    expect(await raw.count('ledgerQueue')).toBe(0);
    expect(await raw.count('ledger')).toBe(0);
    expect(await raw.get('counters', claimCounter)).toBeNull();
  });

  it('R9.1 entries left waiting are reported, late past the limit, counted by reconcile, and placed by the timer run', async () => {
    // A change queued where nothing sequenced it (a process stopped right after its commit).
    await raw.transaction(async (tx) => {
      const { _id: _ignored, ...doc } = { _id: '', countyCode: '141127', place: LANXIAN, at: MARCH.toISOString(), type: 'voucher.claimed', subjects: {}, actor: { openid: 'o', role: 'laborer' }, data: {}, counters: [{ metric: voucherMetric('claimed', 'skills'), band: 'A', by: 1 }], rollups: [] } satisfies QueuedChangeDoc;
      await tx.create<QueuedChangeDoc>('ledgerQueue', `141127:${String(MARCH.getTime()).padStart(14, '0')}:x`, doc);
    });
    await store.transaction((tx) => recordChange(tx, claim(1, XINGXIAN)));
    const soon = await pendingEntries(raw, new Date(MARCH.getTime() + 60_000));
    expect(soon).toEqual([{ countyCode: '141127', waiting: 1, oldestAt: MARCH.toISOString(), late: false }]);
    expect((await pendingEntries(raw, new Date(MARCH.getTime() + PENDING_LIMIT_MS + 1)))[0].late).toBe(true);
    expect((await pendingCounts(raw)).counters.get(claimCounter)).toEqual({ metric: 'vouchersClaimed.skills', by: 1 });
    const xingClaims = counterId('141123', 2026, 3, 'vouchersClaimed.skills', 'A');
    const recount = { owns: () => true, counters: new Map([[claimCounter, 1], [xingClaims, 1]]), differences: [], checked: {} };
    expect((await reconcileBooks(raw, [recount])).differences.filter((d) => d.what === 'counter')).toEqual([]);

    expect(await sequenceAll(store)).toBe(1);
    expect(await pendingEntries(raw, MARCH)).toEqual([]);
    expect((await raw.get<CounterDoc>('counters', claimCounter))!.value).toBe(1);
    expect((await verifyChain(raw, '141127')).entries).toBe(1);
  });
});

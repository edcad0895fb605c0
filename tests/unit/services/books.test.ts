/**
 * R9.2 counters commit with their change, and reconcile finds any that drift; R9.3 the metrics
 * the dashboards are built from.
 */
import { DASHBOARD_METRICS, METRIC_TERMS } from '../../../cloudfunctions/core/dashboard';
import { METRICS, parseVoucherMetric, voucherMetric } from '../../../cloudfunctions/core/books';
import { recordChange } from '../../../cloudfunctions/services/books/changes';
import { type CounterDoc, type CounterYearDoc, cellKey, counterId, counterYearId } from '../../../cloudfunctions/services/books/counters';
import { type Recount, reconcileBooks } from '../../../cloudfunctions/services/books/reconcile';
import { freshStoreEachTest } from '../../support/stores';

const LANXIAN = { countyCode: '141127', cityCode: '141100', provinceCode: '140000' };
const MARCH = new Date('2026-03-02T02:00:00.000Z');
const claim = (n: number) => ({
  place: LANXIAN,
  at: MARCH,
  type: 'voucher.claimed' as const,
  subjects: { voucherId: `v${n}` },
  actor: { openid: 'o1', role: 'laborer' as const },
  data: {},
  counters: [{ metric: voucherMetric('claimed', 'skills'), band: 'A' as const, by: 1 }],
});
const claimCounter = counterId('141127', 2026, 3, 'vouchersClaimed.skills', 'A');
/** A recount that says the records hold `n` skills claims in Lan County in March 2026. */
const recountOf = (n: number): Recount => ({
  owns: (m) => parseVoucherMetric(m) !== null,
  counters: new Map(n ? [[claimCounter, n]] : []),
  differences: [],
  checked: { vouchers: n },
});

describe('R9.2 counters per county, year, month, metric and band', () => {
  const store = freshStoreEachTest();

  it('R9.2 are bumped in the same transaction as the change, and in the yearly summary', async () => {
    await store.transaction((tx) => recordChange(tx, claim(1)));
    await store.transaction((tx) => recordChange(tx, claim(2)));
    expect((await store.get<CounterDoc>('counters', claimCounter))?.value).toBe(2);
    const summary = await store.get<CounterYearDoc>('counterYears', counterYearId('141127', 2026));
    expect(summary?.[cellKey('vouchersClaimed.skills', 3, null)]).toBe(2);
    expect(summary?.[cellKey('vouchersClaimed.skills', null, 'A')]).toBe(2);
  });

  it('R9.2 roll back with the change: no counter, no summary, no ledger entry', async () => {
    await expect(
      store.transaction(async (tx) => {
        await recordChange(tx, claim(1));
        throw new Error('the claim failed');
      }),
    ).rejects.toThrow('the claim failed');
    expect(await store.count('counters')).toBe(0);
    expect(await store.count('counterYears')).toBe(0);
    expect(await store.count('ledger')).toBe(0);
  });

  it('R9.2 reconcile is clean when the records agree, and names a counter that drifted', async () => {
    for (let i = 1; i <= 3; i++) await store.transaction((tx) => recordChange(tx, claim(i)));
    expect((await reconcileBooks(store, [recountOf(3)])).differences).toEqual([]);
    await store.transaction((tx) => tx.update('counters', claimCounter, { inc: { value: 1 } }));
    const { differences } = await reconcileBooks(store, [recountOf(3)]);
    expect(differences).toContainEqual({ what: 'counter', id: claimCounter, stored: 4, recounted: 3 });
    // The summary still says 3: the counter and its summary cell disagree too.
    expect(differences.some((d) => d.what === 'yearly summary cell')).toBe(true);
  });
});

describe('R9.3 metrics', () => {
  it('R9.3 count vouchers claimed per type, trainings started and completed, certificates, new skilled and high-skilled, transfers, employed after a certificate, subsidies', () => {
    expect(voucherMetric('claimed', 'agri')).toBe('vouchersClaimed.agri');
    expect(parseVoucherMetric('vouchersRedeemed.village')).toEqual({ event: 'redeemed', type: 'village' });
    expect(parseVoucherMetric('trainingsStarted')).toBeNull();
    for (const m of ['trainingsStarted', 'trainingsCompleted', 'certificatesIssued', 'newSkilled', 'newHighSkilled', 'transferPeople', 'certifiedEmployed', 'subsidiesGranted', 'subsidiesFen']) {
      expect(Object.values(METRICS)).toContain(m);
    }
  });

  it('R9.3 every dashboard metric is a sum of catalogue counters', () => {
    for (const m of DASHBOARD_METRICS) {
      expect(METRIC_TERMS[m].length).toBeGreaterThan(0);
      for (const [counter] of METRIC_TERMS[m]) expect(Object.values(METRICS)).toContain(counter);
    }
  });
});

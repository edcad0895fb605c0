/**
 * R9.3 under D63: each city's yearly summary is, cell by cell, the sum of its counties', written
 * with them; reconcile notices a city cell that drifted; a loaded dataset folds them afresh.
 */
import { voucherMetric } from '../../../cloudfunctions/core/books';
import { type Change, recordChange } from '../../../cloudfunctions/services/books/changes';
import { type RegionYearDoc, cellKey, foldRegionYears, regionYearId } from '../../../cloudfunctions/services/books/counters';
import { reconcileBooks } from '../../../cloudfunctions/services/books/reconcile';
import { freshStoreEachTest } from '../../support/stores';

const MARCH = new Date('2026-03-02T02:00:00.000Z');
const claimIn = (countyCode: string, band: 'A' | 'B'): Change => ({
  place: { countyCode, cityCode: '141100', provinceCode: '140000' },
  at: MARCH,
  type: 'voucher.claimed',
  subjects: {},
  actor: { openid: 'o', role: 'laborer' },
  data: {},
  counters: [{ metric: voucherMetric('claimed', 'skills'), band, by: 1 }],
});
const MONTH = cellKey('vouchersClaimed.skills', 3, null);
const BAND_B = cellKey('vouchersClaimed.skills', null, 'B');
const CITY = regionYearId('141100', 2026);

describe('D63 city summaries (R9.3)', () => {
  const store = freshStoreEachTest();

  it('R9.3 a city summary holds its counties’ cells summed, and reconcile checks it cell by cell', async () => {
    for (const [county, band] of [['141127', 'A'], ['141127', 'B'], ['141124', 'B']] as const) await store.transaction((tx) => recordChange(tx, claimIn(county, band)));
    const city = (await store.get<RegionYearDoc>('regionYears', CITY))!;
    expect([city[MONTH], city[BAND_B], city.provinceCode]).toEqual([3, 2, '140000']);
    expect((await reconcileBooks(store, [])).differences).toEqual([]);

    await store.transaction((tx) => tx.update('regionYears', CITY, { inc: { [MONTH]: 1 } }));
    expect((await reconcileBooks(store, [])).differences).toEqual([{ what: 'city summary cell', id: `${CITY}/${MONTH}`, stored: 4, recounted: 3 }]);
    // Folding writes them afresh from the counties'.
    expect(await foldRegionYears(store)).toBe(1);
    expect((await reconcileBooks(store, [])).differences).toEqual([]);
  });
});

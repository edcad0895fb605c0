/**
 * R12.1 on CloudBase's terms: the payment use case run on the CloudBase adapter (the real
 * `@cloudbase/node-sdk`, only its network replaced by a double with snapshot isolation), where
 * concurrent transactions conflict instead of waiting. Whatever each caller hears — paid, already
 * paid, or busy — no entry is ever paid twice and the counters equal what was paid.
 */
import { settlementMetric } from '../../cloudfunctions/core/books';
import type { SubsidyDoc } from '../../cloudfunctions/services/certificate';
import type { CounterDoc } from '../../cloudfunctions/services/books/counters';
import type { Caller } from '../../cloudfunctions/services/kernel/deps';
import { type ApplicationDoc, recordPayment } from '../../cloudfunctions/services/settlement';
import { where } from '../../cloudfunctions/store/port';
import { scan } from '../../cloudfunctions/store/scan';
import { sharedCloudDeps } from '../support/cloud-deps';

const { deps, store } = sharedCloudDeps('2026-05-12T02:00:00.000Z', { timeout: 60_000 });

const PLACE = { countyCode: '141127', cityCode: '141100', provinceCode: '140000' };
const OFFICIAL = 'cloud-official-lanxian';
const APP = 'a_0123456789abcdef01234567';
const ENTRIES = Array.from({ length: 10 }, (_, i) => `141127202600${String(i + 1).padStart(4, '0')}`);
const fenOf = (n: string) => 20_000 + Number(n.slice(-2)) * 100;

beforeAll(async () => {
  await store.transaction(async (tx) => {
    await tx.set('accounts', OFFICIAL, { roles: [{ role: 'official', regionCode: '141127' }] });
    await tx.set<ApplicationDoc>('applications', APP, {
      ...PLACE,
      institutionId: 'inst-1',
      institutionName: '吕梁山护工培训学校',
      classId: null,
      className: null,
      entries: ENTRIES,
      amountFen: ENTRIES.reduce((s, n) => s + fenOf(n), 0),
      appliedBy: 'trainer',
      appliedAt: '2026-05-01T02:00:00.000Z',
      year: 2026,
    });
    for (const n of ENTRIES) {
      await tx.set<SubsidyDoc>('subsidies', n, {
        ...PLACE,
        certificateNumber: n,
        classId: null,
        personId: `p-${n}`,
        institutionId: 'inst-1',
        occupationCode: '4-10-01-05',
        level: 5,
        year: 2026,
        status: 'approved',
        amountFen: fenOf(n),
        refusal: null,
        createdAt: '2026-04-01T02:00:00.000Z',
        band: 'A',
        applicationId: APP,
        settlement: [],
      });
    }
  });
}, 60_000);

const pay = (n: string, i: number) =>
  recordPayment(deps, { openid: OFFICIAL, requestId: `cloud-storm-${i}` } as Caller, {
    applicationId: APP,
    certificateNumbers: [n],
    amountFen: fenOf(n),
    paidOn: '2026-05-12',
    transferRef: `NX-${i}`,
  }).then(
    () => 'paid',
    (e: { code?: string }) => e.code ?? 'error',
  );

it('R12.1 40 concurrent payments for 10 entries on CloudBase: none paid twice, counters equal what was paid', async () => {
  const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => pay(ENTRIES[i % 10], i)));
  expect(answers.every((a) => a === 'paid' || a === 'ENTRY_ALREADY_PAID' || a === 'BUSY')).toBe(true);
  if (process.env.SHOW_STORM) console.log(answers.reduce<Record<string, number>>((m, a) => ({ ...m, [a]: (m[a] ?? 0) + 1 }), {}));
  // Whoever heard BUSY tries again, one at a time, as the page's 重试 does.
  for (const n of ENTRIES) {
    const s = await store.get<SubsidyDoc>('subsidies', n);
    if (s!.status !== 'paid') expect(await pay(n, 100 + ENTRIES.indexOf(n))).toBe('paid');
  }
  const payments: { entries: string[] }[] = [];
  for await (const p of scan<{ _id: string; entries: string[] }>(store, 'payments', where('applicationId', 'eq', APP))) payments.push(p);
  expect(payments.flatMap((p) => p.entries).sort()).toEqual([...ENTRIES].sort());
  let paidFen = 0;
  for await (const c of scan<CounterDoc>(store, 'counters', where('countyCode', 'eq', '141127'))) if (c.metric === settlementMetric('paid', true)) paidFen += c.value;
  expect(paidFen).toBe(ENTRIES.reduce((s, n) => s + fenOf(n), 0));
  expect(answers.filter((a) => a === 'paid').length).toBeLessThanOrEqual(10);
}, 120_000);

/**
 * R12.1 in the browser at 390×844: a class is completed and its trainees certified (through the
 * API); the trainer applies for the class's subsidies in 补贴申领; 岚县's official approves two
 * entries, rejects one with a reason and records the payment; the dashboard shows what was paid and
 * the 补贴发放台账 exports. Screenshots saved.
 */
import type { Download, Page } from 'playwright-core';
import type { DashboardView } from '../../cloudfunctions/contract';
import { demoClassId } from '../../cloudfunctions/gateway/demo-ids';
import type { SubsidyDoc } from '../../cloudfunctions/services/certificate';
import { yuanText } from '../../src/utils/numbers';
import type { ApiClient } from '../support/gateway';
import { aTrainee } from '../support/laborers';
import { shot } from './support/browser';
import { phonesFor } from './support/phones';

const NOW = '2026-03-02T02:00:00.000Z';
const HUGONG = demoClassId('hugong-lishi'); // 10 sessions 3–12 March; 吕梁山护工培训学校 assesses it
const dayOf = (i: number) => `2026-03-${String(3 + i).padStart(2, '0')}T01:10:00.000Z`;
const AFTER = '2026-03-13T02:00:00.000Z';
const NAMES = ['郭春梅', '白金花', '任丽萍'];

let county: ApiClient;
const people: { personId: string; name: string }[] = [];
const { gw, open } = phonesFor(
  NOW,
  async (gw) => {
    const trainer = await gw.as('trainer');
    county = await gw.as('official-county');
    const codes: ((at: string) => string)[] = [];
    for (const name of NAMES) {
      const l = await aTrainee(gw, HUGONG, { age: 40, name });
      codes.push(l.codeAt);
      people.push({ personId: l.me.profile!.personId, name });
    }
    for (let i = 0; i < 10; i++) {
      await gw.setNow(dayOf(i));
      for (const code of codes) await trainer.ok('training', 'scan', { classId: HUGONG, code: code(dayOf(i)) });
    }
    await gw.setNow(AFTER);
    await trainer.ok('training', 'closeClass', { classId: HUGONG });
    await trainer.ok('certificate', 'recordBatch', { classId: HUGONG, results: people.map((p) => ({ personId: p.personId, passed: true, score: 85 })) });
  },
  { timeout: 120_000 },
);

/** A phone the day after the class closed. */
const phone = async (persona: string): Promise<Page> => (await open(persona, undefined, AFTER)).page;

let official: Page;

it('R12.1 the trainer applies for the closed class’s subsidies in 补贴申领', async () => {
  const page = await phone('trainer');
  await page.goto(`${gw.url}/#/packages/trainer/pages/classes/index`);
  await page.click('#go-subsidies');
  const batch = page.locator(`.subsidy-batch[data-key="${HUGONG}"]`);
  await batch.waitFor();
  await expect(batch.locator('.subsidy-entry').count()).resolves.toBe(3);
  await expect(batch.locator('.subsidy-entry-evidence').first().innerText()).resolves.toContain('出勤 10/10 节（100%）');
  await shot(page, 'settlement-01-trainer-payable');
  await page.click(`#apply-${HUGONG}`);
  await page.locator('.apply-confirm').waitFor();
  await shot(page, 'settlement-02-trainer-confirm');
  await page.click('#apply-confirm');
  const card = page.locator('.subsidy-application').first();
  await card.waitFor();
  await expect(card.locator('.application-counts').innerText()).resolves.toContain('已申领 3');
  await expect(page.locator('#subsidies-summary').innerText()).resolves.toBe('没有待申领的补贴');
  await shot(page, 'settlement-03-trainer-applied');
}, 60_000);

it('R12.1 the county official approves two, rejects one with a reason, and records the payment', async () => {
  official = await phone('official-county');
  await official.goto(`${gw.url}/#/packages/official/pages/dashboard/index`);
  await official.locator('#go-settlement').scrollIntoViewIfNeeded();
  await official.click('#go-settlement');
  await official.locator('.subsidy-application[data-settled=no]').first().click();
  await official.locator('.subsidy-entry[data-status=applied]').first().waitFor();
  const numbers = await official.locator('.subsidy-entry[data-status=applied]').evaluateAll((els) => els.map((e) => e.getAttribute('data-number')!));
  expect(numbers).toHaveLength(3);
  await shot(official, 'settlement-04-official-review');
  await official.click(`#decide-${numbers[0]}-approve`);
  await official.click(`#decide-${numbers[1]}-approve`);
  await official.click(`#decide-${numbers[2]}-reject`);
  // No reason yet: said on the phone, nothing sent.
  await official.click('#review-submit');
  await official.locator(`#reason-${numbers[2]}`).locator('xpath=..').locator('.czt-error').waitFor();
  await official.locator(`#reason-${numbers[2]} input`).fill('签到记录与培训计划不符');
  await shot(official, 'settlement-05-official-decided');
  await official.click('#review-submit');
  await official.locator('#payment-form').waitFor();
  await expect(official.locator('.subsidy-entry[data-status=rejected] .subsidy-entry-reason').innerText()).resolves.toContain('签到记录与培训计划不符');

  const approved = await Promise.all(numbers.slice(0, 2).map((n) => gw.runtime.deps.store.get<SubsidyDoc>('subsidies', n)));
  const due = approved.reduce((s, e) => s + e!.amountFen, 0);
  await expect(official.locator('#payment-amount input').inputValue()).resolves.toBe((due / 100).toFixed(2));
  await official.locator('#payment-ref input').fill('LX2026031300018');
  await shot(official, 'settlement-06-official-payment');
  await official.click('#payment-confirm');
  await official.locator('.payment-record').waitFor();
  await expect(official.locator('.subsidy-entry[data-status=paid]').count()).resolves.toBe(2);
  await shot(official, 'settlement-07-official-paid');

  const d = await county.ok<DashboardView>('official', 'dashboard', {});
  expect(d.subsidies.paidFen).toBe(due);
  await official.goto(`${gw.url}/#/packages/official/pages/dashboard/index`);
  // The dashboard asks again when shown: the paid line comes to what was paid.
  const paidLine = official.locator('#dashboard-subsidies .subsidy-paid', { hasText: `已拨付 ${yuanText(due)}（2 笔）` });
  await paidLine.waitFor();
  await paidLine.scrollIntoViewIfNeeded();
  await shot(official, 'settlement-08-dashboard-paid');
}, 90_000);

it('R12.1 the 补贴发放台账 lists the payment and exports', async () => {
  await official.locator('#go-ledger').scrollIntoViewIfNeeded();
  await official.click('#go-ledger');
  await official.click('.ledger-tab[data-ledger=payments]');
  await official.locator('.ledger-row').first().waitFor();
  await expect(official.locator('#ledger-title').innerText()).resolves.toContain('补贴发放台账');
  await expect(official.locator('.ledger-row').count()).resolves.toBe(2);
  await shot(official, 'settlement-09-payments-ledger');
  await official.click('#ledger-export');
  const done = official.locator('.export-job[data-status=done]').first();
  await done.waitFor({ timeout: 30_000 });
  const downloaded = new Promise<Download>((resolve) => {
    official.once('download', resolve);
    official.context().once('page', (tab) => tab.once('download', resolve));
  });
  await done.locator('.export-download').click();
  expect((await downloaded).suggestedFilename()).toMatch(/补贴发放台账.*\.xlsx$/);
  await shot(official, 'settlement-10-export-done');
}, 90_000);

it('R12 the city official ranks its institutions in 机构考核评估 and exports the table', async () => {
  const page = await phone('official-city');
  await page.goto(`${gw.url}/#/packages/official/pages/dashboard/index`);
  await page.locator('#go-scorecards').scrollIntoViewIfNeeded();
  await page.click('#go-scorecards');
  const card = page.locator('.scorecard', { hasText: '吕梁山护工培训学校' });
  await card.waitFor();
  await expect(card.locator('.scorecard-rates').innerText()).resolves.toBe('结业率 100%，取证率 100%');
  await expect(card.locator('.scorecard-paid').innerText()).resolves.toContain('¥2,400.00');
  await shot(page, 'settlement-11-scorecards');
  await page.click('#scorecards-export');
  await page.locator('.export-job[data-status=done]').first().waitFor();
  await expect(page.locator('.export-job').first().innerText()).resolves.toContain('培训机构考核评估');
  await shot(page, 'settlement-12-scorecards-exported');
}, 60_000);

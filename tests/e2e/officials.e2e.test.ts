/**
 * R9.4/R9.5 in the browser, on 31 December 2021 with Lüliang's 2021 generated at 1/1000: the
 * city official opens the dashboard, sorts the counties by completion, opens the 取证人员台账
 * and exports it, and watches the job finish in 导出记录.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import type { DashboardView, LedgerPage } from '../../cloudfunctions/contract';
import { generateLvliang } from '../../scripts/dataset/generate';
import { type TestGateway, startTestGateway } from '../support/gateway';
import { H5_DIR, launchBrowser, loginAs, phoneContext, shot } from './support/browser';

const NOW = '2021-12-31T02:00:00.000Z'; // 10:00 China time, the last day of the year
let gw: TestGateway;
let browser: Browser;
let page: Page;
let expected: DashboardView;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'czt-e2e-lvliang-'));
  await generateLvliang({ dataDir, scale: 0.001, log: () => undefined, threads: 1 }); // workers cannot load TypeScript under jest
  gw = await startTestGateway({ h5Dir: H5_DIR, devNow: NOW, dataDir });
  expected = await (await gw.as('official-city')).ok<DashboardView>('official', 'dashboard', { year: 2021 });
  browser = await launchBrowser();
  const context = await phoneContext(browser);
  await context.clock.install({ time: new Date(NOW) });
  page = await context.newPage();
  await loginAs(page, gw.url, 'official-city');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

const completions = (p: Page) => p.locator('.county-row .county-completion').allInnerTexts();
const asNumbers = (texts: string[]) => texts.map((t) => Number(t.replace('%', ''))).filter((n) => !Number.isNaN(n));

it('R9.4 the city official sees 吕梁市 2021 against its targets and sorts the counties by completion', async () => {
  await page.goto(`${gw.url}/#/packages/official/pages/dashboard/index`);
  await page.locator('#dashboard-metrics .metric-card').first().waitFor();
  await expect(page.locator('#official-region').innerText()).resolves.toContain('吕梁市');
  for (const m of expected.metrics) {
    await expect(page.locator(`.metric-card[data-metric=${m.metric}] .metric-completion`).innerText()).resolves.toBe(`${m.completion}%`);
  }
  expect(await page.locator('.county-row').count()).toBe(13);
  await shot(page, 'officials-01-dashboard');

  await page.locator('#county-table').scrollIntoViewIfNeeded();
  await page.click('#sort-completion');
  const high = asNumbers(await completions(page));
  expect(high.length).toBeGreaterThan(10);
  expect(high).toEqual([...high].sort((a, b) => b - a));
  await shot(page, 'officials-02-counties-by-completion');
  await page.click('#sort-completion');
  const low = asNumbers(await completions(page));
  expect(low).toEqual([...low].sort((a, b) => a - b));
}, 60_000);

it('R9.5 the official exports the 取证人员台账 and sees the job finish', async () => {
  const api = await gw.as('official-city');
  const first = await api.ok<LedgerPage>('official', 'ledger', { ledger: 'certificates', limit: 5 });
  expect(first.rows.length).toBe(5);

  await page.locator('#go-ledger').scrollIntoViewIfNeeded();
  await page.click('#go-ledger');
  await page.locator('#ledger-tabs').waitFor();
  await page.click('.ledger-tab[data-ledger=certificates]');
  await page.locator(`.ledger-row[data-id="${first.rows[0].id}"]`).waitFor();
  await expect(page.locator('#ledger-title').innerText()).resolves.toContain('取证人员台账');
  await shot(page, 'officials-03-certificate-ledger');
  await page.locator('.ledger-row').first().scrollIntoViewIfNeeded();
  await shot(page, 'officials-03b-certificate-ledger-rows');

  await page.click('#ledger-export');
  const done = page.locator('.export-job[data-status=done]').first();
  await done.waitFor({ timeout: 30_000 });
  const count = await done.locator('.export-count').innerText();
  const [rows, total] = count.replace(/[^\d/]/g, '').split('/').map(Number);
  expect(rows).toBe(total);
  expect(rows).toBeGreaterThanOrEqual(expected.metrics.find((m) => m.metric === 'certificates')!.actual);
  await expect(done.locator('.export-download').isVisible()).resolves.toBe(true);
  await shot(page, 'officials-04-export-done');

  // 下载: the page asks official.downloadExport for the link and the browser fetches the workbook.
  // Chromium may report the download on this page or on the tab window.open makes: listen on both.
  const downloaded = new Promise<Download>((resolve) => {
    page.once('download', resolve);
    page.context().once('page', (tab) => tab.once('download', resolve));
  });
  await done.locator('.export-download').click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/取证人员台账.*\.xlsx$/);
}, 90_000);

/**
 * R10 in the browser. The 30-year-old claims a 普惠制 voucher on 21 October 2025; on Sunday
 * 11 January 2026 at 08:00 China time the reminder run finds it 7 days from expiry, and it is the
 * 11th (一旬一调度). The laborer sees the reminder in 消息; the county official sees the digest
 * and opens the dashboard from it.
 */
import type { Page } from 'playwright-core';
import type { RemindReport } from '../../cloudfunctions/services/remind';
import { runRemind } from '../../cloudfunctions/services/remind';
import { registerLaborer30, shot } from './support/browser';
import { phonesFor } from './support/phones';

const CLAIM_DAY = '2025-10-21T02:00:00.000Z';
const RUN = '2026-01-11T00:00:00.000Z';
let report: RemindReport;
const { gw, open } = phonesFor(CLAIM_DAY, async (gw) => {
  const { api } = await registerLaborer30(gw);
  await api.ok('voucher', 'claim', { type: 'skills' });
  await gw.setNow(RUN);
  report = await runRemind(gw.runtime.deps);
});

/** A phone five minutes after the run. */
const phone = async (persona: string): Promise<Page> => (await open(persona, undefined, '2026-01-11T00:05:00.000Z')).page;

it('R10.1 the 30-year-old whose voucher expires in 7 days sees the reminder in 消息', async () => {
  expect(report.created.voucherExpiry).toBe(1);
  const page = await phone('laborer-30');
  await page.locator('#go-messages').waitFor();
  await expect(page.locator('#go-messages .unread-badge').innerText()).resolves.toBe('1');
  await page.click('#go-messages');
  const item = page.locator('.message-item[data-kind=voucherExpiry]');
  await item.waitFor();
  await expect(item.locator('.message-title').innerText()).resolves.toBe('培训券7天后到期');
  await expect(item.locator('.message-text').innerText()).resolves.toContain('1月18日');
  await shot(page, 'reminders-01-laborer-messages');
  await item.click(); // read, and off to the vouchers it is about
  await page.waitForURL(/#\/pages\/(my-vouchers|vouchers)\/index/);
  await shot(page, 'reminders-02-laborer-opened');
}, 60_000);

it('R10.1 the county official sees the ten-day digest on the 11th and opens the dashboard from it', async () => {
  expect(report.created.officialDigest).toBe(3); // the province's, the city's and the county's official
  const page = await phone('official-county');
  await page.goto(`${gw.url}/#/pages/messages/index`);
  const item = page.locator('.message-item[data-kind=officialDigest]');
  await item.waitFor();
  await expect(item.locator('.message-title').innerText()).resolves.toContain('旬');
  await shot(page, 'reminders-03-official-digest');
  await item.click();
  await page.locator('#dashboard-metrics').waitFor();
  await expect(page.locator('#official-region').innerText()).resolves.toContain('岚县');
  await shot(page, 'reminders-04-official-dashboard');
}, 60_000);

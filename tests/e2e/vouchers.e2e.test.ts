/**
 * R3/R4 in the browser: each age band sees the voucher types meant for it, with plain reasons
 * for the others, claims one with a confirmation, and finds it in 我的培训券.
 */
import type { Page } from 'playwright-core';
import { registerLaborer30, shot } from './support/browser';
import { phonesFor } from './support/phones';

// laborer-30 starts unregistered: register it through the API with its demo ID number.
const { gw, open } = phonesFor(undefined, async (gw) => void (await registerLaborer30(gw)));

async function openVouchers(persona: string): Promise<Page> {
  const { page } = await open(persona, 'pages/vouchers/index');
  await page.waitForSelector('.voucher-card');
  return page;
}

const card = (code: string) => `.voucher-card[data-type="${code}"]`;

async function claim(page: Page, code: string, name: string, prefix: string): Promise<void> {
  await page.click(`${card(code)} .voucher-claim`);
  await page.waitForSelector('#voucher-confirm');
  await expect(page.locator('.voucher-confirm').textContent()).resolves.toContain(name);
  await shot(page, `${prefix}-confirm`);
  await page.click('#voucher-confirm');
  const claimed = page.locator('.voucher-claimed');
  await claimed.waitFor();
  await expect(claimed.textContent()).resolves.toBe(`已领取${name}`);
  await expect(page.locator('.voucher-success-expiry').textContent()).resolves.toMatch(/^有效期至\d{4}年\d{1,2}月\d{1,2}日$/);
  await shot(page, `${prefix}-claimed`);
}

it('the 30-year-old claims 职业技能培训券 and sees it unused in 我的培训券', async () => {
  const page = await openVouchers('laborer-30');
  const skills = page.locator(card('skills'));
  await expect(skills.textContent()).resolves.toContain('18–45周岁劳动者');
  await expect(skills.textContent()).resolves.toContain('有效期90天');
  await expect(skills.textContent()).resolves.toMatch(/本县今年剩余名额 \d+/);
  await shot(page, 'vouchers-01-age30-list');

  await claim(page, 'skills', '职业技能培训券', 'vouchers-02-age30');

  await page.click('.voucher-success-mine');
  await page.waitForURL(/#\/pages\/my-vouchers\/index/);
  const row = page.locator('.my-voucher[data-type="skills"]');
  await row.waitFor();
  await expect(row.locator('.my-voucher-status').textContent()).resolves.toBe('未使用');
  // Claimed today with 90 days of validity: today is day 1, so 89 more days.
  await expect(row.locator('.my-voucher-days').textContent()).resolves.toBe('还剩89天');
  await shot(page, 'vouchers-03-age30-my-vouchers');

  // Back on the tab the card now says 已领取.
  await page.goto(`${gw.url}/#/pages/vouchers/index`);
  await page.waitForSelector(`${card('skills')} .voucher-held`);
  await expect(page.locator(`${card('skills')} .voucher-claim`).count()).resolves.toBe(0);
  await shot(page, 'vouchers-04-age30-held');

  // 退回 asks first, then the voucher shows as 已退回 and the card offers 领取 again.
  await page.click('#go-my-vouchers');
  await page.waitForURL(/#\/pages\/my-vouchers\/index/);
  await row.locator('.my-voucher-cancel').click();
  await page.waitForSelector('#voucher-cancel-confirm');
  await shot(page, 'vouchers-04b-age30-cancel-confirm');
  await page.click('#voucher-cancel-confirm');
  await page.waitForSelector('.my-voucher[data-type="skills"] .my-voucher-status:has-text("已退回")');
  await expect(row.locator('.my-voucher-days').count()).resolves.toBe(0);
  await shot(page, 'vouchers-04c-age30-cancelled');
  await page.context().close();
}, 90_000);

it('the 52-year-old sees why 职业技能培训券 is not for them and claims 农业实用技术培训券', async () => {
  const page = await openVouchers('laborer-52');
  const reason = page.locator(`${card('skills')} .voucher-reason`);
  await expect(reason.first().textContent()).resolves.toBe('该券面向18–45周岁劳动者，您今年52周岁');
  await expect(page.locator(`${card('skills')} .voucher-claim`).count()).resolves.toBe(0);
  await shot(page, 'vouchers-05-age52-list');
  await page.locator(card('skills')).scrollIntoViewIfNeeded();
  await shot(page, 'vouchers-06-age52-skills-reason');
  await page.evaluate(() => window.scrollTo(0, 0));

  await claim(page, 'agri', '农业实用技术培训券', 'vouchers-07-age52');
  await page.context().close();
}, 90_000);

it('the 66-year-old sees only 送培训下乡券, in large text, and claims it', async () => {
  const page = await openVouchers('laborer-66');
  // Taro's H5 router keeps earlier pages in the DOM (hidden): look inside this page only.
  await page.waitForSelector('.page-vouchers.czt-large');
  const codes = await page.locator('.voucher-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
  expect(codes).toEqual(['village']);
  await expect(page.locator('.voucher-reason').count()).resolves.toBe(0);
  const size = await page
    .locator(`${card('village')} .czt-card-title`)
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(20);
  await shot(page, 'vouchers-08-age66-only-village');

  await claim(page, 'village', '送培训下乡券', 'vouchers-09-age66');
  await page.click('.voucher-success-mine');
  const row = page.locator('.my-voucher[data-type="village"]');
  await row.waitFor();
  await expect(row.locator('.my-voucher-days').textContent()).resolves.toBe('还剩59天');
  await shot(page, 'vouchers-10-age66-my-vouchers');
  await page.context().close();
}, 90_000);

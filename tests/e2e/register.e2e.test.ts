/**
 * R2/R3 in the browser: the 30-year-old persona logs in, registers with their ID number and
 * household township, and sees band A on 我的.
 */
import type { Browser } from 'playwright-core';
import { type TestGateway, startTestGateway } from '../support/gateway';
import { H5_DIR, launchBrowser, loginAs, phoneContext, shot } from './support/browser';

let gw: TestGateway;
let browser: Browser;

beforeAll(async () => {
  gw = await startTestGateway({ h5Dir: H5_DIR });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

it('the 30-year-old persona registers and sees band A on 我的', async () => {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  await loginAs(page, gw.url, 'laborer-30');
  await page.waitForSelector('#go-register');
  await shot(page, 'register-01-me-unregistered');

  // The login page shows the persona's demo ID number; read it from the API the page uses.
  const personas = (await (await fetch(`${gw.url}/dev/personas`)).json()) as {
    data: { key: string; demoIdNumber: string | null; name: string | null }[];
  };
  const persona = personas.data.find((p) => p.key === 'laborer-30')!;

  await page.click('#go-register');
  // R14.1 the privacy guide comes first: read it, agree, and the form follows.
  await page.click('#reg-privacy');
  await page.click('#privacy-agree');
  await page.waitForSelector('#reg-name input');
  await page.fill('#reg-name input', persona.name!);
  // A 15-digit number gets its own hint before anything is sent.
  await page.fill('#reg-id input', '141127960101123');
  await page.locator('#reg-name input').focus();
  await page.waitForSelector('.reg-id-hint:has-text("请使用18位身份证号码")');
  await shot(page, 'register-02-fifteen-digit-hint');

  await page.fill('#reg-id input', persona.demoIdNumber!);
  await page.waitForSelector('.reg-id-hint:has-text("30周岁")');
  await page.fill('#reg-phone input', '13800000030');
  await page.click('#reg-county');
  await page.click('.reg-county-option:has-text("岚县")');
  await page.click('.reg-township-option:has-text("岚城镇")');
  await shot(page, 'register-03-form-filled');

  await page.click('#reg-submit');
  // R13 the next step is said at once: the classes first (报名 claims the voucher it needs).
  await page.locator('#reg-done').waitFor();
  await expect(page.locator('#reg-next-classes').textContent()).resolves.toBe('去报名课程');
  await shot(page, 'register-03b-registered-next-step');
  await page.click('#reg-done-me');
  await page.waitForURL(/#\/pages\/me\/index/);
  const band = page.locator('.band-value');
  await band.waitFor();
  await expect(band.textContent()).resolves.toContain('A');
  await expect(band.textContent()).resolves.toContain('青壮年');
  const masked = await page.locator('#me-id').textContent();
  expect(masked).toContain(`${persona.demoIdNumber!.slice(0, 3)}***********${persona.demoIdNumber!.slice(-4)}`);
  expect(await page.content()).not.toContain(persona.demoIdNumber!);
  await expect(page.locator('#me-age').textContent()).resolves.toContain('30');
  await shot(page, 'register-04-me-band-a');
  await context.close();
}, 90_000);

it('a second account with the same ID number is refused in the form with a clear message', async () => {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  const personas = (await (await fetch(`${gw.url}/dev/personas`)).json()) as { data: { key: string; demoIdNumber: string | null }[] };
  const taken = personas.data.find((p) => p.key === 'laborer-30')!.demoIdNumber!;
  await loginAs(page, gw.url, 'trainer');
  await page.goto(`${gw.url}/#/pages/register/index`);
  await page.click('#reg-privacy');
  await page.click('#privacy-agree');
  await page.waitForSelector('#reg-name input');
  await page.fill('#reg-name input', '冒用者');
  await page.fill('#reg-id input', taken);
  await page.click('#reg-county');
  await page.click('.reg-county-option:has-text("岚县")');
  await page.click('.reg-township-option:has-text("东村镇")');
  await page.click('#reg-submit');
  await page.waitForSelector('.reg-id-hint:has-text("已被其他微信账号登记")');
  await shot(page, 'register-05-id-taken');
  await context.close();
}, 90_000);

it('band C sees large text automatically', async () => {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  await loginAs(page, gw.url, 'laborer-66');
  const band = page.locator('.band-value');
  await band.waitFor();
  await expect(band.textContent()).resolves.toContain('C');
  await page.waitForSelector('.czt-large');
  const size = await band.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(20);
  await shot(page, 'register-06-band-c-large-text');
  await context.close();
}, 90_000);

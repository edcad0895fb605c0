/**
 * R6 in two browsers: the laborer's phone shows the dynamic QR code, the trainer's phone submits
 * what a real decoder reads from a screenshot of it, and the roster shows the laborer present.
 * Then both phones go offline: the laborer's page still shows a valid code, the trainer's queues
 * the scan, and once back online the queue uploads and the roster updates (R6.4).
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AttendanceKey } from '../../cloudfunctions/contract';
import { checkAttendanceCode, parseAttendanceCode } from '../../cloudfunctions/core/attendance';
import { type TestGateway, startTestGateway } from '../support/gateway';
import { H5_DIR, launchBrowser, loginAs, phoneContext, registerLaborer30, shot } from './support/browser';
import { demoClassId } from '../../cloudfunctions/gateway/demo-ids';

const NOW = '2026-03-02T02:00:00.000Z'; // the demo classes start tomorrow
const HUGONG = demoClassId('hugong-lishi'); // the trainer persona's class; 09:00–17:00 China from 3 March
const DAY_1 = '2026-03-03T01:10:00.000Z'; // 09:10 China, session 1
const DAY_2 = '2026-03-04T01:10:00.000Z'; // 09:10 China, session 2

let gw: TestGateway;
let browser: Browser;
let personId: string;
let secret: Uint8Array;
let laborer: { context: BrowserContext; page: Page };
let trainer: { context: BrowserContext; page: Page };

beforeAll(async () => {
  gw = await startTestGateway({ h5Dir: H5_DIR, devNow: NOW });
  browser = await launchBrowser();
  // laborer-30 registers, claims a 职业技能培训券 and enrolls in the 护工 class through the API.
  const registered = await registerLaborer30(gw);
  personId = registered.personId;
  const api = registered.api;
  await api.ok('voucher', 'claim', { type: 'skills' });
  await api.ok('training', 'enroll', { classId: HUGONG });
  const key = await api.ok<AttendanceKey>('training', 'attendanceKey', {});
  secret = new Uint8Array(Buffer.from(key.secret, 'base64'));
  // The first session is under way, on the server and on both phones.
  await gw.setNow(DAY_1);
  laborer = await phone('laborer-30', DAY_1);
  trainer = await phone('trainer', DAY_1);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

async function phone(persona: string, at: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phoneContext(browser);
  await context.clock.install({ time: new Date(at) });
  const page = await context.newPage();
  await loginAs(page, gw.url, persona);
  return { context, page };
}

/** Screenshots the QR element and decodes it with a real decoder (jsQR). */
async function readQr(page: Page, name: string): Promise<string> {
  const qr = page.locator('#attendance-qr');
  await qr.waitFor({ state: 'visible' });
  await shot(page, name);
  const png = PNG.sync.read(await qr.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!decoded) throw new Error('no QR code found in the screenshot');
  return decoded.data;
}

async function submitOnTrainerPage(code: string): Promise<string> {
  const { page } = trainer;
  await page.fill('#scan-code-input', code);
  await page.click('#scan-code-submit');
  const feedback = page.locator('#scan-feedback');
  await feedback.waitFor({ state: 'visible' });
  return (await feedback.textContent()) ?? '';
}

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const myRow = () => trainer.page.locator(`.roster-row[data-person-id="${personId}"]`);

it('R6.1–R6.3 the trainer submits the code decoded from the laborer’s screen and the roster shows them present', async () => {
  await laborer.page.goto(`${gw.url}/#/pages/attendance-code/index`);
  const code = await readQr(laborer.page, 'attendance-01-laborer-qr');
  const parsed = parseAttendanceCode(code);
  expect(parsed).not.toBeNull();
  expect(checkAttendanceCode(parsed!, secret, new Date(DAY_1))).toBe('ok');
  await expect(laborer.page.locator('#attendance-countdown').textContent()).resolves.toMatch(/\d+秒/);

  await trainer.page.goto(`${gw.url}/#/packages/trainer/pages/class/index?classId=${HUGONG}`);
  await myRow().waitFor();
  await shot(trainer.page, 'attendance-02-trainer-roster-before');
  await expect(submitOnTrainerPage(code)).resolves.toContain('签到成功');
  await expect(myRow().textContent()).resolves.toContain('已到');
  await shot(trainer.page, 'attendance-03-trainer-roster-present');

  // The same code again: 已签到, nothing written twice (R6.3).
  await expect(submitOnTrainerPage(code)).resolves.toContain('已签到');
}, 60_000);

it('R6.4 with both phones offline the code still shows and the scan is queued; back online it uploads', async () => {
  // The next morning: both phones and the server move on a day.
  await gw.setNow(DAY_2);
  await laborer.context.clock.setSystemTime(new Date(DAY_2));
  await trainer.context.clock.setSystemTime(new Date(DAY_2));
  await trainer.page.reload();
  await myRow().waitFor();

  await laborer.context.setOffline(true);
  await trainer.context.setOffline(true);
  await laborer.page.locator('#attendance-offline-note').waitFor({ state: 'visible' });
  // Half a minute passes on both phones: the laborer's page redraws the code on its own.
  await laborer.context.clock.runFor(31_000);
  await trainer.context.clock.runFor(31_000);
  const code = await readQr(laborer.page, 'attendance-04-laborer-qr-offline');
  expect(checkAttendanceCode(parseAttendanceCode(code)!, secret, new Date(Date.parse(DAY_2) + 31_000))).toBe('ok');

  await expect(submitOnTrainerPage(code)).resolves.toContain('离线');
  await expect(trainer.page.locator('#pending-count').textContent()).resolves.toContain('1');
  await shot(trainer.page, 'attendance-05-trainer-queued-offline');
  const attendance = await gw.runtime.deps.store.count('attendance');

  await laborer.context.setOffline(false);
  await trainer.context.setOffline(false);
  // The queue uploads on reconnect, without a tap.
  await trainer.page.waitForFunction(() => /\b0\b/.test(document.querySelector('#pending-count')?.textContent ?? '0'), undefined, {
    timeout: 15_000,
  });
  await until(async () => (await gw.runtime.deps.store.count('attendance')) === attendance + 1);
  await trainer.page.waitForFunction(
    (id) => (document.querySelector(`.roster-row[data-person-id="${id}"]`)?.textContent ?? '').includes('已到'),
    personId,
  );
  const record = await gw.runtime.deps.store.get<{ _id: string; session: number; offline: boolean }>('attendance', `${HUGONG}:1:${personId}`);
  expect(record).toMatchObject({ session: 1, offline: true });
  await shot(trainer.page, 'attendance-06-trainer-uploaded');
}, 60_000);

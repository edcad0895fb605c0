/**
 * R7/R8 in three browsers: a class is completed (sessions and scans through the API), the trainer
 * records a pass in the browser, the laborer finds the certificate in 证书, an anonymous phone
 * verifies it on the verify page, and once the 3-month follow-up is due the laborer reports
 * employment 省外 and 首页 no longer lists it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import type { CertificateView } from '../../cloudfunctions/contract';
import { type ApiClient, type TestGateway, startTestGateway } from '../support/gateway';
import { attendanceCodes, scanEach } from '../support/laborers';
import { ARTIFACTS, H5_DIR, launchBrowser, loginAs, phoneContext, registerLaborer30, shot } from './support/browser';
import { demoClassId } from '../../cloudfunctions/gateway/demo-ids';

const NOW = '2026-03-02T02:00:00.000Z';
const HUGONG = demoClassId('hugong-lishi'); // 10 sessions 3–12 March; the trainer persona's school is an evaluation body
const dayOf = (i: number) => `2026-03-${String(3 + i).padStart(2, '0')}T01:10:00.000Z`;
const AFTER = '2026-03-12T09:30:00.000Z';
const FOLLOW_UP_DUE = '2026-06-13T02:00:00.000Z'; // 3 months and a day after the certificate

let gw: TestGateway;
let browser: Browser;
let laborerApi: ApiClient;
let personId: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  gw = await startTestGateway({ h5Dir: H5_DIR, devNow: NOW });
  browser = await launchBrowser();
  const registered = await registerLaborer30(gw);
  personId = registered.personId;
  laborerApi = registered.api;
  await laborerApi.ok('voucher', 'claim', { type: 'skills' });
  await laborerApi.ok('training', 'enroll', { classId: HUGONG });
  const { codeAt } = await attendanceCodes(laborerApi);
  const trainer = await gw.as('trainer');
  await scanEach(gw, trainer, HUGONG, codeAt, Array.from({ length: 10 }, (_, i) => dayOf(i)));
  await gw.setNow(AFTER);
  await trainer.ok('training', 'closeClass', { classId: HUGONG });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

async function phone(persona: string | null, at: string): Promise<Page> {
  const context = await phoneContext(browser); // downloads are accepted by default
  contexts.push(context);
  await context.clock.install({ time: new Date(at) });
  const page = await context.newPage();
  if (persona) await loginAs(page, gw.url, persona);
  return page;
}

it('R7.1–R7.2 the trainer records a pass; the laborer sees the certificate; a stranger verifies it', async () => {
  const trainer = await phone('trainer', AFTER);
  await trainer.goto(`${gw.url}/#/packages/trainer/pages/results/index?classId=${HUGONG}`);
  const row = trainer.locator(`.results-row[data-person-id="${personId}"]`);
  await row.waitFor();
  await row.locator('.results-score input, input.results-score').first().fill('86');
  await shot(trainer, 'certificates-01-trainer-results');
  await trainer.click('#results-submit');
  const answer = row.locator('.results-answer');
  await answer.waitFor();
  await expect(answer.textContent()).resolves.toMatch(/证书编号.*2026141127\d{6}/);
  await expect(answer.textContent()).resolves.toContain('¥1,200.00');
  await shot(trainer, 'certificates-02-trainer-recorded');

  const laborer = await phone('laborer-30', AFTER);
  await laborer.goto(`${gw.url}/#/pages/certificates/index`);
  const card = laborer.locator('.cert-card').first();
  await card.waitFor();
  await expect(card.textContent()).resolves.toContain('养老护理员');
  await shot(laborer, 'certificates-03-laborer-wallet');
  await card.click();
  await laborer.locator('#cert-verify-code').waitFor();
  await shot(laborer, 'certificates-04-laborer-detail');
  const [cert] = await laborerApi.ok<CertificateView[]>('certificate', 'mine', {});
  await expect(laborer.locator('#cert-verify-code').textContent()).resolves.toContain(cert.verifyCode);
  // 保存为图片 (H5): the certificate with its QR drawn on a canvas and downloaded as a PNG.
  const [download] = await Promise.all([laborer.waitForEvent('download'), laborer.click('#cert-save')]);
  const saved = join(ARTIFACTS, 'certificates-04b-saved-image.png');
  await download.saveAs(saved);
  const image = PNG.sync.read(readFileSync(saved));
  expect(image.width).toBeGreaterThan(300);
  const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  expect(decoded?.data).toContain(`number=${cert.number}`);

  // A third phone, logged in as nobody, opens the link in the saved image's QR.
  const stranger = await phone(null, AFTER);
  await stranger.goto(decoded!.data);
  const status = stranger.locator('#verify-status');
  await status.waitFor();
  await expect(status.textContent()).resolves.toContain('有效');
  await expect(stranger.locator('#verify-result').textContent()).resolves.toContain('王*军');
  await shot(stranger, 'certificates-05-stranger-verified');

  // An image saved before the verify page moved carries the old address: it opens the same page.
  const older = await phone(null, AFTER);
  await older.goto(`${gw.url}/#/packages/verify/pages/index?number=${cert.number}&code=${cert.verifyCode}`);
  await older.locator('#verify-status').waitFor();
  await expect(older.locator('#verify-status').textContent()).resolves.toContain('有效');
}, 90_000);

it('R8.2–R8.3 the due follow-up is listed on 首页 until the laborer reports work 省外', async () => {
  await gw.setNow(FOLLOW_UP_DUE);
  const laborer = await phone('laborer-30', FOLLOW_UP_DUE);
  await laborer.goto(`${gw.url}/#/pages/index/index`);
  const followUps = laborer.locator('#home-follow-ups');
  await followUps.waitFor();
  await expect(followUps.textContent()).resolves.toContain('养老护理员');
  await shot(laborer, 'certificates-06-home-follow-up-due');

  await followUps.click();
  await laborer.waitForURL(/employment/);
  await laborer.click('#employment-status-employed');
  await laborer.locator('#employment-employer input, input#employment-employer').first().fill('北京康养服务有限公司');
  await laborer.click('#employment-place-country');
  await laborer.locator('#employment-place-name input, input#employment-place-name').first().fill('北京市朝阳区');
  await laborer.click('#employment-start-date');
  await laborer.getByText('确定', { exact: true }).click(); // the picker opens on today
  await laborer.locator('#employment-income input, input#employment-income').first().fill('5200');
  await shot(laborer, 'certificates-07-employment-form');
  await laborer.click('#employment-submit');
  const history = laborer.locator('#employment-history');
  await history.waitFor();
  await expect(history.textContent()).resolves.toContain('省外');
  await shot(laborer, 'certificates-08-employment-reported');

  const due = await laborerApi.ok<{ months: number; status: string }[]>('employment', 'followUps', {});
  expect(due.map((f) => [f.months, f.status])).toEqual([
    [3, 'done'],
    [6, 'upcoming'],
  ]);
  await laborer.goto(`${gw.url}/#/pages/index/index`);
  await laborer.waitForLoadState('networkidle'); // the follow-ups have been asked for and answered
  await expect(laborer.locator('#home-follow-ups').count()).resolves.toBe(0);
  await shot(laborer, 'certificates-09-home-after-report');
}, 90_000);

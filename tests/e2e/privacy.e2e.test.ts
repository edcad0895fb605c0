/**
 * R14 in the browser, on the local host with its pretend face check: the 30-year-old persona reads
 * and agrees to the privacy guide, registers, passes the face check her county asks for, and
 * claims; a new account that registers someone else's (unregistered) number gets a mismatch from
 * the check and cannot claim; 我的信息 shows what is held, at normal and 200 % text. Screenshots:
 * privacy-*.png.
 */
import { join } from 'node:path';
import type { PrivacyStatus } from '../../cloudfunctions/contract';
import { type TestGateway } from '../support/gateway';
import { idNumberAged } from '../support/id-numbers';
import { ARTIFACTS, shot } from './support/browser';
import { doubleRootFont, field, fullShot, layoutReport, phonesFor, problemsOf } from './support/phones';

jest.setTimeout(180_000);

const NOW = '2026-03-02T02:00:00.000Z';

/** 岚县 asks for a face check before claiming (set by the city's admin, as in the app). */
async function lanxianAsks(gw: TestGateway): Promise<void> {
  const admin = await gw.as('official-city');
  await admin.ok('privacy', 'setFacePolicy', { countyCode: '141127', atRegistration: true, atFirstSession: false, laterShare: 0 });
}

const kit = phonesFor(NOW, lanxianAsks);

async function bothSizes(page: import('playwright-core').Page, name: string): Promise<void> {
  await fullShot(page, join(ARTIFACTS, `${name}.png`));
  const undo = await doubleRootFont(page);
  const report = await layoutReport(page);
  await fullShot(page, join(ARTIFACTS, `${name}-200.png`));
  expect(problemsOf(report)).toEqual([]);
  await undo();
}

/** Fills 实名登记 (岚县 岚城镇) and submits. */
async function registerAs(page: import('playwright-core').Page, name: string, idNumber: string): Promise<void> {
  await page.waitForSelector('#reg-name input');
  await field(page, 'reg-name').fill(name);
  await field(page, 'reg-id').fill(idNumber);
  await page.click('#reg-county');
  await page.click('.reg-county-option:has-text("岚县")');
  await page.click('.reg-township-option:has-text("岚城镇")');
  await page.click('#reg-submit');
}

/** 开始刷脸 → the pretend screen → the answer → back on the app's result. */
async function faceCheck(page: import('playwright-core').Page, answer: 'match' | 'mismatch', prefix: string): Promise<string> {
  await page.waitForSelector('#face-start');
  await shot(page, `${prefix}-face-intro`);
  await page.click('#face-start');
  await page.waitForURL(/\/dev\/face\?/);
  await page.waitForSelector('#pretend-face-check');
  await shot(page, `${prefix}-face-pretend`);
  await page.click(`#face-${answer}`);
  const result = page.locator('#face-result');
  await result.waitFor();
  await shot(page, `${prefix}-face-result`);
  return (await result.getAttribute('data-outcome')) ?? '';
}

it('R14 persona 30 agrees to the guide, registers, passes the face check and claims', async () => {
  const { page } = await kit.open('laborer-30');
  const personas = (await (await fetch(`${kit.gw.url}/dev/personas`)).json()) as { data: { key: string; demoIdNumber: string | null; name: string | null }[] };
  const p30 = personas.data.find((p) => p.key === 'laborer-30')!;

  // 实名登记 asks for the guide first (R14.1: nothing personal before it).
  await page.click('#go-register');
  await page.waitForSelector('#reg-privacy');
  await shot(page, 'privacy-01-register-asks-first');
  await page.click('#reg-privacy');
  await page.waitForSelector('.privacy-section');
  await bothSizes(page, 'privacy-02-guide');
  await page.locator('#privacy-agree').scrollIntoViewIfNeeded();
  await shot(page, 'privacy-02b-guide-agree');
  const undo = await doubleRootFont(page);
  await page.locator('#privacy-agree').scrollIntoViewIfNeeded();
  await shot(page, 'privacy-02b-guide-agree-200');
  await undo();
  await page.click('#privacy-agree');

  // Back on the form, registered with the demo number.
  await registerAs(page, p30.name!, p30.demoIdNumber!);
  await page.waitForSelector('#reg-done');
  await page.waitForSelector('#reg-face');
  await shot(page, 'privacy-03-registered-face-next');

  // Claiming is refused until the face check passes (the account may browse meanwhile).
  const api = await kit.gw.as('laborer-30');
  expect(await api.call('voucher', 'claim', { type: 'skills' })).toMatchObject({ ok: false, code: 'FACE_CHECK_REQUIRED' });

  await page.click('#reg-face');
  expect(await faceCheck(page, 'match', 'privacy-04')).toBe('passed');
  await page.click('#face-go-vouchers');
  await page.waitForURL(/#\/pages\/vouchers\/index/);
  await page.click('.voucher-card[data-type="skills"] .voucher-claim');
  await page.waitForSelector('#voucher-confirm');
  await page.click('#voucher-confirm');
  await page.waitForSelector('.voucher-claimed');
  await expect(page.locator('.voucher-claimed').textContent()).resolves.toBe('已领取职业技能培训券');
  await shot(page, 'privacy-05-claimed');
  const status = await api.ok<PrivacyStatus>('privacy', 'status');
  expect(status).toMatchObject({ consent: 'agreed', registered: true, realName: { required: true, verified: true } });
});

it('R14.3 a new account registering someone else’s unregistered number gets a mismatch and cannot claim', async () => {
  const { page } = await kit.open('fresh:test-impostor-e2e');
  const neighbour = idNumberAged(41, new Date(NOW), { region: '141127' });
  await page.click('#go-register');
  await page.waitForSelector('#reg-privacy');
  await page.click('#reg-privacy');
  await page.waitForSelector('#privacy-agree');
  await page.click('#privacy-agree');
  await registerAs(page, '冒用者', neighbour);
  await page.waitForSelector('#reg-face');
  await page.click('#reg-face');
  expect(await faceCheck(page, 'mismatch', 'privacy-06-impostor')).toBe('mismatch');
  await expect(page.locator('.face-message').textContent()).resolves.toContain('不一致');

  await page.goto(`${kit.gw.url}/#/pages/vouchers/index`);
  await page.click('.voucher-card[data-type="skills"] .voucher-claim');
  await page.waitForSelector('#voucher-confirm');
  await page.click('#voucher-confirm');
  await page.waitForSelector('.voucher-refusal:has-text("人脸核身")');
  await shot(page, 'privacy-07-impostor-cannot-claim');
});

it('R14.2 我的信息 shows what is held, at normal and 200 % text', async () => {
  const { page } = await kit.open('laborer-30', 'pages/me/index');
  await page.click('.me-my-data');
  await page.waitForSelector('.my-data-held[data-collection="vouchers"]');
  await expect(page.locator('#my-data-consent').textContent()).resolves.toContain('已同意');
  await expect(page.locator('#my-data-real-name').textContent()).resolves.toContain('已通过');
  await bothSizes(page, 'privacy-08-my-data');
  // 注销 asks first and says what goes and what stays; 不注销 keeps the account.
  await page.click('#my-data-close');
  await page.locator('#my-data-close-card').scrollIntoViewIfNeeded();
  await shot(page, 'privacy-08b-my-data-close-asks');
  const undo = await doubleRootFont(page);
  await page.locator('#my-data-close-confirm').scrollIntoViewIfNeeded();
  await shot(page, 'privacy-08b-my-data-close-asks-200');
  await undo();
  await page.click('#my-data-close-keep');
  await page.waitForSelector('#my-data-close');
});

it('R14.1 refusing the guide leaves the public pages open and says what cannot be done', async () => {
  const { page } = await kit.open('fresh:test-refuser-e2e', 'pages/privacy/index');
  await page.waitForSelector('#privacy-refuse');
  await page.click('#privacy-refuse');
  await page.waitForSelector('#privacy-refused');
  await expect(page.locator('#privacy-refused').textContent()).resolves.toContain('实名登记');
  await bothSizes(page, 'privacy-09-refused');
  await page.click('#privacy-go-home');
  await page.waitForURL(/#\/pages\/index\/index/);
});

it('R14.3 officials see each class’s verified share and each county’s policy, at normal and 200 % text', async () => {
  const { page } = await kit.open('official-city', 'packages/official/pages/face-checks/index');
  await page.waitForSelector('.face-policy');
  await expect(page.locator('.face-policy').textContent()).resolves.toContain('领券前刷脸实名');
  await bothSizes(page, 'privacy-10-official-face-checks');
});

/**
 * R13 "200 % text" (the three tests/e2e/large-text-*.e2e.test.ts files share this): every page
 * of every persona with the root font size doubled, once in the persona's own text mode and once
 * with the app's 大字模式 switched the other way: the page is never wider than the screen
 * (scrollWidth, nothing reaching past its sides), no two controls lie on each other, a QR code is
 * whole on screen, and the tab labels are clear of their icons. A full-page screenshot of each is
 * kept (large-<persona>-<page>-<mode>.png). Split in three so the personas' pages run on two workers.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ProxyLinkView } from '../../../cloudfunctions/contract';
import { demoClassId, demoInstitutionId } from '../../../cloudfunctions/gateway/demo-ids';
import { PERSONAS, demoIdNumber } from '../../../cloudfunctions/gateway/personas';
import { type TestGateway, startTestGateway } from '../../support/gateway';
import { agreeToGuide } from '../../support/laborers';
import { ARTIFACTS, H5_DIR, launchBrowser, registerLaborer30 } from './browser';
import { doubleRootFont, fullShot, layoutReport, phone, problemsOf } from './phones';

const NOW = '2026-03-02T02:00:00.000Z'; // Monday 10:00 China time; the demo classes start tomorrow
const BIANZHI = demoClassId('bianzhi-dongcun');
const HUGONG = demoClassId('hugong-lishi');

let gw: TestGateway;
let browser: Browser;
let elderPersonId: string;

const LABORER_PAGES = [
  'pages/index/index',
  'pages/vouchers/index',
  'pages/classes/index',
  'pages/certificates/index',
  'pages/me/index',
  'pages/my-vouchers/index',
  'pages/my-classes/index',
  'pages/attendance-code/index',
  'pages/employment/index',
  'pages/messages/index',
  'pages/family/index',
  'pages/register/index',
  'packages/verify/pages/verify/index',
];
const official = (regionCode: string, more: string[]) => [
  `packages/official/pages/dashboard/index?regionCode=${regionCode}`,
  ...more,
  'pages/family/index',
  'pages/messages/index',
  'pages/me/index',
];

/** Each persona and the pages it uses (query values the pages need). */
export function pagesOf(): Record<string, string[]> {
  return {
    'laborer-66': LABORER_PAGES,
    'laborer-52': LABORER_PAGES,
    'laborer-30': LABORER_PAGES,
    // A relative acting for the 66-year-old (switched on through 亲情代办 first).
    'fresh:test-relative-large': ['pages/family/index', ...LABORER_PAGES.filter((p) => !p.includes('register') && !p.includes('employment'))],
    'fresh:test-newcomer-large': ['pages/index/index', 'pages/me/index', 'pages/register/index', 'pages/invite/index', 'pages/family/index'],
    'trainer-lanxian': [
      'packages/trainer/pages/classes/index',
      `packages/trainer/pages/class/index?classId=${BIANZHI}`,
      `packages/trainer/pages/results/index?classId=${BIANZHI}`,
      'packages/trainer/pages/class-form/index',
      'packages/trainer/pages/assess/index',
      `packages/trainer/pages/card/index?personId=${elderPersonId}&name=${encodeURIComponent('张*福')}&classId=${BIANZHI}`,
      'pages/me/index',
      'pages/messages/index',
    ],
    'official-county': official('141127', [
      'packages/official/pages/ledger/index',
      'packages/official/pages/exports/index',
      'packages/official/pages/supply/index',
      'packages/official/pages/institutions/index',
      `packages/official/pages/institution/index?institutionId=${demoInstitutionId('nongji')}`,
      'packages/official/pages/institution-form/index',
      'packages/official/pages/staff/index',
      'packages/official/pages/new-invitation/index',
      'packages/official/pages/reviews/index',
      'packages/official/pages/projects/index',
    ]),
    'official-city': official('141100', ['packages/official/pages/ranking/index?regionCode=141100&year=2026', 'packages/official/pages/ledger/index']),
    'official-province': official('140000', ['packages/official/pages/ranking/index?regionCode=140000&year=2026']),
  };
}

/** Starts the gateway and browser and gives every persona something on every page. */
export function setUpLargeText(): void {
beforeAll(async () => {
  gw = await startTestGateway({ h5Dir: H5_DIR, devNow: NOW });
  browser = await launchBrowser();
  // Something on every page: each laborer holds a voucher and a class, the elder a relative.
  const { api: p30 } = await registerLaborer30(gw);
  await p30.ok('training', 'enroll', { classId: HUGONG, claim: 'skills' });
  const p52 = await gw.as('laborer-52');
  await p52.ok('voucher', 'claim', { type: 'agri' });
  const elder = await gw.as('laborer-66');
  const enrollment = await elder.ok<{ class: { id: string } }>('training', 'enroll', { classId: BIANZHI, claim: 'village' });
  expect(enrollment.class.id).toBe(BIANZHI);
  const p66 = PERSONAS.find((p) => p.key === 'laborer-66')!;
  const relative = await gw.as('test-relative-large');
  await agreeToGuide(relative);
  const link = await relative.ok<ProxyLinkView>('family', 'request', { elderIdNumber: demoIdNumber(p66, new Date(NOW))!, elderName: p66.laborer!.name, relation: '子女', proxyName: '张小明' });
  await elder.ok('family', 'answer', { linkId: link.linkId, agree: true });
  elderPersonId = link.elderPersonId;
  // A request waiting for the county official, from someone else.
  const waiting = await gw.as('test-relative-waiting');
  await agreeToGuide(waiting);
  await waiting.ok('family', 'request', { elderIdNumber: demoIdNumber(p66, new Date(NOW))!, elderName: p66.laborer!.name, relation: '孙子女', proxyName: '张小红' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await gw?.close();
});
}

/** Opens a page afresh and waits until it has drawn what it loads. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${gw.url}/#/${path}`);
  await page.locator('.czt-page').first().waitFor({ state: 'visible' });
  await page.waitForFunction(() => ![...document.querySelectorAll('.czt-state-loading')].some((el) => (el as HTMLElement).checkVisibility?.() ?? true), undefined, {
    timeout: 15_000,
  });
  await page.waitForTimeout(300);
}

const slug = (path: string) => path.replace(/^(pages|packages)\//, '').replace(/\/index.*$/, '').replace(/\/pages\//, '-').replace(/\//g, '-');
export const who = (persona: string) => persona.replace(/^fresh:test-/, '');

/** Switches 大字模式 the other way on 我的 (kept on the phone for the next pages). */
async function flipLargeText(page: Page): Promise<void> {
  await open(page, 'pages/me/index');
  await page.locator('.large-text-switch').first().click();
  await page.waitForTimeout(200);
}

export async function checkAll(persona: string, paths: string[], mode: string, problems: Record<string, string[]>): Promise<void> {
  const { page, context } = await phone(browser, gw, persona, NOW);
  try {
    if (persona === 'fresh:test-relative-large') {
      await open(page, 'pages/family/index');
      await page.locator('.family-act').first().click();
      await page.locator('#acting-bar').waitFor();
    }
    for (const pass of [mode, 'flipped']) {
      if (pass === 'flipped') await flipLargeText(page);
      for (const path of paths) {
        await open(page, path);
        // The printed card itself is what must fit: print one (R13.2).
        if (path.includes('trainer/pages/card/')) {
          await page.click('#card-issue');
          await page.click('#card-confirm');
          await page.locator('#card-qr').waitFor();
        }
        const undo = await doubleRootFont(page);
        const found = problemsOf(await layoutReport(page));
        const name = `large-${who(persona)}-${slug(path)}-${pass}`;
        const t0 = Date.now();
        await fullShot(page, join(ARTIFACTS, `${name}.png`));
        if (process.env.E2E_TIMING) console.log(name, Date.now() - t0, 'ms');
        if (found.length > 0) problems[name] = found;
        await undo();
      }
    }
  } finally {
    await context.close();
  }
}


/** The 200 % test of each of these personas. */
export function describeLargeText(personas: string[]): void {
  jest.setTimeout(600_000);
  setUpLargeText();
  describe('R13 every page at 200 % text', () => {
    for (const persona of personas) {
      it(`${who(persona)}: no page wider than the screen, no controls on each other, QR codes whole`, async () => {
        const problems: Record<string, string[]> = {};
        await checkAll(persona, pagesOf()[persona], persona === 'laborer-66' ? 'large' : 'normal', problems);
        expect(problems).toEqual({});
      });
    }
  });
}

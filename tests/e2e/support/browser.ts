/**
 * Playwright (playwright-core, no browser download) driving Debian's Chromium at a phone-sized
 * viewport, against the real gateway serving the H5 build.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import type { WhoAmI } from '../../../cloudfunctions/contract';
import type { ApiClient, TestGateway } from '../../support/gateway';
import { agreeToGuide } from '../../support/laborers';

export const ARTIFACTS = join(__dirname, '..', 'artifacts');
/** The H5 build the gateway serves (`H5_DIR` names a copy, so a rebuild under way cannot pull it away). */
export const H5_DIR = process.env.H5_DIR ?? join(__dirname, '..', '..', '..', 'dist', 'h5');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Playwright gives each launch a fresh temporary profile (the user-data dir). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Run: sudo apt-get install -y chromium fonts-noto-cjk`);
  }
  if (!existsSync(join(H5_DIR, 'index.html'))) throw new Error('dist/h5 missing: run npm run build:h5 first');
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A phone: 390×844, touch, Chinese locale, China time zone. */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
}

export async function shot(page: Page, name: string): Promise<string> {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false, animations: 'disabled' }); // finite animations shown at their end
  return path;
}

/** Logs the context in as a dev persona through the real login page. */
export async function loginAs(page: Page, baseUrl: string, persona: string): Promise<void> {
  await page.goto(`${baseUrl}/dev/login`);
  await page.click(`#persona-${persona}`);
  await page.waitForURL(/#\/pages\/me\/index/);
}

interface DevPersona {
  key: string;
  name: string | null;
  demoIdNumber: string | null;
}

/**
 * laborer-30 starts unregistered (to show registration): agrees to the privacy guide (R14.1) and
 * registers it through the API with its demo ID number, and returns its API client and person id.
 */
export async function registerLaborer30(gw: TestGateway): Promise<{ api: ApiClient; personId: string }> {
  const personas = (await (await fetch(`${gw.url}/dev/personas`)).json()) as { data: DevPersona[] };
  const p30 = personas.data.find((p) => p.key === 'laborer-30')!;
  const api = await gw.as('laborer-30');
  await agreeToGuide(api);
  const me = await api.ok<WhoAmI>('account', 'register', { name: p30.name, idNumber: p30.demoIdNumber, townshipCode: '141127101' });
  return { api, personId: me.profile!.personId };
}

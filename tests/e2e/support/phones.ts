/**
 * Phones for the R13 browser tests: a logged-in phone per persona (or a fresh WeChat identity)
 * with its clock set, taps that are counted, the root font size doubled, and the layout checks
 * that say whether a screen is usable at that size: nothing wider than the screen, no two
 * controls on top of each other, a QR code whole on screen, tab labels clear of their icons.
 */
import jsQR from 'jsqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { type TestGateway, lateBound, startTestGateway } from '../../support/gateway';
import { H5_DIR, launchBrowser, loginAs, phoneContext, shot } from './browser';

export interface Phone {
  context: BrowserContext;
  page: Page;
}

/** A phone logged in as `persona` (`fresh:<openid>` for a new WeChat identity), its clock at `at`. */
export async function phone(browser: Browser, gw: TestGateway, persona: string, at?: string): Promise<Phone> {
  const context = await phoneContext(browser);
  if (at) await context.clock.install({ time: new Date(at) });
  const page = await context.newPage();
  if (persona.startsWith('fresh:')) await loginFresh(page, gw, persona.slice('fresh:'.length));
  else await loginAs(page, gw.url, persona);
  return { context, page };
}

/** A test file's gateway (its clock at `devNow`, or real time), browser and phones, started and closed with the file. */
export interface PhoneKit {
  gw: TestGateway;
  browser: Browser;
  /** A phone for `persona` (see `phone`) at `at` (default `devNow`), opened on the hash `path`. */
  open: (persona: string, path?: string, at?: string) => Promise<Phone>;
}

export function phonesFor(devNow: string | undefined, setup?: (gw: TestGateway) => Promise<void>, options: { timeout?: number } = {}): PhoneKit {
  const phones: Phone[] = [];
  let gw: TestGateway | undefined;
  let browser: Browser | undefined;
  const kit: PhoneKit = {
    gw: lateBound('the gateway', () => gw),
    browser: lateBound('the browser', () => browser),
    open: async (persona, path, at = devNow) => {
      const p = await phone(kit.browser, kit.gw, persona, at);
      phones.push(p);
      if (path) await p.page.goto(`${kit.gw.url}/#/${path}`);
      return p;
    },
  };
  beforeAll(async () => {
    gw = await startTestGateway({ h5Dir: H5_DIR, devNow });
    browser = await launchBrowser();
    await setup?.(gw);
  }, options.timeout ?? 90_000);
  afterAll(async () => {
    for (const p of phones) await p.context.close().catch(() => undefined);
    await browser?.close();
    await gw?.close();
  });
  return kit;
}

/** The screen as it is, and again with the root font size doubled (`<name>-200`). */
export async function shotBoth(page: Page, name: string): Promise<void> {
  await shot(page, name);
  const undo = await doubleRootFont(page);
  await shot(page, `${name}-200`);
  await undo();
}

/** A new WeChat identity (the dev login's synthetic `test-…` OPENID), landing on 我的. */
async function loginFresh(page: Page, gw: TestGateway, openid: string): Promise<void> {
  await page.goto(`${gw.url}/dev/login`);
  const res = await page.evaluate(async (id) => {
    const r = await fetch('/dev/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid: id }) });
    return r.status;
  }, openid);
  if (res !== 200) throw new Error(`fresh login failed: ${res}`);
  await page.goto(`${gw.url}/#/pages/me/index`);
}

/** Types into a form field: Taro's H5 Input is a host element around the real <input>. */
export const field = (page: Page, id: string) => page.locator(`#${id} input, input#${id}`).first();

/** Decodes the QR code on screen with a real decoder (jsQR), as a scanner would. */
export async function readQr(page: Page, selector: string): Promise<string> {
  const qr = page.locator(selector);
  await qr.waitFor({ state: 'visible' });
  const png = PNG.sync.read(await qr.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!decoded) throw new Error(`no QR code found in ${selector}`);
  return decoded.data;
}

/** Taps through the UI and counts them (R13: 首页 to enrolled in at most 4 or 5). */
export class Taps {
  count = 0;
  readonly log: string[] = [];
  constructor(private readonly page: Page) {}

  async tap(selector: string): Promise<void> {
    const target = this.page.locator(selector).first();
    await target.waitFor({ state: 'visible' });
    await target.scrollIntoViewIfNeeded();
    await target.click();
    this.count += 1;
    this.log.push(selector);
  }
}

/** The root font size doubled (Taro's H5 sizes are rem), as a phone's text zoom does; returns the undo. */
export async function doubleRootFont(page: Page): Promise<() => Promise<void>> {
  const root = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const style = await page.addStyleTag({ content: `html { font-size: ${root * 2}px !important; }` });
  await page.waitForTimeout(150);
  return async () => {
    await style.evaluate((el) => (el as HTMLElement).remove());
  };
}

/**
 * A screenshot of the whole page, not only the screen: Taro's H5 page scrolls inside its own box,
 * so the phone is made as tall as the page for the shot (the width, and so the layout, stays).
 */
export async function fullShot(page: Page, path: string): Promise<void> {
  const size = page.viewportSize();
  const extra = await page.evaluate(() => {
    const s = document.querySelector('.taro_page_show');
    return s ? s.scrollHeight - s.clientHeight : 0;
  });
  if (!size || extra <= 0) {
    await page.screenshot({ path, animations: 'disabled' });
    return;
  }
  await page.setViewportSize({ width: size.width, height: size.height + extra });
  await page.waitForTimeout(100);
  await page.screenshot({ path, animations: 'disabled' });
  await page.setViewportSize(size);
}

export interface LayoutReport {
  viewport: number;
  scrollWidth: number;
  /** Visible elements reaching past the screen's sides (clipped or scrolled). */
  outside: string[];
  /** Pairs of interactive elements whose boxes overlap. */
  overlaps: string[];
  /** Controls still under the tab bar with the page scrolled to its end (never reachable). */
  covered: string[];
  /** QR codes not whole on screen. */
  qrs: string[];
  /** Tab-bar labels cut off or on their icons. */
  tabs: string[];
}

/** What a person could not use on the current screen (an empty report is a usable screen). */
export function layoutReport(page: Page): Promise<LayoutReport> {
  return page.evaluate(() => {
    const INTERACTIVE = [
      'button',
      'input',
      'textarea',
      'a[href]',
      '[role="switch"]',
      '[role="checkbox"]',
      '.nut-button',
      '.nut-switch',
      '.czt-link-row',
      '.czt-option',
      '.czt-shortcut',
      '.czt-select',
      '.czt-picker-row',
      '.class-mode',
      '.class-toggle',
      '.weui-tabbar__item',
      '.message-item',
      '.voucher-held-link',
      '.class-enrolled-link',
      '.nut-cell-clickable',
      '.county-row',
      '.ledger-tab',
    ].join(',');
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) return false;
      return (el as HTMLElement).checkVisibility?.({ checkOpacity: true, checkVisibilityCSS: true }) ?? true;
    };
    const name = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : '';
      const text = (el.textContent ?? '').trim().slice(0, 12);
      return `${el.tagName.toLowerCase()}${id}${cls}「${text}」`;
    };
    // The current page only: Taro keeps earlier pages in the DOM, hidden.
    const all = [...document.querySelectorAll('body *')].filter(shown);
    const outside = all
      .filter((el) => el.children.length === 0 || el.matches(INTERACTIVE))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.right > vw + 1 || r.left < -1;
      })
      .map(name);
    const tabItems = all.filter((el) => el.matches('.weui-tabbar__item'));
    const controls = all.filter((el) => el.matches(INTERACTIVE) && !el.matches('.weui-tabbar__item'));
    // The outermost of nested controls (a NutUI button wraps its own parts).
    const outer = controls.filter((el) => !controls.some((o) => o !== el && o.contains(el)));
    const overlaps: string[] = [];
    for (let i = 0; i < outer.length; i++) {
      const a = outer[i].getBoundingClientRect();
      for (let j = i + 1; j < outer.length; j++) {
        const b = outer[j].getBoundingClientRect();
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 2 && h > 2) overlaps.push(`${name(outer[i])} × ${name(outer[j])}`);
      }
    }
    // The tab bar is fixed: content scrolls under it, but the page's end must come out above it.
    const scroller = document.querySelector('.taro_page_show') ?? document.scrollingElement;
    scroller?.scrollTo(0, scroller.scrollHeight);
    const covered = outer.filter((el) => {
      const r = el.getBoundingClientRect();
      return tabItems.some((t) => {
        const b = t.getBoundingClientRect();
        return Math.min(r.right, b.right) - Math.max(r.left, b.left) > 2 && Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top) > 2;
      });
    }).map(name);
    scroller?.scrollTo(0, 0);
    const qrs = [...document.querySelectorAll('#attendance-qr, #card-qr, #cert-qr, #invitation-qr, .invitation-qr')]
      .filter(shown)
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > vw || r.height > vh || r.left < 0 || r.right > vw;
      })
      .map(name);
    const tabs = [...document.querySelectorAll('.weui-tabbar__item')].filter(shown).flatMap((item) => {
      const label = item.querySelector('.weui-tabbar__label');
      const icon = item.querySelector('.weui-tabbar__icon, img');
      if (!label) return [];
      const l = label.getBoundingClientRect();
      const box = item.getBoundingClientRect();
      const problems: string[] = [];
      if (l.left < box.left - 1 || l.right > box.right + 1 || (label as HTMLElement).scrollWidth > (label as HTMLElement).clientWidth + 1) problems.push(`${name(label)} cut off`);
      if (icon) {
        const i = icon.getBoundingClientRect();
        if (Math.min(i.bottom, l.bottom) - Math.max(i.top, l.top) > 1 && Math.min(i.right, l.right) - Math.max(i.left, l.left) > 1) problems.push(`${name(label)} on its icon`);
      }
      return problems;
    });
    const scrollWidth = Math.max(document.documentElement.scrollWidth, scroller?.scrollWidth ?? 0);
    return { viewport: vw, scrollWidth, outside, overlaps, covered, qrs, tabs };
  });
}

/** The report's problems in one list (empty: usable). */
export function problemsOf(r: LayoutReport): string[] {
  return [
    ...(r.scrollWidth > r.viewport ? [`scrollWidth ${r.scrollWidth} > ${r.viewport}`] : []),
    ...r.outside.map((o) => `outside: ${o}`),
    ...r.overlaps.map((o) => `overlap: ${o}`),
    ...r.covered.map((o) => `under the tab bar: ${o}`),
    ...r.qrs.map((q) => `QR not whole: ${q}`),
    ...r.tabs.map((t) => `tab: ${t}`),
  ];
}

/** Polls until `check` holds (a server write seen, a count reached). */
export async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * R13.1 亲情代办 in the browser: a relative with their own WeChat (never registered) asks to act
 * for the 66-year-old; the elder agrees on his own phone; the relative switches to him, claims and
 * enrolls in his name in three taps with "正在为张*福代办" on every page, and is told plainly that
 * the attendance code is not theirs to open; the ledger names the relative as actor. Another
 * relative is agreed in person by the county official, having seen the ID card. The elder ends
 * the link and the relative's next call is refused at once, back in their own name.
 */
import { demoClassId } from '../../cloudfunctions/gateway/demo-ids';
import { PERSONAS, demoIdNumber } from '../../cloudfunctions/gateway/personas';
import { where } from '../../cloudfunctions/store/port';
import { agreeToGuide } from '../support/laborers';
import { shot } from './support/browser';
import { type Phone, Taps, field, phonesFor, shotBoth } from './support/phones';

const NOW = '2026-03-02T02:00:00.000Z';
const BIANZHI = demoClassId('bianzhi-dongcun');
const RELATIVE = 'test-relative-zhang';

const kit = phonesFor(NOW);
const open = kit.open;
let relative: Phone;
let elder: Phone;

const persona = (key: string) => PERSONAS.find((p) => p.key === key)!;

type LedgerEntry = { _id: string; type: string; actor: { openid: string | null; role: string; onBehalfOf?: string }; subjects: Record<string, string> };
const ledgerOf = async (type: string) => (await kit.gw.runtime.deps.store.find<LedgerEntry>('ledger', where('type', 'eq', type), { limit: 1000 })).items;

it('R13.1 a relative asks from 首页 without registering; the elder agrees on his own phone', async () => {
  const p66 = persona('laborer-66');
  // R14.1 the relative has agreed to the privacy guide (the app asks that before anything personal).
  await agreeToGuide(await kit.gw.as(RELATIVE));
  relative = await open(`fresh:${RELATIVE}`, 'pages/index/index');
  await relative.page.click('#home-family');
  await field(relative.page, 'family-elder-name').fill(p66.laborer!.name);
  await field(relative.page, 'family-elder-id').fill(demoIdNumber(p66, new Date(NOW))!);
  await relative.page.click('#family-relation-子女');
  await field(relative.page, 'family-proxy-name').fill('张小明');
  await shot(relative.page, 'family-01-relative-asks');
  await relative.page.click('#family-request-submit');
  await relative.page.locator('#family-sent').waitFor();
  await expect(relative.page.locator('.family-proxy .family-status').textContent()).resolves.toBe('等待同意');
  await shot(relative.page, 'family-02-relative-waiting');

  elder = await open('laborer-66', 'pages/me/index');
  // 我的 asks for the family requests after it has drawn: wait for the line to say so.
  await elder.page.locator('.me-family-link', { hasText: '有1位家人想为您代办' }).waitFor();
  await elder.page.click('.me-family-link');
  const ask = elder.page.locator('.family-elder.is-requested');
  await ask.waitFor();
  await expect(ask.textContent()).resolves.toContain('不能：打开签到码');
  await shotBoth(elder.page, 'family-03-elder-asked');
  await ask.locator('.family-agree').click();
  await elder.page.click('#family-confirm');
  await elder.page.locator('.family-elder.is-active').waitFor();
  await shot(elder.page, 'family-04-elder-agreed');
}, 90_000);

it('R13.1 the relative claims and enrolls in the elder’s name, "acting for" on every page; the ledger names the relative', async () => {
  await relative.page.goto(`${kit.gw.url}/#/pages/family/index`);
  await relative.page.click('.family-proxy.is-active .family-act');
  await relative.page.waitForURL(/#\/pages\/index\/index/);
  // Taro keeps the tab pages it has shown in the DOM (hidden): look at the one on screen.
  const bar = relative.page.locator('#acting-bar:visible');
  // The bar and the greeting are drawn once the acting link and the elder's profile have loaded.
  await relative.page.locator('#acting-bar:visible', { hasText: '正在为张*福代办' }).waitFor();
  await relative.page.locator('#home-greeting:visible', { hasText: '张德福' }).waitFor();
  await expect(bar.textContent()).resolves.toContain('正在为张*福代办');
  await expect(relative.page.locator('#home-greeting:visible').textContent()).resolves.toBe('张德福，您好');
  await shotBoth(relative.page, 'family-05-relative-acting-home');
  const taps = new Taps(relative.page);
  await taps.tap('.czt-shortcut:has-text("课程")');
  await expect(relative.page.locator('#acting-bar:visible').count()).resolves.toBe(1);
  await taps.tap(`.class-card[data-id="${BIANZHI}"] .class-enroll`);
  await taps.tap('#class-confirm');
  await relative.page.locator('.class-success-title').waitFor();
  await shot(relative.page, 'family-06-relative-enrolled-for-elder');
  expect(taps.count).toBeLessThanOrEqual(4);

  // The ledger: the elder is the subject, the relative the actor (R13.1).
  const claimed = (await ledgerOf('voucher.claimed')).filter((e) => e.actor.role === 'proxy');
  expect(claimed.map((e) => e.actor)).toEqual([{ openid: RELATIVE, role: 'proxy', onBehalfOf: persona('laborer-66').openid }]);
  const enrolled = (await ledgerOf('enrollment.created')).filter((e) => e.actor.openid === RELATIVE);
  expect(enrolled.map((e) => e.actor.role)).toEqual(['proxy']);

  // Never the attendance code: said plainly, and nothing fetched.
  await relative.page.goto(`${kit.gw.url}/#/pages/attendance-code/index`);
  await relative.page.locator('#attendance-proxy').waitFor();
  await expect(relative.page.locator('#attendance-qr').count()).resolves.toBe(0);
  await shotBoth(relative.page, 'family-07-relative-no-attendance-code');
  await relative.page.goto(`${kit.gw.url}/#/pages/me/index`);
  await relative.page.locator('#acting-bar:visible', { hasText: '张*福' }).waitFor();
  await expect(relative.page.locator('#acting-bar:visible').textContent()).resolves.toContain('张*福');
  await shot(relative.page, 'family-08-relative-acting-me');
}, 90_000);

it('R13.1 the county official agrees in person for another elder, having seen the ID card', async () => {
  const p52 = persona('laborer-52');
  const other = await kit.gw.as('test-relative-li');
  await agreeToGuide(other);
  await other.ok('family', 'request', { elderIdNumber: demoIdNumber(p52, new Date(NOW))!, elderName: p52.laborer!.name, relation: '子女', proxyName: '李小红' });
  const official = await open('official-county', 'packages/official/pages/dashboard/index');
  await official.page.locator('#go-family').click();
  const pending = official.page.locator('.family-pending').first();
  await pending.waitFor();
  await shot(official.page, 'family-09-official-pending');
  await pending.locator('.family-approve').click();
  await official.page.click('#family-confirm');
  await expect(official.page.locator('.family-confirm-error').textContent()).resolves.toBe('请先核对老人本人和身份证');
  await official.page.click('#family-id-seen');
  await shot(official.page, 'family-10-official-id-seen');
  await official.page.click('#family-confirm');
  await official.page.locator('.family-no-pending').waitFor();
  const links = await other.ok<{ asProxy: { status: string; approvedBy: string | null }[] }>('family', 'mine', {});
  expect(links.asProxy.map((l) => [l.status, l.approvedBy])).toEqual([['active', 'official']]);
}, 90_000);

it('R13.1 the elder ends it; the relative is refused at once and back in their own name', async () => {
  await elder.page.goto(`${kit.gw.url}/#/pages/family/index`);
  await elder.page.click('.family-elder.is-active .family-end');
  await elder.page.click('#family-confirm');
  await elder.page.locator('.family-elder').waitFor({ state: 'detached' });
  await shot(elder.page, 'family-11-elder-ended');

  await relative.page.goto(`${kit.gw.url}/#/pages/vouchers/index`);
  const ended = relative.page.locator('.page-vouchers #acting-ended');
  await ended.waitFor();
  await expect(ended.textContent()).resolves.toContain('代办关系已结束');
  await expect(relative.page.locator('#acting-bar:visible').count()).resolves.toBe(0);
  await shot(relative.page, 'family-12-relative-link-ended');
}, 90_000);

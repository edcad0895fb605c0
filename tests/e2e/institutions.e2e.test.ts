/**
 * Issue 14 "Must show", through the UI on phones: from the empty county 方山县 (141128) the 吕梁市
 * admin adds an institution, registers it as an evaluation body for 中式烹调师 五级–四级 and
 * invites a teacher; a fresh WeChat identity opens the invitation's QR link and accepts; the
 * teacher opens a class and submits it; the admin invites an official of 方山县 (another fresh
 * identity accepts), who approves the class in 开班审核; a laborer of 方山县 enrolls, is checked in
 * at both sessions, the teacher closes the class and records a pass; the certificate verifies.
 */
import jsQR from 'jsqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import type { CertificateView, TrainerClassView } from '../../cloudfunctions/contract';
import { creditCheckCharOf } from '../../cloudfunctions/core/credit-code';
import { ApiClient, type TestGateway, startTestGateway } from '../support/gateway';
import { idNumberAged } from '../support/id-numbers';
import { aLaborer, agreeToGuide, attendanceCodes } from '../support/laborers';
import { H5_DIR, launchBrowser, loginAs, phoneContext, shot } from './support/browser';

const NOW = '2026-03-02T02:00:00.000Z'; // Monday 10:00 China time
const DAY_1 = '2026-03-03T01:10:00.000Z'; // the class's first session, 09:00–11:00 China
const DAY_2 = '2026-03-04T01:10:00.000Z';
const AFTER = '2026-03-04T03:30:00.000Z'; // after the last session
const FANGSHAN = '141128';
const GEDONG = '141128100';
const COOK = '4-03-02-01';
const CREDIT = (() => {
  const first17 = `52${FANGSHAN}MJ0000001`;
  return first17 + creditCheckCharOf(first17);
})();

let gw: TestGateway;
let browser: Browser;
const contexts: BrowserContext[] = [];
let admin: Page;
let teacher: Page;
let teacherApi: ApiClient;
let official: Page;
let classId: string;

beforeAll(async () => {
  gw = await startTestGateway({ h5Dir: H5_DIR, devNow: NOW });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

async function phone(persona: string | null, at = NOW): Promise<Page> {
  const context = await phoneContext(browser);
  contexts.push(context);
  await context.clock.install({ time: new Date(at) });
  const page = await context.newPage();
  if (persona) await loginAs(page, gw.url, persona);
  return page;
}

/** Scrolls the page so `selector` is at the top of the screen. */
const scrollTo = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));

/** A toast (已保存, 已备案) has gone, so it does not cover the screenshot. */
const toastGone = (page: Page) => page.waitForTimeout(1_800);

/**
 * The screen at 200 % text: the root size doubled (Taro's H5 sizes are rem), as a phone's text
 * zoom does; scrolled to `at` first, and then to `then` (the screen's main action) for a second.
 */
async function shotLarge(page: Page, name: string, places: { at?: string; then?: string } = {}): Promise<void> {
  const root = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const style = await page.addStyleTag({ content: `html { font-size: ${root * 2}px !important; }` });
  await page.waitForTimeout(150);
  if (places.at) await scrollTo(page, places.at);
  await shot(page, name);
  if (places.then) {
    await page.locator(places.then).scrollIntoViewIfNeeded();
    await shot(page, `${name}-action`);
  }
  await style.evaluate((el) => (el as HTMLElement).remove());
  await page.waitForTimeout(150);
}

/** Types into a form field: Taro's H5 Input is a host element around the real <input>. */
const field = (page: Page, id: string) => page.locator(`#${id} input, input#${id}`).first();
const fill = (page: Page, id: string, value: string) => field(page, id).fill(value);

/** Decodes the QR code on screen with a real decoder (jsQR). */
async function readQr(page: Page, selector: string): Promise<string> {
  const qr = page.locator(selector);
  await qr.scrollIntoViewIfNeeded();
  const png = PNG.sync.read(await qr.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!decoded) throw new Error('no QR code found in the screenshot');
  return decoded.data;
}

/** The API as the browser's own session (a fresh identity's cookie). */
async function apiOf(page: Page): Promise<ApiClient> {
  const cookie = (await page.context().cookies()).find((c) => c.name === 'czt_sid');
  if (!cookie) throw new Error('no session cookie');
  return new ApiClient(gw.url, `czt_sid=${cookie.value}`);
}

/** A fresh WeChat identity opens an invitation link: asked to sign in, picks 新的微信身份, is back on the invitation. */
async function freshIdentityOpens(link: string, name: string): Promise<Page> {
  const page = await phone(null);
  await page.goto(link);
  await page.locator('#demo-login').waitFor();
  await shot(page, `${name}-signin`);
  await page.click('#demo-login');
  await page.click('#persona-fresh');
  await page.waitForURL(/#\/pages\/invite\/index\?code=/);
  await page.locator('#invite-summary').waitFor();
  return page;
}

it('the 吕梁市 admin adds an institution in 方山县 and registers it as an evaluation body', async () => {
  admin = await phone('official-city');
  await admin.goto(`${gw.url}/#/packages/official/pages/dashboard/index`);
  await admin.locator('#go-supply').waitFor();
  await admin.locator('#go-supply').scrollIntoViewIfNeeded();
  await shot(admin, 'institutions-01-dashboard-entries');
  await admin.click('#go-supply');
  await admin.locator('#go-institutions').waitFor();
  await shot(admin, 'institutions-02-supply-hub');
  await admin.click('#go-institutions');
  await admin.click('#inst-region');
  await admin.click(`.inst-region-option[data-code="${FANGSHAN}"]`);
  await expect(admin.locator('#institution-count').textContent()).resolves.toBe('共 0 家');
  await shot(admin, 'institutions-03-fangshan-empty');

  await admin.click('#institution-add');
  await fill(admin, 'inst-name', '方山县厨师培训学校');
  await fill(admin, 'inst-credit', `${CREDIT.slice(0, 17)}${CREDIT[17] === '0' ? '1' : '0'}`);
  await admin.locator('.inst-credit-error').waitFor();
  await shot(admin, 'institutions-04-credit-code-check');
  await fill(admin, 'inst-credit', CREDIT);
  await expect(admin.locator('.inst-credit-error').count()).resolves.toBe(0);
  await admin.click('#inst-kind-school');
  await admin.click('#inst-county');
  await admin.click(`.inst-county-option[data-code="${FANGSHAN}"]`);
  await admin.click(`.inst-township-option[data-code="${GEDONG}"]`);
  await fill(admin, 'inst-address', '圪洞镇新华街12号');
  await fill(admin, 'inst-contact', '王主任');
  await fill(admin, 'inst-phone', '13800001111');
  await admin.click('#train-add');
  await admin.click(`.train-occupation[data-code="${COOK}"]`);
  await admin.click('#train-level-5');
  await admin.click('#train-level-4');
  await admin.click('#train-add-confirm');
  await shot(admin, 'institutions-05-institution-form');
  await admin.click('#institution-save');
  await admin.locator('#institution-name').waitFor();
  await expect(admin.locator('#institution-trains').textContent()).resolves.toBe('中式烹调师（五级–四级）');

  await admin.click('#registration-add');
  await admin.click(`.assess-occupation[data-code="${COOK}"]`);
  await admin.click('#assess-level-5');
  await admin.click('#assess-level-4');
  await fill(admin, 'registration-no', '晋人社评备〔2026〕12号');
  await shot(admin, 'institutions-06-registration-form');
  await admin.click('#registration-save');
  await expect(admin.locator('.registration-row').textContent()).resolves.toContain('中式烹调师（五级–四级）');
  await toastGone(admin);
  await scrollTo(admin, '.czt-hero');
  await shot(admin, 'institutions-07-institution-detail');
}, 90_000);

it('the admin invites a teacher; a fresh WeChat identity scans the QR code and accepts', async () => {
  await admin.click('#invite-teacher');
  await fill(admin, 'invite-note', '张老师');
  await admin.click('#invite-make');
  await admin.locator('#invitation-card').waitFor();
  await expect(admin.locator('#invitation-code').textContent()).resolves.toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await shot(admin, 'institutions-08-teacher-invitation-qr');
  await shotLarge(admin, 'institutions-08b-teacher-invitation-qr-200', { then: '#invitation-code' });
  const link = await readQr(admin, '#invitation-qr');
  expect(link).toMatch(/#\/pages\/invite\/index\?code=[A-Z2-9]{8}$/);

  teacher = await freshIdentityOpens(link, 'institutions-09-teacher');
  await expect(teacher.locator('#invite-summary').textContent()).resolves.toContain('张老师成为方山县厨师培训学校的培训机构老师');
  await shot(teacher, 'institutions-10-teacher-invite');
  await shotLarge(teacher, 'institutions-10b-teacher-invite-200', { then: '#invite-accept' });
  await teacher.click('#invite-accept');
  await teacher.waitForURL(/packages\/trainer\/pages\/classes\/index/);
  await expect(teacher.locator('#trainer-institution').textContent()).resolves.toBe('方山县厨师培训学校');
  await shot(teacher, 'institutions-11-teacher-workbench');
  teacherApi = await apiOf(teacher);
}, 90_000);

it('the teacher opens a class for 中式烹调师 五级 in 方山县 and submits it', async () => {
  await teacher.click('#plan-new');
  await teacher.click(`#plan-occupation-${COOK}`);
  await teacher.click('#plan-level-5');
  await teacher.click('#plan-type-skills');
  await teacher.click(`#plan-township-${GEDONG}`);
  await teacher.click('#session-add');
  await expect(field(teacher, 'plan-name').inputValue()).resolves.toBe('中式烹调师（五级）圪洞镇班');
  await scrollTo(teacher, '.czt-hero');
  await shot(teacher, 'institutions-12-class-form');
  await shotLarge(teacher, 'institutions-12b-class-form-200', { at: '.czt-hero' });
  await scrollTo(teacher, '.sessions-editor');
  await shot(teacher, 'institutions-13-class-form-sessions');
  await shotLarge(teacher, 'institutions-13b-class-form-sessions-200', { at: '.sessions-editor', then: '#plan-save' });
  await teacher.click('#plan-save');
  await teacher.locator('#plan-submit').waitFor();
  await toastGone(teacher);
  await scrollTo(teacher, '#plan-submit-card');
  await shot(teacher, 'institutions-14-class-saved');
  await teacher.click('#plan-submit');
  await teacher.click('#plan-submit-confirm');
  await teacher.waitForURL(/packages\/trainer\/pages\/classes\/index/);
  await teacher.locator('.trainer-class .class-state:text-is("待审核")').waitFor();
  await shot(teacher, 'institutions-15-class-submitted');
  const [c] = await teacherApi.ok<TrainerClassView[]>('training', 'myClasses', {});
  classId = c.id;
  expect(c.sessions).toEqual([
    { date: '2026-03-03', start: '09:00', end: '11:00' },
    { date: '2026-03-04', start: '09:00', end: '11:00' },
  ]);
}, 90_000);

it('the admin invites an official of 方山县, who accepts and approves the class in 开班审核', async () => {
  await admin.goto(`${gw.url}/#/packages/official/pages/staff/index`);
  await admin.click('#staff-invite');
  await admin.click('#invite-region');
  await admin.click(`.invite-region-option[data-code="${FANGSHAN}"]`);
  await fill(admin, 'invite-note', '方山县人社局王科长');
  await shot(admin, 'institutions-16-official-invite-form');
  await admin.click('#invite-make');
  await admin.locator('#invitation-card').waitFor();
  const link = await readQr(admin, '#invitation-qr');

  official = await freshIdentityOpens(link, 'institutions-17-official');
  await expect(official.locator('#invite-summary').textContent()).resolves.toContain('成为方山县的人社部门工作人员');
  await official.click('#invite-accept');
  await official.waitForURL(/packages\/official\/pages\/dashboard\/index/);
  await expect(official.locator('#go-reviews .unread-badge').innerText()).resolves.toBe('1');
  await shot(official, 'institutions-18-county-dashboard');
  await official.click('#go-reviews');
  await official.locator(`.review-card[data-class-id="${classId}"]`).waitFor();
  await shot(official, 'institutions-19-reviews');
  await shotLarge(official, 'institutions-19b-reviews-200');
  await official.click(`.review-card[data-class-id="${classId}"]`);
  await official.locator('#review-open').waitFor();
  await shot(official, 'institutions-20-review-open');
  await shotLarge(official, 'institutions-20b-review-open-200', { then: '#review-approve' });
  await official.click('#review-approve');
  await official.click('#review-approve-confirm');
  await official.locator('#reviews-count:text-is("没有待审核的班级")').waitFor();
  await toastGone(official);
  await shot(official, 'institutions-21-reviewed');

  // 人员与邀请 on the admin's phone: both invitations accepted, both people listed.
  await admin.goto(`${gw.url}/#/packages/official/pages/staff/index`);
  await admin.reload();
  await admin.locator('.invitation-row .invitation-status:text-is("已接受")').first().waitFor();
  await expect(admin.locator('.staff-row').filter({ hasText: '方山县人社局王科长' }).count()).resolves.toBe(1);
  await shot(admin, 'institutions-21b-staff-and-invitations');
}, 90_000);

it('the admin adds a project to 项目库', async () => {
  await admin.goto(`${gw.url}/#/packages/official/pages/projects/index`);
  await admin.click('#project-add');
  await fill(admin, 'project-name', '方山厨师');
  await admin.click(`#project-occupation-${COOK}`);
  await fill(admin, 'project-target', '200');
  await shot(admin, 'institutions-21c-project-form');
  await admin.click('#project-save');
  await admin.locator('.project-card').filter({ hasText: '方山厨师' }).waitFor();
  await toastGone(admin);
  await shot(admin, 'institutions-21d-projects');
}, 60_000);

it('a laborer of 方山县 enrolls, is checked in twice, completes, passes, and the certificate verifies', async () => {
  const laborer = await aLaborer(gw, { townshipCode: GEDONG, age: 30, name: '刘海军' });
  await laborer.client.ok('voucher', 'claim', { type: 'skills' });
  const page = await phone(null);
  await page.request.post(`${gw.url}/dev/login`, { data: { openid: laborer.openid } });
  await page.goto(`${gw.url}/#/pages/classes/index`);
  const card = page.locator(`.class-card[data-id="${classId}"]`);
  await card.waitFor();
  await shot(page, 'institutions-22-laborer-classes');
  await card.locator('.class-enroll').click();
  await page.click('#class-confirm');
  await page.locator('.class-success').waitFor();
  await shot(page, 'institutions-23-laborer-enrolled');
  const { codeAt } = await attendanceCodes(laborer.client);

  // Session 1 on the teacher's scan page; session 2 through the API.
  await gw.setNow(DAY_1);
  await teacher.context().clock.setSystemTime(new Date(DAY_1));
  await teacher.goto(`${gw.url}/#/packages/trainer/pages/class/index?classId=${classId}`);
  await teacher.reload(); // opened afresh, as from the list, so the class state is today's
  await teacher.locator('#scan-code-input').waitFor();
  await fill(teacher, 'scan-code-input', codeAt(DAY_1));
  await teacher.click('#scan-code-submit');
  await expect(teacher.locator('#scan-feedback').textContent()).resolves.toContain('签到成功');
  await shot(teacher, 'institutions-24-teacher-scan');
  await gw.setNow(DAY_2);
  await teacherApi.ok('training', 'scan', { classId, code: codeAt(DAY_2) });

  await gw.setNow(AFTER);
  await teacher.context().clock.setSystemTime(new Date(AFTER));
  await teacher.reload();
  await teacher.click('#close-class');
  await teacher.click('#close-class-confirm');
  await expect(teacher.locator('#class-completion').textContent()).resolves.toContain('完成培训 1 人');
  await teacher.click('#open-results');
  const row = teacher.locator(`.results-row[data-person-id="${laborer.me.profile!.personId}"]`);
  await row.locator('.results-score input, input.results-score').first().fill('88');
  await teacher.click('#results-submit');
  await expect(row.locator('.results-answer').textContent()).resolves.toMatch(/证书编号 2026141128\d{6}/);
  await shot(teacher, 'institutions-25-teacher-results');

  const [cert] = await laborer.client.ok<CertificateView[]>('certificate', 'mine', {});
  const stranger = await phone(null, AFTER);
  await stranger.goto(`${gw.url}/#/packages/verify/pages/verify/index?number=${cert.number}&code=${cert.verifyCode}`);
  await expect(stranger.locator('#verify-status').textContent()).resolves.toContain('有效');
  await expect(stranger.locator('#verify-result').textContent()).resolves.toContain('中式烹调师');
  await shot(stranger, 'institutions-26-certificate-verified');
}, 120_000);

it('the evaluation body assesses a holder of a 技能等级评价券 without a class (R7.1)', async () => {
  const openid = `test-holder-${process.pid}`;
  const holder = await gw.as(openid);
  const idNumber = idNumberAged(35, gw.runtime.clock.now(), { region: FANGSHAN });
  await agreeToGuide(holder); // R14.1 before registering
  await holder.ok('account', 'register', { name: '马秀英', idNumber, townshipCode: GEDONG });
  await holder.ok('voucher', 'claim', { type: 'evaluation' });
  await teacher.goto(`${gw.url}/#/packages/trainer/pages/classes/index`);
  await teacher.click('#go-assess');
  await fill(teacher, 'assess-id', idNumber);
  await shot(teacher, 'institutions-27-assess-find');
  await teacher.click('#assess-find');
  await teacher.locator('#assess-holder').waitFor();
  await teacher.click('#assess-level-4');
  await fill(teacher, 'assess-score', '75');
  await shot(teacher, 'institutions-28-assess-form');
  await teacher.click('#assess-record');
  await teacher.click('#assess-confirm');
  await expect(teacher.locator('#assess-cert-number').textContent()).resolves.toMatch(/^2026141128\d{6}$/);
  await shot(teacher, 'institutions-29-assess-certificate');

  // 我的: the teacher's workbench, and where to type an invitation code.
  await teacher.goto(`${gw.url}/#/pages/me/index`);
  await scrollTo(teacher, '.me-roles');
  await expect(teacher.locator('.me-workbench').textContent()).resolves.toContain('方山县厨师培训学校');
  await shot(teacher, 'institutions-30-me-workbenches');
}, 90_000);

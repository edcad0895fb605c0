/**
 * R13 "Must show", on phones at 390×844: from 首页 to claimed and enrolled in counted taps — the
 * 66-year-old in at most 4, the 52- and 30-year-olds in at most 5 — with the distance said on the
 * card and on the confirm step, and the 评价券 explained; then the 66-year-old, who has no
 * smartphone in class, is checked in by the trainer with a printed 签到卡, another trainee is
 * marked present with a reason, the typed 8 digits check the elder in the next day, and the county
 * official sees the class flagged.
 */
import type { EnrollmentView, VoucherView } from '../../cloudfunctions/contract';
import { parseCardCode } from '../../cloudfunctions/core/attendance';
import { demoClassId } from '../../cloudfunctions/gateway/demo-ids';
import { aLaborer } from '../support/laborers';
import { registerLaborer30, shot } from './support/browser';
import { Taps, field, phonesFor, readQr, shotBoth } from './support/phones';

const NOW = '2026-03-02T02:00:00.000Z'; // Monday 10:00 China time; the demo classes start tomorrow
const DAY_1 = '2026-03-03T01:10:00.000Z'; // 09:10 China: 编织's first session (09:00–11:30)
const DAY_2 = '2026-03-04T01:10:00.000Z';
const BIANZHI = demoClassId('bianzhi-dongcun'); // 送培训下乡 in the elder's own township
const GUOSHU = demoClassId('guoshu-runcheng'); // 农业实用技术 in 阳城县, another city
const HUGONG = demoClassId('hugong-lishi'); // 职业技能 in 离石区, another county

const kit = phonesFor(NOW, async (gw) => {
  await registerLaborer30(gw);
});
const open = kit.open;
let elderPersonId: string;

const enrollmentsOf = async (persona: string) => (await kit.gw.as(persona)).ok<EnrollmentView[]>('training', 'mine', {});
const vouchersOf = async (persona: string) => (await kit.gw.as(persona)).ok<VoucherView[]>('voucher', 'mine', {});

describe('R13 four taps', () => {
  it('the 66-year-old goes from 首页 to claimed and enrolled in at most 4 taps', async () => {
    const p = await open('laborer-66', 'pages/index/index');
    const taps = new Taps(p.page);
    await p.page.locator('.czt-shortcut').first().waitFor();
    await shot(p.page, 'elders-01-age66-home');
    await taps.tap('.czt-shortcut:has-text("课程")');
    const card = p.page.locator(`.class-card[data-id="${BIANZHI}"]`);
    await card.waitFor();
    await expect(card.locator('.class-distance').textContent()).resolves.toBe('就在本乡镇，离家近');
    await expect(card.locator('.class-enroll').textContent()).resolves.toBe('领券并报名');
    await expect(card.locator('.class-claim-note').textContent()).resolves.toBe('报名时自动为您领取送培训下乡券');
    await shotBoth(p.page, 'elders-02-age66-class');
    await taps.tap(`.class-card[data-id="${BIANZHI}"] .class-enroll`);
    const confirm = p.page.locator('.class-confirm');
    await confirm.waitFor();
    await expect(confirm.textContent()).resolves.toContain('同时领取送培训下乡券，60天内有效');
    await expect(confirm.locator('.class-confirm-distance').textContent()).resolves.toBe('就在本乡镇，离家近');
    await shotBoth(p.page, 'elders-03-age66-confirm');
    await taps.tap('#class-confirm');
    await p.page.locator('.class-success-title').waitFor();
    await shotBoth(p.page, 'elders-04-age66-enrolled');
    expect(taps.count).toBeLessThanOrEqual(4);
    expect(taps.log).toHaveLength(3);
    expect((await enrollmentsOf('laborer-66')).map((e) => [e.class.id, e.status])).toEqual([[BIANZHI, 'enrolled']]);
    expect((await vouchersOf('laborer-66')).map((v) => [v.type, v.status])).toEqual([['village', 'reserved']]);
    elderPersonId = (await (await kit.gw.as('laborer-66')).ok<{ profile: { personId: string } }>('account', 'whoami', {})).profile.personId;
  }, 90_000);

  it('the 52-year-old claims 农业实用技术培训券 and goes straight on to the class in another city: 5 taps', async () => {
    const p = await open('laborer-52', 'pages/index/index');
    const taps = new Taps(p.page);
    await taps.tap('.czt-shortcut:has-text("培训券")');
    // The 评价券 says how it is used, and where.
    const evaluation = p.page.locator('.voucher-card[data-type="evaluation"]');
    await evaluation.waitFor();
    await expect(evaluation.locator('.voucher-how').textContent()).resolves.toContain('不用上课');
    await expect(evaluation.locator('.voucher-body-name').allTextContents()).resolves.toEqual(['吕梁山护工培训学校（离石区）']);
    await evaluation.scrollIntoViewIfNeeded();
    await shotBoth(p.page, 'elders-05-age52-evaluation-voucher');
    // Nothing near home takes the 农业 voucher: it says so.
    await expect(p.page.locator('.voucher-card[data-type="agri"] .voucher-how.is-none-nearby').textContent()).resolves.toContain('本县暂时没有');
    await taps.tap('.voucher-card[data-type="agri"] .voucher-claim');
    await taps.tap('#voucher-confirm');
    const next = p.page.locator(`.voucher-next-classes .class-card[data-id="${GUOSHU}"]`);
    await next.waitFor();
    await expect(next.locator('.class-distance').textContent()).resolves.toBe('在另一个市（阳城县），离家远，要自己去上课');
    await shotBoth(p.page, 'elders-06-age52-claimed-next-class');
    await taps.tap(`.voucher-next-classes .class-card[data-id="${GUOSHU}"] .class-enroll`);
    await expect(p.page.locator('.class-confirm .class-confirm-distance').textContent()).resolves.toContain('另一个市');
    await shotBoth(p.page, 'elders-07-age52-confirm-far');
    await taps.tap('#class-confirm');
    await p.page.locator('.class-success-title').waitFor();
    await shot(p.page, 'elders-08-age52-enrolled');
    expect(taps.count).toBeLessThanOrEqual(5);
    expect((await enrollmentsOf('laborer-52')).map((e) => e.class.id)).toEqual([GUOSHU]);
  }, 90_000);

  it('the 30-year-old enrolls in the class of another county, its voucher claimed on the way: within 5 taps', async () => {
    const p = await open('laborer-30', 'pages/index/index');
    const taps = new Taps(p.page);
    await taps.tap('.czt-shortcut:has-text("课程")');
    const card = p.page.locator(`.class-card[data-id="${HUGONG}"]`);
    await card.waitFor();
    await expect(card.locator('.class-distance').textContent()).resolves.toBe('在另一个县（离石区），离家远，要自己去上课');
    await shot(p.page, 'elders-09-age30-classes');
    await taps.tap(`.class-card[data-id="${HUGONG}"] .class-enroll`);
    await expect(p.page.locator('.class-confirm').textContent()).resolves.toContain('同时领取职业技能培训券');
    await shot(p.page, 'elders-10-age30-confirm');
    await taps.tap('#class-confirm');
    await p.page.locator('.class-success-title').waitFor();
    expect(taps.count).toBeLessThanOrEqual(5);
    expect((await vouchersOf('laborer-30')).map((v) => [v.type, v.status])).toEqual([['skills', 'reserved']]);
  }, 90_000);
});

describe('R13.2 check-in without a smartphone', () => {
  it('the trainer prints the elder’s 签到卡, scans it in class, marks another trainee present, and the county sees the share', async () => {
    const other = await aLaborer(kit.gw, { age: 70, townshipCode: '141127100', name: '王老汉' });
    await other.client.ok('training', 'enroll', { classId: BIANZHI, claim: 'village' });
    const trainer = await open('trainer-lanxian', `packages/trainer/pages/class/index?classId=${BIANZHI}`);
    const row = trainer.page.locator(`.roster-row[data-person-id="${elderPersonId}"]`);
    await row.locator('.roster-card').click();
    await trainer.page.click('#card-issue');
    await trainer.page.click('#card-confirm');
    const code = await readQr(trainer.page, '#card-qr');
    expect(parseCardCode(code)).not.toBeNull();
    await expect(trainer.page.locator('#card-code').textContent()).resolves.toBe(code);
    await shotBoth(trainer.page, 'elders-11-trainer-printed-card');

    // In class: the card is scanned like a phone's code (a hand scanner types what it reads).
    await kit.gw.setNow(DAY_1);
    await trainer.context.clock.setSystemTime(new Date(DAY_1));
    await trainer.page.goto(`${kit.gw.url}/#/packages/trainer/pages/class/index?classId=${BIANZHI}`);
    await row.waitFor();
    await field(trainer.page, 'scan-code-input').fill(code);
    await trainer.page.click('#scan-code-submit');
    await expect(trainer.page.locator('#scan-feedback').textContent()).resolves.toContain('签到成功');
    await trainer.page.waitForFunction((id) => (document.querySelector(`.roster-row[data-person-id="${id}"]`)?.textContent ?? '').includes('签到卡'), elderPersonId);
    await expect(row.locator('.roster-now').textContent()).resolves.toBe('已到');
    await shot(trainer.page, 'elders-12-trainer-card-checked-in');

    // The other trainee has no phone with them: 补签 with a reason.
    const otherRow = trainer.page.locator(`.roster-row[data-person-id="${other.me.profile!.personId}"]`);
    await otherRow.locator('.roster-mark').click();
    await field(trainer.page, 'mark-reason').fill('没有智能手机，本人在场');
    await shot(trainer.page, 'elders-13-trainer-mark-reason');
    await trainer.page.click('#mark-confirm');
    await expect(trainer.page.locator('#scan-feedback').textContent()).resolves.toContain('签到成功');
    await trainer.page.waitForFunction((id) => (document.querySelector(`.roster-row[data-person-id="${id}"]`)?.textContent ?? '').includes('补签'), other.me.profile!.personId);
    await expect(trainer.page.locator('.class-share').textContent()).resolves.toContain('超过20%');
    await shot(trainer.page, 'elders-14-trainer-marked');

    // The county official sees the class flagged: all its check-ins so far are cards or marks.
    const official = await open('official-county', 'packages/official/pages/dashboard/index', DAY_1);
    const share = official.page.locator(`#checkin-shares .checkin-share[data-id="${BIANZHI}"]`);
    await share.waitFor();
    await expect(share.getAttribute('class')).resolves.toContain('is-flagged');
    await expect(share.locator('.checkin-share-rate').textContent()).resolves.toBe('100%');
    await share.scrollIntoViewIfNeeded();
    await shotBoth(official.page, 'elders-15-official-flagged-share');
    // A county official's dashboard has no 排名 (townships keep no counters).
    await expect(official.page.locator('#go-ranking').count()).resolves.toBe(0);
  }, 120_000);

  it('the next day the trainer types the 8 digits the elder’s screen shows in large type', async () => {
    await kit.gw.setNow(DAY_2);
    const elder = await open('laborer-66', 'pages/attendance-code/index', DAY_2);
    const digits = elder.page.locator('#attendance-digits');
    await digits.waitFor();
    await shotBoth(elder.page, 'elders-16-elder-digits');
    const size = await digits.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(36);
    const typed = (await digits.getAttribute('data-digits'))!;
    expect(typed).toMatch(/^\d{8}$/);
    const trainer = await open('trainer-lanxian', `packages/trainer/pages/class/index?classId=${BIANZHI}`, DAY_2);
    await trainer.page.locator('.roster-row').first().waitFor();
    await field(trainer.page, 'scan-code-input').fill(`${typed.slice(0, 4)} ${typed.slice(4)}`);
    await trainer.page.click('#scan-code-submit');
    await expect(trainer.page.locator('#scan-feedback').textContent()).resolves.toContain('签到成功');
    await shot(trainer.page, 'elders-17-trainer-typed-digits');
    const record = await kit.gw.runtime.deps.store.get<{ _id: string; method: string }>('attendance', `${BIANZHI}:1:${elderPersonId}`);
    // The phone's own code, typed: not flagged like a card or a mark (the record keeps no method then).
    expect(record).not.toBeNull();
    expect(record?.method ?? 'phone').toBe('phone');
    await kit.gw.setNow(NOW);
  }, 90_000);
});

import { addDays, chinaDateOf } from '../../../cloudfunctions/core/china-date';
import {
  afterSendFailure,
  buildReminder,
  classifySendError,
  cloudbaseTrigger,
  consentAfterRefusal,
  cronMatches,
  cutThing,
  dedupeKey,
  fitField,
  fitTemplateData,
  grantConsent,
  isMonthlyRankingDay,
  isTenDayDigestDay,
  lastValidDay,
  lowAttendance,
  MAX_ATTEMPTS,
  nextAttemptAt,
  nextRun,
  offlineScanOverdue,
  parseCron,
  quotaAlmostUsed,
  REMIND_SCHEDULE_CHINA,
  REMINDER_KIND_LIST,
  REMINDER_KINDS,
  sessionToday,
  sessionTomorrow,
  spendConsent,
  tenDayPeriodStart,
  nextTriggerRun,
  voucherExpiryDue,
} from '../../../cloudfunctions/core/reminders';
import { daysLeft, expiryOf } from '../../../cloudfunctions/core/vouchers';

const at = (iso: string): Date => new Date(iso);
const date = (year: number, month: number, day: number) => ({ year, month, day });

describe('R10.3 schedules are written in China time', () => {
  it('R10.3 parses numbers, lists, ranges and steps', () => {
    // */15 8-10 1,11,21 * 1-5: quarter hours from 08:00 to 10:45 on the 1st, 11th, 21st or a weekday.
    const c = '*/15 8-10 1,11,21 * 1-5';
    expect(cronMatches(c, at('2026-01-12T01:45:00Z'), 8)).toBe(true); // Mon 09:45 China
    expect(cronMatches(c, at('2026-01-12T01:50:00Z'), 8)).toBe(false); // not a quarter hour
    expect(cronMatches(c, at('2026-01-12T03:00:00Z'), 8)).toBe(false); // 11:00 is past 10
    expect(cronMatches(c, at('2026-01-11T00:30:00Z'), 8)).toBe(true); // Sunday, but the 11th
    expect(cronMatches(c, at('2026-01-10T00:30:00Z'), 8)).toBe(false); // Saturday the 10th
    expect(nextRun('5/20 0 * * 7', at('2026-01-10T16:00:00Z'), 8)).toEqual(at('2026-01-10T16:05:00Z')); // Sunday 00:05 China
    expect(nextRun('0 0-12/6 * * *', at('2026-01-10T16:00:00Z'), 8)).toEqual(at('2026-01-10T22:00:00Z')); // 06:00 China
  });

  it('R10.3 refuses malformed schedules', () => {
    expect(() => parseCron('0 8 * *')).toThrow('expected 5 fields');
    expect(() => parseCron('60 8 * * *')).toThrow('minute');
    expect(() => parseCron('0 24 * * *')).toThrow('hour');
    expect(() => parseCron('0 8 0 * *')).toThrow('day');
    expect(() => parseCron('0 8 * 13 *')).toThrow('month');
    expect(() => parseCron('0 8 * * 8')).toThrow('dayOfWeek');
    expect(() => parseCron('0 8 5-1 * *')).toThrow();
    expect(() => parseCron('*/0 8 * * *')).toThrow();
  });

  it('R10.3 08:00 China time is exactly the UTC midnight', () => {
    expect(REMIND_SCHEDULE_CHINA).toBe('0 8 * * *');
    const before = at('2026-01-10T23:59:59Z');
    const on = at('2026-01-11T00:00:00Z');
    expect(chinaDateOf(before)).toEqual(date(2026, 1, 11)); // China 07:59:59 on the 11th
    expect(chinaDateOf(on)).toEqual(date(2026, 1, 11)); // China 08:00 on the 11th
    expect(cronMatches(REMIND_SCHEDULE_CHINA, before, 8)).toBe(false);
    expect(cronMatches(REMIND_SCHEDULE_CHINA, on, 8)).toBe(true);
    expect(cronMatches(REMIND_SCHEDULE_CHINA, at('2026-01-11T00:00:59Z'), 8)).toBe(true);
    expect(cronMatches(REMIND_SCHEDULE_CHINA, at('2026-01-11T00:01:00Z'), 8)).toBe(false);
    // Read as UTC it would fire at 08:00 UTC = 16:00 China time.
    expect(cronMatches(REMIND_SCHEDULE_CHINA, on, 0)).toBe(false);
    expect(cronMatches(REMIND_SCHEDULE_CHINA, at('2026-01-11T08:00:00Z'), 0)).toBe(true);
  });

  it('R10.3 the CloudBase trigger, read in UTC+8, fires at 08:00 China time (00:00 UTC) and sees that China date', () => {
    const trigger = cloudbaseTrigger(REMIND_SCHEDULE_CHINA);
    expect(trigger).toBe('0 0 8 * * * *');
    const fires = nextTriggerRun(trigger, at('2026-01-10T12:00:00Z'))!;
    expect(fires).toEqual(at('2026-01-11T00:00:00Z'));
    expect(chinaDateOf(fires)).toEqual(date(2026, 1, 11));
    // The earlier copy of R10.3 read it as UTC: that fired at 00:00 China time, eight hours early.
    expect(nextTriggerRun('0 0 0 * * * *', at('2026-01-10T12:00:00Z'))).toEqual(at('2026-01-10T16:00:00Z'));
  });

  it('R10.3 next run crosses the UTC midnight, month and year ends', () => {
    expect(nextRun(REMIND_SCHEDULE_CHINA, at('2026-01-10T23:59:59Z'), 8)).toEqual(at('2026-01-11T00:00:00Z'));
    expect(nextRun(REMIND_SCHEDULE_CHINA, at('2026-01-11T00:00:00Z'), 8)).toEqual(at('2026-01-12T00:00:00Z'));
    expect(nextRun(REMIND_SCHEDULE_CHINA, at('2026-12-31T16:00:00Z'), 8)).toEqual(at('2027-01-01T00:00:00Z'));
    // Digest: 09:00 China time on the 1st, 11th and 21st.
    expect(nextRun('0 9 1,11,21 * *', at('2026-01-21T01:00:00Z'), 8)).toEqual(at('2026-02-01T01:00:00Z'));
    // 07:30 China time on the 1st is 23:30 UTC on the last day of the month before.
    expect(nextRun('30 7 1 * *', at('2026-02-15T00:00:00Z'), 8)).toEqual(at('2026-02-28T23:30:00Z'));
    expect(nextRun('0 0 30 2 *', at('2026-01-01T00:00:00Z'), 8)).toBeNull();
    expect(nextRun('0 0 29 2 *', at('2026-01-01T00:00:00Z'), 8)).toEqual(at('2028-02-28T16:00:00Z'));
  });

  it('R10.3 day-of-month and day-of-week both restricted: either matches', () => {
    // 2026-01-11 is a Sunday, 2026-01-12 a Monday.
    expect(cronMatches('0 8 1 * 1', at('2026-01-12T00:00:00Z'), 8)).toBe(true);
    expect(cronMatches('0 8 1 * 1', at('2026-02-01T00:00:00Z'), 8)).toBe(true);
    expect(cronMatches('0 8 1 * 1', at('2026-01-11T00:00:00Z'), 8)).toBe(false);
    expect(cronMatches('0 8 * * 1', at('2026-01-11T00:00:00Z'), 8)).toBe(false);
  });

  it('R10.3 CloudBase timers get a 7-field cron: the China-time schedule as written', () => {
    expect(cloudbaseTrigger(REMIND_SCHEDULE_CHINA)).toBe('0 0 8 * * * *');
    expect(cloudbaseTrigger('30 7 * * *')).toBe('0 30 7 * * * *');
    expect(cloudbaseTrigger('0 9 1,11,21 * *')).toBe('0 0 9 1,11,21 * * *');
    expect(() => cloudbaseTrigger('0 8 * *')).toThrow('expected 5 fields');
  });
});

describe('R10.1 which reminders are due on a China day', () => {
  it('R10.1 the digest goes out on the 1st, 11th and 21st; the ranking on the 1st', () => {
    const digestDays = [];
    const rankingDays = [];
    for (let d = 1; d <= 31; d++) {
      if (isTenDayDigestDay(date(2026, 1, d))) digestDays.push(d);
      if (isMonthlyRankingDay(date(2026, 1, d))) rankingDays.push(d);
    }
    expect(digestDays).toEqual([1, 11, 21]);
    expect(rankingDays).toEqual([1]);
    expect(tenDayPeriodStart(date(2026, 1, 10))).toEqual(date(2026, 1, 1));
    expect(tenDayPeriodStart(date(2026, 1, 11))).toEqual(date(2026, 1, 11));
    expect(tenDayPeriodStart(date(2026, 1, 31))).toEqual(date(2026, 1, 21));
  });

  it('R10.1 a voucher is due for its reminder when its last valid day is 7 days away', () => {
    // D8: claimed 23 Nov 2025 with 90 days → valid through 20 Feb 2026, expires 2026-02-20T16:00Z.
    const expiresAt = expiryOf(at('2025-11-23T02:00:00Z'), 90);
    expect(expiresAt).toEqual(at('2026-02-20T16:00:00Z'));
    expect(lastValidDay(expiresAt)).toEqual(date(2026, 2, 20));
    expect(voucherExpiryDue(expiresAt, date(2026, 2, 13))).toBe(true);
    expect(daysLeft(expiresAt, at('2026-02-13T00:00:00Z'))).toBe(7);
    expect(voucherExpiryDue(expiresAt, date(2026, 2, 12))).toBe(false);
    expect(voucherExpiryDue(expiresAt, date(2026, 2, 14))).toBe(false);
  });

  it('R10.1 voucher expiry across month ends and the UTC midnight', () => {
    // Last valid day 3 March 2026 (expires 00:00 China 4 March = 2026-03-03T16:00Z): due 24 Feb.
    expect(voucherExpiryDue(at('2026-03-03T16:00:00Z'), date(2026, 2, 24))).toBe(true);
    expect(voucherExpiryDue(at('2026-03-03T16:00:00Z'), date(2026, 2, 25))).toBe(false);
    // Leap year: last valid day 6 March 2028 → due 28 Feb (29 Feb lies between); 2026: 27 Feb.
    expect(voucherExpiryDue(at('2028-03-06T16:00:00Z'), date(2028, 2, 28))).toBe(true);
    expect(voucherExpiryDue(at('2028-03-06T16:00:00Z'), date(2028, 2, 29))).toBe(false);
    expect(voucherExpiryDue(at('2026-03-06T16:00:00Z'), date(2026, 2, 27))).toBe(true);
    expect(voucherExpiryDue(at('2026-03-06T16:00:00Z'), date(2026, 2, 28))).toBe(false);
    expect(addDays(date(2028, 3, 6), -7)).toEqual(date(2028, 2, 28));
    expect(addDays(date(2026, 3, 6), -7)).toEqual(date(2026, 2, 27));
    // Year end: last valid day 7 Jan 2027 → due 31 Dec 2026.
    expect(voucherExpiryDue(at('2027-01-07T16:00:00Z'), date(2026, 12, 31))).toBe(true);
    // An expiry one millisecond after China midnight leaves that day valid too.
    expect(lastValidDay(at('2027-01-07T16:00:00.001Z'))).toEqual(date(2027, 1, 8));
    expect(voucherExpiryDue(at('2027-01-07T16:00:00.001Z'), date(2026, 12, 31))).toBe(false);
    // An expiry at the UTC midnight (08:00 China) leaves that China day valid.
    expect(lastValidDay(at('2026-02-21T00:00:00Z'))).toEqual(date(2026, 2, 21));
    expect(voucherExpiryDue(at('2026-02-21T00:00:00Z'), date(2026, 2, 14))).toBe(true);
  });

  it('R10.1 sessions tomorrow and today are China days', () => {
    // 07:30 China on 11 Jan = 23:30 UTC on 10 Jan.
    const start = at('2026-01-10T23:30:00Z');
    expect(sessionToday(start, date(2026, 1, 11))).toBe(true);
    expect(sessionToday(start, date(2026, 1, 10))).toBe(false);
    expect(sessionTomorrow(start, date(2026, 1, 10))).toBe(true);
    expect(sessionTomorrow(start, date(2026, 1, 9))).toBe(false);
    expect(sessionTomorrow(start, date(2026, 1, 11))).toBe(false);
    // Month and year end.
    expect(sessionTomorrow(at('2027-01-01T01:00:00Z'), date(2026, 12, 31))).toBe(true);
    expect(sessionTomorrow(at('2026-03-01T02:00:00Z'), date(2026, 2, 28))).toBe(true);
  });

  it('R10.1 offline scans are overdue from 24 h after they were queued', () => {
    const queued = at('2026-01-10T10:00:00Z');
    expect(offlineScanOverdue(queued, at('2026-01-11T09:59:59.999Z'))).toBe(false);
    expect(offlineScanOverdue(queued, at('2026-01-11T10:00:00Z'))).toBe(true);
  });

  it('R10.1 a quota is almost used from 90 %', () => {
    expect(quotaAlmostUsed(90, 100)).toBe(true);
    expect(quotaAlmostUsed(89, 100)).toBe(false);
    expect(quotaAlmostUsed(9, 10)).toBe(true);
    expect(quotaAlmostUsed(8, 9)).toBe(false); // 88.9 %
    expect(quotaAlmostUsed(899, 999)).toBe(false); // 89.99 %
    expect(quotaAlmostUsed(900, 1000)).toBe(true);
    expect(quotaAlmostUsed(0, 0)).toBe(false);
    expect(quotaAlmostUsed(5, 0)).toBe(false);
  });

  it('R10.1 attendance is low under 60 %', () => {
    expect(lowAttendance(59, 100)).toBe(true);
    expect(lowAttendance(60, 100)).toBe(false);
    expect(lowAttendance(3, 5)).toBe(false);
    expect(lowAttendance(2, 5)).toBe(true);
    expect(lowAttendance(17, 29)).toBe(true); // 58.6 %
    expect(lowAttendance(18, 29)).toBe(false); // 62.1 %
    expect(lowAttendance(0, 0)).toBe(false);
  });
});

describe('R10.2 outbox rules', () => {
  it('R10.2 dedupe keys are stable document ids', () => {
    expect(dedupeKey('voucherExpiry', 'v123', date(2026, 2, 20))).toBe('voucherExpiry:v123:2026-02-20');
    expect(dedupeKey('voucherExpiry', 'v123', date(2026, 2, 20))).toBe(dedupeKey('voucherExpiry', 'v123', '2026-02-20'));
    expect(dedupeKey('monthlyRanking', '141100:u1', '2026-01')).toBe('monthlyRanking:141100:u1:2026-01');
    expect(dedupeKey('quotaAlmostUsed', '141102:T01:500:u9', '2026')).toBe('quotaAlmostUsed:141102:T01:500:u9:2026');
    const odd = dedupeKey('sessionTomorrow', 'a/b.c~d', date(2026, 1, 11));
    expect(odd).toBe('sessionTomorrow:a~2f~b~2e~c~7e~d:2026-01-11');
    expect(odd).not.toMatch(/[/.]/);
    expect(dedupeKey('sessionTomorrow', 'a_b', '2026-01-11')).not.toBe(dedupeKey('sessionTomorrow', 'a.b', '2026-01-11'));
    expect(() => dedupeKey('voucherExpiry', 'v1', '2026/02/20')).toThrow();
    expect(() => dedupeKey('voucherExpiry', '', '2026-02-20')).toThrow();
  });

  it('R10.2 every kind names the subject and date of its dedupe key', () => {
    expect(REMINDER_KIND_LIST).toHaveLength(16);
    for (const kind of REMINDER_KIND_LIST) expect(REMINDER_KINDS[kind].dedupe.length).toBeGreaterThan(10);
  });

  it('R10.2 retries back off, then the entry fails', () => {
    const now = at('2026-01-11T00:00:00Z');
    expect(MAX_ATTEMPTS).toBe(3);
    expect(nextAttemptAt(0, now)).toEqual(now);
    expect(nextAttemptAt(1, now)).toEqual(at('2026-01-11T00:01:00Z'));
    expect(nextAttemptAt(2, now)).toEqual(at('2026-01-11T00:05:00Z'));
    expect(nextAttemptAt(3, now)).toBeNull();
    expect(afterSendFailure(1, -1, now)).toEqual({ status: 'pending', attempts: 1, nextAttemptAt: at('2026-01-11T00:01:00Z') });
    expect(afterSendFailure(3, -1, now)).toEqual({ status: 'failed', attempts: 3 });
  });

  it('R10.2 error 43101 spends the consent and is not retried', () => {
    expect(classifySendError(43101)).toBe('consent_spent');
    expect(classifySendError(47003)).toBe('retry');
    expect(classifySendError(-1)).toBe('retry');
    expect(afterSendFailure(1, 43101, at('2026-01-11T00:00:00Z'))).toEqual({
      status: 'skipped_no_consent',
      attempts: 1,
      consentSpent: true,
    });
    expect(consentAfterRefusal()).toEqual({ oneTime: 0, longTerm: false });
  });

  it('R10.2 one-time consents are spent, long-term ones are not, none is not allowed', () => {
    expect(spendConsent({ oneTime: 2, longTerm: false })).toEqual({ allowed: true, next: { oneTime: 1, longTerm: false } });
    expect(spendConsent({ oneTime: 1, longTerm: false })).toEqual({ allowed: true, next: { oneTime: 0, longTerm: false } });
    expect(spendConsent({ oneTime: 0, longTerm: false })).toEqual({ allowed: false, next: { oneTime: 0, longTerm: false } });
    expect(spendConsent({ oneTime: 0, longTerm: true })).toEqual({ allowed: true, next: { oneTime: 0, longTerm: true } });
    expect(spendConsent({ oneTime: 3, longTerm: true })).toEqual({ allowed: true, next: { oneTime: 3, longTerm: true } });
    expect(grantConsent({ oneTime: 0, longTerm: false }, 'oneTime')).toEqual({ oneTime: 1, longTerm: false });
    expect(grantConsent({ oneTime: 2, longTerm: false }, 'longTerm')).toEqual({ oneTime: 2, longTerm: true });
  });

  it('R10.2 thing fields keep 20 code points, longer ones 19 and an ellipsis', () => {
    const twenty = '一二三四五六七八九十一二三四五六七八九十';
    expect(Array.from(twenty)).toHaveLength(20);
    expect(cutThing(twenty)).toBe(twenty);
    expect(cutThing(`${twenty}多`)).toBe('一二三四五六七八九十一二三四五六七八九…');
    expect(Array.from(cutThing(`${twenty}多`))).toHaveLength(20);
    // Emoji are one code point but two UTF-16 units: 20 of them fit, and none is cut in half.
    const emoji20 = '😀'.repeat(20);
    expect(emoji20.length).toBe(40);
    expect(cutThing(emoji20)).toBe(emoji20);
    expect(cutThing('😀'.repeat(21))).toBe(`${'😀'.repeat(19)}…`);
    expect(cutThing(`${'一'.repeat(18)}😀😀😀`)).toBe(`${'一'.repeat(18)}😀…`);
    expect(cutThing('  电工  ')).toBe('电工');
  });

  it('R10.2 other fields are cut to their WeChat limits', () => {
    expect(fitField('phrase', '已经发放完毕')).toBe('已经发放完');
    expect(fitField('phrase', '已发放')).toBe('已发放');
    expect(fitField('name', '买买提·艾力买买提·艾力')).toBe('买买提·艾力买买提·');
    expect(fitField('name', '张三')).toBe('张三');
    expect(fitField('name', 'Alexander Hamilton Jr.')).toBe('Alexander Hamilton J');
    expect(fitField('number', '1'.repeat(40))).toBe('1'.repeat(32));
    expect(fitField('character_string', 'A'.repeat(33))).toBe('A'.repeat(32));
    expect(fitField('time', '2026年1月11日 08:00')).toBe('2026年1月11日 08:00');
    expect(fitTemplateData({ thing1: { kind: 'thing', value: '一'.repeat(25) }, phrase2: { kind: 'phrase', value: '已过期了啊啊' } })).toEqual({
      thing1: `${'一'.repeat(19)}…`,
      phrase2: '已过期了啊',
    });
  });
});

describe('R10.1 reminder kinds and their texts', () => {
  it('R10.1 each kind has its audience, title and template key', () => {
    const table = REMINDER_KIND_LIST.map((k) => [k, REMINDER_KINDS[k].audience, REMINDER_KINDS[k].title, REMINDER_KINDS[k].template]);
    expect(table).toEqual([
      ['voucherExpiry', 'laborer', '培训券7天后到期', 'TPL_VOUCHER_EXPIRY'],
      ['sessionTomorrow', 'laborer', '明天有培训课', 'TPL_SESSION_TOMORROW'],
      ['certificateIssued', 'laborer', '证书已发放', 'TPL_CERTIFICATE_ISSUED'],
      ['followUpDue', 'laborer', '请填写就业情况', 'TPL_FOLLOW_UP_DUE'],
      ['trainerSessionToday', 'trainer', '今天有课', 'TPL_TRAINER_SESSION_TODAY'],
      ['offlineScansPending', 'trainer', '签到记录未上传', 'TPL_OFFLINE_SCANS'],
      ['officialDigest', 'official', '旬报已生成', 'TPL_OFFICIAL_DIGEST'],
      ['monthlyRanking', 'official', '月度排名已更新', 'TPL_MONTHLY_RANKING'],
      ['quotaAlmostUsed', 'official', '名额快用完了', 'TPL_QUOTA_ALMOST_USED'],
      ['lowAttendance', 'official', '出勤率偏低', 'TPL_LOW_ATTENDANCE'],
      ['classReviewed', 'trainer', '开班审核结果', 'TPL_CLASS_REVIEWED'],
      ['classChanged', 'laborer', '上课时间有变化', 'TPL_CLASS_CHANGED'],
      ['classCancelled', 'laborer', '培训班已取消', 'TPL_CLASS_CANCELLED'],
      ['proxyRequested', 'laborer', '有人想为您代办', 'TPL_PROXY_REQUESTED'],
      ['voucherDirected', 'laborer', '您收到一张培训券', 'TPL_VOUCHER_DIRECTED'],
      ['vouchersOpen', 'laborer', '有培训券可以领', 'TPL_VOUCHERS_OPEN'],
    ]);
  });

  it('R10.1 the voucher reminder names the last valid day in China time', () => {
    const r = buildReminder('voucherExpiry', { typeName: '电工', expiresAt: at('2026-02-20T16:00:00Z') });
    expect(r).toEqual({
      kind: 'voucherExpiry',
      audience: 'laborer',
      template: 'TPL_VOUCHER_EXPIRY',
      title: '培训券7天后到期',
      text: '您的电工培训券2月20日到期，还剩7天，请尽快报名培训。',
      data: { thing1: '电工培训券', time2: '2026年2月20日', thing3: '请尽快报名培训' },
      page: 'pages/my-vouchers/index',
    });
  });

  it('R10.1 the session reminder gives the China clock time and cuts long names', () => {
    const r = buildReminder('sessionTomorrow', {
      className: '2026年第一期中式烹调师（初级）技能提升培训班',
      start: at('2026-01-10T23:30:00Z'),
      place: '离石区职业技能实训基地三楼',
    });
    expect(r.text).toBe('明天07:30上课：2026年第一期中式烹调师（初级）技能提升培训班，地点：离石区职业技能实训基地三楼。请带好身份证，按时签到。');
    expect(r.data).toEqual({
      thing1: '2026年第一期中式烹调师（初级）技能…',
      time2: '2026年1月11日 07:30',
      thing3: '离石区职业技能实训基地三楼',
    });
  });

  it('R10.1 officials’ texts give whole percents rounded down', () => {
    // Catalogue names already end in 券: never 职业技能培训券培训券.
    expect(buildReminder('voucherExpiry', { typeName: '职业技能培训券', expiresAt: at('2026-02-20T16:00:00Z') }).text).toBe(
      '您的职业技能培训券2月20日到期，还剩7天，请尽快报名培训。',
    );
    expect(buildReminder('quotaAlmostUsed', { countyName: '离石区', typeName: '电工', used: 899, limit: 999 }).text).toBe(
      '离石区电工培训券名额已用899个，共999个（89%）。',
    );
    expect(buildReminder('lowAttendance', { className: '电工1班', attended: 17, expected: 29 }).data).toEqual({
      thing1: '电工1班',
      thing2: '出勤率58%',
    });
    expect(buildReminder('officialDigest', { regionName: '吕梁市', day: date(2026, 1, 11) }).text).toBe(
      '吕梁市1月11日旬报已生成，请到工作台查看。',
    );
    expect(buildReminder('offlineScansPending', { className: '电工1班', count: 3 }).text).toBe(
      '电工1班有3条签到记录超过24小时未上传，请连网后打开班级页面上传。',
    );
  });

  it('R11.3 class reviews, changes and cancellations say what happened and what to do', () => {
    const rejected = buildReminder('classReviewed', { className: '电工1班', approved: false, reason: '上课地点不明确', at: at('2026-01-11T01:00:00Z') });
    expect(rejected).toMatchObject({ audience: 'trainer', title: '开班审核未通过', page: 'packages/trainer/pages/classes/index' });
    expect(rejected.text).toBe('电工1班未通过开班审核：上课地点不明确。请修改后重新提交。');
    expect(rejected.data).toEqual({ thing1: '电工1班', phrase2: '未通过', time3: '2026年1月11日 09:00' });
    expect(buildReminder('classReviewed', { className: '电工1班', approved: true, reason: null, at: at('2026-01-11T01:00:00Z') }).text).toBe('电工1班已通过开班审核，学员现在可以报名。');
    expect(buildReminder('classChanged', { className: '电工1班', firstStart: at('2026-01-11T01:00:00Z') }).text).toBe(
      '电工1班的上课时间有变化，第一节课在2026年1月11日 09:00，请到“我的课程”查看。',
    );
    const back = buildReminder('classCancelled', { className: '电工1班', reason: '报名人数不足', voucherOutcome: 'unused' });
    expect(back.text).toBe('您报名的电工1班已取消（报名人数不足）。培训券已退回，可以报名其他班。');
    expect(back.page).toBe('pages/classes/index');
    expect(buildReminder('classCancelled', { className: '电工1班', reason: '报名人数不足', voucherOutcome: 'expired' }).text).toBe(
      '您报名的电工1班已取消（报名人数不足）。培训券已过期，名额已退回。',
    );
  });

  it('R12.2 a directed voucher tells its holder who gave it and its last valid day', () => {
    const r = buildReminder('voucherDirected', { typeName: '职业技能培训券', countyName: '岚县', expiresAt: at('2026-05-31T16:00:00Z') });
    expect(r).toMatchObject({ audience: 'laborer', template: 'TPL_VOUCHER_DIRECTED', page: 'pages/my-vouchers/index' });
    expect(r.text).toBe('岚县人社部门为您发放了一张职业技能培训券，2026年5月31日前有效，请到“我的培训券”查看并报名培训。');
    expect(r.data).toEqual({ thing1: '职业技能培训券', time2: '2026年5月31日', thing3: '岚县定向发放' });
  });

  it('R12.3 laborers holding nothing hear of the vouchers open to them and the classes of their county', () => {
    const r = buildReminder('vouchersOpen', { countyName: '岚县', typeNames: ['职业技能培训券', '技能等级评价券'], classes: 3 });
    expect(r.text).toBe('您今年还没有领培训券。岚县现在可以领职业技能培训券、技能等级评价券，本县有3个培训班正在报名。到“培训券”页就能领取。');
    expect(r.data).toEqual({ thing1: '职业技能培训券、技能等级评价券', thing2: '本县3个班正在报名' });
    expect(r.page).toBe('pages/vouchers/index');
    expect(buildReminder('vouchersOpen', { countyName: '岚县', typeNames: ['农业实用技术'], classes: 0 }).text).toBe(
      '您今年还没有领培训券。岚县现在可以领农业实用技术培训券。到“培训券”页就能领取。',
    );
  });

  it('R10.2 every built reminder fits WeChat limits', () => {
    const long = '很长的名字'.repeat(8);
    const built = [
      buildReminder('voucherExpiry', { typeName: long, expiresAt: at('2026-02-20T16:00:00Z') }),
      buildReminder('sessionTomorrow', { className: long, start: at('2026-01-11T01:00:00Z'), place: long }),
      buildReminder('certificateIssued', { certificateName: long, issuedAt: at('2026-01-11T01:00:00Z') }),
      buildReminder('followUpDue', { dueOn: date(2026, 3, 1) }),
      buildReminder('trainerSessionToday', { className: long, start: at('2026-01-11T01:00:00Z'), place: long }),
      buildReminder('offlineScansPending', { className: long, count: 120 }),
      buildReminder('officialDigest', { regionName: long, day: date(2026, 1, 21) }),
      buildReminder('monthlyRanking', { regionName: long, year: 2026, month: 1 }),
      buildReminder('quotaAlmostUsed', { countyName: long, typeName: long, used: 95, limit: 100 }),
      buildReminder('lowAttendance', { className: long, attended: 1, expected: 10 }),
      buildReminder('classReviewed', { className: long, approved: false, reason: long, at: at('2026-01-11T01:00:00Z') }),
      buildReminder('classChanged', { className: long, firstStart: at('2026-01-11T01:00:00Z') }),
      buildReminder('classCancelled', { className: long, reason: long, voucherOutcome: 'unused' }),
      buildReminder('proxyRequested', { proxyName: long, relation: '子女' }),
      buildReminder('voucherDirected', { typeName: long, countyName: long, expiresAt: at('2026-02-20T16:00:00Z') }),
      buildReminder('vouchersOpen', { countyName: long, typeNames: [long, long], classes: 12 }),
    ];
    for (const r of built) {
      for (const value of Object.values(r.data)) expect(Array.from(value).length).toBeLessThanOrEqual(20);
    }
    expect(built.map((r) => r.kind)).toEqual(REMINDER_KIND_LIST);
  });
});

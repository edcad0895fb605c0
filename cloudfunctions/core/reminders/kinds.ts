/**
 * Reminder kinds and their texts: the message-centre text and the WeChat template fields.
 */
import { type CalendarDate, chinaDateOf, clockText, dateText, dateTimeText, lastDayBefore, monthDayText } from '../china-date';
import { PAGES } from '../pages';
import { type TemplateField, fitTemplateData } from './fields';
import type { ReminderKind } from './outbox';
import { percentDown } from './due';

export type Audience = 'laborer' | 'trainer' | 'official';


export interface ReminderInputs {
  voucherExpiry: { typeName: string; expiresAt: Date };
  sessionTomorrow: { className: string; start: Date; place: string };
  certificateIssued: { certificateName: string; issuedAt: Date };
  followUpDue: { dueOn: CalendarDate };
  trainerSessionToday: { className: string; start: Date; place: string };
  offlineScansPending: { className: string; count: number };
  officialDigest: { regionName: string; day: CalendarDate };
  monthlyRanking: { regionName: string; year: number; month: number };
  quotaAlmostUsed: { countyName: string; typeName: string; used: number; limit: number };
  lowAttendance: { className: string; attended: number; expected: number };
  classReviewed: { className: string; approved: boolean; reason: string | null; at: Date };
  classChanged: { className: string; firstStart: Date };
  classCancelled: { className: string; reason: string; voucherOutcome: 'unused' | 'expired' | 'cancelled' | null };
  proxyRequested: { proxyName: string; relation: string };
  voucherDirected: { typeName: string; countyName: string; expiresAt: Date };
  vouchersOpen: { countyName: string; typeNames: string[]; classes: number };
}

export interface BuiltReminder {
  title: string;
  /** The message-centre text: plain, short, one or two sentences. */
  text: string;
  /** WeChat fields before cutting; keys follow the templates picked in the WeChat console. */
  fields: Record<string, TemplateField>;
  /** The mini-program page the message opens. */
  page: string;
}

export interface ReminderKindSpec<I> {
  audience: Audience;
  title: string;
  /** Configuration name holding the WeChat template id. */
  template: string;
  /** Who the subject is and which date goes into the dedupe key. */
  dedupe: string;
  build(input: I): BuiltReminder;
}

const thing = (value: string): TemplateField => ({ kind: 'thing', value });
/** A voucher's name as people say it: catalogue names already end in 券 (职业技能培训券). */
export const voucherName = (typeName: string): string => (typeName.endsWith('券') ? typeName : `${typeName}培训券`);
const time = (value: string): TemplateField => ({ kind: 'time', value });

export const REMINDER_KINDS: { readonly [K in ReminderKind]: ReminderKindSpec<ReminderInputs[K]> } = {
  voucherExpiry: {
    audience: 'laborer',
    title: '培训券7天后到期',
    template: 'TPL_VOUCHER_EXPIRY',
    dedupe: 'voucher id; the voucher’s last valid day',
    build: ({ typeName, expiresAt }) => {
      const last = lastDayBefore(expiresAt);
      return {
        title: '培训券7天后到期',
        text: `您的${voucherName(typeName)}${monthDayText(last)}到期，还剩7天，请尽快报名培训。`,
        fields: { thing1: thing(voucherName(typeName)), time2: time(dateText(last)), thing3: thing('请尽快报名培训') },
        page: PAGES.myVouchers,
      };
    },
  },
  sessionTomorrow: {
    audience: 'laborer',
    title: '明天有培训课',
    template: 'TPL_SESSION_TOMORROW',
    dedupe: '`{session id}:{person id}`; the session’s China date',
    build: ({ className, start, place }) => ({
      title: '明天有培训课',
      text: `明天${clockText(start)}上课：${className}，地点：${place}。请带好身份证，按时签到。`,
      fields: { thing1: thing(className), time2: time(dateTimeText(start)), thing3: thing(place) },
      page: PAGES.myClasses,
    }),
  },
  certificateIssued: {
    audience: 'laborer',
    title: '证书已发放',
    template: 'TPL_CERTIFICATE_ISSUED',
    dedupe: 'certificate id; the China date it was issued',
    build: ({ certificateName, issuedAt }) => ({
      title: '证书已发放',
      text: `您的${certificateName}证书已发放，可在“证书”页查看。`,
      fields: { thing1: thing(certificateName), time2: time(dateText(chinaDateOf(issuedAt))) },
      page: PAGES.certificates,
    }),
  },
  followUpDue: {
    audience: 'laborer',
    title: '请填写就业情况',
    template: 'TPL_FOLLOW_UP_DUE',
    dedupe: 'follow-up id; its due date',
    build: ({ dueOn }) => ({
      title: '请填写就业情况',
      text: `请在${monthDayText(dueOn)}前填写您现在的就业情况。`,
      fields: { thing1: thing('填写就业情况'), time2: time(dateText(dueOn)) },
      page: PAGES.employment,
    }),
  },
  trainerSessionToday: {
    audience: 'trainer',
    title: '今天有课',
    template: 'TPL_TRAINER_SESSION_TODAY',
    dedupe: '`{session id}:{trainer id}`; the session’s China date',
    build: ({ className, start, place }) => ({
      title: '今天有课',
      text: `今天${clockText(start)}上课：${className}，地点：${place}。`,
      fields: { thing1: thing(className), time2: time(dateTimeText(start)), thing3: thing(place) },
      page: PAGES.trainerClasses,
    }),
  },
  offlineScansPending: {
    audience: 'trainer',
    title: '签到记录未上传',
    template: 'TPL_OFFLINE_SCANS',
    dedupe: '`{class id}:{trainer id}`; the China date of the run (at most one a day)',
    build: ({ className, count }) => ({
      title: '签到记录未上传',
      text: `${className}有${count}条签到记录超过24小时未上传，请连网后打开班级页面上传。`,
      fields: { thing1: thing(className), thing2: thing(`${count}条签到未上传`) },
      page: PAGES.trainerClasses,
    }),
  },
  officialDigest: {
    audience: 'official',
    title: '旬报已生成',
    template: 'TPL_OFFICIAL_DIGEST',
    dedupe: '`{region code}:{official id}`; the digest day (1st, 11th or 21st)',
    build: ({ regionName, day }) => ({
      title: '旬报已生成',
      text: `${regionName}${monthDayText(day)}旬报已生成，请到工作台查看。`,
      fields: { thing1: thing(`${regionName}旬报`), time2: time(dateText(day)) },
      page: PAGES.officialDashboard,
    }),
  },
  monthlyRanking: {
    audience: 'official',
    title: '月度排名已更新',
    template: 'TPL_MONTHLY_RANKING',
    dedupe: '`{region code}:{official id}`; the ranked month `YYYY-MM`',
    build: ({ regionName, year, month }) => ({
      title: '月度排名已更新',
      text: `${regionName}${year}年${month}月完成情况排名已更新，请到工作台查看。`,
      fields: { thing1: thing(`${regionName}${month}月排名`), time2: time(`${year}年${month}月`) },
      page: PAGES.officialRanking,
    }),
  },
  quotaAlmostUsed: {
    audience: 'official',
    title: '名额快用完了',
    template: 'TPL_QUOTA_ALMOST_USED',
    dedupe: '`{county}:{type}:{limit}:{official id}`; the quota year `YYYY` (again only if the limit changes)',
    build: ({ countyName, typeName, used, limit }) => ({
      title: '名额快用完了',
      text: `${countyName}${voucherName(typeName)}名额已用${used}个，共${limit}个（${percentDown(used, limit)}%）。`,
      fields: { thing1: thing(`${countyName}${typeName}`), thing2: thing(`已用${used}/${limit}`) },
      page: PAGES.officialDashboard,
    }),
  },
  lowAttendance: {
    audience: 'official',
    title: '出勤率偏低',
    template: 'TPL_LOW_ATTENDANCE',
    dedupe: '`{class id}:{official id}`; the start of the ten-day period (tenDayPeriodStart)',
    build: ({ className, attended, expected }) => ({
      title: '出勤率偏低',
      text: `${className}出勤率${percentDown(attended, expected)}%，低于60%，请关注。`,
      fields: { thing1: thing(className), thing2: thing(`出勤率${percentDown(attended, expected)}%`) },
      page: PAGES.officialDashboard,
    }),
  },
  classReviewed: {
    audience: 'trainer',
    title: '开班审核结果',
    template: 'TPL_CLASS_REVIEWED',
    dedupe: '`{class id}:{review number}`; the China date of the review',
    build: ({ className, approved, reason, at }) => ({
      title: approved ? '开班审核已通过' : '开班审核未通过',
      text: approved ? `${className}已通过开班审核，学员现在可以报名。` : `${className}未通过开班审核：${reason ?? ''}。请修改后重新提交。`,
      fields: { thing1: thing(className), phrase2: { kind: 'phrase', value: approved ? '已通过' : '未通过' }, time3: time(dateTimeText(at)) },
      page: PAGES.trainerClasses,
    }),
  },
  classChanged: {
    audience: 'laborer',
    title: '上课时间有变化',
    template: 'TPL_CLASS_CHANGED',
    dedupe: '`{class id}:{person id}:v{change number}`; the China date of the change',
    build: ({ className, firstStart }) => ({
      title: '上课时间有变化',
      text: `${className}的上课时间有变化，第一节课在${dateTimeText(firstStart)}，请到“我的课程”查看。`,
      fields: { thing1: thing(className), time2: time(dateTimeText(firstStart)), thing3: thing('上课时间有变化') },
      page: PAGES.myClasses,
    }),
  },
  classCancelled: {
    audience: 'laborer',
    title: '培训班已取消',
    template: 'TPL_CLASS_CANCELLED',
    dedupe: '`{class id}:{person id}`; the China date of the cancellation',
    build: ({ className, reason, voucherOutcome }) => ({
      title: '培训班已取消',
      text: `您报名的${className}已取消（${reason}）。${
        voucherOutcome === 'unused' ? '培训券已退回，可以报名其他班。' : voucherOutcome === 'expired' ? '培训券已过期，名额已退回。' : ''
      }`,
      fields: { thing1: thing(className), thing2: thing(reason) },
      page: voucherOutcome === 'unused' ? PAGES.classes : PAGES.myClasses,
    }),
  },
  proxyRequested: {
    audience: 'laborer',
    title: '有人想为您代办',
    template: 'TPL_PROXY_REQUESTED',
    dedupe: 'link id; the China date of the request',
    build: ({ proxyName, relation }) => ({
      title: '有人想为您代办',
      text: `${proxyName}（${relation}）想帮您办理培训券和报名。同意请到“我的”→“亲情代办”点同意；不认识请点拒绝。`,
      fields: { thing1: thing(`${proxyName}（${relation}）`), thing2: thing('请到“我的”同意或拒绝') },
      page: PAGES.me,
    }),
  },
  voucherDirected: {
    audience: 'laborer',
    title: '您收到一张培训券',
    template: 'TPL_VOUCHER_DIRECTED',
    dedupe: 'voucher id; the China date it was issued (R12.2)',
    build: ({ typeName, countyName, expiresAt }) => {
      const last = lastDayBefore(expiresAt);
      return {
        title: '您收到一张培训券',
        text: `${countyName}人社部门为您发放了一张${voucherName(typeName)}，${dateText(last)}前有效，请到“我的培训券”查看并报名培训。`,
        fields: { thing1: thing(voucherName(typeName)), time2: time(dateText(last)), thing3: thing(`${countyName}定向发放`) },
        page: PAGES.myVouchers,
      };
    },
  },
  vouchersOpen: {
    audience: 'laborer',
    title: '有培训券可以领',
    template: 'TPL_VOUCHERS_OPEN',
    dedupe: 'person id; the month `YYYY-MM` (at most one a month, D51)',
    build: ({ countyName, typeNames, classes }) => ({
      title: '有培训券可以领',
      text: `您今年还没有领培训券。${countyName}现在可以领${typeNames.map(voucherName).join('、')}${
        classes > 0 ? `，本县有${classes}个培训班正在报名` : ''
      }。到“培训券”页就能领取。`,
      fields: { thing1: thing(typeNames.map(voucherName).join('、')), thing2: thing(classes > 0 ? `本县${classes}个班正在报名` : '可到“培训券”页领取') },
      page: PAGES.vouchers,
    }),
  },
};

/** A reminder ready for the outbox: the message-centre text and the WeChat data, already cut. */
export function buildReminder<K extends ReminderKind>(
  kind: K,
  input: ReminderInputs[K],
): { kind: K; audience: Audience; template: string; title: string; text: string; data: Record<string, string>; page: string } {
  const spec = REMINDER_KINDS[kind] as ReminderKindSpec<ReminderInputs[K]>;
  const built = spec.build(input);
  return {
    kind,
    audience: spec.audience,
    template: spec.template,
    title: built.title,
    text: built.text,
    data: fitTemplateData(built.fields),
    page: built.page,
  };
}

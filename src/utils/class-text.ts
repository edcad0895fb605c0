/**
 * How classes read on screen (课程, 我的课程, 签到码): levels, places, session dates and times.
 * Sessions carry China dates and times already (`YYYY-MM-DD`, `HH:mm`), so nothing here
 * depends on the phone's time zone.
 */
import type { ClassView, SessionTimes, VoucherTypeView } from '../../cloudfunctions/contract';
import { sessionWindow } from '../../cloudfunctions/core/attendance';
import { LEVEL_NAMES } from '../../cloudfunctions/core/certificates';
import { chinaToday, monthDayText, parseDate } from '../../cloudfunctions/core/china-date';

/** R7.2 skill levels: 五级 = 5 … 一级 = 1; 0 = a course without a level. */
const levelText = (level: number): string | null => LEVEL_NAMES[level] ?? null;

/** A level as a choice reads: 五级/初级工 …, or 不分等级 for a course without levels. */
export const levelName = (level: number): string => levelText(level) ?? '不分等级';

/** Levels as large choices (form-field's ChoiceField and MultiChoiceField). */
export const levelChoices = (levels: readonly number[]): { value: number; name: string }[] => levels.map((l) => ({ value: l, name: levelName(l) }));

/** `养老护理员 · 五级/初级工`, or the occupation alone. */
export function occupationText(c: Pick<ClassView, 'occupation' | 'level'>): string {
  const level = levelText(c.level);
  return level ? `${c.occupation.name} · ${level}` : c.occupation.name;
}

export const placeText = (c: Pick<ClassView, 'county' | 'township'>): string =>
  c.township ? `${c.county.name} ${c.township.name}` : c.county.name;

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** `12月1日 周二` */
export function dayText(date: string): string {
  const d = parseDate(date);
  if (!d) return date;
  // The weekday of a calendar date (a UTC date, so no time zone comes in).
  const weekday = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return `${monthDayText(d)} ${WEEKDAYS[weekday]}`;
}

/** `12月1日 周二 09:00–17:00` */
export const sessionText = (s: SessionTimes): string => `${dayText(s.date)} ${s.start}–${s.end}`;

const bySessionTime = (a: SessionTimes, b: SessionTimes) =>
  a.date === b.date ? a.start.localeCompare(b.start) : a.date.localeCompare(b.date);

/** `12月1日 周二 09:00开课，共10节` */
export function startText(c: Pick<ClassView, 'sessions'>): string {
  const first = [...c.sessions].sort(bySessionTime)[0];
  return first ? `${dayText(first.date)} ${first.start}开课，共${c.sessions.length}节` : '';
}

/**
 * The voucher types a class takes, by name when the catalogue is loaded; otherwise words that
 * need no names.
 */
export function acceptedText(c: Pick<ClassView, 'acceptedTypes' | 'selfFunded'>, types: readonly Pick<VoucherTypeView, 'code' | 'name'>[] | null): string {
  if (c.acceptedTypes.length === 0) return c.selfFunded ? '自费，不用培训券' : '';
  const names = c.acceptedTypes.map((code) => types?.find((t) => t.code === code)?.name);
  const known = names.every((n): n is string => Boolean(n));
  const vouchers = known ? `可用：${names.join('、')}` : `可用${c.acceptedTypes.length}种培训券报名`;
  return c.selfFunded ? `${vouchers}，也可自费` : vouchers;
}

/**
 * R13 how far from home, in words (on the card and again on the confirm step): near home plainly,
 * another county or city with its name, and that it means travelling.
 */
export function distanceLine(c: Pick<ClassView, 'county' | 'forMe'>): { text: string; far: boolean } | null {
  const distance = c.forMe?.distance;
  const words = c.forMe?.distanceText;
  if (!distance || !words) return null;
  if (distance === 'township') return { text: '就在本乡镇，离家近', far: false };
  if (distance === 'county') return { text: '在本县', far: false };
  return { text: `在${words}（${c.county.name}），离家远，要自己去上课`, far: true };
}

/** The name of one voucher type, when the catalogue is loaded. */
export const voucherName = (code: string, types: VoucherTypeView[] | null): string | null =>
  types?.find((t) => t.code === code)?.name ?? null;

export interface SessionRef {
  classId: string;
  className: string;
  index: number;
  session: SessionTimes;
}

/**
 * The session to name on the code page at `at`: today's session whose scanning window is open
 * (or the next one today, or the last one today); failing that, the next session to come.
 */
export function sessionToShow(
  classes: readonly { classId: string; name: string; sessions: SessionTimes[] }[],
  at: Date,
): { today: boolean; ref: SessionRef } | null {
  const today = chinaToday(at);
  const all: SessionRef[] = classes.flatMap((c) =>
    c.sessions.map((session, index) => ({ classId: c.classId, className: c.name, index, session })),
  );
  all.sort((a, b) => bySessionTime(a.session, b.session));
  const todays = all.filter((r) => r.session.date === today);
  const open = todays.find((r) => {
    const w = sessionWindow(r.session);
    return at >= w.opensAt && at <= w.endsAt;
  });
  const laterToday = todays.find((r) => at < sessionWindow(r.session).opensAt);
  const pick = open ?? laterToday ?? todays[todays.length - 1];
  if (pick) return { today: true, ref: pick };
  const next = all.find((r) => r.session.date > today);
  return next ? { today: false, ref: next } : null;
}

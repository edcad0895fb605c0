/** How the trainer's pages write sessions (China dates, as people read them). */
import type { SessionTimes } from '../../../../cloudfunctions/contract';
import { monthDayText, parseDate } from '../../../../cloudfunctions/core/china-date';

/** Sessions are numbered from 1 on screen: index 2 is 第3节. */
export const sessionName = (index: number): string => `第${index + 1}节`;

/** `11月24日 09:00–11:30` */
export function sessionTimeText(s: SessionTimes): string {
  const d = parseDate(s.date);
  return `${d ? monthDayText(d) : s.date} ${s.start}–${s.end}`;
}

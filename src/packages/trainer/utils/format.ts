/** How the trainer's pages write sessions and times (China time, as people read them). */
import type { SessionTimes } from '../../../../cloudfunctions/contract';
import { clockTextWithSeconds, parseDate } from '../../../../cloudfunctions/core/china-date';

/** Sessions are numbered from 1 on screen: index 2 is 第3节. */
export const sessionName = (index: number): string => `第${index + 1}节`;

/** `11月24日 09:00–11:30` */
export function sessionTimeText(s: SessionTimes): string {
  const d = parseDate(s.date);
  const day = d ? `${d.month}月${d.day}日` : s.date;
  return `${day} ${s.start}–${s.end}`;
}

/** `09:31:05`, China time, for scans made on the phone. */
export const clockTimeOf = (iso: string): string => clockTextWithSeconds(iso);

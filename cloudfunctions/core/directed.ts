/**
 * R12.2 directed vouchers (定向券), pure: a named list read into ID numbers (R2 checks, duplicates
 * within the list, the list's bounds), what each listed person's outcome is called, and how long
 * a directed issue stays open for people who register later (D47, D50). No storage, no clock.
 */
import { type CalendarDate, chinaDateOf, chinaMidnight } from './china-date';
import { DomainError, ERROR_MESSAGES, type ErrorCode } from './errors';
import { type IdNumberCheck, checkIdNumber, maskIdNumber, normalizeIdNumber } from './id-number';
import WORDS from './words.json';

/** One issue names at most this many lines (the report must fit one answer, D47). */
export const MAX_DIRECTED_LINES = 5000;
/** An uploaded workbook may be at most 10 MB (decoded). */
export const MAX_DIRECTED_FILE_BYTES = 10 * 1024 * 1024;

/** One line of the list as given: its 1-based line (or worksheet row) number and its text. */
export interface ListLine {
  line: number;
  text: string;
  /** A worksheet cell stored as a number: Excel keeps 15 significant digits, so an 18-digit number is already changed. */
  numeric?: boolean;
}

/** What a number cell of a workbook is told: the number cannot be trusted, the column must be text. */
export const NUMERIC_CELL_MESSAGE = '这一格是数字格式，Excel已改动了身份证号码的后几位，请把这一列设为文本后重新填写';

/** A line with a well-formed number the issue goes on to (the first line of that number). */
export interface ListEntry {
  line: number;
  /** The normalised, checked 18-character number (never stored: the shell hashes it). */
  number: string;
  masked: string;
  birthDate: CalendarDate;
}

/** A line refused as read: a malformed number or a repeat of an earlier line. Nothing is written for it. */
export interface RefusedLine {
  line: number;
  masked: string;
  code: ErrorCode;
  message: string;
}

export interface ReadList {
  entries: ListEntry[];
  refused: RefusedLine[];
  /** Lines read (entries + refused). */
  lines: number;
}

/** R2.4 a line shown in a report: a number's mask, or for text that is no number, its first 3 and last 4 characters. */
export const maskLine = (text: string): string => maskIdNumber(normalizeIdNumber(text).replace(/\s+/g, ''));

/**
 * Pasted text: one person a line. A line may carry other cells copied with it (name, phone,
 * separated by spaces, tabs or commas): the number is the first cell that holds a digit; a line
 * with no digit at all is kept whole, so it is reported (not silently dropped). Blank lines are
 * skipped but keep their line numbers.
 */
export function linesOfText(text: string): ListLine[] {
  const out: ListLine[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const trimmed = raw.trim();
    if (trimmed === '') return;
    const cells = trimmed.split(/[\s,，;；、]+/).filter((c) => c !== '');
    out.push({ line: i + 1, text: cells.find((c) => /[0-9０-９]/.test(c)) ?? trimmed });
  });
  return out;
}

/** LIST_EMPTY / LIST_TOO_LONG: the whole list is refused before anything is read or written. */
export function checkListSize(count: number): void {
  if (count === 0) throw new DomainError('LIST_EMPTY');
  if (count > MAX_DIRECTED_LINES) throw new DomainError('LIST_TOO_LONG', `一次最多${MAX_DIRECTED_LINES}人，这份名单有${count}行，请分成几份`);
}

/**
 * R12.2 reads a list: each line's number checked as registration checks it (R2.1, R2.2, and
 * `isKnownRegion` for the GB/T 2260 code, D31); a number seen on an earlier line is refused as a
 * duplicate (the first line counts). The list's size is checked first.
 */
export function readList(lines: readonly ListLine[], now: Date, isKnownRegion: (code: string) => boolean): ReadList {
  checkListSize(lines.length);
  const entries: ListEntry[] = [];
  const refused: RefusedLine[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, text, numeric } of lines) {
    const checked: IdNumberCheck = checkIdNumber(text, now);
    if (!checked.ok) {
      refused.push({ line, masked: maskLine(text), code: checked.code, message: numeric ? NUMERIC_CELL_MESSAGE : checked.message });
      continue;
    }
    const { number, regionCode, birthDate } = checked.facts;
    if (!isKnownRegion(regionCode)) {
      refused.push({ line, masked: maskIdNumber(number), code: 'ID_NUMBER_REGION', message: ERROR_MESSAGES.ID_NUMBER_REGION });
      continue;
    }
    const first = firstLine.get(number);
    if (first !== undefined) {
      refused.push({ line, masked: maskIdNumber(number), code: 'DUPLICATE_IN_LIST', message: `与第${first}行重复，只按第${first}行发放` });
      continue;
    }
    firstLine.set(number, line);
    entries.push({ line, number, masked: maskIdNumber(number), birthDate });
  }
  return { entries, refused, lines: lines.length };
}

/** A listed person not registered yet, as the report says it. */
export const DIRECTED_PENDING_REASON = ERROR_MESSAGES.DIRECTED_PENDING;

/** A pending line of an issue that has closed (D50): the person never registered in time. */
export const DIRECTED_LAPSED_REASON = '未实名登记，发放已截止';

/** What happened to one listed person. */
export type DirectedStatus = 'issued' | 'pending' | 'refused';

/** The groups a report counts refusals in (a malformed number's own code stays on its line). */
export type ReasonGroup =
  | 'pending'
  | 'NOT_ELIGIBLE'
  | 'VOUCHER_UNUSED_EXISTS'
  | 'YEARLY_LIMIT'
  | 'QUOTA_EXHAUSTED'
  | 'NOT_IN_REGION'
  | 'DIRECTED_CLOSED'
  | 'malformed'
  | 'DUPLICATE_IN_LIST';

export const REASON_GROUPS: readonly ReasonGroup[] = [
  'pending',
  'NOT_ELIGIBLE',
  'VOUCHER_UNUSED_EXISTS',
  'YEARLY_LIMIT',
  'QUOTA_EXHAUSTED',
  'NOT_IN_REGION',
  'DIRECTED_CLOSED',
  'malformed',
  'DUPLICATE_IN_LIST',
];

/** The report's words for each group. */
export const REASON_NAMES: Record<ReasonGroup, string> = WORDS.reason;

/** The group of an outcome code (`null` for an issued voucher). */
export function reasonGroupOf(status: DirectedStatus, code: ErrorCode | null): ReasonGroup | null {
  if (status === 'issued') return null;
  if (status === 'pending') return 'pending';
  if (code === null) return null;
  if (code.startsWith('ID_NUMBER_')) return 'malformed';
  return (REASON_GROUPS as readonly string[]).includes(code) ? (code as ReasonGroup) : null;
}

/**
 * A refusal's message as an official reads it in the report: the laborer-facing texts say 您
 * ("您今年52周岁"); about a listed person they say 本人.
 */
export const forOfficial = (message: string): string => message.replaceAll('您', '本人');

/**
 * D50 a directed issue stays open for people who register later until the end of the China
 * year it was made in (its vouchers count in that year's quota, D9), or until an official
 * closes it, whichever comes first.
 */
export function directedOpenUntil(createdAt: Date): Date {
  return chinaMidnight({ year: chinaDateOf(createdAt).year + 1, month: 1, day: 1 });
}

export const isDirectedOpen = (job: { openUntil: string; closedAt: string | null }, now: Date): boolean =>
  job.closedAt === null && now < new Date(job.openUntil);

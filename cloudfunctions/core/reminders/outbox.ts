/**
 * R10.2 the outbox rules: reminder kinds, dedupe keys, retries with backoff, WeChat send errors
 * and subscription consents. Pure.
 */
import { type CalendarDate, formatDate } from '../china-date';

const MINUTE_MS = 60_000;

export type ReminderKind =
  | 'voucherExpiry'
  | 'sessionTomorrow'
  | 'certificateIssued'
  | 'followUpDue'
  | 'trainerSessionToday'
  | 'offlineScansPending'
  | 'officialDigest'
  | 'monthlyRanking'
  | 'quotaAlmostUsed'
  | 'lowAttendance'
  | 'classReviewed'
  | 'classChanged'
  | 'classCancelled'
  | 'proxyRequested'
  | 'voucherDirected'
  | 'vouchersOpen';

export const REMINDER_KIND_LIST: readonly ReminderKind[] = [
  'voucherExpiry',
  'sessionTomorrow',
  'certificateIssued',
  'followUpDue',
  'trainerSessionToday',
  'offlineScansPending',
  'officialDigest',
  'monthlyRanking',
  'quotaAlmostUsed',
  'lowAttendance',
  'classReviewed',
  'classChanged',
  'classCancelled',
  'proxyRequested',
  'voucherDirected',
  'vouchersOpen',
];

/** pending → sent; or skipped_no_consent (no consent, or 43101); or failed after MAX_ATTEMPTS. */
export type OutboxStatus = 'pending' | 'sent' | 'skipped_no_consent' | 'failed';

/** Keeps [A-Za-z0-9_:-]; any other code point becomes `~hex~` (so `/`, `.` and `~` never appear raw). */
function safeIdPart(text: string): string {
  let out = '';
  for (const ch of text) {
    out += /^[A-Za-z0-9_:-]$/.test(ch) ? ch : `~${ch.codePointAt(0)!.toString(16)}~`;
  }
  return out;
}

/**
 * The outbox document id `{kind}:{subjectId}:{date}`, e.g. `voucherExpiry:v123:2026-02-20`.
 * `date` is a China date or a period `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. The subject and date for
 * each kind are in REMINDER_KINDS[kind].dedupe; they name the event, not the run, so running the
 * timer twice (or late) gives the same key. Characters other than letters, digits, `_`, `-` and
 * `:` in the subject are escaped as `~hex~`, so the id never holds `/` or `.`.
 */
export function dedupeKey(kind: ReminderKind, subjectId: string, date: CalendarDate | string): string {
  const dateText = typeof date === 'string' ? date : formatDate(date);
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(dateText)) throw new Error(`dedupeKey: bad date "${dateText}"`);
  if (subjectId === '') throw new Error('dedupeKey: empty subject');
  return `${kind}:${safeIdPart(subjectId)}:${dateText}`;
}

/** Sends per outbox entry, the first included; then `failed`. */
export const MAX_ATTEMPTS = 3;
/** Wait after the 1st and the 2nd failed send. */
export const BACKOFF_MS: readonly number[] = [1 * MINUTE_MS, 5 * MINUTE_MS];

/**
 * When to try an entry that has had `attempts` sends: now when never tried, then 1 min after
 * the first failure, 5 min after the second; null once MAX_ATTEMPTS sends have failed.
 */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  if (attempts <= 0) return now;
  if (attempts >= MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + BACKOFF_MS[attempts - 1]);
}

/** WeChat: the user refused, or has no one-time send left for the template. */
export const ERR_NO_CONSENT = 43101;

export type SendErrorClass = 'consent_spent' | 'retry';

/** 43101 marks the consent spent (no retry); any other error is retried up to MAX_ATTEMPTS. */
export const classifySendError = (errcode: number): SendErrorClass =>
  errcode === ERR_NO_CONSENT ? 'consent_spent' : 'retry';

export type AfterFailure =
  | { status: 'skipped_no_consent'; attempts: number; consentSpent: true }
  | { status: 'pending'; attempts: number; nextAttemptAt: Date }
  | { status: 'failed'; attempts: number };

/** The outbox entry after its send number `attempts` (1-based, this one included) failed. */
export function afterSendFailure(attempts: number, errcode: number, now: Date): AfterFailure {
  if (classifySendError(errcode) === 'consent_spent') return { status: 'skipped_no_consent', attempts, consentSpent: true };
  const next = nextAttemptAt(attempts, now);
  return next ? { status: 'pending', attempts, nextAttemptAt: next } : { status: 'failed', attempts };
}

/** A user's consents for one template: one-time sends left, and a long-term subscription. */
export interface Consent {
  oneTime: number;
  longTerm: boolean;
}

/**
 * Spending a consent for one send: long-term consents are not spent; a one-time consent is
 * (count − 1); none → not allowed, which the caller records as `skipped_no_consent`. Spent once
 * per outbox entry, at its first send; retries after other errors reuse it.
 */
export function spendConsent(c: Consent): { allowed: boolean; next: Consent } {
  if (c.longTerm) return { allowed: true, next: { ...c } };
  if (c.oneTime > 0) return { allowed: true, next: { ...c, oneTime: c.oneTime - 1 } };
  return { allowed: false, next: { ...c } };
}

/** The user accepted the template in `requestSubscribeMessage`: one more send, or long-term. */
export function grantConsent(c: Consent, kind: 'oneTime' | 'longTerm'): Consent {
  return kind === 'longTerm' ? { ...c, longTerm: true } : { ...c, oneTime: c.oneTime + 1 };
}

/** After 43101 WeChat says no send is left, whatever we counted: nothing remains. */
export const consentAfterRefusal = (): Consent => ({ oneTime: 0, longTerm: false });


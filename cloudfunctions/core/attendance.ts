/**
 * R6 Attendance by dynamic QR code, pure: the code the laborer's phone shows (computed offline),
 * and the checks a scan must pass. Shared by the phone (to draw the code) and the cloud (to
 * verify it), so the HMAC and the base64url are pure JavaScript (@noble/hashes, js-base64), not
 * node:crypto or Buffer.
 */
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha256';
import { fromUint8Array } from 'js-base64';
import { chinaInstant, parseDate } from './china-date';

/** R6.1: one code per 30-second step. */
export const STEP_SECONDS = 30;
/** R6.2: scanning opens this long before a session starts. */
export const EARLY_WINDOW_MS = 30 * 60_000;
/** R6.4: offline scans must be uploaded within 72 hours. */
export const OFFLINE_UPLOAD_LIMIT_MS = 72 * 3_600_000;
/** R6.4: a device clock this far from the server's is flagged. */
export const CLOCK_SKEW_FLAG_MS = 5 * 60_000;

const VERSION = 'CZT1';
const MAC_BYTES = 16;

export const stepAt = (at: Date): number => Math.floor(at.getTime() / (STEP_SECONDS * 1000));

/** Seconds until the code shown at `at` is replaced (for the countdown on the phone). */
export const secondsLeftInStep = (at: Date): number =>
  STEP_SECONDS - Math.floor((at.getTime() / 1000) % STEP_SECONDS);

/** The message is ASCII by construction (version, base64url ref, digits): no TextEncoder, which
 * some mini-program engines lack. */
const asciiBytes = (text: string): Uint8Array => Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0x7f);

function macOf(secret: Uint8Array, personRef: string, step: number): string {
  const message = asciiBytes(`${VERSION}|${personRef}|${step}`);
  return fromUint8Array(hmac(sha256, secret, message).slice(0, MAC_BYTES), true);
}

/** R6.1: `CZT1.<personRef>.<step>.<mac>`, the text inside the QR code. */
export function attendanceCode(secret: Uint8Array, personRef: string, at: Date): string {
  const step = stepAt(at);
  return `${VERSION}.${personRef}.${step}.${macOf(secret, personRef, step)}`;
}

export interface ParsedCode {
  personRef: string;
  step: number;
  mac: string;
}

/** Reads a scanned text; null when it is not one of our codes at all. */
export function parseAttendanceCode(text: string): ParsedCode | null {
  const m = /^CZT1\.([A-Za-z0-9_-]{4,64})\.(\d{1,12})\.([A-Za-z0-9_-]{22})$/.exec(text.trim());
  return m ? { personRef: m[1], step: Number(m[2]), mac: m[3] } : null;
}

/** Constant-time comparison of two MACs. */
function sameMac(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export type CodeCheck = 'ok' | 'CODE_FORGED' | 'CODE_EXPIRED';

/** R6.1: the MAC verifies, and the code is of the scan's step or the one before. */
export function checkAttendanceCode(code: ParsedCode, secret: Uint8Array, scannedAt: Date): CodeCheck {
  if (!sameMac(code.mac, macOf(secret, code.personRef, code.step))) return 'CODE_FORGED';
  const age = stepAt(scannedAt) - code.step;
  return age === 0 || age === 1 ? 'ok' : 'CODE_EXPIRED';
}

export interface SessionTimes {
  /** `YYYY-MM-DD`, China date. */
  date: string;
  /** `HH:mm`, China time. */
  start: string;
  end: string;
}

/** The instants a session's scanning opens, starts and ends (China time → UTC instants). */
export function sessionWindow(s: SessionTimes): { opensAt: Date; startsAt: Date; endsAt: Date } {
  const d = parseDate(s.date);
  const time = (hhmm: string) => {
    if (!d) throw new Error(`bad session date ${s.date}`);
    return chinaInstant(d, hhmm);
  };
  const startsAt = time(s.start);
  return { opensAt: new Date(startsAt.getTime() - EARLY_WINDOW_MS), startsAt, endsAt: time(s.end) };
}

export type ScanRefusal =
  | 'CODE_FORGED'
  | 'CODE_EXPIRED'
  | 'NOT_YOUR_CLASS'
  | 'ENROLLED_ELSEWHERE'
  | 'NOT_ENROLLED'
  | 'SCAN_TOO_EARLY'
  | 'SESSION_ENDED';

export interface ScanFacts {
  code: CodeCheck;
  /** R1.3: the scanning trainer teaches this class (their institution's class). */
  trainerTeachesClass: boolean;
  /** The person is enrolled in this class. */
  enrolledInClass: boolean;
  /** …or in another class (a different refusal: they came to the wrong room). */
  enrolledElsewhere: boolean;
  session: SessionTimes;
  scannedAt: Date;
}

/** R6.2: the first reason a scan is refused, or null when it is accepted. */
export function scanRefusal(f: ScanFacts): ScanRefusal | null {
  if (f.code !== 'ok') return f.code;
  if (!f.trainerTeachesClass) return 'NOT_YOUR_CLASS';
  if (!f.enrolledInClass) return f.enrolledElsewhere ? 'ENROLLED_ELSEWHERE' : 'NOT_ENROLLED';
  const w = sessionWindow(f.session);
  if (f.scannedAt < w.opensAt) return 'SCAN_TOO_EARLY';
  if (f.scannedAt > w.endsAt) return 'SESSION_ENDED';
  return null;
}

export interface OfflineUpload {
  /** The trainer's device time when the scan was made. */
  deviceScannedAt: Date;
  /** The trainer's device time when the queue was uploaded. */
  deviceUploadedAt: Date;
  /** The server's time when the upload arrived. */
  serverNow: Date;
}

/**
 * R6.4: an offline scan is judged at its recorded time, if uploaded within 72 hours; a device
 * clock more than 5 minutes from the server's is flagged (the scan is kept, an official can look).
 */
export function offlineUploadCheck(u: OfflineUpload): { refusal: 'UPLOAD_TOO_LATE' | null; skewMs: number; skewFlagged: boolean } {
  const skewMs = u.deviceUploadedAt.getTime() - u.serverNow.getTime();
  const late = u.serverNow.getTime() - u.deviceScannedAt.getTime() > OFFLINE_UPLOAD_LIMIT_MS;
  return { refusal: late ? 'UPLOAD_TOO_LATE' : null, skewMs, skewFlagged: Math.abs(skewMs) > CLOCK_SKEW_FLAG_MS };
}

/**
 * R6.2: the session that decides a scan at `at`: the one whose window (30 minutes before its
 * start to its end) holds `at`; else the next one to open (the scan is early); else the last
 * one (it has ended). `scanRefusal` with that session gives the answer.
 */
export function sessionAt(sessions: readonly SessionTimes[], at: Date): number {
  let next = -1;
  let nextOpens = Infinity;
  for (let i = 0; i < sessions.length; i++) {
    const w = sessionWindow(sessions[i]);
    if (at >= w.opensAt && at <= w.endsAt) return i;
    if (at < w.opensAt && w.opensAt.getTime() < nextOpens) {
      next = i;
      nextOpens = w.opensAt.getTime();
    }
  }
  if (next >= 0) return next;
  let last = 0;
  for (let i = 1; i < sessions.length; i++) {
    if (sessionWindow(sessions[i]).endsAt > sessionWindow(sessions[last]).endsAt) last = i;
  }
  return last;
}

/**
 * R13.2 the typed fallback: 8 digits the laborer's screen shows in large type, from the same
 * secret and 30-second step as the QR (so as hard to forge: 10^8 guesses a step, the trainer's
 * class only). The trainer types them; the server finds whose they are among the class.
 */
export function shortCode(secret: Uint8Array, personRef: string, at: Date): string {
  return shortCodeOfStep(secret, personRef, stepAt(at));
}

function shortCodeOfStep(secret: Uint8Array, personRef: string, step: number): string {
  const mac = hmac(sha256, secret, asciiBytes(`${VERSION}-SHORT|${personRef}|${step}`));
  const n = ((mac[0] << 24) | (mac[1] << 16) | (mac[2] << 8) | mac[3]) >>> 0;
  return String(n % 100_000_000).padStart(8, '0');
}

/** The typed digits match this person's code of the scan's step or the one before. */
export function shortCodeMatches(digits: string, secret: Uint8Array, personRef: string, scannedAt: Date): boolean {
  const step = stepAt(scannedAt);
  return [step, step - 1].some((s) => sameMac(digits, shortCodeOfStep(secret, personRef, s)));
}

/** R13.2 a printed check-in card: `CZTK1.<card id>`, static until revoked and re-issued. */
export const CARD_PREFIX = 'CZTK1';

export const cardCode = (cardId: string): string => `${CARD_PREFIX}.${cardId}`;

/** The card id of a scanned printed card, or null when it is not one. */
export function parseCardCode(text: string): string | null {
  const m = /^CZTK1\.([23456789ABCDEFGHJKMNPQRSTUVWXYZ]{16})$/.exec(text.trim());
  return m ? m[1] : null;
}

/** How a person was checked in (R6, R13.2): their phone's code (scanned or typed), a printed card, or the trainer's mark. */
export type CheckInMethod = 'phone' | 'card' | 'manual';

/** R13.2: a class whose card and manual check-ins pass this share is flagged to officials. */
export const FLAGGED_SHARE = 0.2;

/** The share of card and manual check-ins among a class's, and whether it is flagged. */
export function checkInShare(counts: { total: number; card: number; manual: number }): { share: number; flagged: boolean } {
  const share = counts.total === 0 ? 0 : (counts.card + counts.manual) / counts.total;
  return { share, flagged: share > FLAGGED_SHARE };
}

import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import {
  attendanceCode,
  checkAttendanceCode,
  offlineUploadCheck,
  parseAttendanceCode,
  scanRefusal,
  secondsLeftInStep,
  sessionAt,
  sessionWindow,
  stepAt,
} from '../../../cloudfunctions/core/attendance';
import { ERROR_MESSAGES } from '../../../cloudfunctions/core/errors';

const secret = new Uint8Array(32).map((_, i) => i + 1);
const otherSecret = new Uint8Array(32).map((_, i) => 200 - i);
const T = new Date('2026-11-23T01:00:10.000Z'); // 09:00:10 China time
const at = (offsetSeconds: number) => new Date(T.getTime() + offsetSeconds * 1000);
const parsed = (code: string) => parseAttendanceCode(code)!;

describe('R6.1 dynamic attendance code', () => {
  it('R6.1 is person reference + 30-second step + HMAC-SHA-256 (matching node:crypto)', () => {
    const code = attendanceCode(secret, 'ref123', T);
    const [version, ref, step, mac] = code.split('.');
    expect([version, ref, Number(step)]).toEqual(['CZT1', 'ref123', Math.floor(T.getTime() / 30_000)]);
    const expected = createHmac('sha256', Buffer.from(secret)).update(`CZT1|ref123|${step}`).digest().subarray(0, 16).toString('base64url');
    expect(mac).toBe(expected);
  });

  it('R6.1 is valid for its step and the one before only', () => {
    const code = parsed(attendanceCode(secret, 'ref123', T));
    const stepStart = stepAt(T) * 30 - T.getTime() / 1000; // seconds from T back to the step's start
    expect(checkAttendanceCode(code, secret, T)).toBe('ok');
    expect(checkAttendanceCode(code, secret, at(stepStart + 30))).toBe('ok'); // next step
    expect(checkAttendanceCode(code, secret, at(stepStart + 59.9))).toBe('ok');
    expect(checkAttendanceCode(code, secret, at(stepStart + 60))).toBe('CODE_EXPIRED'); // two steps on
    expect(checkAttendanceCode(code, secret, at(stepStart - 0.1))).toBe('CODE_EXPIRED'); // from the future
  });

  it('R6.1 a forged MAC, another secret, or another person\'s reference is refused as forged', () => {
    const code = parsed(attendanceCode(secret, 'ref123', T));
    expect(checkAttendanceCode({ ...code, mac: `${code.mac.slice(0, -1)}${code.mac.endsWith('A') ? 'B' : 'A'}` }, secret, T)).toBe('CODE_FORGED');
    expect(checkAttendanceCode(code, otherSecret, T)).toBe('CODE_FORGED');
    expect(checkAttendanceCode({ ...code, personRef: 'ref999' }, secret, T)).toBe('CODE_FORGED');
    expect(checkAttendanceCode({ ...code, step: code.step + 1 }, secret, at(30))).toBe('CODE_FORGED');
  });

  it('R6.1 any code round-trips through the QR text and verifies at its own time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_600_000_000_000, max: 2_000_000_000_000 }), fc.stringMatching(/^[A-Za-z0-9_-]{4,20}$/), (ms, ref) => {
        const when = new Date(ms);
        const text = attendanceCode(secret, ref, when);
        expect(checkAttendanceCode(parsed(text), secret, when)).toBe('ok');
      }),
      { numRuns: 200 },
    );
  });

  it('refuses text that is not one of our codes', () => {
    expect(parseAttendanceCode('https://example.com')).toBeNull();
    expect(parseAttendanceCode('CZT1.ref.12.short')).toBeNull();
  });

  it('counts down to the next code', () => {
    expect(secondsLeftInStep(new Date(Date.UTC(2026, 0, 1, 0, 0, 0)))).toBe(30);
    expect(secondsLeftInStep(new Date(Date.UTC(2026, 0, 1, 0, 0, 29)))).toBe(1);
  });
});

describe('R6.2 what a scan must pass', () => {
  const session = { date: '2026-11-23', start: '09:00', end: '11:30' };
  const ok = { code: 'ok' as const, trainerTeachesClass: true, enrolledInClass: true, enrolledElsewhere: false, session, scannedAt: T };

  it('R6.2 accepts a valid code of an enrolled person, scanned by the class\'s trainer, in the window', () => {
    expect(scanRefusal(ok)).toBeNull();
  });

  it('R6.2 the window opens 30 minutes before the start (China time) and closes at the end', () => {
    const w = sessionWindow(session);
    expect(w.startsAt.toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(w.opensAt.toISOString()).toBe('2026-11-23T00:30:00.000Z');
    expect(w.endsAt.toISOString()).toBe('2026-11-23T03:30:00.000Z');
    expect(scanRefusal({ ...ok, scannedAt: new Date('2026-11-23T00:30:00.000Z') })).toBeNull();
    expect(scanRefusal({ ...ok, scannedAt: new Date('2026-11-23T00:29:59.000Z') })).toBe('SCAN_TOO_EARLY');
    expect(scanRefusal({ ...ok, scannedAt: new Date('2026-11-23T03:30:00.000Z') })).toBeNull();
    expect(scanRefusal({ ...ok, scannedAt: new Date('2026-11-23T03:30:01.000Z') })).toBe('SESSION_ENDED');
  });

  it('R6.2 each refusal has its own code and Chinese message', () => {
    const refusals = [
      scanRefusal({ ...ok, code: 'CODE_FORGED' }),
      scanRefusal({ ...ok, code: 'CODE_EXPIRED' }),
      scanRefusal({ ...ok, trainerTeachesClass: false }),
      scanRefusal({ ...ok, enrolledInClass: false, enrolledElsewhere: true }),
      scanRefusal({ ...ok, enrolledInClass: false }),
      scanRefusal({ ...ok, scannedAt: new Date('2026-11-22T23:00:00Z') }),
      scanRefusal({ ...ok, scannedAt: new Date('2026-11-23T05:00:00Z') }),
    ];
    expect(refusals).toEqual([
      'CODE_FORGED',
      'CODE_EXPIRED',
      'NOT_YOUR_CLASS',
      'ENROLLED_ELSEWHERE',
      'NOT_ENROLLED',
      'SCAN_TOO_EARLY',
      'SESSION_ENDED',
    ]);
    const messages = refusals.map((r) => ERROR_MESSAGES[r!]);
    expect(new Set(messages).size).toBe(refusals.length);
    for (const m of messages) expect(m).toMatch(/[\u4e00-\u9fa5]/);
    expect(ERROR_MESSAGES.ALREADY_CHECKED_IN).toBe('已签到');
  });
});

describe('R6.2 which session decides a scan', () => {
  const sessions = [
    { date: '2026-11-23', start: '09:00', end: '11:30' },
    { date: '2026-11-24', start: '09:00', end: '11:30' },
  ];
  const decide = (iso: string) => {
    const at = new Date(iso);
    const i = sessionAt(sessions, at);
    return { i, refusal: scanRefusal({ code: 'ok', trainerTeachesClass: true, enrolledInClass: true, enrolledElsewhere: false, session: sessions[i], scannedAt: at }) };
  };

  it('R6.2 picks the session whose window holds the scan', () => {
    expect(decide('2026-11-24T00:45:00Z')).toEqual({ i: 1, refusal: null }); // 08:45 China on the 24th
  });

  it('R6.2 between two sessions the scan is early for the next one, not ended for the last', () => {
    expect(decide('2026-11-23T08:00:00Z')).toEqual({ i: 1, refusal: 'SCAN_TOO_EARLY' }); // 16:00 China on the 23rd
  });

  it('R6.2 before the first session it is early; after the last it has ended', () => {
    expect(decide('2026-11-22T08:00:00Z')).toEqual({ i: 0, refusal: 'SCAN_TOO_EARLY' });
    expect(decide('2026-11-25T08:00:00Z')).toEqual({ i: 1, refusal: 'SESSION_ENDED' });
  });
});

describe('R6.4 offline scans', () => {
  const scanned = new Date('2026-11-20T01:00:00Z');

  it('R6.4 are judged if uploaded within 72 hours, refused after', () => {
    const just = new Date(scanned.getTime() + 72 * 3_600_000);
    expect(offlineUploadCheck({ deviceScannedAt: scanned, deviceUploadedAt: just, serverNow: just }).refusal).toBeNull();
    const late = new Date(just.getTime() + 1000);
    expect(offlineUploadCheck({ deviceScannedAt: scanned, deviceUploadedAt: late, serverNow: late }).refusal).toBe('UPLOAD_TOO_LATE');
  });

  it('R6.4 flag a device clock more than 5 minutes from the server’s', () => {
    const server = new Date('2026-11-21T01:00:00Z');
    const ahead = (ms: number) => offlineUploadCheck({ deviceScannedAt: scanned, deviceUploadedAt: new Date(server.getTime() + ms), serverNow: server });
    expect(ahead(5 * 60_000)).toMatchObject({ skewFlagged: false, skewMs: 300_000 });
    expect(ahead(5 * 60_000 + 1)).toMatchObject({ skewFlagged: true });
    expect(ahead(-6 * 60_000)).toMatchObject({ skewFlagged: true, skewMs: -360_000 });
  });
});

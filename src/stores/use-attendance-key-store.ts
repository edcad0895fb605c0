/**
 * R6.1 What the phone needs to show attendance codes with no network: the person's code
 * reference and secret (`training.attendanceKey`), the offset between the server's clock and the
 * phone's, and the classes the person is enrolled in (to name today's class). All of it is kept
 * in Taro storage, so the code page works offline after one online visit.
 */
import { create, type StateCreator } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { EnrollmentView, SessionTimes } from '../../cloudfunctions/contract';
import { attendanceCode, shortCode } from '../../cloudfunctions/core/attendance';
import { toUint8Array } from 'js-base64';
import { actingForNow } from '../api/acting';
import { type ApiError, call, toApiError } from '../api/client';
import { type LoadStatus, sharedRequest } from './loading';
import { useSessionStore } from './use-session-store';
import { taroStorage } from './taro-storage';

export interface StoredKey {
  personRef: string;
  /** base64 of 32 bytes, as the server hands it out. */
  secret: string;
}

/** An enrolled class, as much as the code page shows of it. */
export interface ScheduledClass {
  classId: string;
  name: string;
  institutionName: string;
  sessions: SessionTimes[];
}


export interface AttendanceKeyState {
  key: StoredKey | null;
  /** Whose key it is, when known: another person signing in on this phone must not see it. */
  personId: string | null;
  /** Server time − phone time, in ms, measured at the last fetch. */
  offsetMs: number;
  /** Enrolled classes at the last `training.mine`; null when never loaded on this phone. */
  schedule: ScheduledClass[] | null;
  status: LoadStatus;
  /** The last fetch's failure; the stored key is kept whatever it is. */
  error: ApiError | null;
  /** Fetches the key when none is stored; resolves at once otherwise. Never rejects. */
  ensureKey: () => Promise<void>;
  /** Fetches the key and a fresh clock offset; a failure keeps what is stored. Never rejects. */
  refresh: () => Promise<void>;
  /** Keeps the enrolled classes of a `training.mine` answer for offline use. */
  rememberSchedule: (enrollments: EnrollmentView[]) => void;
  /** Drops everything stored when it belongs to someone other than `personId`. */
  keepOnlyFor: (personId: string) => void;
  reset: () => void;
}

/** The phone's own clock: the one place this store reads it (corrected by `offsetMs`). */
export const phoneNow = (): number => Date.now();

/** The server's time now, as the phone best knows it. */
export const serverTimeNow = (offsetMs: number): Date => new Date(phoneNow() + offsetMs);

export const attendanceKeyStateCreator: StateCreator<AttendanceKeyState> = (set, get) => ({
  key: null,
  personId: null,
  offsetMs: 0,
  schedule: null,
  status: 'idle',
  error: null,
  // R13.1 a relative acting for an elder never fetches the elder's key, and keeps their own.
  ensureKey: () => (get().key || actingForNow() ? Promise.resolve() : get().refresh()),
  refresh: sharedRequest(() => {
    if (actingForNow()) return Promise.resolve();
    set({ status: 'loading', error: null });
    const sentAt = phoneNow();
    return call('training', 'attendanceKey', {})
      .then(({ personRef, secret, serverNow }) => {
        const receivedAt = phoneNow();
        const server = Date.parse(serverNow);
        // The server read its clock somewhere during the round trip: assume half-way.
        const offsetMs = Number.isFinite(server) ? Math.round(server - (sentAt + receivedAt) / 2) : get().offsetMs;
        const personId = useSessionStore.getState().me?.profile?.personId ?? get().personId;
        const samePerson = get().personId === null || get().personId === personId;
        set({
          key: { personRef, secret },
          personId,
          offsetMs,
          schedule: samePerson ? get().schedule : null,
          status: 'ready',
          error: null,
        });
      })
      .catch((e: unknown) => set({ status: 'error', error: toApiError(e) }));
  }),
  rememberSchedule: (enrollments) => {
    if (actingForNow()) return;
    const personId = useSessionStore.getState().me?.profile?.personId ?? get().personId;
    set({
      personId,
      schedule: enrollments
        .filter((e) => e.status === 'enrolled')
        .map((e) => ({
          classId: e.class.id,
          name: e.class.name,
          institutionName: e.class.institution.name,
          sessions: e.class.sessions,
        })),
    });
  },
  keepOnlyFor: (personId) => {
    if (actingForNow()) return;
    const stored = get().personId;
    if (stored === null) set({ personId });
    else if (stored !== personId) set({ key: null, personId, schedule: null, status: 'idle', error: null });
  },
  reset: () => set({ key: null, personId: null, offsetMs: 0, schedule: null, status: 'idle', error: null }),
});

export const useAttendanceKeyStore = create<AttendanceKeyState>()(
  persist(attendanceKeyStateCreator, {
    name: 'czt-attendance',
    version: 1,
    storage: createJSONStorage(() => taroStorage),
    partialize: (s) => ({ key: s.key, personId: s.personId, offsetMs: s.offsetMs, schedule: s.schedule }),
  }),
);

/* ---- Computing the code on the phone (R6.1; js-base64 decodes where there is no atob) ---- */

let secretCache: { secret: string; bytes: Uint8Array } | null = null;

const secretOf = (key: StoredKey): Uint8Array => {
  if (secretCache?.secret !== key.secret) secretCache = { secret: key.secret, bytes: toUint8Array(key.secret) };
  return secretCache.bytes;
};

/** The code to show at `at` (server time), computed from the stored key with no network. */
export const codeAt = (key: StoredKey, at: Date): string => attendanceCode(secretOf(key), key.personRef, at);

/** R13.2 the 8 digits for a trainer to type when the QR cannot be scanned (same secret and step). */
export const digitsAt = (key: StoredKey, at: Date): string => shortCode(secretOf(key), key.personRef, at);

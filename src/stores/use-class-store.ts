/**
 * Classes the caller can see (with what they can do with each, computed by the server) and the
 * caller's own enrollments. Pages read it through selectors; it holds no business rules: every
 * answer comes from the `training` function as is.
 */
import { create, type StateCreator } from 'zustand';
import type { ClassMode, ClassView, EnrollmentView, ListClassesInput } from '../../cloudfunctions/contract';
import { type ApiError, call, type CallOptions, toApiError } from '../api/client';
import { type LoadStatus, reloadAfterChange, sharedLoad } from './loading';
import { useAttendanceKeyStore } from './use-attendance-key-store';
import { useVoucherStore } from './use-voucher-store';

/** The list's filters as the page shows them. */
export interface ClassFilter {
  mode: ClassMode | null;
  /** 只看我能报的 (applied on the phone, see `listInputOf`) */
  eligibleOnly: boolean;
  /** 只看本乡镇: the caller's household township, or null for every place. */
  townshipCode: string | null;
}

export interface ClassState {
  /** `training.listClasses` for `filter`: soonest first (the server sorts). null until first loaded. */
  classes: ClassView[] | null;
  status: LoadStatus;
  error: ApiError | null;
  filter: ClassFilter;
  /** `training.mine`: newest first. null until first loaded. */
  mine: EnrollmentView[] | null;
  mineStatus: LoadStatus;
  mineError: ApiError | null;
  /** Fetches the classes for the current filter; the latest filter's answer wins. Never rejects. */
  loadClasses: () => Promise<void>;
  /** Changes the filter and loads the classes for it (unless the server's question is the same). Never rejects. */
  setFilter: (patch: Partial<ClassFilter>) => Promise<void>;
  /** Fetches the caller's enrollments; concurrent calls share one request. Never rejects. */
  loadMine: () => Promise<void>;
  /**
   * R5.2: enrolls in a class; with `claim` (R13, the class's `forMe.claimable`), claims that voucher
   * in the same step. Rejects with an `ApiError`. Refreshes both lists afterwards.
   */
  enroll: (classId: string, options?: CallOptions, claim?: string | null) => Promise<EnrollmentView>;
  /** R5.3: withdraws before the first session; rejects with an `ApiError`. Refreshes afterwards. */
  withdraw: (classId: string, options?: CallOptions) => Promise<EnrollmentView>;
  /**
   * R13 the classes a voucher of `type` pays for, nearest first (after a claim: 下一步, 报名); the
   * list's filter is left as it is. Rejects with an `ApiError`.
   */
  classesTaking: (type: string) => Promise<ClassView[]>;
  /** Forgets everything (another person signed in). */
  reset: () => void;
}

export const NO_FILTER: ClassFilter = { mode: null, eligibleOnly: false, townshipCode: null };

/**
 * What the server is asked for a filter. 只看我能报的 is applied by the page (`takeable`): the
 * server's `eligibleOnly` leaves out the classes one can join by claiming their voucher on the
 * way (R13), which are exactly the ones a newcomer can take.
 */
export function listInputOf(f: ClassFilter): ListClassesInput {
  return {
    ...(f.mode ? { mode: f.mode } : {}),
    ...(f.townshipCode ? { townshipCode: f.townshipCode } : {}),
  };
}

let classesInFlight: { input: string; promise: Promise<void> } | null = null;
let classesSeq = 0;

const INITIAL = { classes: null, status: 'idle', error: null, filter: NO_FILTER, mine: null, mineStatus: 'idle', mineError: null } as const;

export const classStateCreator: StateCreator<ClassState> = (set, get) => {
  const loadMine = sharedLoad<ClassState, 'mine'>(
    set,
    ['mine', 'mineStatus', 'mineError'],
    () => call('training', 'mine', {}),
    // R6.1: the code page names today's class even with no network later.
    (mine) => useAttendanceKeyStore.getState().rememberSchedule(mine),
  );
  /** After an enrollment or a withdrawal, both lists may have changed. */
  const changed = (enrollment: EnrollmentView): EnrollmentView => {
    reloadAfterChange(get().classes, classesInFlight?.promise ?? null, () => get().loadClasses());
    reloadAfterChange(get().mine, loadMine.running(), loadMine);
    return enrollment;
  };
  return {
    ...INITIAL,
    loadClasses: () => {
      const input = listInputOf(get().filter);
      const inputKey = JSON.stringify(input);
      if (classesInFlight?.input === inputKey) return classesInFlight.promise;
      const seq = ++classesSeq;
      set({ status: 'loading', error: null });
      const promise: Promise<void> = call('training', 'listClasses', input)
        .then((classes) => {
          if (seq === classesSeq) set({ classes, status: 'ready', error: null });
        })
        .catch((e: unknown) => {
          if (seq === classesSeq) set({ status: 'error', error: toApiError(e) });
        })
        .finally(() => {
          if (classesInFlight?.promise === promise) classesInFlight = null;
        });
      classesInFlight = { input: inputKey, promise };
      return promise;
    },
    setFilter: (patch) => {
      const asked = JSON.stringify(listInputOf(get().filter));
      set({ filter: { ...get().filter, ...patch } });
      return asked === JSON.stringify(listInputOf(get().filter)) && get().classes ? Promise.resolve() : get().loadClasses();
    },
    loadMine,
    enroll: async (classId, options, claim) => {
      const enrollment = changed(await call('training', 'enroll', claim ? { classId, claim } : { classId }, options));
      // A voucher was claimed or reserved: the voucher lists shown are out of date.
      const vouchers = useVoucherStore.getState();
      if (vouchers.types) void vouchers.loadTypes();
      if (vouchers.mine) void vouchers.loadMine();
      // R6.1: fetch the attendance key and the schedule now, while there is a network, so the code
      // page works offline later.
      if (!get().mine && !loadMine.running()) void loadMine();
      void useAttendanceKeyStore.getState().ensureKey();
      return enrollment;
    },
    withdraw: async (classId, options) => changed(await call('training', 'withdraw', { classId }, options)),
    classesTaking: async (type) => (await call('training', 'listClasses', {})).filter((c) => c.acceptedTypes.includes(type)),
    reset: () => set({ ...INITIAL }),
  };
};

export const useClassStore = create<ClassState>()(classStateCreator);

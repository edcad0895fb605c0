/**
 * The trainer's classes (`training.myClasses`) at the institution they are working for now (the
 * workbench, when they work for several), each class's roster (`training.roster`) and closing a
 * class (`training.closeClass`, R6.5). It holds no business rules: every answer comes from the
 * `training` function as is.
 */
import { create, type StateCreator } from 'zustand';
import type { CompletionView, RosterView, TrainerClassView } from '../../../../cloudfunctions/contract';
import { type ApiError, call, type CallOptions, toApiError } from '../../../api/client';
import { type LoadStatus, putFirst, sharedRequest } from '../../../stores/loading';

export interface TrainerState {
  /** The institution whose classes are shown (null: the trainer's only one). */
  institutionId: string | null;
  /** Switches the workbench: its classes are loaded (an answer for the one before is dropped). */
  chooseInstitution: (institutionId: string) => Promise<void>;
  /** A class as a change answered it (replaced in the list, or put first). */
  putClass: (view: TrainerClassView) => void;
  /** Newest first (the server sorts). null until first loaded. */
  classes: TrainerClassView[] | null;
  classesStatus: LoadStatus;
  classesError: ApiError | null;
  /** By class id. */
  rosters: Record<string, RosterView>;
  rosterErrors: Record<string, ApiError | null>;
  /** The outcome of closing a class here, by class id (shown after 结业). */
  completions: Record<string, CompletionView>;
  /** Fetches the classes; concurrent calls share one request. Never rejects. */
  loadClasses: () => Promise<void>;
  /**
   * Fetches a roster. Scans come quickly, so calls made while one is loading are folded into
   * one more load after it. Never rejects.
   */
  loadRoster: (classId: string) => Promise<void>;
  /** Completes the class now (R6.5); rejects with an `ApiError`. Refreshes class and roster. */
  closeClass: (classId: string, options?: CallOptions) => Promise<CompletionView>;
}

const rosterInFlight = new Map<string, Promise<void>>();
const rosterAgain = new Map<string, Promise<void>>();

export const trainerStateCreator: StateCreator<TrainerState> = (set, get) => {
  const fetchRoster = (classId: string): Promise<void> => {
    const load = call('training', 'roster', { classId })
      .then((roster) => set({ rosters: { ...get().rosters, [classId]: roster }, rosterErrors: { ...get().rosterErrors, [classId]: null } }))
      .catch((e: unknown) => set({ rosterErrors: { ...get().rosterErrors, [classId]: toApiError(e) } }))
      .finally(() => rosterInFlight.delete(classId));
    rosterInFlight.set(classId, load);
    return load;
  };

  // An answer is kept only if the workbench is still the one it was asked for.
  const loadClasses = sharedRequest(async () => {
    const institutionId = get().institutionId;
    const current = () => get().institutionId === institutionId;
    set({ classesStatus: 'loading', classesError: null });
    try {
      const classes = await call('training', 'myClasses', institutionId ? { institutionId } : {});
      if (current()) set({ classes, classesStatus: 'ready', classesError: null });
    } catch (e) {
      if (current()) set({ classesStatus: 'error', classesError: toApiError(e) });
    }
  });

  return {
    institutionId: null,
    chooseInstitution: async (institutionId) => {
      if (get().institutionId === institutionId && (get().classes || loadClasses.running())) return;
      set({ institutionId, classes: null, classesStatus: 'idle', classesError: null });
      await loadClasses.running();
      if (get().institutionId === institutionId && !get().classes) await loadClasses();
    },
    putClass: (view) => {
      const list = get().classes;
      if (list) set({ classes: putFirst(list, view, (c) => c.id) });
    },
    classes: null,
    classesStatus: 'idle',
    classesError: null,
    rosters: {},
    rosterErrors: {},
    completions: {},
    loadClasses,
    loadRoster: (classId) => {
      const running = rosterInFlight.get(classId);
      if (!running) return fetchRoster(classId);
      // A load already under way may have read the roster before the latest scan.
      let again = rosterAgain.get(classId);
      if (!again) {
        again = running.then(() => {
          rosterAgain.delete(classId);
          return fetchRoster(classId);
        });
        rosterAgain.set(classId, again);
      }
      return again;
    },
    closeClass: async (classId, options) => {
      const completion = await call('training', 'closeClass', { classId }, options);
      set({ completions: { ...get().completions, [classId]: completion } });
      void get().loadClasses();
      void get().loadRoster(classId);
      return completion;
    },
  };
};

export const useTrainerStore = create<TrainerState>()(trainerStateCreator);

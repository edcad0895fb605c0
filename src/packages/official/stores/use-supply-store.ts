/**
 * 机构与人员: what the official's supply pages show — the institutions (`institution.list`, `get`),
 * the occupation catalogue for the pickers, the projects (项目库), the staff and invitations
 * (`staff.list`, `staff.invitations`) and the classes waiting for 开班审核
 * (`training.pendingClasses`). It holds no business rules: every answer is the server's as is.
 * Changes are made by the pages (one request id per confirmation) and their answers put here.
 */
import { create, type StateCreator } from 'zustand';
import type {
  Actions,
  InstitutionView,
  InvitationView,
  ListInstitutionsInput,
  ListStaffInput,
  ProjectView,
  StaffMemberView,
  TrainerClassView,
} from '../../../../cloudfunctions/contract';
import { type ApiError, call, toApiError } from '../../../api/client';
import { type LoadStatus, latestLoad, putFirst, sharedLoad } from '../../../stores/loading';

export type Occupation = Actions['institution']['occupations']['output'][number];
export type InstitutionList = Actions['institution']['list']['output'];

export interface SupplyState {
  occupations: Occupation[] | null;
  occupationsStatus: LoadStatus;
  occupationsError: ApiError | null;
  /** The catalogue, once (later calls are answered from the store). Never rejects. */
  loadOccupations: () => Promise<void>;

  institutions: InstitutionList | null;
  institutionsStatus: LoadStatus;
  institutionsError: ApiError | null;
  /** The latest filter's answer wins. Never rejects. */
  loadInstitutions: (input: ListInstitutionsInput) => Promise<void>;

  /** Institutions opened, by id. */
  institution: Record<string, InstitutionView>;
  institutionErrors: Record<string, ApiError | null>;
  loadInstitution: (institutionId: string) => Promise<void>;
  /** An institution as a change answered it (also replaced in the list shown). */
  putInstitution: (view: InstitutionView) => void;

  /** The staff of one institution, by id, or of the caller's region under `''`. */
  staff: Record<string, StaffMemberView[]>;
  staffErrors: Record<string, ApiError | null>;
  loadStaff: (input: ListStaffInput) => Promise<void>;
  dropStaff: (bindingId: string) => void;

  invitations: InvitationView[] | null;
  invitationsStatus: LoadStatus;
  invitationsError: ApiError | null;
  loadInvitations: () => Promise<void>;
  putInvitation: (invitation: InvitationView) => void;

  pending: TrainerClassView[] | null;
  pendingStatus: LoadStatus;
  pendingError: ApiError | null;
  loadPending: () => Promise<void>;
  /** A class reviewed: out of the queue. */
  dropPending: (classId: string) => void;

  projects: ProjectView[] | null;
  projectsStatus: LoadStatus;
  projectsError: ApiError | null;
  loadProjects: () => Promise<void>;
  putProject: (project: ProjectView) => void;
}

/** The key a staff list is kept under. */
export const staffKey = (input: ListStaffInput): string => input.institutionId ?? input.regionCode ?? '';

export const supplyStateCreator: StateCreator<SupplyState> = (set, get) => {
  const occupations = sharedLoad<SupplyState, 'occupations'>(set, ['occupations', 'occupationsStatus', 'occupationsError'], () => call('institution', 'occupations', {}));
  return {
    occupations: null,
    occupationsStatus: 'idle',
    occupationsError: null,
    loadOccupations: () => (get().occupations ? Promise.resolve() : occupations()),

    institutions: null,
    institutionsStatus: 'idle',
    institutionsError: null,
    loadInstitutions: latestLoad(set, ['institutions', 'institutionsStatus', 'institutionsError'], (input: ListInstitutionsInput) => call('institution', 'list', input)),

    institution: {},
    institutionErrors: {},
    loadInstitution: async (institutionId) => {
      try {
        get().putInstitution(await call('institution', 'get', { institutionId }));
        set({ institutionErrors: { ...get().institutionErrors, [institutionId]: null } });
      } catch (e) {
        set({ institutionErrors: { ...get().institutionErrors, [institutionId]: toApiError(e) } });
      }
    },
    putInstitution: (view) => {
      const list = get().institutions;
      set({
        institution: { ...get().institution, [view.id]: view },
        ...(list ? { institutions: { ...list, items: list.items.map((i) => (i.id === view.id ? view : i)) } } : {}),
      });
    },

    staff: {},
    staffErrors: {},
    loadStaff: async (input) => {
      const key = staffKey(input);
      try {
        const members = await call('staff', 'list', input);
        set({ staff: { ...get().staff, [key]: members }, staffErrors: { ...get().staffErrors, [key]: null } });
      } catch (e) {
        set({ staffErrors: { ...get().staffErrors, [key]: toApiError(e) } });
      }
    },
    dropStaff: (bindingId) => {
      const staff = Object.fromEntries(Object.entries(get().staff).map(([k, list]) => [k, list.filter((m) => m.bindingId !== bindingId)]));
      set({ staff });
    },

    invitations: null,
    invitationsStatus: 'idle',
    invitationsError: null,
    loadInvitations: sharedLoad<SupplyState, 'invitations'>(set, ['invitations', 'invitationsStatus', 'invitationsError'], () => call('staff', 'invitations', {})),
    putInvitation: (invitation) => set({ invitations: putFirst(get().invitations, invitation, (i) => i.code) }),

    pending: null,
    pendingStatus: 'idle',
    pendingError: null,
    loadPending: sharedLoad<SupplyState, 'pending'>(set, ['pending', 'pendingStatus', 'pendingError'], () => call('training', 'pendingClasses', {})),
    dropPending: (classId) => set({ pending: (get().pending ?? []).filter((c) => c.id !== classId) }),

    projects: null,
    projectsStatus: 'idle',
    projectsError: null,
    loadProjects: sharedLoad<SupplyState, 'projects'>(set, ['projects', 'projectsStatus', 'projectsError'], () => call('institution', 'projects', {})),
    putProject: (project) => set({ projects: putFirst(get().projects, project, (p) => p.id) }),
  };
};

export const useSupplyStore = create<SupplyState>()(supplyStateCreator);

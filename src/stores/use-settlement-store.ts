/**
 * 补贴申领与审核 (R12.1): what the trainer's and the official's settlement pages show — the
 * institution's entries waiting to be applied for (`settlement.entries`), the applications
 * (`settlement.applications`) and one application opened with its entries (`settlement.application`).
 * No rules here: the pages send the changes (one request id per confirmation) and put the answers.
 */
import { create } from 'zustand';
import type { ApplicationView, SubsidyEntryView } from '../../cloudfunctions/contract';
import { type ApiError, call, toApiError } from '../api/client';
import { type LoadStatus, latestLoad } from './loading';

export interface SettlementState {
  entries: SubsidyEntryView[] | null;
  entriesStatus: LoadStatus;
  entriesError: ApiError | null;
  /** The workbench's institution (a trainer at several says which). */
  loadEntries: (institutionId?: string) => Promise<void>;

  applications: ApplicationView[] | null;
  applicationsStatus: LoadStatus;
  applicationsError: ApiError | null;
  loadApplications: (institutionId?: string) => Promise<void>;

  /** Applications opened, by id. */
  application: Record<string, ApplicationView>;
  applicationErrors: Record<string, ApiError | null>;
  loadApplication: (applicationId: string) => Promise<void>;
  /** An application as a change answered it (also replaced in the list). */
  putApplication: (view: ApplicationView) => void;
}

export const useSettlementStore = create<SettlementState>()((set, get) => ({
  entries: null,
  entriesStatus: 'idle',
  entriesError: null,
  loadEntries: latestLoad<SettlementState, 'entries', string | undefined>(set, ['entries', 'entriesStatus', 'entriesError'], (institutionId) =>
    call('settlement', 'entries', institutionId ? { institutionId } : {}),
  ),

  applications: null,
  applicationsStatus: 'idle',
  applicationsError: null,
  loadApplications: latestLoad<SettlementState, 'applications', string | undefined>(set, ['applications', 'applicationsStatus', 'applicationsError'], (institutionId) =>
    call('settlement', 'applications', institutionId ? { institutionId } : {}),
  ),

  application: {},
  applicationErrors: {},
  loadApplication: async (applicationId) => {
    try {
      const view = await call('settlement', 'application', { applicationId });
      set({ application: { ...get().application, [applicationId]: view }, applicationErrors: { ...get().applicationErrors, [applicationId]: null } });
    } catch (e) {
      set({ applicationErrors: { ...get().applicationErrors, [applicationId]: toApiError(e) } });
    }
  },
  putApplication: (view) => {
    const { entries: _entries, payments: _payments, ...summary } = view;
    set({
      application: { ...get().application, [view.id]: view },
      applications: get().applications?.map((a) => (a.id === view.id ? summary : a)) ?? null,
    });
  },
}));

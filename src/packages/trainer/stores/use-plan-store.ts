/**
 * What the trainer's 开班 form and 评价 screen need (R11.3, R7.1): the institution as the county
 * keeps it (`institution.get`: what it may train and assess), the voucher types
 * (`voucher.catalogue`), the projects it may use (`institution.projects`), the townships of its
 * county (`account.regions`) and a class as planned (`training.classDetail`). Answers as given;
 * each kept by its key with the last failure beside it.
 */
import { create, type StateCreator } from 'zustand';
import type { InstitutionView, ProjectView, Region, TrainerClassView, VoucherCatalogueItem } from '../../../../cloudfunctions/contract';
import { type ApiError, call, toApiError } from '../../../api/client';

/** Answers by key, failures by key. */
export interface Keyed<T> {
  values: Record<string, T>;
  errors: Record<string, ApiError | null>;
}

const EMPTY = { values: {}, errors: {} };

export interface PlanState {
  institutions: Keyed<InstitutionView>;
  projects: Keyed<ProjectView[]>;
  townships: Keyed<Region[]>;
  classes: Keyed<TrainerClassView>;
  /** Under `''`: there is one list. */
  voucherTypes: Keyed<VoucherCatalogueItem[]>;
  loadInstitution: (institutionId: string) => Promise<void>;
  loadProjects: (institutionId: string) => Promise<void>;
  loadTownships: (countyCode: string) => Promise<void>;
  loadClass: (classId: string) => Promise<void>;
  loadVoucherTypes: () => Promise<void>;
  putClass: (view: TrainerClassView) => void;
}

type KeyedName = 'institutions' | 'projects' | 'townships' | 'classes' | 'voucherTypes';

export const planStateCreator: StateCreator<PlanState> = (set, get) => {
  /** Asks, and keeps the answer (or the failure) under `key`. Never rejects. */
  async function keep<K extends KeyedName>(name: K, key: string, ask: () => Promise<PlanState[K]['values'][string]>): Promise<void> {
    try {
      const value = await ask();
      const now = get()[name];
      set({ [name]: { values: { ...now.values, [key]: value }, errors: { ...now.errors, [key]: null } } } as Partial<PlanState>);
    } catch (e) {
      const now = get()[name];
      set({ [name]: { ...now, errors: { ...now.errors, [key]: toApiError(e) } } } as Partial<PlanState>);
    }
  }
  return {
    institutions: EMPTY,
    projects: EMPTY,
    townships: EMPTY,
    classes: EMPTY,
    voucherTypes: EMPTY,
    loadInstitution: (institutionId) => keep('institutions', institutionId, () => call('institution', 'get', { institutionId })),
    loadProjects: (institutionId) => keep('projects', institutionId, () => call('institution', 'projects', { institutionId })),
    loadTownships: (countyCode) => keep('townships', countyCode, () => call('account', 'regions', { parent: countyCode })),
    loadClass: (classId) => keep('classes', classId, () => call('training', 'classDetail', { classId })),
    loadVoucherTypes: () => (get().voucherTypes.values[''] ? Promise.resolve() : keep('voucherTypes', '', () => call('voucher', 'catalogue', {}))),
    putClass: (view) => {
      const now = get().classes;
      set({ classes: { values: { ...now.values, [view.id]: view }, errors: { ...now.errors, [view.id]: null } } });
    },
  };
};

export const usePlanStore = create<PlanState>()(planStateCreator);

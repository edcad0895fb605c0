/**
 * institution: the libraries a county keeps (R11.1) — institutions (机构库), their evaluation
 * registrations (评价库) and training projects (项目库).
 */
import type { Band } from '../core/age';
import type { AssessRegistration, InstitutionKind, InstitutionStatus, TrainPermission } from '../core/institutions';
import type { PlaceRef } from './common';

export type { InstitutionKind, InstitutionStatus, TrainPermission, AssessRegistration } from '../core/institutions';

export interface InstitutionInput {
  name: string;
  /** 统一社会信用代码 (GB 32100-2015). */
  creditCode: string;
  kind: InstitutionKind;
  /** The county it belongs to; the township it sits in (inside that county). */
  countyCode: string;
  townshipCode: string;
  address: string;
  contactName: string;
  contactPhone: string;
  /** What it may train (R11.3). */
  trains: TrainPermission[];
}

/** Changing an institution: any of its fields but the county (a move is a new institution). */
export type InstitutionChange = { institutionId: string } & Partial<Omit<InstitutionInput, 'countyCode'>>;

export interface RegistrationInput {
  institutionId: string;
  occupationCode: string;
  levels: number[];
  registrationNo: string;
  validFrom: string;
  validUntil: string;
}

export interface InstitutionView {
  id: string;
  name: string;
  creditCode: string;
  kind: InstitutionKind;
  kindName: string;
  county: PlaceRef;
  township: PlaceRef;
  address: string;
  contactName: string;
  contactPhone: string;
  trains: (TrainPermission & { occupationName: string; levelsText: string })[];
  registrations: (AssessRegistration & { occupationName: string; levelsText: string; inForce: boolean })[];
  /** 评价机构: at least one registration in force today. */
  evaluationBody: boolean;
  status: InstitutionStatus;
  statusName: string;
  statusReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ListInstitutionsInput {
  /** A region inside the caller's; theirs when omitted. */
  regionCode?: string;
  status?: InstitutionStatus;
  /** Only registered evaluation bodies in force (评价库). */
  evaluationBodies?: boolean;
  /** Part of the name or the credit code. */
  query?: string;
}

export interface ProjectInput {
  /** 吕梁山护工, 岚县土豆宴厨师 … */
  name: string;
  /** The region that runs it (county or above, inside the caller's). */
  regionCode: string;
  occupationCodes: string[];
  bands: Band[];
  year: number;
  /** Trainees the project aims at in `year`. */
  targetTrainees: number;
  /** 劳务品牌 it trains for, when it has one. */
  brand?: string;
}

export type ProjectChange = { projectId: string } & Partial<Omit<ProjectInput, 'regionCode' | 'year'>>;

export interface ProjectView {
  id: string;
  name: string;
  region: PlaceRef;
  occupations: { code: string; name: string }[];
  bands: Band[];
  year: number;
  targetTrainees: number;
  brand: string | null;
  /** Trainees enrolled in its classes this year, from counters. */
  trainees: number;
  active: boolean;
  createdAt: string;
}

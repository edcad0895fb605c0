/**
 * The institution context's documents (R11.1): institutions with what they may train and their
 * evaluation registrations, the credit-code index, training projects.
 */
import type { ProjectInput } from '../../contract';
import type { AssessRegistration, InstitutionKind, InstitutionStatus, TrainPermission } from '../../core/institutions';
import type { Place } from '../kernel/place';

export type InstitutionDoc = Place & {
  _id: string;
  name: string;
  /** GB 32100-2015, normalised; unique through `creditCodes/{code}`. */
  creditCode: string;
  kind: InstitutionKind;
  townshipCode: string;
  address: string;
  contactName: string;
  contactPhone: string;
  /** R11.3 what it may train. */
  trains: TrainPermission[];
  /** R1.3 what it is registered to assess (评价库), each with its number and validity. */
  registrations: AssessRegistration[];
  status: InstitutionStatus;
  statusReason: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
};

/** id = the credit code: one institution per code. */
export type CreditCodeDoc = { _id: string; institutionId: string };

/** A training project: what its creator gave (contract's ProjectInput), its brand or null, and its state. */
export type ProjectDoc = Place & Omit<ProjectInput, 'brand'> & {
  _id: string;
  brand: string | null;
  active: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
};

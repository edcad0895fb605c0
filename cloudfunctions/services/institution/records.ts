/**
 * How the institution context's documents and ledger changes are built (R11.1, R9.1). The use
 * cases and the dataset generator build through these.
 */
import type { AssessRegistration } from '../../core/institutions';
import type { Change } from '../books/changes';
import type { Actor } from '../books/ledger';
import { type Place, placeOf } from '../kernel/place';
import { idFromKey } from '../kernel/requests';
import type { InstitutionDoc, ProjectDoc } from './documents';

/** Ids made from the request that created the record: a retried create finds its own record. */
const idOf = (prefix: string, requestKey: string): string => idFromKey(prefix, requestKey, 20);
export const institutionIdOf = (requestKey: string): string => idOf('i', requestKey);
export const projectIdOf = (requestKey: string): string => idOf('p', requestKey);
export const registrationIdOf = (requestKey: string): string => idOf('r', requestKey);

/** What a new institution is made of: its document's fields as entered, with the place and time as values. */
export type InstitutionFacts = Pick<InstitutionDoc, 'name' | 'creditCode' | 'kind' | 'townshipCode' | 'address' | 'contactName' | 'contactPhone' | 'trains' | 'createdBy'> & {
  id: string;
  place: Place;
  registrations?: AssessRegistration[];
  at: Date;
};

export const newInstitution = (f: InstitutionFacts): InstitutionDoc => ({
  _id: f.id,
  ...placeOf(f.place),
  name: f.name,
  creditCode: f.creditCode,
  kind: f.kind,
  townshipCode: f.townshipCode,
  address: f.address,
  contactName: f.contactName,
  contactPhone: f.contactPhone,
  trains: f.trains,
  registrations: f.registrations ?? [],
  status: 'active',
  statusReason: null,
  createdBy: f.createdBy,
  createdAt: f.at.toISOString(),
  updatedAt: f.at.toISOString(),
});

type InstitutionEvent = 'institution.created' | 'institution.updated' | 'institution.suspended' | 'institution.reactivated' | 'registration.added' | 'registration.ended';

/** R9.1 a change of an institution, on its county's chain; `data` names what changed. */
export const institutionChange = (i: InstitutionDoc, type: InstitutionEvent, at: Date, actor: Actor, data: Record<string, unknown>): Change => ({
  place: placeOf(i),
  at,
  type,
  subjects: { institutionId: i._id },
  actor,
  data: { name: i.name, ...data },
  counters: [],
});

export interface ProjectFacts {
  id: string;
  place: Place;
  regionCode: string;
  name: string;
  occupationCodes: string[];
  bands: ProjectDoc['bands'];
  year: number;
  targetTrainees: number;
  brand: string | null;
  createdBy: string;
  at: Date;
}

export const newProject = (f: ProjectFacts): ProjectDoc => ({
  _id: f.id,
  ...placeOf(f.place),
  name: f.name,
  regionCode: f.regionCode,
  occupationCodes: f.occupationCodes,
  bands: f.bands,
  year: f.year,
  targetTrainees: f.targetTrainees,
  brand: f.brand,
  active: true,
  createdBy: f.createdBy,
  createdAt: f.at.toISOString(),
  updatedAt: f.at.toISOString(),
});

/** R9.1 a project created or changed, on its region's chain (D27). */
export const projectChange = (p: ProjectDoc, type: 'project.created' | 'project.updated', at: Date, actor: Actor, data: Record<string, unknown>): Change => ({
  place: placeOf(p),
  at,
  type,
  subjects: { projectId: p._id },
  actor,
  data: { name: p.name, ...data },
  counters: [],
});

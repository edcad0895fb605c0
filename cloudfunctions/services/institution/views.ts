/**
 * What officials and trainers see of an institution (R11.1): names for codes, levels as text,
 * which registrations are in force today.
 */
import type { InstitutionView, ProjectView } from '../../contract';
import { chinaToday } from '../../core/china-date';
import { INSTITUTION_KIND_NAMES, INSTITUTION_STATUS_NAMES, levelsText, registrationsInForce } from '../../core/institutions';
import { type OccupationDoc, listOccupations } from '../catalogue';
import type { Deps } from '../kernel/deps';
import type { InstitutionDoc, ProjectDoc } from './documents';

/** Occupation names by code, read once per request. */
export async function occupationNames(deps: Deps): Promise<Map<string, string>> {
  return new Map((await listOccupations(deps.store)).map((o: OccupationDoc) => [o.code, o.name]));
}

export function institutionView(deps: Deps, i: InstitutionDoc, names: Map<string, string>): InstitutionView {
  const today = chinaToday(deps.clock.now());
  const inForce = new Set(registrationsInForce(i.registrations, today).map((r) => r.id));
  const name = (code: string) => names.get(code) ?? code;
  return {
    id: i._id,
    name: i.name,
    creditCode: i.creditCode,
    kind: i.kind,
    kindName: INSTITUTION_KIND_NAMES[i.kind],
    county: deps.regions.ref(i.countyCode),
    township: deps.regions.ref(i.townshipCode),
    address: i.address,
    contactName: i.contactName,
    contactPhone: i.contactPhone,
    trains: i.trains.map((t) => ({ ...t, occupationName: name(t.occupationCode), levelsText: levelsText(t.levels) })),
    registrations: i.registrations.map((r) => ({ ...r, occupationName: name(r.occupationCode), levelsText: levelsText(r.levels), inForce: inForce.has(r.id) })),
    evaluationBody: inForce.size > 0,
    status: i.status,
    statusName: INSTITUTION_STATUS_NAMES[i.status],
    statusReason: i.statusReason,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
  };
}

export function projectView(deps: Deps, p: ProjectDoc, names: Map<string, string>, trainees: number): ProjectView {
  return {
    id: p._id,
    name: p.name,
    region: deps.regions.ref(p.regionCode),
    occupations: p.occupationCodes.map((code) => ({ code, name: names.get(code) ?? code })),
    bands: p.bands,
    year: p.year,
    targetTrainees: p.targetTrainees,
    brand: p.brand,
    trainees,
    active: p.active,
    createdAt: p.createdAt,
  };
}

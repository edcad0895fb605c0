/**
 * R11.1 the institution library (机构库): officials of the county an institution belongs to, or
 * of a region above it, add it, change it, suspend and reactivate it; every change ledgered.
 */
import type { InstitutionChange, InstitutionInput, InstitutionView, ListInstitutionsInput } from '../../contract';
import { chinaToday } from '../../core/china-date';
import { DomainError } from '../../core/errors';
import { registrationsInForce } from '../../core/institutions';
import { reasonProblem } from '../../core/class-plans';
import { type Tx, isStoreError } from '../../store/port';
import { scan } from '../../store/scan';
import { recordChange } from '../books/changes';
import type { Actor } from '../books/ledger';
import { requireOfficialOf, seesInstitutionRecord, statisticalRegion } from '../kernel/authz';
import { requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { countyPlace, inRegion } from '../kernel/place';
import { requestKey } from '../kernel/requests';
import { checkTownship, checkedFields, checkedPermissions } from './checks';
import type { CreditCodeDoc, InstitutionDoc } from './documents';
import { institutionChange, institutionIdOf, newInstitution } from './records';
import { institutionView, occupationNames } from './views';

/** The institution, or INSTITUTION_NOT_FOUND. */
export async function institutionIn(reader: Pick<Tx, 'get'>, id: string): Promise<InstitutionDoc> {
  const i = await reader.get<InstitutionDoc>('institutions', id);
  if (!i) throw new DomainError('INSTITUTION_NOT_FOUND');
  return i;
}

/** The official acting on an institution: their binding must contain its county (R11.1). */
export async function officialActor(deps: Deps, caller: Caller, countyCode: string): Promise<Actor> {
  const binding = await requireOfficialOf(deps, caller, countyCode);
  return { openid: requireOpenid(caller), role: binding.role === 'admin' ? 'admin' : 'official' };
}

export async function createInstitution(deps: Deps, caller: Caller, input: InstitutionInput): Promise<InstitutionView> {
  const openid = requireOpenid(caller);
  const place = countyPlace(deps.regions, input.countyCode);
  const actor = await officialActor(deps, caller, place.countyCode);
  const fields = checkedFields(input) as Required<Omit<InstitutionInput, 'countyCode' | 'townshipCode' | 'trains'>>;
  checkTownship(deps, input.townshipCode, place.countyCode);
  const trains = await checkedPermissions(deps, input.trains);
  const id = institutionIdOf(requestKey(openid, 'institution.create', caller.requestId));
  const doc = await deps.store.transaction(async (tx) => {
    // A retried request finds what it created.
    const existing = await tx.get<InstitutionDoc>('institutions', id);
    if (existing) return existing;
    if (await tx.get<CreditCodeDoc>('creditCodes', fields.creditCode)) throw new DomainError('CREDIT_CODE_TAKEN');
    const at = deps.clock.now();
    const i = newInstitution({ id, place, ...fields, townshipCode: input.townshipCode, trains, createdBy: openid, at });
    const { _id, ...data } = i;
    await tx.create<CreditCodeDoc>('creditCodes', i.creditCode, { institutionId: id });
    await tx.create<InstitutionDoc>('institutions', id, data);
    await recordChange(tx, institutionChange(i, 'institution.created', at, actor, { creditCode: i.creditCode, kind: i.kind, trains }));
    return i;
  }).catch((e: unknown) => {
    // Two officials adding the same code at once: the second hears it is taken.
    if (isStoreError(e, 'DUPLICATE')) throw new DomainError('CREDIT_CODE_TAKEN');
    throw e;
  });
  return institutionView(deps, doc, await occupationNames(deps));
}

export async function updateInstitution(deps: Deps, caller: Caller, input: InstitutionChange): Promise<InstitutionView> {
  const { institutionId, townshipCode, trains: newTrains, ...rest } = input;
  const current = await institutionIn(deps.store, institutionId);
  const actor = await officialActor(deps, caller, current.countyCode);
  const fields = checkedFields(rest);
  if (townshipCode !== undefined) checkTownship(deps, townshipCode, current.countyCode);
  const trains = newTrains ? await checkedPermissions(deps, newTrains) : undefined;
  const doc = await deps.store.transaction(async (tx) => {
    const i = await institutionIn(tx, institutionId);
    const next: InstitutionDoc = { ...i, ...fields, ...(townshipCode ? { townshipCode } : {}), ...(trains ? { trains } : {}), updatedAt: deps.clock.now().toISOString() };
    const changed = (Object.keys(next) as (keyof InstitutionDoc)[]).filter((k) => k !== 'updatedAt' && JSON.stringify(next[k]) !== JSON.stringify(i[k]));
    if (changed.length === 0) return i;
    if (next.creditCode !== i.creditCode) {
      if (await tx.get<CreditCodeDoc>('creditCodes', next.creditCode)) throw new DomainError('CREDIT_CODE_TAKEN');
      await tx.remove('creditCodes', i.creditCode);
      await tx.create<CreditCodeDoc>('creditCodes', next.creditCode, { institutionId });
    }
    const { _id, ...data } = next;
    await tx.set<InstitutionDoc>('institutions', institutionId, data);
    // The ledger names what changed; contact details themselves stay out of it.
    await recordChange(tx, institutionChange(next, 'institution.updated', deps.clock.now(), actor, { fields: changed, ...(trains ? { trains } : {}) }));
    return next;
  });
  return institutionView(deps, doc, await occupationNames(deps));
}

/** R11.1 suspended: no new classes, no new results; classes already running finish. */
export async function setInstitutionStatus(deps: Deps, caller: Caller, input: { institutionId: string; status: InstitutionDoc['status']; reason?: string }): Promise<InstitutionView> {
  const current = await institutionIn(deps.store, input.institutionId);
  const actor = await officialActor(deps, caller, current.countyCode);
  if (input.status === 'suspended') {
    const problem = reasonProblem(input.reason);
    if (problem) throw new DomainError(problem);
  }
  const doc = await deps.store.transaction(async (tx) => {
    const i = await institutionIn(tx, input.institutionId);
    if (i.status === input.status) return i;
    const at = deps.clock.now();
    const reason = input.status === 'suspended' ? input.reason!.trim() : null;
    await tx.update('institutions', i._id, { set: { status: input.status, statusReason: reason, updatedAt: at.toISOString() } });
    const next = { ...i, status: input.status, statusReason: reason };
    await recordChange(tx, institutionChange(next, input.status === 'suspended' ? 'institution.suspended' : 'institution.reactivated', at, actor, { reason }));
    return next;
  });
  return institutionView(deps, doc, await occupationNames(deps));
}

/** An official of a region containing its county, or a trainer of it. */
export async function getInstitution(deps: Deps, caller: Caller, institutionId: string): Promise<InstitutionView> {
  const i = await institutionIn(deps.store, institutionId);
  // Another region's institution is answered as not found: an id reveals nothing.
  if (!(await seesInstitutionRecord(deps, caller, { institutionId: i._id, countyCode: i.countyCode }))) throw new DomainError('INSTITUTION_NOT_FOUND');
  return institutionView(deps, i, await occupationNames(deps));
}

/** Most a list answers; narrow it by region, status or name beyond that. */
export const INSTITUTION_LIST_MAX = 300;

/** R11.1 the institutions of the caller's region (or a region inside it), by name. */
export async function listInstitutions(deps: Deps, caller: Caller, input: ListInstitutionsInput): Promise<{ items: InstitutionView[]; total: number }> {
  const binding = await requireOfficialOf(deps, caller, input.regionCode);
  const region = statisticalRegion(deps.regions, input.regionCode ?? binding.regionCode);
  const today = chinaToday(deps.clock.now());
  const query = input.query?.trim().toUpperCase();
  const found: InstitutionDoc[] = [];
  for await (const i of scan<InstitutionDoc>(deps.store, 'institutions', inRegion(region))) {
    if (input.status && i.status !== input.status) continue;
    if (input.evaluationBodies && registrationsInForce(i.registrations, today).length === 0) continue;
    if (query && !i.name.toUpperCase().includes(query) && !i.creditCode.includes(query)) continue;
    found.push(i);
  }
  found.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const names = await occupationNames(deps);
  return { items: found.slice(0, INSTITUTION_LIST_MAX).map((i) => institutionView(deps, i, names)), total: found.length };
}

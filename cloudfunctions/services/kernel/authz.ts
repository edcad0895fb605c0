/**
 * R1.2 role checks. Bindings live server-side in `accounts`; an official or admin sees and acts
 * on their region's subtree only.
 */
import type { Region, Role, RoleBinding } from '../../contract';
import { DomainError } from '../../core/errors';
import { bindingsOf } from './caller';
import type { Caller, Deps } from './deps';
import type { RegionDirectory } from './regions';

/**
 * The caller's binding of `role` whose region contains `regionCode` (any, when omitted); else
 * FORBIDDEN. R1.2: an admin is an official who may do more, so an admin binding serves where an
 * official's is asked for.
 */
export async function requireRole(deps: Deps, caller: Caller, role: Role, regionCode?: string): Promise<RoleBinding> {
  const bindings = await bindingsOf(deps, caller);
  const match = bindings.find(
    (b) =>
      (b.role === role || (role === 'official' && b.role === 'admin')) &&
      (regionCode === undefined || (b.regionCode !== undefined && deps.regions.isWithin(regionCode, b.regionCode))),
  );
  if (!match) throw new DomainError('FORBIDDEN');
  return match;
}

/**
 * R1.2 an official or admin binding whose region contains `regionCode` (the caller's first such
 * binding when omitted): who keeps a county's libraries (R11.1).
 */
export async function requireOfficialOf(deps: Deps, caller: Caller, regionCode?: string): Promise<RoleBinding & { regionCode: string }> {
  const bindings = await bindingsOf(deps, caller);
  const match = bindings.find(
    (b) =>
      (b.role === 'official' || b.role === 'admin') &&
      b.regionCode !== undefined &&
      (regionCode === undefined || deps.regions.isWithin(regionCode, b.regionCode)),
  );
  if (!match) throw new DomainError('FORBIDDEN');
  return match as RoleBinding & { regionCode: string };
}

/**
 * R1.3 the caller's trainer binding for an institution: the one named, or their only one
 * (WORKBENCH_REQUIRED when they work for several and did not say which).
 */
export async function requireTrainerOf(deps: Deps, caller: Caller, institutionId?: string): Promise<RoleBinding & { institutionId: string }> {
  const trainers = (await bindingsOf(deps, caller)).filter((b) => b.role === 'trainer' && b.institutionId);
  const match = institutionId ? trainers.find((b) => b.institutionId === institutionId) : trainers.length === 1 ? trainers[0] : undefined;
  if (!match) throw new DomainError(trainers.length > 1 && !institutionId ? 'WORKBENCH_REQUIRED' : 'FORBIDDEN');
  return match as RoleBinding & { institutionId: string };
}

/** R1.3 the institutions the caller teaches at (FORBIDDEN when none). */
export async function trainerInstitutions(deps: Deps, caller: Caller): Promise<string[]> {
  const ids = (await bindingsOf(deps, caller)).flatMap((b) => (b.role === 'trainer' && b.institutionId ? [b.institutionId] : []));
  if (ids.length === 0) throw new DomainError('FORBIDDEN');
  return ids;
}

/**
 * R1.2, R1.3 who sees a record of an institution (the institution, a class of it): its trainers,
 * and the officials and admins of a region containing its county.
 */
export async function seesInstitutionRecord(deps: Deps, caller: Caller, record: { institutionId: string; countyCode: string }): Promise<boolean> {
  const bindings = await bindingsOf(deps, caller);
  return bindings.some(
    (b) =>
      (b.role === 'trainer' && b.institutionId === record.institutionId) ||
      ((b.role === 'official' || b.role === 'admin') && b.regionCode !== undefined && deps.regions.isWithin(record.countyCode, b.regionCode)),
  );
}

/** A region dashboards, targets and ledgers work on: a county or above (counters are per county). */
export function statisticalRegion(regions: RegionDirectory, code: string | undefined): Region {
  const region = code ? regions.get(code) : undefined;
  if (!region || region.level === 'township') throw new DomainError('REGION_NOT_STATISTICAL');
  return region;
}

/** The region an official asks about: theirs by default, and inside their subtree (R1.2). */
export async function officialRegion(deps: Deps, caller: Caller, regionCode: string | undefined): Promise<{ region: Region; binding: RoleBinding }> {
  const binding = await requireRole(deps, caller, 'official', regionCode);
  return { region: statisticalRegion(deps.regions, regionCode ?? binding.regionCode), binding };
}

/**
 * R1.2 role checks. Bindings live server-side in `accounts`; an official or admin sees and acts
 * on their region's subtree only.
 */
import type { Region, Role, RoleBinding } from '../../contract';
import { DomainError } from '../../core/errors';
import { bindingsOf } from './caller';
import type { Caller, Deps } from './deps';
import type { RegionDirectory } from './regions';

/** The caller's binding of `role` whose region contains `regionCode` (any, when omitted); else FORBIDDEN. */
export async function requireRole(deps: Deps, caller: Caller, role: Role, regionCode?: string): Promise<RoleBinding> {
  const bindings = await bindingsOf(deps, caller);
  const match = bindings.find(
    (b) =>
      b.role === role &&
      (regionCode === undefined || (b.regionCode !== undefined && deps.regions.isWithin(regionCode, b.regionCode))),
  );
  if (!match) throw new DomainError('FORBIDDEN');
  return match;
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

/**
 * R1.2 role checks. Bindings live server-side in `accounts`; an official or admin sees and acts
 * on their region's subtree only.
 */
import type { Role, RoleBinding } from '../contract';
import { DomainError } from '../core/errors';
import type { AccountDoc } from './account';
import { requireOpenid } from './account';
import type { Caller, Deps } from './deps';

export async function bindingsOf(deps: Deps, caller: Caller): Promise<RoleBinding[]> {
  const openid = requireOpenid(caller);
  return (await deps.store.get<AccountDoc>('accounts', openid))?.roles ?? [];
}

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

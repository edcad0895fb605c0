/**
 * R1.1, R1.2 who is calling: the OPENID the platform gave (never the payload) and the role
 * bindings kept server-side on their account.
 */
import type { RoleBinding } from '../../contract';
import { DomainError } from '../../core/errors';
import type { Caller, Deps } from './deps';

/** id = the caller's OPENID: the link to a person and the role bindings (R1.2). */
export type AccountDoc = {
  _id: string;
  personId: string | null;
  roles: RoleBinding[];
  createdAt: string;
  updatedAt: string;
};

/** The caller's OPENID, or UNAUTHENTICATED. */
export function requireOpenid(caller: Caller): string {
  if (!caller.openid) throw new DomainError('UNAUTHENTICATED');
  return caller.openid;
}

/** The caller's role bindings (none for a new account). */
export async function bindingsOf(deps: Deps, caller: Caller): Promise<RoleBinding[]> {
  const openid = requireOpenid(caller);
  return (await deps.store.get<AccountDoc>('accounts', openid))?.roles ?? [];
}

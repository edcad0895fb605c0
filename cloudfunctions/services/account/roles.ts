/**
 * R1.2 role bindings, written server-side only.
 */
import type { RoleBinding } from '../../contract';
import type { AccountDoc } from '../kernel/caller';
import type { Deps } from '../kernel/deps';
import { type StaffDoc, staffId } from './documents';

/**
 * Binds a role to an account (server-side only, R1.2): used by seeding and, later, by admins.
 * Idempotent: the same binding twice is kept once.
 */
export async function grantRole(deps: Deps, openid: string, binding: RoleBinding): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    const account = await tx.get<AccountDoc>('accounts', openid);
    const roles = account?.roles ?? [];
    const same = (r: RoleBinding) =>
      r.role === binding.role && r.regionCode === binding.regionCode && r.institutionId === binding.institutionId;
    if (roles.some(same)) return;
    await tx.set<AccountDoc>('accounts', openid, {
      personId: account?.personId ?? null,
      roles: [...roles, binding],
      createdAt: account?.createdAt ?? at,
      updatedAt: at,
    });
    // R10.1: reminders find officials by region and trainers by institution through this index.
    await tx.set<StaffDoc>('staff', staffId(binding.role, openid), {
      role: binding.role,
      openid,
      regionCode: binding.regionCode ?? null,
      institutionId: binding.institutionId ?? null,
      updatedAt: at,
    });
  });
}


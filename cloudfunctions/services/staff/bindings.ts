/**
 * R11.2 staff bindings: listed and revoked by whoever could grant them; and the first admin's
 * invitation, which only a command run with the environment's credentials can make.
 */
import type { InvitationView, ListStaffInput, StaffMemberView } from '../../contract';
import { DomainError } from '../../core/errors';
import { INVITED_ROLE_NAMES, INVITATION_HOURS, mayGrant } from '../../core/invitations';
import { where } from '../../store/port';
import { scan } from '../../store/scan';
import { recordChange } from '../books/changes';
import { requireOfficialOf, statisticalRegion } from '../kernel/authz';
import { type AccountDoc, bindingsOf, requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { institutionIn } from '../institution';
import { type StaffDoc, scopeOf } from './documents';
import { invitationView, writeInvitation } from './invitations';
import { roleChange } from './records';

const scopeOfStaff = (s: StaffDoc) => scopeOf({ role: s.role, regionCode: s.regionCode, institutionId: s.institutionId, scopeCountyCode: s.scopeCountyCode ?? null });

async function memberView(deps: Deps, s: StaffDoc, names: Map<string, string>): Promise<StaffMemberView> {
  let institution: StaffMemberView['institution'] = null;
  if (s.institutionId) {
    if (!names.has(s.institutionId)) names.set(s.institutionId, (await institutionIn(deps.store, s.institutionId).catch(() => null))?.name ?? '');
    institution = { id: s.institutionId, name: names.get(s.institutionId)! };
  }
  return {
    bindingId: s._id,
    role: s.role,
    roleName: INVITED_ROLE_NAMES[s.role],
    region: s.regionCode ? deps.regions.ref(s.regionCode) : null,
    institution,
    name: s.name ?? '',
    grantedAt: s.grantedAt ?? s.updatedAt,
    invitationCode: s.invitationCode ?? null,
  };
}

/**
 * The staff of a region (the caller's by default) or of one institution: officials and admins of
 * the subtree and trainers of its institutions — those the caller could grant, so could revoke.
 */
export async function listStaff(deps: Deps, caller: Caller, input: ListStaffInput): Promise<StaffMemberView[]> {
  const bindings = await bindingsOf(deps, caller);
  const isWithin = (c: string, a: string) => deps.regions.isWithin(c, a);
  const found: StaffDoc[] = [];
  if (input.institutionId) {
    const i = await institutionIn(deps.store, input.institutionId);
    await requireOfficialOf(deps, caller, i.countyCode);
    for await (const s of scan<StaffDoc>(deps.store, 'staff', where('institutionId', 'eq', i._id))) if (s.role === 'trainer') found.push(s);
  } else {
    const regionCode = statisticalRegion(deps.regions, input.regionCode ?? (await requireOfficialOf(deps, caller)).regionCode).code;
    await requireOfficialOf(deps, caller, regionCode);
    for (const role of ['admin', 'official', 'trainer'] as const) {
      for await (const s of scan<StaffDoc>(deps.store, 'staff', where('role', 'eq', role))) {
        const at = s.role === 'trainer' ? s.scopeCountyCode : s.regionCode;
        if (at && isWithin(at, regionCode)) found.push(s);
      }
    }
  }
  const visible = found.filter((s) => mayGrant(bindings, scopeOfStaff(s), isWithin));
  visible.sort((a, b) => (b.grantedAt ?? b.updatedAt).localeCompare(a.grantedAt ?? a.updatedAt));
  const names = new Map<string, string>();
  const out: StaffMemberView[] = [];
  for (const s of visible) out.push(await memberView(deps, s, names));
  return out;
}

/** R11.2 revoking: by whoever could grant it, never one's own; the account loses the role at once. */
export async function revokeBinding(deps: Deps, caller: Caller, bindingId: string): Promise<{ revoked: true }> {
  const openid = requireOpenid(caller);
  const bindings = await bindingsOf(deps, caller);
  const isWithin = (c: string, a: string) => deps.regions.isWithin(c, a);
  await deps.store.transaction(async (tx) => {
    const s = await tx.get<StaffDoc>('staff', bindingId);
    // Somebody else's binding the caller could not grant is answered as not found.
    if (!s || !mayGrant(bindings, scopeOfStaff(s), isWithin)) throw new DomainError('BINDING_NOT_FOUND');
    if (s.openid === openid) throw new DomainError('FORBIDDEN', '不能撤销自己的岗位，请让上级撤销');
    const account = await tx.get<AccountDoc>('accounts', s.openid);
    const at = deps.clock.now();
    if (account) {
      const roles = account.roles.filter((r) => !(r.role === s.role && (r.regionCode ?? null) === s.regionCode && (r.institutionId ?? null) === s.institutionId));
      await tx.update('accounts', s.openid, { set: { roles, updatedAt: at.toISOString() } });
    }
    await tx.remove('staff', s._id);
    const role = bindings.some((b) => b.role === 'admin') ? 'admin' : 'official';
    await recordChange(tx, roleChange(deps.regions, s, 'role.revoked', at, { openid, role }));
  });
  return { revoked: true };
}

/**
 * The first admin of a region, before anyone can invite: an invitation made by the system, for a
 * command run with the environment's credentials (`npm run invite:admin`). No route calls this.
 */
export async function bootstrapAdminInvitation(deps: Deps, input: { regionCode: string; inviteeNote: string; hours?: number }): Promise<InvitationView> {
  const region = statisticalRegion(deps.regions, input.regionCode);
  const note = input.inviteeNote.trim();
  if (note.length < 2 || note.length > 30) throw new DomainError('INVALID_INPUT', '请填写被邀请人（2–30个字）');
  const inv = await writeInvitation(
    deps,
    { scope: { role: 'admin', regionCode: region.code }, institutionName: null, inviteeNote: note, hours: input.hours ?? INVITATION_HOURS, inviterOpenid: null, inviterLabel: '系统' },
    { openid: null, role: 'system' },
    null,
  );
  return invitationView(deps, inv);
}

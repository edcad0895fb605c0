/**
 * R11.2 roles by invitation: an official or admin invites someone into a role inside their own
 * scope; the invitee opens it in WeChat, sees what they accept, and accepts under their own
 * OPENID. Single-use, expiring (72 h unless said otherwise), cancellable by the inviter.
 */
import { randomBytes } from 'node:crypto';
import type { InvitationView, InviteInput, WhoAmI } from '../../contract';
import { DomainError } from '../../core/errors';
import {
  INVITATION_CODE,
  INVITATION_HOURS,
  INVITATION_STATUS_NAMES,
  INVITED_ROLE_NAMES,
  MAX_INVITATION_HOURS,
  type GrantScope,
  invitationCode,
  invitationCodeText,
  invitationState,
  mayGrant,
  normaliseInvitationCode,
} from '../../core/invitations';
import { PAGES } from '../../core/pages';
import { type Tx, isStoreError, where } from '../../store/port';
import { recordChange } from '../books/changes';
import type { Actor } from '../books/ledger';
import { statisticalRegion } from '../kernel/authz';
import { type AccountDoc, bindingsOf, requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { type RequestDoc, requestKey } from '../kernel/requests';
import { whoami } from '../account';
import { institutionIn } from '../institution';
import { type InvitationDoc, type StaffDoc, scopeOf } from './documents';
import { bindingOf, invitationChange, newStaff, roleChange, sameBinding } from './records';

export function invitationView(deps: Deps, inv: InvitationDoc): InvitationView {
  const status = invitationState(inv, deps.clock.now());
  const region = inv.regionCode ? deps.regions.ref(inv.regionCode) : null;
  const where_ = inv.role === 'trainer' ? inv.institutionName ?? '' : region?.name ?? '';
  return {
    code: inv._id,
    codeText: invitationCodeText(inv._id),
    role: inv.role,
    roleName: INVITED_ROLE_NAMES[inv.role],
    region,
    institution: inv.institutionId ? { id: inv.institutionId, name: inv.institutionName ?? '' } : null,
    inviteeNote: inv.inviteeNote,
    summary: `${inv.inviterLabel}邀请${inv.inviteeNote}成为${where_}的${INVITED_ROLE_NAMES[inv.role]}`,
    inviterName: inv.inviterLabel,
    status,
    statusName: INVITATION_STATUS_NAMES[status],
    expiresAt: inv.expiresAt,
    createdAt: inv.createdAt,
    acceptedAt: inv.acceptedAt,
    path: `/${PAGES.invite}?code=${inv._id}`,
  };
}

/** The scope an invitation asks for, checked: a county or above, or an existing institution. */
async function scopeFor(deps: Deps, input: InviteInput): Promise<{ scope: GrantScope; institutionName: string | null }> {
  if (input.role === 'trainer') {
    if (!input.institutionId) throw new DomainError('INSTITUTION_NOT_FOUND');
    const i = await institutionIn(deps.store, input.institutionId);
    return { scope: { role: 'trainer', institutionId: i._id, institutionCountyCode: i.countyCode }, institutionName: i.name };
  }
  const region = statisticalRegion(deps.regions, input.regionCode);
  return { scope: { role: input.role, regionCode: region.code }, institutionName: null };
}

export interface NewInvitation {
  scope: GrantScope;
  institutionName: string | null;
  inviteeNote: string;
  hours: number;
  inviterOpenid: string | null;
  inviterLabel: string;
}

/** Writes an invitation under a fresh code (a clash, one in 10^11, draws again). */
export async function writeInvitation(deps: Deps, n: NewInvitation, actor: Actor, requestKeyOrNull: string | null): Promise<InvitationDoc> {
  for (let attempt = 0; ; attempt++) {
    const code = invitationCode(randomBytes(8));
    try {
      return await deps.store.transaction(async (tx) => {
        if (requestKeyOrNull) {
          const done = await tx.get<RequestDoc>('requests', requestKeyOrNull);
          if (done) return (await tx.get<InvitationDoc>('invitations', done.result))!;
        }
        const at = deps.clock.now();
        const inv: InvitationDoc = {
          _id: code,
          role: n.scope.role,
          regionCode: n.scope.role === 'trainer' ? null : n.scope.regionCode,
          institutionId: n.scope.role === 'trainer' ? n.scope.institutionId : null,
          scopeCountyCode: n.scope.role === 'trainer' ? n.scope.institutionCountyCode : null,
          institutionName: n.institutionName,
          inviteeNote: n.inviteeNote,
          inviterOpenid: n.inviterOpenid,
          inviterLabel: n.inviterLabel,
          status: 'open',
          expiresAt: new Date(at.getTime() + n.hours * 3_600_000).toISOString(),
          createdAt: at.toISOString(),
          acceptedBy: null,
          acceptedAt: null,
          cancelledAt: null,
        };
        const { _id, ...data } = inv;
        await tx.create<InvitationDoc>('invitations', code, data);
        if (requestKeyOrNull) await tx.create<RequestDoc>('requests', requestKeyOrNull, { result: code, at: inv.createdAt });
        await recordChange(tx, invitationChange(deps.regions, inv, 'invitation.created', at, actor));
        return inv;
      });
    } catch (e) {
      if (!isStoreError(e, 'DUPLICATE') || attempt >= 3) throw e;
    }
  }
}

function checkedNote(note: string): string {
  const n = note.trim();
  if (n.length < 2 || n.length > 30) throw new DomainError('INVALID_INPUT', '请填写被邀请人（2–30个字），如：张老师');
  return n;
}

export async function invite(deps: Deps, caller: Caller, input: InviteInput): Promise<InvitationView> {
  const openid = requireOpenid(caller);
  const hours = input.hours ?? INVITATION_HOURS;
  if (!Number.isInteger(hours) || hours < 1 || hours > MAX_INVITATION_HOURS) throw new DomainError('INVITATION_HOURS_INVALID');
  const inviteeNote = checkedNote(input.inviteeNote);
  const { scope, institutionName } = await scopeFor(deps, input);
  const bindings = await bindingsOf(deps, caller);
  const isWithin = (c: string, a: string) => deps.regions.isWithin(c, a);
  if (!mayGrant(bindings, scope, isWithin)) throw new DomainError('FORBIDDEN');
  // The inviter's own binding that allows it names them to the invitee.
  const own = bindings.find((b) => mayGrant([b], scope, isWithin))!;
  const inviterLabel = `${deps.regions.ref(own.regionCode!).name}${INVITED_ROLE_NAMES[own.role as 'official' | 'admin']}`;
  const actor: Actor = { openid, role: own.role === 'admin' ? 'admin' : 'official' };
  const inv = await writeInvitation(deps, { scope, institutionName, inviteeNote, hours, inviterOpenid: openid, inviterLabel }, actor, requestKey(openid, 'staff.invite', caller.requestId));
  return invitationView(deps, inv);
}

async function invitationIn(reader: Pick<Tx, 'get'>, rawCode: string): Promise<InvitationDoc> {
  const code = normaliseInvitationCode(rawCode);
  const inv = INVITATION_CODE.test(code) ? await reader.get<InvitationDoc>('invitations', code) : null;
  if (!inv) throw new DomainError('INVITATION_NOT_FOUND');
  return inv;
}

/** What the invitee is shown before accepting (any WeChat identity that has the code). */
export async function previewInvitation(deps: Deps, caller: Caller, code: string): Promise<InvitationView> {
  requireOpenid(caller);
  return invitationView(deps, await invitationIn(deps.store, code));
}

/**
 * R11.2 accepting: once, before it expires, while the inviter may still grant it. The binding is
 * written under the caller's own OPENID with its staff index and ledger entry, in one
 * transaction with the invitation's use; the same person accepting again is answered as before.
 */
export async function acceptInvitation(deps: Deps, caller: Caller, code: string): Promise<WhoAmI> {
  const openid = requireOpenid(caller);
  await deps.store.transaction(async (tx) => {
    const inv = await invitationIn(tx, code);
    const now = deps.clock.now();
    const state = invitationState(inv, now);
    if (state === 'accepted') {
      if (inv.acceptedBy === openid) return;
      throw new DomainError('INVITATION_USED');
    }
    if (state === 'cancelled') throw new DomainError('INVITATION_CANCELLED');
    if (state === 'expired') throw new DomainError('INVITATION_EXPIRED');
    if (inv.inviterOpenid) {
      const inviter = await tx.get<AccountDoc>('accounts', inv.inviterOpenid);
      if (!mayGrant(inviter?.roles ?? [], scopeOf(inv), (c, a) => deps.regions.isWithin(c, a))) throw new DomainError('INVITATION_CANCELLED');
    }
    const binding = bindingOf(inv, deps.regions);
    const account = await tx.get<AccountDoc>('accounts', openid);
    const roles = account?.roles ?? [];
    const at = now.toISOString();
    await tx.update('invitations', inv._id, { set: { status: 'accepted', acceptedBy: openid, acceptedAt: at } });
    if (!roles.some((r) => sameBinding(r, binding))) {
      await tx.set<AccountDoc>('accounts', openid, { personId: account?.personId ?? null, roles: [...roles, binding], createdAt: account?.createdAt ?? at, updatedAt: at });
    }
    const staff = newStaff(inv, openid, now);
    const { _id, ...data } = staff;
    await tx.set<StaffDoc>('staff', staff._id, data);
    await recordChange(tx, roleChange(deps.regions, staff, 'role.granted', now, { openid, role: inv.role }));
  });
  return whoami(deps, caller);
}

/** The inviter's invitations, newest first (at most 100). */
export async function myInvitations(deps: Deps, caller: Caller): Promise<InvitationView[]> {
  const openid = requireOpenid(caller);
  const page = await deps.store.find<InvitationDoc>('invitations', where('inviterOpenid', 'eq', openid), { orderBy: { field: 'createdAt', direction: 'desc' }, limit: 100 });
  return page.items.map((inv) => invitationView(deps, inv));
}

/** The inviter withdraws an open invitation. */
export async function cancelInvitation(deps: Deps, caller: Caller, code: string): Promise<InvitationView> {
  const openid = requireOpenid(caller);
  const role = (await bindingsOf(deps, caller)).some((b) => b.role === 'admin') ? 'admin' : 'official';
  const doc = await deps.store.transaction(async (tx) => {
    const inv = await invitationIn(tx, code);
    if (inv.inviterOpenid !== openid) throw new DomainError('INVITATION_NOT_FOUND');
    const state = invitationState(inv, deps.clock.now());
    if (state === 'accepted') throw new DomainError('INVITATION_USED');
    if (state !== 'open') return inv;
    const at = deps.clock.now();
    await tx.update('invitations', inv._id, { set: { status: 'cancelled', cancelledAt: at.toISOString() } });
    const next: InvitationDoc = { ...inv, status: 'cancelled', cancelledAt: at.toISOString() };
    await recordChange(tx, invitationChange(deps.regions, next, 'invitation.cancelled', at, { openid, role }));
    return next;
  });
  return invitationView(deps, doc);
}

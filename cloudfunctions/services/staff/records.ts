/**
 * How the staff context's documents and ledger changes are built (R11.2, R9.1).
 */
import { createHash } from 'node:crypto';
import type { RoleBinding } from '../../contract';
import type { Change } from '../books/changes';
import type { Actor } from '../books/ledger';
import type { RegionDirectory } from '../kernel/regions';
import { countyPlace, regionPlace } from '../kernel/place';
import type { InvitationDoc, StaffDoc } from './documents';

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

/** Opaque: staff lists name a binding by this, never by the OPENID. */
export const bindingIdOf = (role: string, openid: string, scope: string): string => `b_${hash(`${role}|${openid}|${scope}`).slice(0, 24)}`;

/** The ledger names an invitation by a hash of its code: the code is a key while it is open. */
export const invitationRef = (code: string): string => `inv_${hash(code).slice(0, 16)}`;

/** The binding an invitation grants, with the names whoami shows. */
export function bindingOf(inv: InvitationDoc, regions: RegionDirectory): RoleBinding {
  return inv.role === 'trainer'
    ? { role: 'trainer', institutionId: inv.institutionId!, institutionName: inv.institutionName ?? undefined }
    : { role: inv.role, regionCode: inv.regionCode!, regionName: regions.ref(inv.regionCode!).name };
}

export const sameBinding = (a: RoleBinding, b: RoleBinding): boolean =>
  a.role === b.role && (a.regionCode ?? null) === (b.regionCode ?? null) && (a.institutionId ?? null) === (b.institutionId ?? null);

export function newStaff(inv: InvitationDoc, openid: string, at: Date): StaffDoc {
  const scope = inv.institutionId ?? inv.regionCode ?? '';
  return {
    _id: bindingIdOf(inv.role, openid, scope),
    role: inv.role,
    openid,
    regionCode: inv.regionCode,
    institutionId: inv.institutionId,
    scopeCountyCode: inv.scopeCountyCode,
    name: inv.inviteeNote,
    invitationCode: inv._id,
    grantedAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
}

/** A scope's chain: a trainer's on their institution's county, an official's on their region's (D27). */
const placeOfScope = (regions: RegionDirectory, d: { role: string; regionCode: string | null; scopeCountyCode?: string | null }) =>
  d.role === 'trainer' ? countyPlace(regions, d.scopeCountyCode!) : regionPlace(regions, d.regionCode!);

const scopeData = (d: { role: string; regionCode: string | null; institutionId: string | null }) => ({
  role: d.role,
  ...(d.regionCode ? { regionCode: d.regionCode } : {}),
  ...(d.institutionId ? { institutionId: d.institutionId } : {}),
});

export const invitationChange = (regions: RegionDirectory, inv: InvitationDoc, type: 'invitation.created' | 'invitation.cancelled', at: Date, actor: Actor): Change => ({
  place: placeOfScope(regions, inv),
  at,
  type,
  subjects: { invitation: invitationRef(inv._id) },
  actor,
  data: { ...scopeData(inv), note: inv.inviteeNote, ...(type === 'invitation.created' ? { expiresAt: inv.expiresAt } : {}) },
  counters: [],
});

/** R11.2 grants and revocations are ledgered; the accepter (or revoker) is the actor. */
export const roleChange = (regions: RegionDirectory, s: StaffDoc, type: 'role.granted' | 'role.revoked', at: Date, actor: Actor): Change => ({
  place: placeOfScope(regions, s),
  at,
  type,
  subjects: { bindingId: s._id, ...(s.invitationCode ? { invitation: invitationRef(s.invitationCode) } : {}) },
  actor,
  data: { ...scopeData(s), name: s.name ?? null },
  counters: [],
});

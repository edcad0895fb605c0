/**
 * The staff context's documents (R11.2): invitations and the index of staff bindings.
 */
import type { GrantScope, InvitedRole } from '../../core/invitations';

/** id = the invitation code. */
export type InvitationDoc = {
  _id: string;
  role: InvitedRole;
  regionCode: string | null;
  institutionId: string | null;
  /** The county a trainer's institution sits in: where the grant is checked and ledgered. */
  scopeCountyCode: string | null;
  institutionName: string | null;
  inviteeNote: string;
  inviterOpenid: string | null;
  /** `吕梁市 · 人社部门管理员`, or `系统` for the first admin. */
  inviterLabel: string;
  status: 'open' | 'accepted' | 'cancelled';
  expiresAt: string;
  createdAt: string;
  acceptedBy: string | null;
  acceptedAt: string | null;
  cancelledAt: string | null;
};

/** id = binding id (opaque, made from role, OPENID and scope): one staff binding, indexed by role + region / institution. */
export type StaffDoc = {
  _id: string;
  role: InvitedRole;
  openid: string;
  regionCode: string | null;
  institutionId: string | null;
  /** The county a trainer's institution sits in (null for officials). */
  scopeCountyCode?: string | null;
  /** Who it is, as the invitation said. */
  name?: string;
  invitationCode?: string | null;
  grantedAt?: string;
  updatedAt: string;
};

/** The scope an invitation or a binding grants. */
export function scopeOf(d: Pick<InvitationDoc, 'role' | 'regionCode' | 'institutionId' | 'scopeCountyCode'>): GrantScope {
  return d.role === 'trainer'
    ? { role: 'trainer', institutionId: d.institutionId ?? '', institutionCountyCode: d.scopeCountyCode ?? '' }
    : { role: d.role, regionCode: d.regionCode ?? '' };
}

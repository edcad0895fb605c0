/**
 * staff: roles by invitation (R11.2) — inviting, accepting, listing and revoking bindings.
 */
import type { InvitationStatus, InvitedRole } from '../core/invitations';
import type { PlaceRef, RoleBinding } from './common';

export type { InvitationStatus, InvitedRole } from '../core/invitations';

export interface InviteInput {
  role: InvitedRole;
  /** official / admin: the region they will see (inside the inviter's). */
  regionCode?: string;
  /** trainer: the institution they will work for (in the inviter's region). */
  institutionId?: string;
  /** Who it is for, as the inviter writes it (shown to both): 张老师, 方山县人社局王科长. */
  inviteeNote: string;
  /** Hours it stays open: 72 by default, at most 168. */
  hours?: number;
}

export interface InvitationView {
  /** 8 characters; shown as `ABCD-EFGH`. */
  code: string;
  codeText: string;
  role: InvitedRole;
  roleName: string;
  region: PlaceRef | null;
  institution: { id: string; name: string } | null;
  inviteeNote: string;
  /** What the invitee is told they accept, in one sentence. */
  summary: string;
  inviterName: string;
  status: InvitationStatus;
  statusName: string;
  expiresAt: string;
  createdAt: string;
  acceptedAt: string | null;
  /** The page the QR code opens, with the code (`pages/invite/index?code=…`). */
  path: string;
}

export interface StaffMemberView {
  /** Opaque: names the binding for revoking (not the OPENID). */
  bindingId: string;
  role: InvitedRole;
  roleName: string;
  region: PlaceRef | null;
  institution: { id: string; name: string } | null;
  /** The invitation's note, or the registered name when the person registered. */
  name: string;
  grantedAt: string;
  /** The invitation it came from. */
  invitationCode: string | null;
}

export interface ListStaffInput {
  regionCode?: string;
  institutionId?: string;
}

export type { RoleBinding };

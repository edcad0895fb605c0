/**
 * R11.2 staff by invitation, pure: who may invite whom, the invitation code, its state.
 */
import { VERIFY_ALPHABET } from './certificates';
import WORDS from './words.json';

export type InvitedRole = 'trainer' | 'official' | 'admin';

export const INVITED_ROLE_NAMES: Record<InvitedRole, string> = WORDS.invitedRole;

/** A binding as the rule sees it (the contract's RoleBinding fits). */
export interface GrantorBinding {
  role: string;
  regionCode?: string;
}

/** What an invitation grants; a trainer's scope is their institution, placed in its county. */
export type GrantScope = { role: 'official' | 'admin'; regionCode: string } | { role: 'trainer'; institutionId: string; institutionCountyCode: string };

/**
 * R11.2 may these bindings grant (and so revoke) this scope: an official or admin invites
 * officials of their own subtree and trainers of institutions in it; only an admin invites admins.
 * `isWithin(code, ancestor)` is the region directory's subtree test.
 */
export function mayGrant(bindings: readonly GrantorBinding[], scope: GrantScope, isWithin: (code: string, ancestor: string) => boolean): boolean {
  const regionOfScope = scope.role === 'trainer' ? scope.institutionCountyCode : scope.regionCode;
  const grantors = scope.role === 'admin' ? ['admin'] : ['official', 'admin'];
  return bindings.some((b) => grantors.includes(b.role) && b.regionCode !== undefined && isWithin(regionOfScope, b.regionCode));
}

/** How long an invitation stays open unless the inviter says otherwise, and the longest allowed. */
export const INVITATION_HOURS = 72;
export const MAX_INVITATION_HOURS = 7 * 24;

/** 8 characters of the verification alphabet (no 0/O, 1/I/L): read aloud or typed without mistakes. */
export const INVITATION_CODE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;

export function invitationCode(random: Uint8Array): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += VERIFY_ALPHABET[random[i] % VERIFY_ALPHABET.length];
  return code;
}

/** As typed: spaces and dashes dropped, capitals (`abcd-efgh` → `ABCDEFGH`). */
export const normaliseInvitationCode = (text: string): string => text.toUpperCase().replace(/[\s-]/g, '');

/** `ABCD-EFGH`: how the code is shown. */
export const invitationCodeText = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

export type InvitationStatus = 'open' | 'accepted' | 'cancelled' | 'expired';

export const INVITATION_STATUS_NAMES: Record<InvitationStatus, string> = WORDS.invitationStatus;

/** An invitation's state at `now`: expiry is read, never written. */
export function invitationState(inv: { status: 'open' | 'accepted' | 'cancelled'; expiresAt: string }, now: Date): InvitationStatus {
  if (inv.status !== 'open') return inv.status;
  return now.getTime() >= Date.parse(inv.expiresAt) ? 'expired' : 'open';
}

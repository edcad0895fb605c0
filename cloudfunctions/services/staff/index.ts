/**
 * The staff context (R11.2): invitations, accepting them, and the staff bindings they write.
 * Other contexts import this file only.
 */
export * from './documents';
export { bindingIdOf, invitationRef } from './records';
export { acceptInvitation, cancelInvitation, invite, invitationView, myInvitations, previewInvitation } from './invitations';
export { bootstrapAdminInvitation, listStaff, revokeBinding } from './bindings';

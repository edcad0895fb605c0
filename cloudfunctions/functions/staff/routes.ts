/**
 * `staff`: roles by invitation (R11.2) — inviting, previewing and accepting an invitation, the
 * inviter's invitations, the staff one may revoke.
 */
import { z } from 'zod';
import { acceptInvitation, cancelInvitation, invite, listStaff, myInvitations, previewInvitation, revokeBinding } from '../../services/staff';
import type { RouteTable } from '../router';
import { id, regionCode, text } from '../schemas';

const code = z.object({ code: z.string({ error: '请输入邀请码' }).min(1, { error: '请输入邀请码' }).max(20, { error: '邀请码不正确' }) });

export const staffRoutes: RouteTable<'staff'> = {
  invite: {
    schema: z.object({
      role: z.enum(['trainer', 'official', 'admin'], { error: '请选择岗位' }),
      regionCode: regionCode.optional(),
      institutionId: id.optional(),
      inviteeNote: text(30, '请填写被邀请人（2–30个字）'),
      hours: z.number({ error: '有效期应为1–168小时' }).optional(),
    }),
    handle: (deps, caller, input) => invite(deps, caller, input),
  },
  invitation: { schema: code, handle: (deps, caller, input) => previewInvitation(deps, caller, input.code) },
  accept: { schema: code, handle: (deps, caller, input) => acceptInvitation(deps, caller, input.code) },
  invitations: { schema: z.object({}), handle: (deps, caller) => myInvitations(deps, caller) },
  cancelInvitation: { schema: code, handle: (deps, caller, input) => cancelInvitation(deps, caller, input.code) },
  list: { schema: z.object({ regionCode: regionCode.optional(), institutionId: id.optional() }), handle: (deps, caller, input) => listStaff(deps, caller, input) },
  revoke: { schema: z.object({ bindingId: id }), handle: (deps, caller, input) => revokeBinding(deps, caller, input.bindingId) },
};

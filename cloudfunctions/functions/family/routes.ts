/**
 * `family`: 亲情代办 (R13.1) — a relative asks to act for an elder, the elder (or an official in
 * person) agrees, either side ends it.
 */
import { z } from 'zod';
import { RELATIONS } from '../../core/proxies';
import { answerProxy, approveInPerson, endProxy, myProxyLinks, pendingProxyRequests, requestProxy } from '../../services/family';
import type { RouteTable } from '../router';
import { id, regionCode, text } from '../schemas';

const linkId = z.object({ linkId: id });

export const familyRoutes: RouteTable<'family'> = {
  request: {
    schema: z.object({
      elderIdNumber: z.string({ error: '请输入老人的身份证号码' }).max(40),
      elderName: text(20, '请输入老人的姓名'),
      relation: z.enum(RELATIONS, { error: '请选择关系' }),
      proxyName: text(20, '请填写您的姓名'),
    }),
    handle: (deps, caller, input) => requestProxy(deps, caller, input),
    // R14.1 the relative gives the elder's ID number and their own name.
    consent: 'collects',
  },
  answer: { schema: linkId.extend({ agree: z.boolean({ error: '请选择同意或拒绝' }) }), handle: (deps, caller, input) => answerProxy(deps, caller, input) },
  approveInPerson: { schema: linkId.extend({ idCardSeen: z.boolean({ error: '请核对老人的身份证' }) }), handle: (deps, caller, input) => approveInPerson(deps, caller, input) },
  end: { schema: linkId, handle: (deps, caller, input) => endProxy(deps, caller, input) },
  mine: { schema: z.object({}), handle: (deps, caller) => myProxyLinks(deps, caller) },
  pending: { schema: z.object({ regionCode: regionCode.optional() }), handle: (deps, caller, input) => pendingProxyRequests(deps, caller, input) },
};

/**
 * R13.1 acting for an elder: the router asks this before an action marked `proxy: true` runs in
 * the elder's name. The link must be active at this moment — an ended link is refused at once.
 */
import { DomainError } from '../../core/errors';
import { requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import type { ProxyLinkDoc } from './documents';
import { proxyLinkId } from './records';

export async function actingCaller(deps: Deps, caller: Caller, elderPersonId: string): Promise<Caller> {
  const openid = requireOpenid(caller);
  const link = await deps.store.get<ProxyLinkDoc>('proxyLinks', proxyLinkId(openid, elderPersonId));
  if (!link || link.status !== 'active') throw new DomainError('PROXY_NOT_ACTIVE');
  return { openid: link.elderOpenid, requestId: caller.requestId, proxy: { openid, linkId: link._id } };
}

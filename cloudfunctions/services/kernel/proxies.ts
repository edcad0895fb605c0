/**
 * R13.1 who may act as whom: the 亲情代办 links between a relative and an elder, and each side's
 * active links. Identity data, so the kernel holds it: the family context keeps the links, the
 * router checks them (family/acting.ts), the message context copies an elder's reminders to
 * their relatives (`proxyOpenidsOf`).
 */
import type { ProxyStatus, Relation } from '../../core/proxies';
import type { Tx } from '../../store/port';
import type { Place } from './place';

/** id = link id; placed in the elder's household county. */
export type ProxyLinkDoc = Place & {
  _id: string;
  proxyOpenid: string;
  /** The relative's name as they gave it, shown to the elder. */
  proxyName: string;
  elderPersonId: string;
  elderOpenid: string;
  relation: Relation;
  status: ProxyStatus;
  requestedAt: string;
  approvedAt: string | null;
  /** `elder`: on their own phone; `official`: in person, the ID card seen. */
  approvedBy: 'elder' | 'official' | null;
  approvedByOpenid: string | null;
  endedAt: string | null;
  endedBy: string | null;
};

/** id = elder person id: their active links. */
export type ElderProxiesDoc = { _id: string; links: string[] };
/** id = the relative's OPENID: the elders they act for. */
export type ProxyEldersDoc = { _id: string; links: string[] };

/** The relatives acting for the laborer of this OPENID now (their active links). */
export async function proxyOpenidsOf(reader: Pick<Tx, 'get'>, elderOpenid: string): Promise<string[]> {
  const account = await reader.get<{ _id: string; personId: string | null }>('accounts', elderOpenid);
  if (!account?.personId) return [];
  const side = await reader.get<ElderProxiesDoc>('elderProxies', account.personId);
  const out: string[] = [];
  for (const id of side?.links ?? []) {
    const link = await reader.get<ProxyLinkDoc>('proxyLinks', id);
    if (link?.status === 'active') out.push(link.proxyOpenid);
  }
  return out;
}

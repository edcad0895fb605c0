/**
 * How the family context's documents and ledger changes are built (R13.1, R9.1).
 */
import type { Change } from '../books/changes';
import type { Actor } from '../books/ledger';
import { placeOf } from '../kernel/place';
import { idFromKey } from '../kernel/requests';
import type { ProxyLinkDoc } from './documents';

/** One link per relative and elder: asking again finds the same link. */
export const proxyLinkId = (proxyOpenid: string, elderPersonId: string): string =>
  idFromKey('pl', `${proxyOpenid}|${elderPersonId}`);

type ProxyEvent = 'proxy.requested' | 'proxy.approved' | 'proxy.declined' | 'proxy.ended';

/** R13.1 on the elder's county chain: the elder is the subject, the relative named by link. */
export const proxyChange = (l: ProxyLinkDoc, type: ProxyEvent, at: Date, actor: Actor, data: Record<string, unknown> = {}): Change => ({
  place: placeOf(l),
  at,
  type,
  subjects: { linkId: l._id, personId: l.elderPersonId },
  actor,
  data: { relation: l.relation, ...data },
  counters: [],
});

/**
 * How the family context's documents and ledger changes are built (R13.1, R9.1).
 */
import { createHash } from 'node:crypto';
import type { Change } from '../books/changes';
import type { Actor } from '../books/ledger';
import { placeOf } from '../kernel/place';
import type { ProxyLinkDoc } from './documents';

/** One link per relative and elder: asking again finds the same link. */
export const proxyLinkId = (proxyOpenid: string, elderPersonId: string): string =>
  `pl_${createHash('sha256').update(`${proxyOpenid}|${elderPersonId}`).digest('hex').slice(0, 24)}`;

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

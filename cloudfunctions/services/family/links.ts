/**
 * R13.1 亲情代办: a relative with their own WeChat asks to act for an elder; the elder agrees on
 * their own phone, or an official of the elder's county agrees in person after seeing the
 * elder's ID card. Either side ends it at any time. At most 2 relatives per elder, 3 elders per
 * relative, checked in the agreeing transaction.
 */
import type { ProxyLinkView } from '../../contract';
import { checkIdNumber, maskName } from '../../core/id-number';
import { DomainError } from '../../core/errors';
import { MAX_ELDERS_PER_PROXY, MAX_PROXIES_PER_ELDER, PROXY_STATUS_NAMES, type Relation } from '../../core/proxies';
import { dedupeKey } from '../../core/reminders';
import { chinaDateOf } from '../../core/china-date';
import { type Tx, and, where } from '../../store/port';
import { type IdNumberDoc, type PersonDoc, personOf } from '../account';
import { recordChange } from '../books/changes';
import { requireOfficialOf } from '../kernel/authz';
import { requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { placeOf } from '../kernel/place';
import { enqueue } from '../message';
import type { ElderProxiesDoc, ProxyEldersDoc, ProxyLinkDoc } from './documents';
import { proxyChange, proxyLinkId } from './records';

function linkView(deps: Deps, l: ProxyLinkDoc, elderName: string): ProxyLinkView {
  return {
    linkId: l._id,
    elderPersonId: l.elderPersonId,
    elderName: maskName(elderName),
    proxyName: l.proxyName,
    relation: l.relation,
    status: l.status,
    statusName: PROXY_STATUS_NAMES[l.status],
    approvedBy: l.approvedBy,
    requestedAt: l.requestedAt,
    county: deps.regions.ref(l.countyCode),
  };
}

async function linkIn(reader: Pick<Tx, 'get'>, linkId: string): Promise<ProxyLinkDoc> {
  const l = await reader.get<ProxyLinkDoc>('proxyLinks', linkId);
  if (!l) throw new DomainError('NOT_FOUND');
  return l;
}

export async function requestProxy(deps: Deps, caller: Caller, input: { elderIdNumber: string; elderName: string; relation: Relation; proxyName: string }): Promise<ProxyLinkView> {
  const openid = requireOpenid(caller);
  const id = checkIdNumber(input.elderIdNumber, deps.clock.now());
  if (!id.ok) throw new DomainError(id.code);
  const proxyName = input.proxyName.trim();
  if (proxyName.length < 2 || proxyName.length > 20) throw new DomainError('NAME_INVALID', '请填写您的姓名（2–20个字）');
  const index = await deps.store.get<IdNumberDoc>('idNumbers', deps.idVault.hash(id.facts.number));
  const elder = index ? await deps.store.get<PersonDoc>('persons', index.personId) : null;
  // A wrong name is answered like an unknown number: the check reveals nobody.
  if (!elder || elder.name !== input.elderName.trim()) throw new DomainError('NOT_FOUND', '没有找到这位老人的登记，请核对身份证号码和姓名');
  if (elder.openid === openid) throw new DomainError('PROXY_SELF');
  const linkId = proxyLinkId(openid, elder._id);
  const doc = await deps.store.transaction(async (tx) => {
    const existing = await tx.get<ProxyLinkDoc>('proxyLinks', linkId);
    if (existing && (existing.status === 'requested' || existing.status === 'active')) throw new DomainError('PROXY_EXISTS');
    const at = deps.clock.now();
    const link: ProxyLinkDoc = {
      _id: linkId,
      ...placeOf(elder),
      proxyOpenid: openid,
      proxyName,
      elderPersonId: elder._id,
      elderOpenid: elder.openid,
      relation: input.relation,
      status: 'requested',
      requestedAt: at.toISOString(),
      approvedAt: null,
      approvedBy: null,
      approvedByOpenid: null,
      endedAt: null,
      endedBy: null,
    };
    const { _id, ...data } = link;
    await tx.set<ProxyLinkDoc>('proxyLinks', linkId, data);
    await recordChange(tx, proxyChange(link, 'proxy.requested', at, { openid, role: 'proxy', onBehalfOf: elder.openid }));
    await enqueue(tx, dedupeKey('proxyRequested', linkId, chinaDateOf(at)), elder.openid, 'proxyRequested', { proxyName, relation: input.relation }, at);
    return link;
  });
  return linkView(deps, doc, elder.name);
}

/** Both sides' active links, with the limits checked; then the link is active. */
async function activate(tx: Tx, l: ProxyLinkDoc, at: Date, by: 'elder' | 'official', byOpenid: string): Promise<ProxyLinkDoc> {
  const elderSide = (await tx.get<ElderProxiesDoc>('elderProxies', l.elderPersonId))?.links ?? [];
  const proxySide = (await tx.get<ProxyEldersDoc>('proxyElders', l.proxyOpenid))?.links ?? [];
  if (elderSide.length >= MAX_PROXIES_PER_ELDER) throw new DomainError('PROXY_LIMIT_ELDER');
  if (proxySide.length >= MAX_ELDERS_PER_PROXY) throw new DomainError('PROXY_LIMIT_HELPER');
  await tx.set<ElderProxiesDoc>('elderProxies', l.elderPersonId, { links: [...elderSide, l._id] });
  await tx.set<ProxyEldersDoc>('proxyElders', l.proxyOpenid, { links: [...proxySide, l._id] });
  const set = { status: 'active' as const, approvedAt: at.toISOString(), approvedBy: by, approvedByOpenid: byOpenid };
  await tx.update('proxyLinks', l._id, { set });
  return { ...l, ...set };
}

/** The elder, on their own phone: agree or decline. */
export async function answerProxy(deps: Deps, caller: Caller, input: { linkId: string; agree: boolean }): Promise<ProxyLinkView> {
  const openid = requireOpenid(caller);
  const elder = await personOf(deps.store, openid);
  const doc = await deps.store.transaction(async (tx) => {
    const l = await linkIn(tx, input.linkId);
    if (l.elderOpenid !== openid) throw new DomainError('NOT_FOUND');
    if (l.status !== 'requested') throw new DomainError('PROXY_NOT_ACTIVE');
    const at = deps.clock.now();
    if (!input.agree) {
      await tx.update('proxyLinks', l._id, { set: { status: 'declined', endedAt: at.toISOString(), endedBy: openid } });
      const next: ProxyLinkDoc = { ...l, status: 'declined' };
      await recordChange(tx, proxyChange(next, 'proxy.declined', at, { openid, role: 'laborer' }));
      return next;
    }
    const next = await activate(tx, l, at, 'elder', openid);
    await recordChange(tx, proxyChange(next, 'proxy.approved', at, { openid, role: 'laborer' }, { approvedBy: 'elder' }));
    return next;
  });
  return linkView(deps, doc, elder.name);
}

/** An official of the elder's county (or above), in person, after seeing the elder's ID card. */
export async function approveInPerson(deps: Deps, caller: Caller, input: { linkId: string; idCardSeen: boolean }): Promise<ProxyLinkView> {
  const openid = requireOpenid(caller);
  const current = await linkIn(deps.store, input.linkId);
  const binding = await requireOfficialOf(deps, caller, current.countyCode).catch(() => {
    throw new DomainError('NOT_FOUND');
  });
  if (!input.idCardSeen) throw new DomainError('INVALID_INPUT', '请先核对老人本人的身份证');
  const doc = await deps.store.transaction(async (tx) => {
    const l = await linkIn(tx, input.linkId);
    if (l.status !== 'requested') throw new DomainError('PROXY_NOT_ACTIVE');
    const at = deps.clock.now();
    const next = await activate(tx, l, at, 'official', openid);
    await recordChange(tx, proxyChange(next, 'proxy.approved', at, { openid, role: binding.role === 'admin' ? 'admin' : 'official' }, { approvedBy: 'official', idCardSeen: true }));
    return next;
  });
  const elder = await deps.store.get<PersonDoc>('persons', doc.elderPersonId);
  return linkView(deps, doc, elder?.name ?? '');
}

/** Either side ends it; from then on every act in the elder's name is refused at once. */
export async function endProxy(deps: Deps, caller: Caller, input: { linkId: string }): Promise<ProxyLinkView> {
  const openid = requireOpenid(caller);
  const doc = await deps.store.transaction(async (tx) => {
    const l = await linkIn(tx, input.linkId);
    if (l.proxyOpenid !== openid && l.elderOpenid !== openid) throw new DomainError('NOT_FOUND');
    if (l.status === 'ended' || l.status === 'declined') return l;
    const at = deps.clock.now();
    const without = (links: string[] | undefined) => (links ?? []).filter((x) => x !== l._id);
    await tx.set<ElderProxiesDoc>('elderProxies', l.elderPersonId, { links: without((await tx.get<ElderProxiesDoc>('elderProxies', l.elderPersonId))?.links) });
    await tx.set<ProxyEldersDoc>('proxyElders', l.proxyOpenid, { links: without((await tx.get<ProxyEldersDoc>('proxyElders', l.proxyOpenid))?.links) });
    await tx.update('proxyLinks', l._id, { set: { status: 'ended', endedAt: at.toISOString(), endedBy: openid } });
    const next: ProxyLinkDoc = { ...l, status: 'ended' };
    const byElder = l.elderOpenid === openid;
    await recordChange(tx, proxyChange(next, 'proxy.ended', at, byElder ? { openid, role: 'laborer' } : { openid, role: 'proxy', onBehalfOf: l.elderOpenid }, { by: byElder ? 'elder' : 'proxy' }));
    return next;
  });
  const elder = await deps.store.get<PersonDoc>('persons', doc.elderPersonId);
  return linkView(deps, doc, elder?.name ?? '');
}

/** The caller's links: the elders they act for, and (as an elder) who acts or asks to act for them. */
export async function myProxyLinks(deps: Deps, caller: Caller): Promise<{ asProxy: ProxyLinkView[]; asElder: ProxyLinkView[] }> {
  const openid = requireOpenid(caller);
  const mine = await deps.store.find<ProxyLinkDoc>('proxyLinks', where('proxyOpenid', 'eq', openid), { limit: 100 });
  const forMe = await deps.store.find<ProxyLinkDoc>('proxyLinks', where('elderOpenid', 'eq', openid), { limit: 100 });
  const name = async (l: ProxyLinkDoc) => (await deps.store.get<PersonDoc>('persons', l.elderPersonId))?.name ?? '';
  const live = (l: ProxyLinkDoc) => l.status === 'requested' || l.status === 'active';
  return {
    asProxy: await Promise.all(mine.items.filter(live).map(async (l) => linkView(deps, l, await name(l)))),
    asElder: await Promise.all(forMe.items.filter(live).map(async (l) => linkView(deps, l, await name(l)))),
  };
}

/** An official's queue: requests in their region waiting for an in-person approval. */
export async function pendingProxyRequests(deps: Deps, caller: Caller, input: { regionCode?: string }): Promise<ProxyLinkView[]> {
  const binding = await requireOfficialOf(deps, caller, input.regionCode);
  const region = input.regionCode ?? binding.regionCode;
  const page = await deps.store.find<ProxyLinkDoc>('proxyLinks', and(where('status', 'eq', 'requested')), { orderBy: { field: 'requestedAt' }, limit: 500 });
  const out: ProxyLinkView[] = [];
  for (const l of page.items) {
    if (!deps.regions.isWithin(l.countyCode, region)) continue;
    out.push(linkView(deps, l, (await deps.store.get<PersonDoc>('persons', l.elderPersonId))?.name ?? ''));
  }
  return out;
}

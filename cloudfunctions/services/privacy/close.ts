/**
 * R14.2 closing an account (注销). What belongs to the WeChat account goes: the binding (the
 * accounts document, the OPENID on the person and on the ID-number index), the phone number, the
 * messages, subscription consents, request answers, the privacy agreement and the real-name
 * check, and every 亲情代办 link is ended. What the programme must keep stays, tied to the person
 * and to no account: the ledger, vouchers, enrollments, attendance, results, certificates,
 * subsidies and employment reports (past records keep the OPENID that acted, as the ledger does).
 * The same ID number may register again and finds it all (rejoin.ts). Refused while the person
 * holds a role, an unused voucher or a training under way: those need the account.
 */
import type { CloseAccountResult } from '../../contract';
import { DomainError } from '../../core/errors';
import { KEPT_AFTER_CLOSING, closeRefusal } from '../../core/privacy';
import type { CollectionName } from '../../store/collections';
import { type Doc, type Filter, idsUnder, where } from '../../store/port';
import { type PersonDoc, personOf } from '../account';
import { recordChange } from '../books/changes';
import { type AccountDoc, requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import type { ProxyLinkDoc } from '../kernel/proxies';
import { endProxy } from '../family';
import type { EnrollmentDoc } from '../training';
import type { VoucherDoc } from '../voucher';
import { personChange } from './records';

/** Documents removed a transaction at a time (CloudBase keeps transactions small). */
const BATCH = 100;

/** Removes every document matching `filter`, a batch per transaction; answers how many. */
async function removeAll(deps: Deps, collection: CollectionName, filter: Filter): Promise<number> {
  let removed = 0;
  for (;;) {
    const page = await deps.store.find<Doc>(collection, filter, { limit: BATCH });
    if (page.items.length === 0) return removed;
    await deps.store.transaction(async (tx) => {
      for (const d of page.items) await tx.remove(collection, d._id);
    });
    removed += page.items.length;
  }
}

async function refuseIfBusy(deps: Deps, account: AccountDoc, person: PersonDoc): Promise<void> {
  const vouchers = await deps.store.find<VoucherDoc>('vouchers', where('personId', 'eq', person._id), { limit: 200 });
  const enrollments = await deps.store.find<EnrollmentDoc>('enrollments', where('personId', 'eq', person._id), { limit: 200 });
  const refusal = closeRefusal({
    roles: account.roles.length,
    openVouchers: vouchers.items.filter((v) => v.status === 'unused').length,
    activeEnrollments: enrollments.items.filter((e) => e.status === 'enrolled').length,
  });
  if (refusal) throw new DomainError(refusal);
}

/** R13.1 every link where the person is the elder or the relative ends first (each ledgered by the family context). */
async function endLinks(deps: Deps, caller: Caller, openid: string): Promise<void> {
  for (const field of ['elderOpenid', 'proxyOpenid'] as const) {
    const links = await deps.store.find<ProxyLinkDoc>('proxyLinks', where(field, 'eq', openid), { limit: 100 });
    for (const l of links.items) if (l.status === 'requested' || l.status === 'active') await endProxy(deps, caller, { linkId: l._id });
  }
}

export async function closeAccount(deps: Deps, caller: Caller): Promise<CloseAccountResult> {
  const openid = requireOpenid(caller);
  const person = await personOf(deps.store, openid);
  const account = (await deps.store.get<AccountDoc>('accounts', openid))!;
  await refuseIfBusy(deps, account, person);
  await endLinks(deps, caller, openid);
  const messagesRemoved = await removeAll(deps, 'outbox', where('openid', 'eq', openid));
  await removeAll(deps, 'consents', idsUnder(openid));
  await removeAll(deps, 'requests', idsUnder(openid));
  await deps.store.transaction(async (tx) => {
    const current = await tx.get<AccountDoc>('accounts', openid);
    if (current?.personId !== person._id) return; // closed by a retry already
    const now = deps.clock.now();
    const at = now.toISOString();
    await tx.remove('accounts', openid);
    await tx.update('persons', person._id, { set: { openid: '', phone: null, closedAt: at, updatedAt: at } });
    await tx.update('idNumbers', person.idHash, { set: { openid: '' } });
    if (await tx.get('privacyConsents', openid)) await tx.remove('privacyConsents', openid);
    if (await tx.get('realNames', person._id)) await tx.remove('realNames', person._id);
    await recordChange(tx, personChange(person, 'account.closed', now, { openid, role: 'laborer' }, { removed: ['wechat', 'phone', 'messages', 'consents'], messages: messagesRemoved }));
  });
  deps.log.info('account closed', { requestId: caller.requestId, countyCode: person.countyCode });
  return { closed: true, messagesRemoved, kept: [...KEPT_AFTER_CLOSING] };
}

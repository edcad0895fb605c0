/**
 * R3.3, R4.1–R4.4, R4.6 claiming a voucher: eligible, one unused of a type, three a year, under
 * the county quota; idempotent by request id.
 */
import type { VoucherView } from '../../contract';
import { chinaDateOf } from '../../core/china-date';
import { eligibilityOf } from '../../core/eligibility';
import { claimRefusal } from '../../core/vouchers';
import type { Tx } from '../../store/port';
import { type PersonDoc, personOf } from '../account';
import { recordChange } from '../books/changes';
import { type Actor, actorOf } from '../books/ledger';
import { voucherTypeIn } from '../catalogue';
import { requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { placeOf } from '../kernel/place';
import { findPlace, takePlace } from '../kernel/places';
import { type RequestDoc, requestKey as requestKeyOf } from '../kernel/requests';
import type { PersonYearDoc, SlotDoc, VoucherDoc } from './documents';
import { birthOf, hasCurrentEmployer, isPastExpiry, personYearId, slotId, voucherView } from './documents';
import { SYSTEM, endVoucher } from './lifecycle';
import { quotaIn, quotaPool } from './quotas';
import { claimedChange, newVoucher, voucherIdOf } from './records';

/** What a claim needs, read and checked inside the caller's transaction. */
export interface ClaimFacts {
  person: PersonDoc;
  typeCode: string;
  now: Date;
  actor: Actor;
  /** The voucher's id (made from the request, so a retry finds it) and the request id. */
  id: string;
  requestId: string;
  /** R12.2 a directed voucher (定向券): the list issuing it (counted `directed`, not `claimed`). */
  directed?: { listId: string };
}

/**
 * R4.1–R4.4 one claim inside `tx`: eligible, no unused voucher of the type (one past validity is
 * expired first), under the yearly limit and the county quota. Throws the refusal; else writes
 * the voucher, its slot, the yearly count, the quota use and the ledger entry, and answers it.
 * Enrolling with a claim (R13, four taps) and directed issues (R12.2) claim through this too.
 */
export async function claimInTx(tx: Tx, f: ClaimFacts): Promise<VoucherDoc> {
  const { person, now, actor } = f;
  const type = await voucherTypeIn(tx, f.typeCode);
  const eligibility = eligibilityOf({ birthDate: birthOf(person), hasCurrentEmployer: hasCurrentEmployer(person) }, type, now);
  const year = chinaDateOf(now).year;
  const place = placeOf(person);

  // R4.3: one unused voucher of a type; one past its validity is expired first.
  const slot = await tx.get<SlotDoc>('voucherSlots', slotId(person._id, type.code));
  let held = slot ? await tx.get<VoucherDoc>('vouchers', slot.voucherId) : null;
  if (held && isPastExpiry(held, now)) held = await endVoucher(tx, held, 'expired', now, SYSTEM);
  const personYear = await tx.get<PersonYearDoc>('personYears', personYearId(person._id, year));
  const quota = await quotaIn(tx, type, place, year);
  // D62: the place comes from one of the quota's shards.
  const room = await findPlace(tx, quotaPool(quota));

  const refusal = claimRefusal({
    eligibility,
    typeName: type.name,
    hasUnusedOfType: held?.status === 'unused',
    countedThisYear: personYear?.counted ?? 0,
    quotaLeft: room?.left ?? 0,
  });
  if (refusal) throw refusal;
  if (!eligibility.eligible) throw new Error('unreachable: refusal covers eligibility');

  if (!room) throw new Error('unreachable: refusal covers the quota');
  const doc = newVoucher({ id: f.id, place, person, type, eligibility, at: now, requestId: f.requestId, directed: f.directed, quotaShard: await takePlace(tx, 'quotaShards', room) });
  const { _id: id, ...data } = doc;
  await tx.create<VoucherDoc>('vouchers', id, data);
  await tx.set<SlotDoc>('voucherSlots', slotId(person._id, type.code), { voucherId: id });
  if (personYear) await tx.update('personYears', personYear._id, { inc: { counted: 1 } });
  else await tx.create<PersonYearDoc>('personYears', personYearId(person._id, year), { personId: person._id, year, counted: 1 });
  // D49: the person's first voucher of the year reaches them (the yearly count is created now).
  await recordChange(tx, claimedChange(doc, actor, !personYear));
  return doc;
}

export async function claimVoucher(deps: Deps, caller: Caller, input: { type: string }): Promise<VoucherView> {
  const openid = requireOpenid(caller);
  const requestKey = requestKeyOf(openid, 'voucher.claim', caller.requestId);
  const voucher = await deps.store.transaction(async (tx) => {
    // R4.6: the same request id answers the same voucher and writes nothing new.
    const done = await tx.get<RequestDoc>('requests', requestKey);
    if (done) return (await tx.get<VoucherDoc>('vouchers', done.result))!;
    const now = deps.clock.now();
    const person = await personOf(tx, openid);
    const doc = await claimInTx(tx, { person, typeCode: input.type, now, actor: actorOf(caller, 'laborer'), id: voucherIdOf(requestKey), requestId: caller.requestId });
    await tx.create<RequestDoc>('requests', requestKey, { result: doc._id, at: doc.claimedAt });
    return doc;
  });
  return voucherView(deps, voucher, deps.clock.now());
}

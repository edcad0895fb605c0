/**
 * Electronic training vouchers (R3.3, R4): list with eligibility, claim under quota, mine,
 * cancel, and expiry (lazily on read and by the sweep).
 */
import { createHash } from 'node:crypto';
import type { VoucherTypeView, VoucherView } from '../../contract';
import type { Band } from '../../core/age';
import { chinaDateOf, parseDate } from '../../core/china-date';
import { bandsText, eligibilityOf } from '../../core/eligibility';
import { DomainError } from '../../core/errors';
import { type VoucherStatus, claimRefusal, daysLeft, expiryOf, YEARLY_SUBSIDY_LIMIT } from '../../core/vouchers';
import { type Tx, and, where } from '../../store/port';
import { type PersonDoc, personOf, requireOpenid } from '../account/account';
import { type VoucherTypeDoc, listVoucherTypes, voucherTypeIn } from '../catalogue/catalogue';
import { recordChange } from '../books/changes';
import { type Place, placeOf } from '../books/counters';
import type { Caller, Deps } from '../kernel/deps';
import type { Actor } from '../books/ledger';

export type VoucherDoc = Place & {
  _id: string;
  personId: string;
  openid: string;
  type: string;
  typeName: string;
  /** R3.3: the band the voucher was claimed under, kept even if the holder crosses a boundary. */
  band: Band;
  ageAtClaim: number;
  townshipCode: string;
  /** China calendar year of the claim: the quota and the 3-a-year limit it counts in. */
  year: number;
  status: VoucherStatus;
  claimedAt: string;
  expiresAt: string;
  endedAt?: string;
  requestId: string;
};

export type QuotaDoc = Place & { _id: string; type: string; year: number; limit: number; used: number };
export type SlotDoc = { _id: string; voucherId: string };
export type PersonYearDoc = { _id: string; personId: string; year: number; counted: number };
export type RequestDoc = { _id: string; result: string; at: string };

export const quotaId = (type: string, countyCode: string, year: number) => `${type}:${countyCode}:${year}`;
export const slotId = (personId: string, type: string) => `${personId}:${type}`;
export const personYearId = (personId: string, year: number) => `${personId}:${year}`;

const STATUS_NAMES: Record<VoucherStatus, string> = {
  unused: '未使用',
  reserved: '已报名',
  redeemed: '已使用',
  cancelled: '已退回',
  expired: '已过期',
};

const birthOf = (p: PersonDoc) => {
  const d = parseDate(p.birthDate);
  if (!d) throw new Error(`person ${p._id} has a corrupt birth date`);
  return d;
};

/** R4/R8: the latest employment report names an employer. */
const hasCurrentEmployer = (p: PersonDoc): boolean => Boolean(p.currentEmployer);

function view(deps: Deps, v: VoucherDoc, now: Date): VoucherView {
  return {
    id: v._id,
    type: v.type,
    typeName: v.typeName,
    band: v.band,
    status: v.status,
    statusName: STATUS_NAMES[v.status],
    claimedAt: v.claimedAt,
    expiresAt: v.expiresAt,
    daysLeft: v.status === 'unused' ? daysLeft(new Date(v.expiresAt), now) : null,
    year: v.year,
    county: deps.regions.ref(v.countyCode),
  };
}

/** The county's quota document for a type and year, created with the default limit on first use. */
async function quotaIn(tx: Tx, type: VoucherTypeDoc, place: Place, year: number): Promise<QuotaDoc> {
  const id = quotaId(type.code, place.countyCode, year);
  const existing = await tx.get<QuotaDoc>('quotas', id);
  if (existing) return existing;
  const fresh = { ...place, type: type.code, year, limit: type.defaultCountyQuota, used: 0 };
  await tx.create<QuotaDoc>('quotas', id, fresh);
  return { _id: id, ...fresh };
}

/**
 * Ends an unused voucher (cancelled by the holder, or expired): frees the type slot, gives the
 * place back to the county quota (R4.5) and to the person's yearly count (R4.4), and records it.
 */
export async function endVoucher(tx: Tx, v: VoucherDoc, status: 'cancelled' | 'expired', at: Date, actor: Actor): Promise<VoucherDoc> {
  const endedAt = at.toISOString();
  await tx.update('vouchers', v._id, { set: { status, endedAt } });
  const slot = await tx.get<SlotDoc>('voucherSlots', slotId(v.personId, v.type));
  if (slot?.voucherId === v._id) await tx.remove('voucherSlots', slot._id);
  await tx.update('quotas', quotaId(v.type, v.countyCode, v.year), { inc: { used: -1 } });
  await tx.update('personYears', personYearId(v.personId, v.year), { inc: { counted: -1 } });
  const metric = status === 'cancelled' ? 'vouchersCancelled' : 'vouchersExpired';
  await recordChange(tx, {
    place: placeOf(v),
    at,
    type: `voucher.${status}`,
    subjects: { voucherId: v._id, personId: v.personId },
    actor,
    data: { type: v.type, year: v.year, band: v.band },
    counters: [{ metric: `${metric}.${v.type}`, band: v.band, by: 1 }],
  });
  return { ...v, status, endedAt };
}

const SYSTEM: Actor = { openid: null, role: 'system' };
export const isPastExpiry = (v: VoucherDoc, now: Date) => v.status === 'unused' && new Date(v.expiresAt) <= now;

/** Expires one voucher if it is still unused and past its validity (idempotent; R4.5). */
export async function expireIfDue(deps: Deps, voucherId: string): Promise<boolean> {
  return deps.store.transaction(async (tx) => {
    const now = deps.clock.now();
    const v = await tx.get<VoucherDoc>('vouchers', voucherId);
    if (!v || !isPastExpiry(v, now)) return false;
    await endVoucher(tx, v, 'expired', now, SYSTEM);
    return true;
  });
}

export async function claimVoucher(deps: Deps, caller: Caller, input: { type: string }): Promise<VoucherView> {
  const openid = requireOpenid(caller);
  const requestKey = `${openid}:voucher.claim:${caller.requestId}`;
  const voucher = await deps.store.transaction(async (tx) => {
    // R4.6: the same request id answers the same voucher and writes nothing new.
    const done = await tx.get<RequestDoc>('requests', requestKey);
    if (done) return (await tx.get<VoucherDoc>('vouchers', done.result))!;

    const now = deps.clock.now();
    const person = await personOf(tx, openid);
    const type = await voucherTypeIn(tx, input.type);
    const eligibility = eligibilityOf(
      { birthDate: birthOf(person), hasCurrentEmployer: hasCurrentEmployer(person) },
      type,
      now,
    );
    const year = chinaDateOf(now).year;
    const place = placeOf(person);
    const actor: Actor = { openid, role: 'laborer' };

    // R4.3: one unused voucher of a type; one past its validity is expired first.
    const slot = await tx.get<SlotDoc>('voucherSlots', slotId(person._id, type.code));
    let held = slot ? await tx.get<VoucherDoc>('vouchers', slot.voucherId) : null;
    if (held && isPastExpiry(held, now)) held = await endVoucher(tx, held, 'expired', now, SYSTEM);
    const personYear = await tx.get<PersonYearDoc>('personYears', personYearId(person._id, year));
    const quota = await quotaIn(tx, type, place, year);

    const refusal = claimRefusal({
      eligibility,
      typeName: type.name,
      hasUnusedOfType: held?.status === 'unused',
      countedThisYear: personYear?.counted ?? 0,
      quotaLeft: quota.limit - quota.used,
    });
    if (refusal) throw refusal;
    if (!eligibility.eligible) throw new Error('unreachable: refusal covers eligibility');

    // Derived from the request, so a re-run of this callback (CloudBase conflict retry) writes the same id.
    const id = `v_${createHash('sha256').update(requestKey).digest('hex').slice(0, 24)}`;
    const doc: Omit<VoucherDoc, '_id'> = {
      ...place,
      personId: person._id,
      openid,
      type: type.code,
      typeName: type.name,
      band: eligibility.band,
      ageAtClaim: eligibility.age,
      townshipCode: person.townshipCode,
      year,
      status: 'unused',
      claimedAt: now.toISOString(),
      expiresAt: expiryOf(now, type.validityDays).toISOString(),
      requestId: caller.requestId,
    };
    await tx.create<VoucherDoc>('vouchers', id, doc);
    await tx.set<SlotDoc>('voucherSlots', slotId(person._id, type.code), { voucherId: id });
    if (personYear) await tx.update('personYears', personYear._id, { inc: { counted: 1 } });
    else await tx.create<PersonYearDoc>('personYears', personYearId(person._id, year), { personId: person._id, year, counted: 1 });
    await tx.update('quotas', quota._id, { inc: { used: 1 } });
    await tx.create<RequestDoc>('requests', requestKey, { result: id, at: doc.claimedAt });
    await recordChange(tx, {
      place,
      at: now,
      type: 'voucher.claimed',
      subjects: { voucherId: id, personId: person._id },
      actor,
      data: { type: type.code, band: eligibility.band, age: eligibility.age, year, expiresAt: doc.expiresAt },
      counters: [{ metric: `vouchersClaimed.${type.code}`, band: eligibility.band, by: 1 }],
    });
    return { _id: id, ...doc };
  });
  return view(deps, voucher, deps.clock.now());
}

export async function cancelVoucher(deps: Deps, caller: Caller, input: { voucherId: string }): Promise<VoucherView> {
  const openid = requireOpenid(caller);
  const voucher = await deps.store.transaction(async (tx) => {
    const now = deps.clock.now();
    const v = await tx.get<VoucherDoc>('vouchers', input.voucherId);
    // Another person's voucher is answered like a missing one: ids reveal nothing.
    if (!v || v.openid !== openid) throw new DomainError('NOT_FOUND');
    if (isPastExpiry(v, now)) {
      await endVoucher(tx, v, 'expired', now, SYSTEM);
      return null;
    }
    if (v.status !== 'unused') throw new DomainError('VOUCHER_NOT_CANCELLABLE');
    return endVoucher(tx, v, 'cancelled', now, { openid, role: 'laborer' });
  });
  if (!voucher) throw new DomainError('VOUCHER_NOT_CANCELLABLE', '这张培训券已过期，名额已退回');
  return view(deps, voucher, deps.clock.now());
}

/** The caller's vouchers, newest first; unused ones past their validity are expired first. */
export async function myVouchers(deps: Deps, caller: Caller): Promise<VoucherView[]> {
  const openid = requireOpenid(caller);
  const person = await personOf(deps.store, openid);
  const find = () =>
    deps.store.find<VoucherDoc>('vouchers', where('personId', 'eq', person._id), {
      orderBy: { field: 'claimedAt', direction: 'desc' },
      limit: 200,
    });
  let page = await find();
  const now = deps.clock.now();
  const due = page.items.filter((v) => isPastExpiry(v, now));
  if (due.length) {
    for (const v of due) await expireIfDue(deps, v._id);
    page = await find();
  }
  return page.items.map((v) => view(deps, v, deps.clock.now()));
}

/** Every active type with the caller's eligibility, what stands in the way, and places left. */
export async function listTypesFor(deps: Deps, caller: Caller): Promise<VoucherTypeView[]> {
  const openid = requireOpenid(caller);
  const person = await personOf(deps.store, openid);
  const now = deps.clock.now();
  const year = chinaDateOf(now).year;
  const types = await listVoucherTypes(deps.store);
  const personYear = await deps.store.get<PersonYearDoc>('personYears', personYearId(person._id, year));
  const counted = personYear?.counted ?? 0;
  const views = await Promise.all(
    types.map(async (type): Promise<VoucherTypeView> => {
      const eligibility = eligibilityOf(
        { birthDate: birthOf(person), hasCurrentEmployer: hasCurrentEmployer(person) },
        type,
        now,
      );
      const quota = await deps.store.get<QuotaDoc>('quotas', quotaId(type.code, person.countyCode, year));
      const limit = quota?.limit ?? type.defaultCountyQuota;
      const left = Math.max(0, limit - (quota?.used ?? 0));
      const slot = await deps.store.get<SlotDoc>('voucherSlots', slotId(person._id, type.code));
      const held = slot ? await deps.store.get<VoucherDoc>('vouchers', slot.voucherId) : null;
      const holding = held && held.status === 'unused' && !isPastExpiry(held, now) ? held : null;
      const refusal = claimRefusal({
        eligibility,
        typeName: type.name,
        hasUnusedOfType: holding !== null,
        countedThisYear: counted,
        quotaLeft: left,
      });
      return {
        code: type.code,
        name: type.name,
        alias: type.alias ?? null,
        validityDays: type.validityDays,
        bands: type.bands,
        audience: `${bandsText(type.bands)}劳动者`,
        sameTownship: Boolean(type.sameTownship),
        requiresEmployer: Boolean(type.requiresEmployer),
        eligible: eligibility.eligible,
        canClaim: refusal === null,
        reasons: eligibility.eligible ? (refusal ? [refusal.message] : []) : eligibility.reasons.map((r) => r.message),
        refusalCode: refusal?.code ?? null,
        quota: { limit, left },
        heldVoucherId: holding?._id ?? null,
        usedThisYear: counted,
        yearlyLimit: YEARLY_SUBSIDY_LIMIT,
      };
    }),
  );
  // Eligible first, then the catalogue's order.
  return views.sort((a, b) => Number(b.eligible) - Number(a.eligible));
}

/** R4.5: expires every unused voucher past its validity, in pages (the remind timer calls this). */
export async function sweepExpiredVouchers(deps: Deps): Promise<{ expired: number }> {
  let expired = 0;
  for (;;) {
    const now = deps.clock.now();
    const page = await deps.store.find<VoucherDoc>(
      'vouchers',
      and(where('status', 'eq', 'unused'), where('expiresAt', 'lte', now.toISOString())),
      { orderBy: { field: 'expiresAt' }, limit: 500 },
    );
    let expiredNow = 0;
    for (const v of page.items) if (await expireIfDue(deps, v._id)) expiredNow++;
    expired += expiredNow;
    if (expiredNow === 0 || page.items.length < 500) return { expired };
  }
}

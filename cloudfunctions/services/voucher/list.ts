/**
 * R4.1 what the caller sees: every type with their eligibility and what stands in the way, and
 * their own vouchers.
 */
import type { VoucherTypeView, VoucherView } from '../../contract';
import { chinaDateOf } from '../../core/china-date';
import { bandsText, eligibilityOf } from '../../core/eligibility';
import { YEARLY_SUBSIDY_LIMIT, claimRefusal } from '../../core/vouchers';
import { where } from '../../store/port';
import { personOf } from '../account';
import { listVoucherTypes } from '../catalogue';
import { requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import {
  type PersonYearDoc,
  type QuotaDoc,
  type SlotDoc,
  type VoucherDoc,
  birthOf,
  hasCurrentEmployer,
  isPastExpiry,
  personYearId,
  quotaId,
  slotId,
  voucherView,
} from './documents';
import { expireIfDue } from './lifecycle';

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
  return page.items.map((v) => voucherView(deps, v, deps.clock.now()));
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


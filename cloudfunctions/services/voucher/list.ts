/**
 * R4.1 what the caller sees: every type with their eligibility and what stands in the way, and
 * their own vouchers.
 */
import type { VoucherCatalogueItem, VoucherTypeView, VoucherView } from '../../contract';
import { chinaDateOf, chinaToday } from '../../core/china-date';
import { levelsText, registrationsInForce } from '../../core/institutions';
import { scan } from '../../store/scan';
import { bandsText, eligibilityOf } from '../../core/eligibility';
import { YEARLY_SUBSIDY_LIMIT, claimRefusal } from '../../core/vouchers';
import { and, where } from '../../store/port';
import { type PersonDoc, personOf } from '../account';
import { listOccupations, listVoucherTypes } from '../catalogue';
import type { InstitutionDoc } from '../institution';
import { requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import type { PersonYearDoc, QuotaDoc, SlotDoc, VoucherDoc } from './documents';
import { birthOf, hasCurrentEmployer, isPastExpiry, personYearId, quotaId, slotId, voucherView } from './documents';
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

/** The type spent at an evaluation body without a class (R7.1). */
const EVALUATION_TYPE = 'evaluation';

/** Every active type with the caller's eligibility, what stands in the way, and places left. */
export async function listTypesFor(deps: Deps, caller: Caller): Promise<VoucherTypeView[]> {
  const openid = requireOpenid(caller);
  const person = await personOf(deps.store, openid);
  const now = deps.clock.now();
  const year = chinaDateOf(now).year;
  const types = await listVoucherTypes(deps.store);
  const reach = await reachOf(deps, person, types.map((t) => t.code), now);
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
        ...reach.get(type.code)!,
      };
    }),
  );
  // R13: what the holder can use near home first — eligible, then a class nearby takes it, then
  // the catalogue's order; the 评价券 (no class takes it) after the class vouchers.
  const score = (v: VoucherTypeView) => Number(v.eligible) * 4 + Number((v.nearbyClasses ?? 0) > 0) * 2 + Number(v.usedAt === 'class');
  return views.sort((a, b) => score(b) - score(a));
}

/** R13 for each type: where it is spent, how many classes near home take it, and how to use it. */
async function reachOf(deps: Deps, person: PersonDoc, codes: string[], now: Date): Promise<Map<string, Pick<VoucherTypeView, 'usedAt' | 'nearbyClasses' | 'howToUse' | 'evaluationBodies'>>> {
  const nearby = new Map<string, number>();
  const upcoming = await deps.store.find<{ _id: string; acceptedTypes: string[] }>(
    'classes',
    and(where('countyCode', 'eq', person.countyCode), where('status', 'eq', 'approved'), where('firstSessionAt', 'gt', now.toISOString())),
    { orderBy: { field: 'firstSessionAt' }, limit: 1000 },
  );
  for (const c of upcoming.items) for (const t of c.acceptedTypes) nearby.set(t, (nearby.get(t) ?? 0) + 1);
  const out = new Map<string, Pick<VoucherTypeView, 'usedAt' | 'nearbyClasses' | 'howToUse' | 'evaluationBodies'>>();
  for (const code of codes) {
    if (code === EVALUATION_TYPE) {
      const bodies = await evaluationBodiesNear(deps, person, now);
      out.set(code, {
        usedAt: 'evaluationBody',
        nearbyClasses: 0,
        evaluationBodies: bodies,
        howToUse:
          bodies.length > 0
            ? '不用上课：领取后带身份证到下面的评价机构直接参加技能等级评价，通过后发证书。会占用今年3次补贴中的1次。'
            : '不用上课，要到评价机构直接参加技能等级评价；本市暂时没有备案的评价机构。会占用今年3次补贴中的1次。',
      });
      continue;
    }
    const n = nearby.get(code) ?? 0;
    out.set(code, { usedAt: 'class', nearbyClasses: n, howToUse: n > 0 ? `本县有${n}个班收这种券，领取后可以报名。` : '本县暂时没有收这种券的班，领了也要等开班。' });
  }
  return out;
}

/** 评价库 for a laborer: institutions of their city with an evaluation registration in force today. */
async function evaluationBodiesNear(deps: Deps, person: PersonDoc, now: Date): Promise<NonNullable<VoucherTypeView['evaluationBodies']>> {
  const today = chinaToday(now);
  const out: NonNullable<VoucherTypeView['evaluationBodies']> = [];
  const names = new Map((await listOccupations(deps.store)).map((o) => [o.code, o.name]));
  for await (const i of scan<InstitutionDoc>(deps.store, 'institutions', where('cityCode', 'eq', person.cityCode))) {
    if (i.status !== 'active') continue;
    const regs = registrationsInForce(i.registrations, today);
    if (regs.length === 0) continue;
    out.push({ id: i._id, name: i.name, county: deps.regions.ref(i.countyCode).name, occupations: regs.map((r) => `${names.get(r.occupationCode) ?? r.occupationCode}（${levelsText(r.levels)}）`) });
  }
  return out;
}


/** The active voucher types as the catalogue has them, for anyone logged in (a trainer's 开班 form). */
export async function voucherCatalogue(deps: Deps, caller: Caller): Promise<VoucherCatalogueItem[]> {
  requireOpenid(caller);
  return (await listVoucherTypes(deps.store)).map((t) => ({ code: t.code, name: t.name, alias: t.alias ?? null, bands: t.bands, audience: `${bandsText(t.bands)}劳动者`, sameTownship: Boolean(t.sameTownship) }));
}

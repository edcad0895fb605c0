/**
 * R4.2 county quotas: admins set a county's yearly limit per voucher type (never below the
 * places already used).
 */
import type { QuotaView, SetCountyQuotaInput, VoucherTypeInput } from '../../contract';
import { DomainError } from '../../core/errors';
import { requireOpenid } from '../account/account';
import { requireRole } from '../kernel/authz';
import { type VoucherTypeDoc, upsertVoucherType, voucherTypeIn } from '../catalogue/catalogue';
import { recordChange } from '../books/changes';
import type { Caller, Deps } from '../kernel/deps';
import { type QuotaDoc, quotaId } from './vouchers';

export async function setCountyQuota(deps: Deps, caller: Caller, input: SetCountyQuotaInput): Promise<QuotaView> {
  const openid = requireOpenid(caller);
  const county = deps.regions.get(input.countyCode);
  if (!county || county.level !== 'county') throw new DomainError('REGION_UNKNOWN', '请选择县（市、区）');
  await requireRole(deps, caller, 'admin', input.countyCode);
  const city = deps.regions.ancestorAt(county.code, 'city');
  const province = deps.regions.ancestorAt(county.code, 'province');
  if (!city || !province) throw new DomainError('REGION_UNKNOWN');
  const place = { countyCode: county.code, cityCode: city.code, provinceCode: province.code };
  const quota = await deps.store.transaction(async (tx) => {
    const type = await voucherTypeIn(tx, input.type);
    const id = quotaId(type.code, county.code, input.year);
    const current = await tx.get<QuotaDoc>('quotas', id);
    const used = current?.used ?? 0;
    if (input.limit < used) {
      throw new DomainError('INVALID_INPUT', `已发放${used}张，名额不能少于${used}`);
    }
    const doc = { ...place, type: type.code, year: input.year, limit: input.limit, used };
    await tx.set<QuotaDoc>('quotas', id, doc);
    await recordChange(tx, {
      place,
      at: deps.clock.now(),
      type: 'quota.set',
      subjects: { quotaId: id },
      actor: { openid, role: 'admin' },
      data: { type: type.code, year: input.year, limit: input.limit, previousLimit: current?.limit ?? type.defaultCountyQuota },
      counters: [],
    });
    return doc;
  });
  return { type: quota.type, county: deps.regions.ref(quota.countyCode), year: quota.year, limit: quota.limit, used: quota.used };
}

/**
 * Admin: upserts a voucher type. The catalogue is province-wide reference data, so the change is
 * recorded on the chain of the admin's own region's first county-level ancestor or, for a city
 * or province admin, under the region code itself.
 */
export async function adminUpsertVoucherType(deps: Deps, caller: Caller, input: VoucherTypeInput): Promise<VoucherTypeDoc> {
  const openid = requireOpenid(caller);
  const binding = await requireRole(deps, caller, 'admin');
  const region = binding.regionCode ?? '';
  const city = deps.regions.ancestorAt(region, 'city');
  const province = deps.regions.ancestorAt(region, 'province');
  const at = deps.clock.now();
  return upsertVoucherType(deps.store, input, at, async (tx, previous) => {
    await recordChange(tx, {
      place: { countyCode: region, cityCode: city?.code ?? region, provinceCode: province?.code ?? region },
      at,
      type: previous ? 'catalogue.voucherType.changed' : 'catalogue.voucherType.added',
      subjects: { voucherType: input.code },
      actor: { openid, role: 'admin' },
      data: { before: previous ? { ...previous, _id: undefined, updatedAt: undefined } : null, after: input },
      counters: [],
    });
  });
}

/**
 * Phase: the county quotas for the year (R4.2, D11). Where the year's claims need more than the
 * type's default, the city admin raises the limit first, as setCountyQuota does (quotaSetChange);
 * elsewhere the first claim opens the quota at the default, as claimVoucher's quotaIn does. The
 * quotas stay in flight on the in-memory transaction: each claim's and each ending's change
 * moves `used` (its roll-up, D61). A loaded history keeps its places in one shard (D62: the
 * vouchers name shard 0); setCountyQuota spreads a quota over more.
 */
import { type QuotaDoc, quotaId, quotaSetChange } from '../../../cloudfunctions/services/voucher';
import { CITY, PROVINCE, QUOTA_SET_AT, type TypeCode, VOUCHER_TYPES, YEAR } from '../plan';
import { type LoaderContext, record } from './context';
import { CITY_ADMIN } from './names';

/** Answers how many quotas were raised. */
export async function loadQuotas(ctx: LoaderContext): Promise<number> {
  const { plan } = ctx;
  const typeRow = new Map(VOUCHER_TYPES.map((t) => [t.code, t]));
  const claims = new Map<string, { type: TypeCode; countyCode: string; n: number }>();
  for (const v of plan.vouchers) {
    if (!ctx.mine(plan.personCounty[v.person])) continue;
    const countyCode = plan.counties[plan.personCounty[v.person]].code;
    const id = quotaId(v.type, countyCode, YEAR);
    const row = claims.get(id) ?? { type: v.type, countyCode, n: 0 };
    row.n++;
    claims.set(id, row);
  }
  let raised = 0;
  for (const [id, { type, countyCode, n }] of [...claims.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const defaultLimit = typeRow.get(type)!.defaultCountyQuota;
    // Never exceeded at any moment: the limit covers every claim of the year.
    const limit = Math.max(defaultLimit, Math.ceil(n / 100) * 100);
    const quota: QuotaDoc = { _id: id, countyCode, cityCode: CITY, provinceCode: PROVINCE, type, year: YEAR, limit, used: 0, shards: 1 };
    if (limit > defaultLimit) {
      raised++;
      await record(ctx, quotaSetChange(quota, defaultLimit, new Date(QUOTA_SET_AT), { openid: CITY_ADMIN, role: 'admin' }));
    }
    ctx.tx.load('quotas', quota);
  }
  return raised;
}

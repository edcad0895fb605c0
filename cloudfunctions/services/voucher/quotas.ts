/**
 * R4.2 county quotas: admins set a county's yearly limit per voucher type (never below the
 * places already used). D62: a quota's places live in shard documents (kernel/places.ts), so
 * concurrent claims in one county take places from different documents.
 */
import type { QuotaView, SetCountyQuotaInput } from '../../contract';
import { DomainError } from '../../core/errors';
import type { Tx } from '../../store/port';
import { recordChange } from '../books/changes';
import { type VoucherTypeDoc, voucherTypeIn } from '../catalogue';
import { requireRole } from '../kernel/authz';
import { requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { type Place, countyPlace } from '../kernel/place';
import { type PlacePool, givePlaceBack as givePlaceBackTo, spreadPlaces } from '../kernel/places';
import { QUOTA_SHARDS, type QuotaDoc, type VoucherDoc, quotaId } from './documents';
import { quotaSetChange } from './records';

/** The county's quota for a type and year, opened at the type's default limit on first use. */
export async function quotaIn(tx: Tx, type: VoucherTypeDoc, place: Place, year: number): Promise<QuotaDoc> {
  const id = quotaId(type.code, place.countyCode, year);
  const existing = await tx.get<QuotaDoc>('quotas', id);
  if (existing) return existing;
  const fresh = { ...place, type: type.code, year, limit: type.defaultCountyQuota, used: 0, shards: QUOTA_SHARDS };
  await tx.create<QuotaDoc>('quotas', id, fresh);
  return { _id: id, ...fresh };
}

/** A quota's places (D62). */
export const quotaPool = (q: QuotaDoc): PlacePool => ({ collection: 'quotaShards', id: q._id, limit: q.limit, shards: q.shards ?? 1 });

/** R4.5 an ended voucher's place goes back to the shard it came from. */
export const givePlaceBack = (tx: Tx, v: VoucherDoc): Promise<void> =>
  givePlaceBackTo(tx, 'quotaShards', quotaId(v.type, v.countyCode, v.year), v.quotaShard ?? 0);

export async function setCountyQuota(deps: Deps, caller: Caller, input: SetCountyQuotaInput): Promise<QuotaView> {
  const openid = requireOpenid(caller);
  const place = countyPlace(deps.regions, input.countyCode);
  await requireRole(deps, caller, 'admin', input.countyCode);
  const quota = await deps.store.transaction(async (tx) => {
    const type = await voucherTypeIn(tx, input.type);
    const id = quotaId(type.code, place.countyCode, input.year);
    const current = await tx.get<QuotaDoc>('quotas', id);
    const previous: QuotaDoc = current ?? { _id: id, ...place, type: type.code, year: input.year, limit: type.defaultCountyQuota, used: 0, shards: QUOTA_SHARDS };
    // The shards say exactly how many places are used; the new limit is spread over them again.
    const shards = Math.max(previous.shards ?? 1, QUOTA_SHARDS);
    const { used, spread } = await spreadPlaces(tx, quotaPool(previous), input.limit, shards);
    if (!spread) throw new DomainError('INVALID_INPUT', `已发放${used}张，名额不能少于${used}`);
    const doc: QuotaDoc = { ...previous, limit: input.limit, shards };
    if (current) await tx.update('quotas', id, { set: { limit: input.limit, shards } });
    else await tx.create<QuotaDoc>('quotas', id, (({ _id, ...data }) => data)(doc));
    await recordChange(tx, quotaSetChange(doc, current?.limit ?? type.defaultCountyQuota, deps.clock.now(), { openid, role: 'admin' }));
    return { ...doc, used };
  });
  return { type: quota.type, county: deps.regions.ref(quota.countyCode), year: quota.year, limit: quota.limit, used: quota.used };
}

/**
 * R4.2 county quotas: admins set a county's yearly limit per voucher type (never below the
 * places already used).
 */
import type { QuotaView, SetCountyQuotaInput } from '../../contract';
import { DomainError } from '../../core/errors';
import { recordChange } from '../books/changes';
import { voucherTypeIn } from '../catalogue';
import { requireRole } from '../kernel/authz';
import { requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { countyPlace } from '../kernel/place';
import { type QuotaDoc, quotaId } from './documents';
import { quotaSetChange } from './records';

export async function setCountyQuota(deps: Deps, caller: Caller, input: SetCountyQuotaInput): Promise<QuotaView> {
  const openid = requireOpenid(caller);
  const place = countyPlace(deps.regions, input.countyCode);
  await requireRole(deps, caller, 'admin', input.countyCode);
  const quota = await deps.store.transaction(async (tx) => {
    const type = await voucherTypeIn(tx, input.type);
    const id = quotaId(type.code, place.countyCode, input.year);
    const current = await tx.get<QuotaDoc>('quotas', id);
    const used = current?.used ?? 0;
    if (input.limit < used) {
      throw new DomainError('INVALID_INPUT', `已发放${used}张，名额不能少于${used}`);
    }
    const doc: QuotaDoc = { _id: id, ...place, type: type.code, year: input.year, limit: input.limit, used };
    const { _id, ...data } = doc;
    await tx.set<QuotaDoc>('quotas', id, data);
    await recordChange(tx, quotaSetChange(doc, current?.limit ?? type.defaultCountyQuota, deps.clock.now(), { openid, role: 'admin' }));
    return doc;
  });
  return { type: quota.type, county: deps.regions.ref(quota.countyCode), year: quota.year, limit: quota.limit, used: quota.used };
}

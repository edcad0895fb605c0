/**
 * Admins keep the catalogue (R4's voucher types are data, not code): import the reference data,
 * create or change one type. Each change is ledgered with before and after.
 */
import type { VoucherTypeInput } from '../../contract';
import type { Band } from '../../core/age';
import { recordChange } from '../books/changes';
import { requireRole } from '../kernel/authz';
import { requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { regionPlace } from '../kernel/place';
import { type VoucherTypeDoc, importCatalogue } from './catalogue';

/** Admin: writes the reference catalogue again (idempotent). */
export async function adminImportCatalogue(deps: Deps, caller: Caller): Promise<{ voucherTypes: number; occupations: number }> {
  await requireRole(deps, caller, 'admin');
  return importCatalogue(deps.store, deps.clock.now());
}

/**
 * Admin: creates or changes one voucher type. Vouchers already claimed keep what they were
 * claimed under (R3.3); quotas already opened keep their limits. The catalogue is province-wide
 * reference data, so the change is recorded on the chain of the admin's own region (D27).
 */
export async function adminUpsertVoucherType(deps: Deps, caller: Caller, input: VoucherTypeInput): Promise<VoucherTypeDoc> {
  const openid = requireOpenid(caller);
  const binding = await requireRole(deps, caller, 'admin');
  const at = deps.clock.now();
  const doc: VoucherTypeDoc = { _id: input.code, ...input, bands: [...new Set(input.bands)].sort() as Band[], updatedAt: at.toISOString() };
  await deps.store.transaction(async (tx) => {
    const previous = await tx.get<VoucherTypeDoc>('voucherTypes', input.code);
    const { _id, ...data } = doc;
    await tx.set<VoucherTypeDoc>('voucherTypes', input.code, data);
    await recordChange(tx, {
      place: regionPlace(deps.regions, binding.regionCode ?? ''),
      at,
      type: previous ? 'catalogue.voucherType.changed' : 'catalogue.voucherType.added',
      subjects: { voucherType: input.code },
      actor: { openid, role: 'admin' },
      data: { before: previous ? { ...previous, _id: undefined, updatedAt: undefined } : null, after: input },
      counters: [],
    });
  });
  return doc;
}

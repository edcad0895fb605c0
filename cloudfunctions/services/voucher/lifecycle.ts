/**
 * R4.5 how an unused voucher ends: cancelled by the holder or expired (lazily on read and by the
 * daily sweep); either way its place goes back to the county quota and the yearly count.
 */
import type { VoucherView } from '../../contract';
import { DomainError } from '../../core/errors';
import { type Tx, and, where } from '../../store/port';
import { recordChange, recordCounts } from '../books/changes';
import type { Actor } from '../books/ledger';
import { requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { type SlotDoc, type VoucherDoc, isPastExpiry, personYearId, slotId, voucherView } from './documents';
import { givePlaceBack } from './quotas';
import { type PaidFor, endedChange, redeemedChange, usedBump } from './records';

/** D48 a voucher becomes used (+1) or stops being used (−1), counted in its claim month. */
async function countUse(tx: Tx, v: VoucherDoc, by: 1 | -1): Promise<void> {
  const { place, at, bumps } = usedBump(v, by);
  await recordCounts(tx, place, at, bumps);
}

/**
 * R5.2 an unused voucher bound to an enrollment: reserved, its type slot freed (R4.3: it no
 * longer stands in the way of another of the type), and counted as used (D48). The enrollment's
 * own ledger entry records it.
 */
export async function reserveVoucher(tx: Tx, v: VoucherDoc, enrollmentId: string): Promise<void> {
  await tx.update('vouchers', v._id, { set: { status: 'reserved', enrollmentId } });
  await tx.remove('voucherSlots', slotId(v.personId, v.type));
  await countUse(tx, v, 1);
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
  await givePlaceBack(tx, v);
  await tx.update('personYears', personYearId(v.personId, v.year), { inc: { counted: -1 } });
  await recordChange(tx, endedChange(v, status, at, actor));
  return { ...v, status, endedAt };
}


/**
 * A voucher is used (R6.5: the training happened; R7.1: a direct assessment): redeemed, its slot
 * freed if it still holds it, counted and ledgered with what it paid for.
 */
export async function redeemVoucher(
  tx: Tx,
  v: VoucherDoc,
  at: Date,
  actor: Actor,
  paidFor: PaidFor,
): Promise<void> {
  await tx.update('vouchers', v._id, { set: { status: 'redeemed', endedAt: at.toISOString() } });
  if (v.status === 'unused') {
    const slot = await tx.get<SlotDoc>('voucherSlots', slotId(v.personId, v.type));
    if (slot?.voucherId === v._id) await tx.remove('voucherSlots', slot._id);
    // D48: redeemed straight from unused (a direct assessment, R7.1) is a use; from reserved it already was.
    await countUse(tx, v, 1);
  }
  await recordChange(tx, redeemedChange(v, at, actor, paidFor));
}

/**
 * R5.3 a reserved voucher given back (withdrawal, or the class cancelled): unused again, or
 * expired if its validity has passed, or cancelled when a newer unused one of the type is held
 * (D16: R4.3 allows one). Answers which.
 */
export async function releaseReservedVoucher(tx: Tx, v: VoucherDoc, at: Date, actor: Actor): Promise<'unused' | 'expired' | 'cancelled'> {
  // D48: no longer used, whatever it becomes.
  if (v.status === 'reserved') await countUse(tx, v, -1);
  if (new Date(v.expiresAt) <= at) {
    await endVoucher(tx, v, 'expired', at, actor);
    return 'expired';
  }
  if (await tx.get<SlotDoc>('voucherSlots', slotId(v.personId, v.type))) {
    await endVoucher(tx, v, 'cancelled', at, actor);
    return 'cancelled';
  }
  await tx.update('vouchers', v._id, { set: { status: 'unused', enrollmentId: null } });
  await tx.set<SlotDoc>('voucherSlots', slotId(v.personId, v.type), { voucherId: v._id });
  return 'unused';
}

export const SYSTEM: Actor = { openid: null, role: 'system' };

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
  return voucherView(deps, voucher, deps.clock.now());
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


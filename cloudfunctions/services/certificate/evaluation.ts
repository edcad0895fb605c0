/**
 * R7.1 assessment without a class: an evaluation body's trainer finds the 技能等级评价券 a person
 * holds by their ID number (typed from the card they show), then records the result against it.
 */
import type { EvaluationVoucherView } from '../../contract';
import { checkIdNumber, maskName } from '../../core/id-number';
import { chinaToday } from '../../core/china-date';
import { DomainError } from '../../core/errors';
import { registrationsInForce } from '../../core/institutions';
import type { IdNumberDoc, PersonDoc } from '../account';
import { requireTrainerOf } from '../kernel/authz';
import type { Caller, Deps } from '../kernel/deps';
import { institutionIn } from '../institution';
import { type SlotDoc, type VoucherDoc, isPastExpiry, slotId } from '../voucher';

export async function findEvaluationVoucher(deps: Deps, caller: Caller, input: { idNumber: string; institutionId?: string }): Promise<EvaluationVoucherView> {
  const binding = await requireTrainerOf(deps, caller, input.institutionId);
  const institution = await institutionIn(deps.store, binding.institutionId);
  if (institution.status !== 'active') throw new DomainError('INSTITUTION_SUSPENDED');
  const now = deps.clock.now();
  const inForce = registrationsInForce(institution.registrations, chinaToday(now));
  if (inForce.length === 0) throw new DomainError('NOT_EVALUATION_BODY');
  const id = checkIdNumber(input.idNumber, now);
  if (!id.ok) throw new DomainError(id.code);
  const index = await deps.store.get<IdNumberDoc>('idNumbers', deps.idVault.hash(id.facts.number));
  const person = index ? await deps.store.get<PersonDoc>('persons', index.personId) : null;
  if (!person) throw new DomainError('NOT_FOUND', '没有找到这个身份证号码的登记，请让本人先在持证通实名登记');
  const slot = await deps.store.get<SlotDoc>('voucherSlots', slotId(person._id, 'evaluation'));
  const voucher = slot ? await deps.store.get<VoucherDoc>('vouchers', slot.voucherId) : null;
  if (!voucher || voucher.status !== 'unused' || isPastExpiry(voucher, now)) {
    throw new DomainError('VOUCHER_NOT_EVALUATION', '此人没有可用的技能等级评价券，请让本人先领取');
  }
  return {
    voucherId: voucher._id,
    holderName: maskName(person.name),
    idNumberMasked: person.idMasked,
    band: voucher.band,
    expiresAt: voucher.expiresAt,
    assessable: inForce.map((r) => ({ occupationCode: r.occupationCode, levels: r.levels })),
  };
}

/**
 * R12.1 拨付: the county's official records a transfer for approved entries of one application —
 * the amount exactly what was approved for them, a date not after today, the bank's reference.
 * Every entry is read and moved inside the one transaction, so under any concurrency an entry is
 * paid once: a second payment finds it paid and is refused whole.
 */
import type { ApplicationView, PaymentInput } from '../../contract';
import { chinaDateOf, compareDates, parseDate } from '../../core/china-date';
import { DomainError } from '../../core/errors';
import { payProblem, paymentProblem, transferRefProblem } from '../../core/settlement';
import { recordChange } from '../books/changes';
import { actorOf } from '../books/ledger';
import { type SubsidyDoc, settlementChange, settlementStep } from '../certificate';
import { requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { placeOf } from '../kernel/place';
import { type RequestDoc, requestKey as requestKeyOf } from '../kernel/requests';
import { applicationEntries, applicationFor, getApplication } from './applications';
import type { PaymentDoc } from './documents';
import { paymentIdOf } from './ids';

export async function recordPayment(deps: Deps, caller: Caller, input: PaymentInput): Promise<ApplicationView> {
  const openid = requireOpenid(caller);
  const application = await applicationFor(deps, caller, input.applicationId, 'official');
  const refProblem = transferRefProblem(input.transferRef);
  if (refProblem) throw new DomainError(refProblem);
  const paidOn = parseDate(input.paidOn);
  if (!paidOn || compareDates(paidOn, chinaDateOf(deps.clock.now())) > 0) throw new DomainError('PAID_ON_INVALID');
  const requestKey = requestKeyOf(openid, 'settlement.pay', caller.requestId);
  const numbers = input.certificateNumbers?.length
    ? [...new Set(input.certificateNumbers)]
    : (await applicationEntries(deps, application._id)).filter((e) => e.status === 'approved').map((e) => e._id);
  if (numbers.length === 0) throw new DomainError('ENTRY_NOT_APPROVED');
  await deps.store.transaction(async (tx) => {
    if (await tx.get<RequestDoc>('requests', requestKey)) return;
    const entries: SubsidyDoc[] = [];
    for (const n of numbers) {
      const s = await tx.get<SubsidyDoc>('subsidies', n);
      if (!s || s.applicationId !== application._id) throw new DomainError('ENTRY_NOT_IN_APPLICATION');
      const problem = payProblem(s.status);
      if (problem) throw new DomainError(problem);
      entries.push(s);
    }
    const problem = paymentProblem(input.amountFen, entries.reduce((sum, s) => sum + s.amountFen, 0));
    if (problem) throw new DomainError(problem);
    const now = deps.clock.now();
    const id = paymentIdOf(requestKey);
    const actor = actorOf(caller, 'official');
    for (const s of entries) {
      await tx.update('subsidies', s._id, {
        set: { status: 'paid', paidAt: now.toISOString(), paidOn: input.paidOn, paymentId: id, transferRef: input.transferRef.trim(), settlement: [...(s.settlement ?? []), settlementStep('paid', now, s.amountFen, openid)] },
      });
      await recordChange(tx, settlementChange(s, 'paid', now, actor, { applicationId: application._id, paymentId: id, paidOn: input.paidOn, transferRef: input.transferRef.trim() }));
    }
    await tx.create<PaymentDoc>('payments', id, {
      ...placeOf(application),
      applicationId: application._id,
      institutionId: application.institutionId,
      entries: entries.map((s) => s._id),
      amountFen: input.amountFen,
      paidOn: input.paidOn,
      transferRef: input.transferRef.trim(),
      recordedBy: openid,
      recordedAt: now.toISOString(),
    });
    await tx.create<RequestDoc>('requests', requestKey, { result: id, at: now.toISOString() });
  });
  return getApplication(deps, caller, { applicationId: application._id });
}

/**
 * R12.1 审核: the county's official decides on an application's entries one by one — approve,
 * reject with a reason, or return for correction — and may correct a decision before payment, a
 * ledgered step back to 已申领. Each decision is the entry's step, ledger entry and counters,
 * all of one request in one transaction.
 */
import type { ApplicationView, ReviewInput, SubsidyEntryView } from '../../contract';
import { reasonProblem } from '../../core/class-plans';
import { DomainError } from '../../core/errors';
import { DECIDED_STATUS, correctionTarget, reviewProblem } from '../../core/settlement';
import { recordChange } from '../books/changes';
import { actorOf } from '../books/ledger';
import { type SubsidyDoc, settlementChange, settlementStep } from '../certificate';
import { requireRole } from '../kernel/authz';
import { requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { type RequestDoc, requestKey as requestKeyOf } from '../kernel/requests';
import { applicationFor, getApplication } from './applications';
import { entryViews } from './entries';

const reasonOk = (r: string | undefined): r is string => typeof r === 'string' && reasonProblem(r) === null;

export async function reviewEntries(deps: Deps, caller: Caller, input: ReviewInput): Promise<ApplicationView> {
  const openid = requireOpenid(caller);
  const application = await applicationFor(deps, caller, input.applicationId, 'official');
  const numbers = input.decisions.map((d) => d.certificateNumber);
  if (numbers.length === 0) throw new DomainError('ENTRIES_REQUIRED');
  if (new Set(numbers).size !== numbers.length) throw new DomainError('INVALID_INPUT', '同一条补贴只能有一个审核结果');
  if (input.decisions.some((d) => d.decision !== 'approve' && !reasonOk(d.reason))) throw new DomainError('REASON_REQUIRED');
  const requestKey = requestKeyOf(openid, 'settlement.review', caller.requestId);
  await deps.store.transaction(async (tx) => {
    if (await tx.get<RequestDoc>('requests', requestKey)) return;
    const now = deps.clock.now();
    const actor = actorOf(caller, 'official');
    for (const d of input.decisions) {
      const s = await tx.get<SubsidyDoc>('subsidies', d.certificateNumber);
      if (!s || s.applicationId !== application._id) throw new DomainError('ENTRY_NOT_IN_APPLICATION');
      const problem = reviewProblem(s.status);
      if (problem) throw new DomainError(problem);
      const event = d.decision === 'approve' ? 'approved' : d.decision === 'reject' ? 'rejected' : 'returned';
      const reason = d.decision === 'approve' ? undefined : d.reason!.trim();
      await tx.update('subsidies', s._id, {
        set: {
          status: DECIDED_STATUS[d.decision],
          reviewReason: reason ?? null,
          approvedAt: event === 'approved' ? now.toISOString() : null,
          // A returned entry leaves the application, to be applied for again once put right.
          ...(event === 'returned' ? { applicationId: null } : {}),
          settlement: [...(s.settlement ?? []), settlementStep(event, now, s.amountFen, openid, reason)],
        },
      });
      await recordChange(tx, settlementChange(s, event, now, actor, { applicationId: application._id, ...(reason ? { reason } : {}) }));
    }
    await tx.create<RequestDoc>('requests', requestKey, { result: application._id, at: now.toISOString() });
  });
  return getApplication(deps, caller, { applicationId: application._id });
}

/** R12.1 the one way back: a rejected or approved (unpaid) entry to 已申领, with a reason, ledgered. */
export async function correctEntry(deps: Deps, caller: Caller, input: { certificateNumber: string; reason: string }): Promise<SubsidyEntryView> {
  const openid = requireOpenid(caller);
  if (!reasonOk(input.reason)) throw new DomainError('REASON_REQUIRED');
  const before = await deps.store.get<SubsidyDoc>('subsidies', input.certificateNumber);
  if (!before) throw new DomainError('ENTRY_NOT_FOUND');
  await requireRole(deps, caller, 'official', before.countyCode);
  const reason = input.reason.trim();
  await deps.store.transaction(async (tx) => {
    const s = (await tx.get<SubsidyDoc>('subsidies', before._id))!;
    if (!correctionTarget(s.status)) throw new DomainError('CORRECTION_NOT_ALLOWED');
    const now = deps.clock.now();
    await tx.update('subsidies', s._id, {
      set: { status: 'applied', reviewReason: reason, approvedAt: null, settlement: [...(s.settlement ?? []), settlementStep('corrected', now, s.amountFen, openid, reason)] },
    });
    await recordChange(tx, settlementChange(s, 'corrected', now, actorOf(caller, 'official'), { applicationId: s.applicationId, reason }));
  });
  const [view] = await entryViews(deps.store, [(await deps.store.get<SubsidyDoc>('subsidies', before._id))!]);
  return view;
}

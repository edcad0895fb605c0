/**
 * R12.1 settlement's rules, pure: which moves an entry may make, what a payment must add up to,
 * what a revocation does, and the signed counter bumps that make the counters hold what stands at
 * each stage (the use cases and the recount both count through them).
 */
import type { SubsidyStatus } from '../../../cloudfunctions/core/certificates';
import {
  DECIDED_STATUS,
  type SettlementStepEvent,
  applyProblem,
  correctionTarget,
  onRevocation,
  payProblem,
  paymentProblem,
  reviewProblem,
  settlementBumps,
  statusAfter,
  transferRefProblem,
} from '../../../cloudfunctions/core/settlement';

describe('R12.1 moves', () => {
  it('R12.1 only a payable entry is applied for; applied, paid and refused ones say why not', () => {
    expect(applyProblem('payable')).toBeNull();
    expect(applyProblem('applied')).toBe('ENTRY_ALREADY_APPLIED');
    expect(applyProblem('approved')).toBe('ENTRY_ALREADY_APPLIED');
    expect(applyProblem('paid')).toBe('ENTRY_ALREADY_PAID');
    expect(applyProblem('refused')).toBe('ENTRY_NOT_PAYABLE');
    expect(applyProblem('withdrawn')).toBe('ENTRY_NOT_PAYABLE');
  });

  it('R12.1 only an applied entry is reviewed; only an approved one is paid, never twice', () => {
    expect(reviewProblem('applied')).toBeNull();
    expect(reviewProblem('approved')).toBe('ENTRY_NOT_APPLIED');
    expect(reviewProblem('paid')).toBe('ENTRY_ALREADY_PAID');
    expect(payProblem('approved')).toBeNull();
    expect(payProblem('paid')).toBe('ENTRY_ALREADY_PAID');
    expect(payProblem('rejected')).toBe('ENTRY_NOT_APPROVED');
    expect(payProblem('applied')).toBe('ENTRY_NOT_APPROVED');
    expect(DECIDED_STATUS).toEqual({ approve: 'approved', reject: 'rejected', return: 'payable' });
  });

  it('R12.1 never backwards except by a correction, and a paid entry is never corrected', () => {
    expect(correctionTarget('rejected')).toBe('applied');
    expect(correctionTarget('approved')).toBe('applied');
    for (const s of ['payable', 'applied', 'paid', 'refused', 'withdrawn'] as SubsidyStatus[]) expect(correctionTarget(s)).toBeNull();
  });

  it('R12.1 a payment is exactly the approved fen: more, less, zero and fractions refused', () => {
    expect(paymentProblem(120_000, 120_000)).toBeNull();
    expect(paymentProblem(120_001, 120_000)).toBe('PAYMENT_EXCEEDS_APPROVED');
    expect(paymentProblem(119_999, 120_000)).toBe('PAYMENT_BELOW_APPROVED');
    expect(paymentProblem(0, 0)).toBe('PAYMENT_AMOUNT_INVALID');
    expect(paymentProblem(100.5, 100.5)).toBe('PAYMENT_AMOUNT_INVALID');
  });

  it('R12.1 a transfer reference is 4–40 letters, digits or dashes', () => {
    expect(transferRefProblem('LX2026031300018')).toBeNull();
    expect(transferRefProblem('NX-1')).toBeNull();
    expect(transferRefProblem('abc')).toBe('TRANSFER_REF_INVALID');
    expect(transferRefProblem('转账凭证')).toBe('TRANSFER_REF_INVALID');
    expect(transferRefProblem('x'.repeat(41))).toBe('TRANSFER_REF_INVALID');
  });

  it('R12.1 revoking: before payment the entry is withdrawn, after it a recovery opens', () => {
    expect(onRevocation('payable')).toBe('withdraw');
    expect(onRevocation('applied')).toBe('withdraw');
    expect(onRevocation('approved')).toBe('withdraw');
    expect(onRevocation('paid')).toBe('recover');
    expect(onRevocation('refused')).toBe('none');
    expect(onRevocation('rejected')).toBe('none');
  });
});

describe('R12.1 counters', () => {
  /** Replays steps from payable: the status reached and each counter's net value. */
  function replay(events: SettlementStepEvent[]) {
    const net: Record<string, number> = {};
    let status: SubsidyStatus = 'payable';
    for (const e of events) {
      for (const [metric, sign] of settlementBumps(e, status)) net[metric] = (net[metric] ?? 0) + sign;
      status = statusAfter(e, status);
    }
    return { status, net: Object.fromEntries(Object.entries(net).filter(([, v]) => v !== 0)) };
  }

  it('R12.1 applied → approved → paid stands in all three stages', () => {
    expect(replay(['applied', 'approved', 'paid'])).toEqual({ status: 'paid', net: { applied: 1, approved: 1, paid: 1 } });
  });

  it('R12.1 a return takes the entry out of applied; applying again counts it once', () => {
    expect(replay(['applied', 'returned'])).toEqual({ status: 'payable', net: { returned: 1 } });
    expect(replay(['applied', 'returned', 'applied', 'approved'])).toEqual({ status: 'approved', net: { applied: 1, returned: 1, approved: 1 } });
  });

  it('R12.1 a correction takes the entry out of the stage it corrects', () => {
    expect(replay(['applied', 'rejected', 'corrected'])).toEqual({ status: 'applied', net: { applied: 1, corrected: 1 } });
    expect(replay(['applied', 'approved', 'corrected', 'approved', 'paid'])).toEqual({ status: 'paid', net: { applied: 1, approved: 1, corrected: 1, paid: 1 } });
  });

  it('R12.1 a withdrawal takes the entry out of every stage it reached; a recovery keeps it paid', () => {
    expect(replay(['applied', 'approved', 'withdrawn'])).toEqual({ status: 'withdrawn', net: {} });
    expect(replay(['applied', 'withdrawn'])).toEqual({ status: 'withdrawn', net: {} });
    expect(replay(['applied', 'approved', 'paid', 'recovered'])).toEqual({ status: 'paid', net: { applied: 1, approved: 1, paid: 1, recovered: 1 } });
  });
});

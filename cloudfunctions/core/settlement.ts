/**
 * R12.1 subsidy settlement (申领 → 审核 → 拨付), pure: which moves an entry may make, what a
 * payment must add up to, and when a revoked certificate's money is recovered.
 */
import type { SettlementEvent } from './books';
import type { SubsidyStatus } from './certificates';
import type { ErrorCode } from './errors';
import WORDS from './words.json';

/** An official's answer on one applied entry: approve, reject with a reason, or return it for correction. */
export type EntryDecision = 'approve' | 'reject' | 'return';

export const DECISION_NAMES: Record<EntryDecision, string> = WORDS.decision;

/** Where a decision takes an applied entry (returned: pending again, to be applied for anew). */
export const DECIDED_STATUS: Record<EntryDecision, SubsidyStatus> = { approve: 'approved', reject: 'rejected', return: 'payable' };

/** Why an entry cannot be applied for, or null. */
export function applyProblem(status: SubsidyStatus): ErrorCode | null {
  if (status === 'payable') return null;
  if (status === 'paid') return 'ENTRY_ALREADY_PAID';
  if (status === 'applied' || status === 'approved') return 'ENTRY_ALREADY_APPLIED';
  return 'ENTRY_NOT_PAYABLE';
}

/** Why an entry cannot be decided on, or null: only an applied entry is reviewed. */
export const reviewProblem = (status: SubsidyStatus): ErrorCode | null => (status === 'applied' ? null : status === 'paid' ? 'ENTRY_ALREADY_PAID' : 'ENTRY_NOT_APPLIED');

/** Why an entry cannot be paid, or null: approved, and never twice. */
export const payProblem = (status: SubsidyStatus): ErrorCode | null => (status === 'approved' ? null : status === 'paid' ? 'ENTRY_ALREADY_PAID' : 'ENTRY_NOT_APPROVED');

/** A payment is exactly what was approved for its entries: more is refused, so is less. */
export function paymentProblem(amountFen: number, approvedFen: number): ErrorCode | null {
  if (!Number.isInteger(amountFen) || amountFen <= 0) return 'PAYMENT_AMOUNT_INVALID';
  if (amountFen > approvedFen) return 'PAYMENT_EXCEEDS_APPROVED';
  if (amountFen < approvedFen) return 'PAYMENT_BELOW_APPROVED';
  return null;
}

/**
 * R12.1 a ledgered correction, the only way back: a rejected entry reviewed again, or an approved
 * one taken back before payment. A paid entry is never corrected (its money is recovered instead).
 */
export const correctionTarget = (status: SubsidyStatus): SubsidyStatus | null => (status === 'rejected' || status === 'approved' ? 'applied' : null);

/** R12.1 revoking a certificate: before payment its entry is withdrawn; after, a recovery (追回) opens. */
export const onRevocation = (status: SubsidyStatus): 'withdraw' | 'recover' | 'none' =>
  status === 'paid' ? 'recover' : status === 'payable' || status === 'applied' || status === 'approved' ? 'withdraw' : 'none';

/** A transfer reference as written on the bank slip: 4–40 letters, digits or dashes. */
export const transferRefProblem = (ref: string): ErrorCode | null => (/^[A-Za-z0-9-]{4,40}$/.test(ref.trim()) ? null : 'TRANSFER_REF_INVALID');

/** A step in an entry's settlement log: R12.1's moves, and the withdrawal a revocation makes. */
export type SettlementStepEvent = SettlementEvent | 'withdrawn';

/** Where a step leaves an entry. */
export function statusAfter(event: SettlementStepEvent, from: SubsidyStatus): SubsidyStatus {
  switch (event) {
    case 'applied':
    case 'corrected':
      return 'applied';
    case 'returned':
      return 'payable';
    case 'approved':
    case 'rejected':
    case 'paid':
    case 'withdrawn':
      return event;
    case 'recovered':
      return from;
  }
}

/**
 * R12.1 the settlement counters a step moves, signed, so that each counter holds the entries (and
 * fen) standing at that stage: a return takes an entry out of `applied`, a correction out of
 * `approved` or `rejected`, a withdrawal out of every stage it had reached. The use cases and the
 * recount both count through this.
 */
export function settlementBumps(event: SettlementStepEvent, from: SubsidyStatus): readonly (readonly [SettlementEvent, 1 | -1])[] {
  switch (event) {
    case 'returned':
      return [['applied', -1], ['returned', 1]];
    case 'corrected':
      return [[from === 'approved' ? 'approved' : 'rejected', -1], ['corrected', 1]];
    case 'withdrawn':
      return from === 'approved' ? [['applied', -1], ['approved', -1]] : from === 'applied' ? [['applied', -1]] : [];
    default:
      return [[event, 1]];
  }
}

/**
 * The settlement context's documents (R12.1): an institution's application (申领) for one batch of
 * its subsidy entries, and each payment (拨付) recorded against it. The entries themselves are the
 * certificate context's `subsidies`, whose status and log the use cases move.
 */
import type { Place } from '../kernel/place';

/** id = `a_<hash of the request>`: written once; what it holds now is read from its entries. */
export type ApplicationDoc = Place & {
  _id: string;
  institutionId: string;
  institutionName: string;
  classId: string | null;
  className: string | null;
  /** Certificate numbers as submitted. */
  entries: string[];
  amountFen: number;
  appliedBy: string;
  appliedAt: string;
  year: number;
};

/** id = `p_<hash of the request>`: one transfer, for approved entries of one application. */
export type PaymentDoc = Place & {
  _id: string;
  applicationId: string;
  institutionId: string;
  entries: string[];
  amountFen: number;
  paidOn: string;
  transferRef: string;
  recordedBy: string;
  recordedAt: string;
};

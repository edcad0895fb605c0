/**
 * R9.2 reconcile, for settlement (R12.1): each entry's log replayed through the same signed bumps
 * the use cases counted with, so the applied / approved / paid / recovered counters are rebuilt
 * from the records; and each payment checked against the entries it paid.
 */
import { SETTLEMENT_METRICS, settlementMetric } from '../../core/books';
import type { SubsidyStatus } from '../../core/certificates';
import { settlementBumps, statusAfter } from '../../core/settlement';
import type { Store } from '../../store/port';
import { scan } from '../../store/scan';
import type { Difference, Recount } from '../books/reconcile';
import { type SubsidyDoc, counterAdder } from '../certificate';
import type { PaymentDoc } from './documents';

export async function recountSettlement(store: Store): Promise<Recount> {
  const counters = new Map<string, number>();
  const add = counterAdder(counters);
  const paidBy = new Map<string, string>();
  const differences: Difference[] = [];
  let records = 0;
  for await (const s of scan<SubsidyDoc>(store, 'subsidies')) {
    if (!s.settlement?.length) continue;
    records++;
    let status: SubsidyStatus = 'payable';
    for (const step of s.settlement) {
      for (const [event, sign] of settlementBumps(step.event, status)) {
        add(s.countyCode, step.at, settlementMetric(event), s.band, sign);
        add(s.countyCode, step.at, settlementMetric(event, true), s.band, sign * step.fen);
      }
      status = statusAfter(step.event, status);
    }
    // The log must lead to the status stored (a payable entry is withdrawn without a step).
    if (status !== s.status && !(status === 'payable' && s.status === 'withdrawn')) {
      differences.push({ what: 'subsidy status from its settlement log', id: `subsidies/${s._id}`, stored: s.status, recounted: status });
    }
    if (s.status === 'paid' && s.paymentId) paidBy.set(s._id, s.paymentId);
  }
  // Every payment pays exactly the entries that name it, once.
  for await (const p of scan<PaymentDoc>(store, 'payments')) {
    records++;
    const wrong = p.entries.filter((n) => paidBy.get(n) !== p._id);
    if (wrong.length) differences.push({ what: 'entries paid by the payment', id: `payments/${p._id}`, stored: p.entries.length, recounted: p.entries.length - wrong.length });
  }
  return { owns: (metric) => SETTLEMENT_METRICS.includes(metric), counters, differences, checked: { settlementRecords: records } };
}

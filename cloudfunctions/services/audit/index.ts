/**
 * The audit context (R9.2): reconcile the counters with the records of every context. The
 * commands read it; no context imports it.
 */
export { type Difference, reconcile } from './reconcile';

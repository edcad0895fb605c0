/**
 * R9.1–R9.3 the names the books use, named once: every counter metric and every ledger event
 * type. Writers (the use cases), readers (dashboards, reports), reconcile and the dataset
 * generator all take them from here, so a metric is never a string spelled in four places.
 */

/** What happens to a voucher, each counted per type: `vouchersClaimed.skills`. */
export const VOUCHER_EVENTS = ['claimed', 'cancelled', 'expired', 'redeemed'] as const;
export type VoucherEvent = (typeof VOUCHER_EVENTS)[number];

/** Counter metrics that are not per voucher type (R9.3, D24–D26). */
export const METRICS = {
  /** Laborers registered, by household county and the band at registration. */
  laborersRegistered: 'laborersRegistered',
  trainingsStarted: 'trainingsStarted',
  trainingsWithdrawn: 'trainingsWithdrawn',
  trainingsCompleted: 'trainingsCompleted',
  trainingsNotCompleted: 'trainingsNotCompleted',
  assessmentsPassed: 'assessmentsPassed',
  assessmentsFailed: 'assessmentsFailed',
  certificatesIssued: 'certificatesIssued',
  certificatesRevoked: 'certificatesRevoked',
  newSkilled: 'newSkilled',
  newHighSkilled: 'newHighSkilled',
  subsidiesGranted: 'subsidiesGranted',
  subsidiesFen: 'subsidiesFen',
  subsidiesRefused: 'subsidiesRefused',
  subsidiesWithdrawn: 'subsidiesWithdrawn',
  subsidiesWithdrawnFen: 'subsidiesWithdrawnFen',
  employmentReports: 'employmentReports',
  employedPeople: 'employedPeople',
  transferPeople: 'transferPeople',
  /** D26: a person's first certificate of a year, and those of them who later report work. */
  certifiedPeople: 'certifiedPeople',
  certifiedEmployed: 'certifiedEmployed',
} as const;

export type PlainMetric = (typeof METRICS)[keyof typeof METRICS];
export type VoucherMetric = `vouchers${Capitalize<VoucherEvent>}.${string}`;
export type CounterMetric = PlainMetric | VoucherMetric;

const capital = <S extends string>(s: S) => (s.charAt(0).toUpperCase() + s.slice(1)) as Capitalize<S>;

/** The counter of one voucher event for one type: `voucherMetric('claimed', 'skills')` → `vouchersClaimed.skills`. */
export const voucherMetric = (event: VoucherEvent, type: string): VoucherMetric => `vouchers${capital(event)}.${type}`;

const VOUCHER_METRIC = /^vouchers(Claimed|Cancelled|Expired|Redeemed)\.(.+)$/;

/** The event and type of a voucher counter, or null for any other metric. */
export function parseVoucherMetric(metric: string): { event: VoucherEvent; type: string } | null {
  const m = VOUCHER_METRIC.exec(metric);
  return m ? { event: m[1].toLowerCase() as VoucherEvent, type: m[2] } : null;
}

/** The training counters, which the training recount rebuilds. */
export const TRAINING_METRICS: readonly PlainMetric[] = [
  METRICS.trainingsStarted,
  METRICS.trainingsWithdrawn,
  METRICS.trainingsCompleted,
  METRICS.trainingsNotCompleted,
];
/** Every ledger entry type (R9.1). A new kind of change adds its type here first. */
export const LEDGER_EVENTS = [
  'person.registered',
  'person.moved',
  'person.updated',
  'voucher.claimed',
  'voucher.cancelled',
  'voucher.expired',
  'voucher.redeemed',
  'quota.set',
  'catalogue.voucherType.added',
  'catalogue.voucherType.changed',
  'enrollment.created',
  'enrollment.withdrawn',
  'enrollment.completed',
  'enrollment.not_completed',
  'attendance.recorded',
  'class.closed',
  'result.recorded',
  'certificate.issued',
  'certificate.revoked',
  'subsidy.granted',
  'subsidy.refused',
  'subsidy.withdrawn',
  'employment.reported',
  'target.set',
  'ledger.exported',
] as const;

export type LedgerEventType = (typeof LEDGER_EVENTS)[number];

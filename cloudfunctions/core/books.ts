/**
 * R9.1–R9.3 the names the books use, named once: every counter metric and every ledger event
 * type. Writers (the use cases), readers (dashboards, reports), reconcile and the dataset
 * generator all take them from here, so a metric is never a string spelled in four places.
 */

/**
 * What happens to a voucher, each counted per type: `vouchersClaimed.skills`. R12.2/R12.3: a
 * directed voucher (定向券) is counted `directed` instead of `claimed` (issued = claimed + directed);
 * `used` counts vouchers of the claim month that are now reserved or redeemed (D48).
 */
export const VOUCHER_EVENTS = ['claimed', 'cancelled', 'expired', 'redeemed', 'directed', 'used'] as const;
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
  /** R12.3 / D49: people given their first voucher of a China year (claimed or directed), for the reach figure. */
  laborersReached: 'laborersReached',
} as const;

export type PlainMetric = (typeof METRICS)[keyof typeof METRICS];
export type VoucherMetric = `vouchers${Capitalize<VoucherEvent>}.${string}`;

/** What happens in a training project's classes (R11, 项目库), each counted per project: `projectStarted.p_…`. */
export const PROJECT_EVENTS = ['started', 'withdrawn', 'completed', 'certified'] as const;
export type ProjectEvent = (typeof PROJECT_EVENTS)[number];
export type ProjectMetric = `project${Capitalize<ProjectEvent>}.${string}`;

/** R12.1 each step of a subsidy's settlement, counted (entries) and summed (fen): `subsidyApplied`, `subsidyAppliedFen`. */
export const SETTLEMENT_EVENTS = ['applied', 'returned', 'approved', 'rejected', 'corrected', 'paid', 'recovered'] as const;
export type SettlementEvent = (typeof SETTLEMENT_EVENTS)[number];
export type SettlementMetric = `subsidy${Capitalize<SettlementEvent>}${'' | 'Fen'}`;

export type CounterMetric = PlainMetric | VoucherMetric | ProjectMetric | SettlementMetric;

const capital = <S extends string>(s: S) => (s.charAt(0).toUpperCase() + s.slice(1)) as Capitalize<S>;

/** The counter of one voucher event for one type: `voucherMetric('claimed', 'skills')` → `vouchersClaimed.skills`. */
export const voucherMetric = (event: VoucherEvent, type: string): VoucherMetric => `vouchers${capital(event)}.${type}`;

/** The counter of one event in one project's classes: `projectMetric('started', 'p_1')` → `projectStarted.p_1`. */
export const projectMetric = (event: ProjectEvent, projectId: string): ProjectMetric => `project${capital(event)}.${projectId}`;

const PROJECT_METRIC = /^project(Started|Withdrawn|Completed|Certified)\.(.+)$/;

/** The event and project of a project counter, or null for any other metric. */
export function parseProjectMetric(metric: string): { event: ProjectEvent; projectId: string } | null {
  const m = PROJECT_METRIC.exec(metric);
  return m ? { event: m[1].toLowerCase() as ProjectEvent, projectId: m[2] } : null;
}

/** The counter of a settlement step: entries, or with `fen` the amount (`subsidyPaidFen`). */
export const settlementMetric = (event: SettlementEvent, fen = false): SettlementMetric => `subsidy${capital(event)}${fen ? 'Fen' : ''}` as SettlementMetric;

/** Every settlement counter, for the settlement recount. */
export const SETTLEMENT_METRICS: readonly string[] = SETTLEMENT_EVENTS.flatMap((e) => [settlementMetric(e), settlementMetric(e, true)]);

const VOUCHER_METRIC = new RegExp(`^vouchers(${VOUCHER_EVENTS.map(capital).join('|')})\\.(.+)$`);

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
  'institution.created',
  'institution.updated',
  'institution.suspended',
  'institution.reactivated',
  'registration.added',
  'registration.ended',
  'project.created',
  'project.updated',
  'invitation.created',
  'invitation.cancelled',
  'role.granted',
  'role.revoked',
  'class.created',
  'class.updated',
  'class.submitted',
  'class.approved',
  'class.rejected',
  'class.cancelled',
  'enrollment.cancelled',
  'card.issued',
  'card.revoked',
  'proxy.requested',
  'proxy.approved',
  'proxy.declined',
  'proxy.ended',
  'subsidy.applied',
  'subsidy.returned',
  'subsidy.approved',
  'subsidy.rejected',
  'subsidy.corrected',
  'subsidy.paid',
  'subsidy.recovery_opened',
  'directed.created',
  'directed.closed',
  // R14 consent, a person's rights, real names.
  'privacy.agreed',
  'privacy.withdrawn',
  'person.copied',
  'account.closed',
  'account.reopened',
  'face.checked',
  'face.policy_set',
] as const;

export type LedgerEventType = (typeof LEDGER_EVENTS)[number];

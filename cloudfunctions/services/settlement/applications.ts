/**
 * R12.1 applications as their institution and their county's officials see them: what each holds
 * now (read from its entries), its payments, and whether it is settled.
 */
import type { ApplicationView, ListApplicationsInput, PaymentView } from '../../contract';
import type { SubsidyStatus } from '../../core/certificates';
import { DomainError } from '../../core/errors';
import { where } from '../../store/port';
import { readAll } from '../../store/scan';
import type { SubsidyDoc } from '../certificate';
import { officialRegion, requireRole, requireTrainerOf } from '../kernel/authz';
import { bindingsOf } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { inRegion } from '../kernel/place';
import type { ApplicationDoc, PaymentDoc } from './documents';
import { entryViews } from './entries';

const UNSETTLED: readonly SubsidyStatus[] = ['applied', 'approved'];

export const applicationEntries = (deps: Deps, applicationId: string): Promise<SubsidyDoc[]> =>
  readAll<SubsidyDoc>(deps.store, 'subsidies', where('applicationId', 'eq', applicationId));

async function paymentsOf(deps: Deps, applicationId: string): Promise<PaymentView[]> {
  const payments = await readAll<PaymentDoc>(deps.store, 'payments', where('applicationId', 'eq', applicationId));
  return payments
    .map((p) => ({ id: p._id, amountFen: p.amountFen, paidOn: p.paidOn, transferRef: p.transferRef, entries: p.entries, recordedAt: p.recordedAt }))
    .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
}

function summary(deps: Deps, a: ApplicationDoc, entries: readonly SubsidyDoc[]): ApplicationView {
  const counts: Partial<Record<SubsidyStatus, number>> = {};
  for (const e of entries) counts[e.status] = (counts[e.status] ?? 0) + 1;
  const sum = (statuses: readonly SubsidyStatus[]) => entries.filter((e) => statuses.includes(e.status)).reduce((n, e) => n + e.amountFen, 0);
  return {
    id: a._id,
    institution: { id: a.institutionId, name: a.institutionName },
    county: deps.regions.ref(a.countyCode),
    className: a.className,
    appliedAt: a.appliedAt,
    submitted: a.entries.length,
    amountFen: a.amountFen,
    counts,
    approvedFen: sum(['approved', 'paid']),
    paidFen: sum(['paid']),
    settled: !entries.some((e) => UNSETTLED.includes(e.status)),
  };
}

/** Applications by id, as summaries. */
export async function applicationViews(deps: Deps, ids: readonly string[]): Promise<ApplicationView[]> {
  const out: ApplicationView[] = [];
  for (const id of ids) {
    const a = await deps.store.get<ApplicationDoc>('applications', id);
    if (a) out.push(summary(deps, a, await applicationEntries(deps, id)));
  }
  return out;
}

/** The application, if the caller is its institution's trainer or an official over its county. */
export async function applicationFor(deps: Deps, caller: Caller, applicationId: string, as: 'either' | 'official' = 'either'): Promise<ApplicationDoc> {
  const a = await deps.store.get<ApplicationDoc>('applications', applicationId);
  if (!a) throw new DomainError('APPLICATION_NOT_FOUND');
  const trainer = as === 'either' && (await bindingsOf(deps, caller)).some((b) => b.role === 'trainer' && b.institutionId === a.institutionId);
  // R1.2 otherwise an official (or admin) whose region contains the application's county.
  if (!trainer) await requireRole(deps, caller, 'official', a.countyCode);
  return a;
}

/** One application with every entry and its evidence, and its payments. */
export async function getApplication(deps: Deps, caller: Caller, input: { applicationId: string }): Promise<ApplicationView> {
  const a = await applicationFor(deps, caller, input.applicationId);
  const entries = await applicationEntries(deps, a._id);
  return { ...summary(deps, a, entries), entries: await entryViews(deps.store, entries), payments: await paymentsOf(deps, a._id) };
}

/** Trainer: their institution's applications; official: their region's. Newest first. */
export async function listApplications(deps: Deps, caller: Caller, input: ListApplicationsInput): Promise<ApplicationView[]> {
  const official = (await bindingsOf(deps, caller)).some((b) => b.role === 'official' || b.role === 'admin');
  let filter;
  if (official && !input.institutionId) {
    const { region } = await officialRegion(deps, caller, input.regionCode);
    filter = inRegion(region);
  } else {
    const { institutionId } = await requireTrainerOf(deps, caller, input.institutionId);
    filter = where('institutionId', 'eq', institutionId);
  }
  const docs = await readAll<ApplicationDoc>(deps.store, 'applications', filter);
  docs.sort((x, y) => y.appliedAt.localeCompare(x.appliedAt) || x._id.localeCompare(y._id));
  const views: ApplicationView[] = [];
  for (const a of docs.slice(0, 200)) views.push(summary(deps, a, await applicationEntries(deps, a._id)));
  return input.state ? views.filter((v) => v.settled === (input.state === 'settled')) : views;
}

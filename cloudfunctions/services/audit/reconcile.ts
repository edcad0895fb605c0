/**
 * R9.2 reconcile: recount from records and compare with the stored counters and the
 * counter-like documents (quotas, yearly counts, type slots). Counters are a cache of the
 * records; this is how we know the cache is right, and how to find where it is not.
 */
import { chinaDateOf } from '../../core/china-date';
import { COUNTS_TOWARD_LIMIT } from '../../core/vouchers';
import type { Store } from '../../store/port';
import { scan } from '../../store/scan';
import type { ClassDoc, EnrollmentDoc } from '../training/classes';
import { REGISTERED_METRIC, type PersonDoc, registrationBand } from '../account/account';
import { type CounterDoc, type CounterYearDoc, cellKey, cellsOf, counterId, counterYearId } from '../books/counters';
import { CREDENTIAL_METRICS, recountCredentials } from '../certificate/recount';
import { type PersonYearDoc, type QuotaDoc, type SlotDoc, type VoucherDoc, personYearId, quotaId, slotId } from '../voucher/vouchers';

export interface Difference {
  what: string;
  id: string;
  stored: number | string | null;
  recounted: number | string | null;
}

const inc = (m: Map<string, number>, key: string, by = 1) => m.set(key, (m.get(key) ?? 0) + by);

/** Metrics this recount knows how to rebuild; counters of other metrics are left to their owners. */
const VOUCHER_METRICS = /^vouchers(Claimed|Cancelled|Expired|Redeemed)\./;
const TRAINING_METRICS = /^trainings(Started|Withdrawn|Completed|NotCompleted)$/;

export async function reconcile(store: Store): Promise<{ checked: Record<string, number>; differences: Difference[] }> {
  const counters = new Map<string, number>();
  const quotas = new Map<string, number>();
  const personYears = new Map<string, number>();
  const slots = new Map<string, string>();
  let vouchers = 0;

  for await (const v of scan<VoucherDoc>(store, 'vouchers')) {
    vouchers++;
    const claimed = chinaDateOf(new Date(v.claimedAt));
    inc(counters, counterId(v.countyCode, claimed.year, claimed.month, `vouchersClaimed.${v.type}`, v.band));
    if ((v.status === 'cancelled' || v.status === 'expired' || v.status === 'redeemed') && v.endedAt) {
      const ended = chinaDateOf(new Date(v.endedAt));
      const metric = { cancelled: 'vouchersCancelled', expired: 'vouchersExpired', redeemed: 'vouchersRedeemed' }[v.status];
      inc(counters, counterId(v.countyCode, ended.year, ended.month, `${metric}.${v.type}`, v.band));
    }
    if (COUNTS_TOWARD_LIMIT.includes(v.status)) {
      inc(quotas, quotaId(v.type, v.countyCode, v.year));
      inc(personYears, personYearId(v.personId, v.year));
    }
    if (v.status === 'unused') slots.set(slotId(v.personId, v.type), v._id);
  }

  const differences: Difference[] = [];
  const compare = (what: string, stored: Map<string, number>, recounted: Map<string, number>) => {
    for (const id of new Set([...stored.keys(), ...recounted.keys()])) {
      const s = stored.get(id) ?? 0;
      const r = recounted.get(id) ?? 0;
      if (s !== r) differences.push({ what, id, stored: s, recounted: r });
    }
  };

  // The stored counters, read once; each part below compares the metrics it can rebuild.
  const storedAll: CounterDoc[] = [];
  for await (const c of scan<CounterDoc>(store, 'counters')) storedAll.push(c);
  const storedOf = (metrics: (metric: string) => boolean) =>
    new Map(storedAll.filter((c) => metrics(c.metric)).map((c) => [c._id, c.value] as const));

  const storedCounters = storedOf((m) => VOUCHER_METRICS.test(m));
  compare('counter', storedCounters, counters);

  const storedQuotas = new Map<string, number>();
  for await (const q of scan<QuotaDoc>(store, 'quotas')) storedQuotas.set(q._id, q.used);
  compare('quota used', storedQuotas, quotas);

  const storedYears = new Map<string, number>();
  for await (const p of scan<PersonYearDoc>(store, 'personYears')) storedYears.set(p._id, p.counted);
  compare('yearly count', storedYears, personYears);

  let slotDocs = 0;
  const storedSlots = new Map<string, string>();
  for await (const s of scan<SlotDoc>(store, 'voucherSlots')) {
    slotDocs++;
    storedSlots.set(s._id, s.voucherId);
  }
  for (const id of new Set([...storedSlots.keys(), ...slots.keys()])) {
    const s = storedSlots.get(id) ?? null;
    const r = slots.get(id) ?? null;
    if (s !== r) differences.push({ what: 'unused-voucher slot', id, stored: s, recounted: r });
  }

  // Enrollments: each class's enrolled count, and the training counters (R9.2).
  let enrollments = 0;
  const classCounts = new Map<string, number>();
  const trainingCounters = new Map<string, number>();
  for await (const e of scan<EnrollmentDoc>(store, 'enrollments')) {
    enrollments++;
    for (const p of e.previous ?? []) {
      const s = chinaDateOf(new Date(p.enrolledAt));
      const w = chinaDateOf(new Date(p.endedAt));
      inc(trainingCounters, counterId(p.countyCode, s.year, s.month, 'trainingsStarted', p.band as CounterDoc['band']));
      inc(trainingCounters, counterId(p.countyCode, w.year, w.month, 'trainingsWithdrawn', p.band as CounterDoc['band']));
    }
    const started = chinaDateOf(new Date(e.enrolledAt));
    inc(trainingCounters, counterId(e.countyCode, started.year, started.month, 'trainingsStarted', e.band as CounterDoc['band']));
    if (e.status !== 'enrolled' && e.endedAt) {
      const ended = chinaDateOf(new Date(e.endedAt));
      const metric = { withdrawn: 'trainingsWithdrawn', completed: 'trainingsCompleted', not_completed: 'trainingsNotCompleted' }[e.status];
      inc(trainingCounters, counterId(e.countyCode, ended.year, ended.month, metric, e.band as CounterDoc['band']));
    }
    if (e.status !== 'withdrawn') inc(classCounts, e.classId);
  }
  const storedClassCounts = new Map<string, number>();
  for await (const c of scan<ClassDoc>(store, 'classes')) storedClassCounts.set(c._id, c.enrolled);
  compare('class enrolled', storedClassCounts, classCounts);
  const storedTraining = storedOf((m) => TRAINING_METRICS.test(m));
  compare('counter', storedTraining, trainingCounters);

  // Results, certificates, subsidies and employment (D24, D25).
  const credentials = await recountCredentials(store);
  const storedCredentials = storedOf((m) => CREDENTIAL_METRICS.test(m));
  compare('counter', storedCredentials, credentials.counters);

  // Registered laborers, by household county and the month and band of registration.
  let persons = 0;
  const registered = new Map<string, number>();
  for await (const p of scan<PersonDoc>(store, 'persons')) {
    persons++;
    const at = chinaDateOf(new Date(p.registeredAt));
    inc(registered, counterId(p.countyCode, at.year, at.month, REGISTERED_METRIC, registrationBand(p) ?? '-'));
  }
  const storedRegistered = storedOf((m) => m === REGISTERED_METRIC);
  // The yearly summaries must hold exactly the counter documents' values, cell by cell.
  const summed = new Map<string, number>();
  for (const c of storedAll) {
    inc(summed, `${counterYearId(c.countyCode, c.year)}/${cellKey(c.metric, c.month, null)}`, c.value);
    inc(summed, `${counterYearId(c.countyCode, c.year)}/${cellKey(c.metric, null, c.band)}`, c.value);
  }
  compare('counter', storedRegistered, registered);
  const storedCells = new Map<string, number>();
  let summaries = 0;
  for await (const y of scan<CounterYearDoc>(store, 'counterYears')) {
    summaries++;
    for (const cell of cellsOf(y)) storedCells.set(`${y._id}/${cellKey(cell.metric, cell.month, cell.band)}`, cell.value);
  }
  compare('yearly summary cell', storedCells, summed);

  return {
    checked: {
      persons,
      summaries,
      vouchers,
      enrollments,
      credentialRecords: credentials.records,
      classes: storedClassCounts.size,
      counters: storedCounters.size + storedTraining.size + storedCredentials.size,
      quotas: storedQuotas.size,
      yearlyCounts: storedYears.size,
      slots: slotDocs,
    },
    differences,
  };
}

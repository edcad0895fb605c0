/**
 * Loads one share of the counties (all of them when parts = 1): the plan, then the phases in
 * time order within each — institutions, registrations, quotas, claims, endings, enrollments,
 * attendance, completion, results and certificates, employment — and finally the chain heads and
 * counters the in-memory transaction holds.
 */
import { openLocalRuntime } from '../../cloudfunctions/gateway/local-runtime';
import type { CollectionName } from '../../cloudfunctions/store/collections';
import type { Doc } from '../../cloudfunctions/store/port';
import { scan } from '../../cloudfunctions/store/scan';
import type { SqliteStore } from '../../cloudfunctions/store/sqlite-store';
import { MemTx } from './mem-tx';
import { OCCUPATIONS, type Plan, makePlan } from './plan';
import { Rng } from './rng';
import { loadAttendance } from './loader/attendance';
import { loadCertificates } from './loader/certificates';
import { loadClaims } from './loader/claims';
import { loadCompletion } from './loader/completion';
import { type LoaderContext, countyPlacesOf, personIdsOf } from './loader/context';
import { loadEmployment } from './loader/employment';
import { loadEndings } from './loader/endings';
import { loadEnrollments } from './loader/enrollments';
import { institutionsOf, loadInstitutions } from './loader/institutions';
import { EMPLOYERS, FAR_EMPLOYERS } from './loader/names';
import { loadQuotas } from './loader/quotas';
import { loadRegistrations } from './loader/registrations';
import { BulkSink } from './loader/sink';

export interface PartOptions {
  dataDir: string;
  scale: number;
  seed: number;
  part: number;
  parts: number;
}

export interface PartReport {
  part: number;
  counties: string[];
  phases: { name: string; ms: number }[];
  rows: Record<string, number>;
  /** The plan's counts (every share plans the whole city). */
  plan: Plan['counts'];
}

/** Counties to threads by population weight (greedy), so the shares take about as long. */
export function countiesOfPart(plan: Pick<Plan, 'counties'>, part: number, parts: number): Set<number> {
  const load = new Array<number>(parts).fill(0);
  const mine = new Set<number>();
  const order = plan.counties.map((c, i) => [i, c.weight] as const).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (const [i, w] of order) {
    let best = 0;
    for (let k = 1; k < parts; k++) if (load[k] < load[best]) best = k;
    load[best] += w;
    if (best === part) mine.add(i);
  }
  return mine;
}

/** Phase timings, logged as each ends. */
function phaseClock(tag: string, log: (line: string) => void) {
  const phases: { name: string; ms: number }[] = [];
  let start = performance.now();
  const phase = (name: string) => {
    const ms = Math.round(performance.now() - start);
    phases.push({ name, ms });
    log(`  ${tag}✓ ${name} (${(ms / 1000).toFixed(1)} s)`);
    start = performance.now();
  };
  return { phases, phase };
}

export async function loadPart(options: PartOptions, log: (line: string) => void): Promise<PartReport> {
  const { dataDir, scale, seed, part, parts } = options;
  const tag = parts > 1 ? `[${part + 1}/${parts}] ` : '';
  const { phases, phase } = phaseClock(tag, log);
  const plan = makePlan({ scale, seed });
  const mineSet = countiesOfPart(plan, part, parts);
  const myCodes = new Set([...mineSet].map((i) => plan.counties[i].code));
  phase('plan');

  // One writer through the bulk path: entries take their chain place at once (inline books, D61).
  const runtime = await openLocalRuntime({ dataDir, env: process.env, books: 'inline' });
  const store = runtime.deps.store as SqliteStore;
  const tx = new MemTx();
  for (const c of ['ledgerHeads', 'counters', 'counterYears'] as CollectionName[]) {
    for await (const d of scan<Doc & { countyCode?: string }>(store, c)) {
      if (myCodes.has(c === 'ledgerHeads' ? d._id : (d.countyCode ?? ''))) tx.load(c, d);
    }
  }
  // Issue 18: the load waits for another writer's lock as long as it takes (saying so every 30 s), never fails on it.
  const onWait = (ms: number) => log(`  ${tag}… waited ${(ms / 1000).toFixed(0)} s so far for another connection's write lock`);
  const people = personIdsOf(plan, seed);
  const ctx = contextOf(plan, options, { tx, sink: new BulkSink(store, tx, { lockWaitMs: Number.POSITIVE_INFINITY, onWait }), idVault: runtime.deps.idVault, tag, log, mineSet, personIds: people.personIds });
  await loadInstitutions(ctx);
  phase('institutions');
  log(`${tag}registering laborers …`);
  await loadRegistrations(ctx, people.order);
  phase('registrations');
  phase(`quotas (${await loadQuotas(ctx)} raised)`);
  log(`${tag}claiming vouchers …`);
  const claimOrder = await loadClaims(ctx);
  phase('voucher claims');
  phase(`voucher endings (${await loadEndings(ctx, claimOrder)})`);
  log(`${tag}enrolling trainees …`);
  await loadEnrollments(ctx);
  phase('enrollments');
  log(`${tag}recording attendance …`);
  await loadAttendance(ctx);
  phase('attendance');
  await loadCompletion(ctx);
  phase('completion');
  log(`${tag}recording results and certificates …`);
  await loadCertificates(ctx);
  phase('results and certificates');
  log(`${tag}reporting employment …`);
  await loadEmployment(ctx);
  phase('employment');

  for (const c of ['ledgerHeads', 'counters', 'counterYears'] as CollectionName[]) {
    for (const d of tx.all(c)) await ctx.sink.put(c, d);
  }
  await ctx.sink.flushAll();
  await runtime.close();
  phase('heads and counters');
  return { part, counties: [...myCodes], phases, rows: ctx.sink.rows, plan: plan.counts };
}

type ContextParts = Pick<LoaderContext, 'tx' | 'sink' | 'idVault' | 'tag' | 'log' | 'personIds'> & { mineSet: Set<number> };

function contextOf(plan: Plan, options: PartOptions, { mineSet, ...given }: ContextParts): LoaderContext {
  const { seed, part, parts } = options;
  const rng = new Rng((seed * 131 + part * 7919 + parts) >>> 0);
  // Drawn for every report before anything else, so each thread's generator runs the same way.
  const reportEmployer = plan.reports.map((r) => {
    if (r.status !== 'employed') return null;
    return r.place === 'county' ? rng.pick(EMPLOYERS) : rng.pick(FAR_EMPLOYERS);
  });
  const lastReport = new Int32Array(plan.n).fill(-1);
  plan.reports.forEach((r, i) => {
    lastReport[r.person] = i;
  });
  return {
    ...given,
    plan, seed, rng,
    mine: (county) => mineSet.has(county),
    countyPlace: countyPlacesOf(plan),
    institutions: institutionsOf(plan),
    occupation: new Map(OCCUPATIONS.map((o) => [o.code, o])),
    reportEmployer,
    lastReport,
    personYears: new Map(),
    vouchers: new Array(plan.vouchers.length),
    classes: new Array(plan.classes.length),
    enrollments: new Array(plan.enrollments.length),
    credentials: new Map(),
    personNames: new Array(plan.n),
  };
}

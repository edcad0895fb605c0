/**
 * `npm run bench -- contention` (issue 17): three storms in one county on a store where
 * concurrent writers really conflict — PostgreSQL at REPEATABLE READ, 4 host processes (4
 * connection pools), CloudBase's retry policy — each on today's design and on the new one (D61
 * sequenced ledger and counters, D62 quota shards):
 * - claims: 1,000 registered laborers claim a skills voucher at once (the quota opens with 5,000);
 * - scans: 60 classes of 40 check in at once, each trainer scanning their 40 phones in turn (2,400);
 * - enrollments: 300 laborers enroll at once in 10 classes of 40 seats (D62: in 16 seat shards).
 * Per storm: busyRate, throughputPerSecond, hottestDocShare (write-set recorder; one class's
 * capacity excepted), conflicts, reads and writes per action. Correctness over the whole run:
 * none oversold, every chain verifies and reconcile is clean once the queue is drained. Then the
 * operations of one action at a time on each design (bench/contention-ops.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attendanceCode } from '../cloudfunctions/core/attendance';
import { openLocalRuntime } from '../cloudfunctions/gateway/local-runtime';
import { reconcile } from '../cloudfunctions/services/audit';
import { verifyAllChains } from '../cloudfunctions/services/books/ledger';
import { pendingEntries, sequenceAll } from '../cloudfunctions/services/books/sequencer';
import type { Deps } from '../cloudfunctions/services/kernel/deps';
import { type ClassDoc, enroll, scan, seatShardsFor } from '../cloudfunctions/services/training';
import { claimVoucher, quotaId, setCountyQuota } from '../cloudfunctions/services/voucher';
import { where } from '../cloudfunctions/store/port';
import { startTestPostgres } from '../scripts/postgres';
import { operationsPerAction } from './contention-ops';
import { type Action, type DesignName, PROCESSES, type StormFigures, runStorm } from './contention-storm';
import { COUNTY, anInstitution, classes, oneQuotaDocument, registerLaborers } from './contention-world';
import type { BenchResult } from './result';

const CLAIMANTS = Number(process.env.BENCH_CLAIMANTS ?? 1_000);
const SCAN_CLASSES = Number(process.env.BENCH_SCAN_CLASSES ?? 60);
const CLASS_SIZE = 40;
const ENROLLERS = Number(process.env.BENCH_ENROLLERS ?? 300);
const ENROLL_CLASSES = 10;
const QUOTA = 5_000;
const NOW = '2026-03-02T02:00:00.000Z'; // Monday 10:00 China time
const DESIGN_ORDER: DesignName[] = ['today', 'new'];
const CITY_ADMIN = 'dev-openid-official-lvliang';

/** One class's capacity: the document a rule itself puts in every enrollment's way. */
const classCapacity = (doc: string) => doc.startsWith('classes/');

export async function contentionBench(): Promise<BenchResult> {
  const postgres = startTestPostgres(55_900);
  if (!postgres) return { name: 'contention', ok: false, error: 'PostgreSQL is not installed (apt-get install postgresql)' };
  const dataDir = mkdtempSync(join(tmpdir(), 'czt-bench-contention-'));
  try {
    const runtime = await openLocalRuntime({ dataDir, devNow: NOW, databaseUrl: postgres.url });
    const deps = runtime.deps;
    const t0 = Date.now();
    const institution = await anInstitution(deps);
    const claimants: Record<DesignName, string[]> = { today: [], new: [] };
    const enrollers: Record<DesignName, string[]> = { today: [], new: [] };
    const scanning: Record<DesignName, Awaited<ReturnType<typeof classes>>> = { today: [], new: [] };
    const opening: Record<DesignName, Awaited<ReturnType<typeof classes>>> = { today: [], new: [] };
    for (const d of DESIGN_ORDER) {
      claimants[d] = await registerLaborers(deps, `claim-${d}`, CLAIMANTS);
      enrollers[d] = await registerLaborers(deps, `enroll-${d}`, ENROLLERS);
      scanning[d] = await classes(deps, institution, `scan-${d}`, SCAN_CLASSES, CLASS_SIZE, true);
      opening[d] = await classes(deps, institution, `open-${d}`, ENROLL_CLASSES, CLASS_SIZE, false, d === 'new' ? seatShardsFor(CLASS_SIZE) : 0);
    }
    console.log(`  setup: ${2 * (CLAIMANTS + ENROLLERS)} laborers, ${2 * (SCAN_CLASSES + ENROLL_CLASSES)} classes in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const storms: Record<string, Record<DesignName, StormFigures>> = { claimStorm: {} as never, scanStorm: {} as never, enrollmentStorm: {} as never };
    const skills = quotaId('skills', COUNTY, 2026);
    for (const d of DESIGN_ORDER) {
      await setCountyQuota(deps, { openid: CITY_ADMIN, requestId: `storm-quota-${d}` }, { type: 'skills', countyCode: COUNTY, year: 2026, limit: QUOTA });
      if (d === 'today') await oneQuotaDocument(deps, skills, QUOTA);
      storms.claimStorm[d] = await runStorm(deps, postgres.url, d, claimants[d].map((openid, i) => [(p: Deps) => claimVoucher(p, { openid, requestId: `storm-claim-${d}-${i}` }, { type: 'skills' })]));
      log('claims', d, storms.claimStorm[d]);

      const scanChains: Action[][] = scanning[d].map((c) =>
        c.trainees.map((t, j) => (p: Deps) => scan(p, { openid: c.trainer, requestId: `storm-scan-${c.classId}-${j}` }, { classId: c.classId, code: attendanceCode(t.secret, t.personRef, p.clock.now()) })),
      );
      storms.scanStorm[d] = await runStorm(deps, postgres.url, d, scanChains);
      log('scans', d, storms.scanStorm[d]);

      const enrollChains = enrollers[d].map((openid, i) => [(p: Deps) => enroll(p, { openid, requestId: `storm-enroll-${d}-${i}` }, { classId: opening[d][i % ENROLL_CLASSES].classId })]);
      storms.enrollmentStorm[d] = await runStorm(deps, postgres.url, d, enrollChains, { except: classCapacity });
      log('enrollments', d, storms.enrollmentStorm[d]);
    }

    // What waits in the queue is placed (the minute timer's run), then the books are checked.
    const late = (await pendingEntries(deps.store, new Date(Date.now() + 6 * 60_000))).length;
    await sequenceAll(deps.store);
    const broken = (await verifyAllChains(deps.store)).filter((r) => r.broken).length;
    const differences = (await reconcile(deps.store)).differences;
    const vouchers = await deps.store.count('vouchers', where('countyCode', 'eq', COUNTY));
    let overfull = 0;
    for (const d of DESIGN_ORDER) for (const c of opening[d]) overfull += Math.max(0, ((await deps.store.get<ClassDoc>('classes', c.classId))?.enrolled ?? 0) - CLASS_SIZE);
    await runtime.close();
    return {
      name: 'contention',
      ok: vouchers <= QUOTA && overfull === 0 && broken === 0 && differences.length === 0,
      processes: PROCESSES,
      oversold: Math.max(0, vouchers - QUOTA) + overfull,
      broken,
      differences: differences.length,
      ...(differences.length ? { firstDifferences: differences.slice(0, 5) } : {}),
      queuedEntriesThatWouldBeLate: late,
      ...storms,
      operationsPerAction: await operationsPerAction(),
      goals: { busyRate: 0.001, hottestDocShare: 1 / 16 },
    };
  } finally {
    postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function log(storm: string, design: string, f: StormFigures): void {
  console.log(`  ${storm} (${design}): busyRate ${f.busyRate}, ${f.throughputPerSecond}/s, hottest ${f.hottestDocShare} (${f.hottestDocs[0]?.doc ?? '-'}), conflicts ${f.conflicts}, ops ${JSON.stringify(f.operationsPerAction)}`);
}

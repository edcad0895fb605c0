/**
 * `npm run bench -- scans` (issue 4): attendance scans accepted per second through the HTTP
 * gateway while 1000 classes of 40 check in at once: 1000 trainers, each scanning their 40
 * trainees one after another (a trainer scans one phone at a time), all trainers at the same
 * time. Every code is valid, so every scan must be accepted: `wronglyRefused` must be 0.
 *
 * Setup is not measured and writes the records directly (institutions, classes, trainers,
 * enrollments), with the trainees' attendance keys made by the same helper enrollment uses.
 * Codes are computed the way the laborer's phone does (core/attendance.ts) at the server's time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScanResult } from '../cloudfunctions/contract';
import { attendanceCode } from '../cloudfunctions/core/attendance';
import { chinaDateOf } from '../cloudfunctions/core/china-date';
import { openLocalRuntime } from '../cloudfunctions/gateway/local-runtime';
import { creditCheckCharOf } from '../cloudfunctions/core/credit-code';
import { createInstitution } from '../cloudfunctions/services/institution';
import { countyPlace } from '../cloudfunctions/services/kernel/place';
import { acceptInvitation, invite } from '../cloudfunctions/services/staff';
import { ensureAttendanceKey, newClass, newEnrollment } from '../cloudfunctions/services/training';
import type { ClassDoc, EnrollmentDoc } from '../cloudfunctions/services/training';
import { bumpCounters } from '../cloudfunctions/services/books/counters';
import { verifyAllChains } from '../cloudfunctions/services/books/ledger';
import { reconcile } from '../cloudfunctions/services/audit';
import type { BenchResult } from './result';
import { withGatewayProcess } from './gateway-process';

const CLASSES = Number(process.env.BENCH_CLASSES ?? 1000);
const CLASS_SIZE = Number(process.env.BENCH_CLASS_SIZE ?? 40);
const NOW = '2026-03-02T02:00:00.000Z'; // 10:00 China; the session runs 08:00–18:00
const PORT = 18_788;
/** 吕梁 counties: trainees spread over their ledgers as in real life. */
const COUNTIES = ['141102', '141121', '141122', '141123', '141124', '141125', '141126', '141127', '141128', '141129', '141130', '141181', '141182'];

interface Trainee {
  personRef: string;
  secret: Uint8Array;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export async function scansBench(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'czt-bench-scans-'));
  try {
    const setup = await openLocalRuntime({ dataDir, devNow: NOW });
    const t0 = Date.now();
    const { deps } = setup;
    const today = chinaDateOf(deps.clock.now());
    const date = `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}`;
    const sessions = [{ date, start: '08:00', end: '18:00' }];
    const trainees: Trainee[][] = [];
    // The province's admin (a demo persona) keeps the institutions and invites their trainers (R11).
    const admin = (requestId: string) => ({ openid: 'dev-openid-official-shanxi', requestId });
    for (let k = 0; k < CLASSES; k++) {
      const classId = `bench-class-${k}`;
      const countyCode = COUNTIES[k % COUNTIES.length];
      const place = { countyCode, cityCode: '141100', provinceCode: '140000' };
      const first17 = `52141127MJB${String(k).padStart(6, '0')}`;
      const institution = await createInstitution(deps, admin(`bench-inst-${k}`), {
        name: `培训学校${k}`,
        creditCode: first17 + creditCheckCharOf(first17),
        kind: 'school',
        countyCode: '141127',
        townshipCode: '141127101',
        address: '岚县岚城镇',
        contactName: '联系人',
        contactPhone: '13900000000',
        trains: [{ occupationCode: '4-10-01-05', levels: [5] }],
      });
      const invitation = await invite(deps, admin(`bench-invite-${k}`), { role: 'trainer', institutionId: institution.id, inviteeNote: `老师${k}` });
      await acceptInvitation(deps, { openid: `test-bench-trainer-${k}`, requestId: `bench-accept-${k}` }, invitation.code);
      const people = await deps.store.transaction(async (tx) => {
        // A class already running today: approved, as a reviewed class would be (R11.3).
        const c = newClass({
          id: classId,
          place: countyPlace(deps.regions, '141127'),
          institution: { _id: institution.id, name: institution.name },
          name: `养老护理员${k}班`,
          occupation: { code: '4-10-01-05', name: '养老护理员' },
          level: 5,
          acceptedTypes: ['skills'],
          selfFunded: true,
          townshipCode: '141127101',
          mode: 'parttime',
          capacity: CLASS_SIZE,
          sessions,
          minAttendanceRatio: 0.8,
          project: null,
          createdBy: `test-bench-trainer-${k}`,
          at: deps.clock.now(),
          status: 'approved',
        });
        const { _id, ...classData } = c;
        await tx.set<ClassDoc>('classes', classId, { ...classData, enrolled: CLASS_SIZE });
        const keys: Trainee[] = [];
        for (let j = 0; j < CLASS_SIZE; j++) {
          const personId = `bench-person-${k}-${j}`;
          const e = newEnrollment({ person: { ...place, _id: personId, openid: `test-bench-laborer-${k}-${j}`, name: '学员', idMasked: '1411**********0011', townshipCode: '' }, c, voucher: null, band: 'A', at: new Date(NOW), existing: null });
          const { _id: enrollmentKey, ...enrollment } = e;
          await tx.set<EnrollmentDoc>('enrollments', enrollmentKey, enrollment);
          const key = await ensureAttendanceKey(deps, tx, personId);
          keys.push({ personRef: key.ref, secret: new Uint8Array(Buffer.from(deps.idVault.decrypt(key.secretCipher), 'base64')) });
        }
        // What enrollment would have counted (R9.2), so reconcile balances.
        await bumpCounters(tx, place, deps.clock.now(), [{ metric: 'trainingsStarted', band: 'A', by: CLASS_SIZE }]);
        return keys;
      });
      trainees.push(people);
    }
    await setup.close();
    console.log(`  setup: ${CLASSES} classes of ${CLASS_SIZE} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    let seconds = 0;
    let accepted = 0;
    const refusals: Record<string, number> = {};
    const latencies: number[] = [];
    await withGatewayProcess({ dataDir, port: PORT, devNow: NOW }, async (http) => {
      const cookies = await Promise.all(
        trainees.map(async (_, k) => (await http.post('/dev/login', { openid: `test-bench-trainer-${k}` })).setCookie as string),
      );
      // The phones compute codes at the server's time (the app keeps the offset, D22).
      const who = await http.post<{ ok: true; data: { now: string } }>('/api/account', { action: 'whoami' }, cookies[0]);
      const offsetMs = Date.parse(who.body.data.now) - Date.now();
      const started = process.hrtime.bigint();
      await Promise.all(
        trainees.map(async (people, k) => {
          for (const p of people) {
            const code = attendanceCode(p.secret, p.personRef, new Date(Date.now() + offsetMs));
            const sent = process.hrtime.bigint();
            const res = await http.post<{ ok: boolean; data?: ScanResult; code?: string }>(
              '/api/training',
              { action: 'scan', payload: { classId: `bench-class-${k}`, code } },
              cookies[k],
            );
            latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
            const result = res.body.data;
            if (res.body.ok && result?.status === 'accepted') accepted++;
            else {
              const why = result && result.status !== 'accepted' ? result.code : (res.body.code ?? `HTTP ${res.status}`);
              refusals[why] = (refusals[why] ?? 0) + 1;
            }
          }
        }),
      );
      seconds = Number(process.hrtime.bigint() - started) / 1e9;
    });

    const check = await openLocalRuntime({ dataDir, devNow: NOW });
    try {
      const store = check.deps.store;
      const records = await store.count('attendance');
      const chains = await verifyAllChains(store);
      const { differences } = await reconcile(store);
      const total = CLASSES * CLASS_SIZE;
      latencies.sort((a, b) => a - b);
      return {
        name: 'scans',
        classes: CLASSES,
        classSize: CLASS_SIZE,
        scans: total,
        accepted,
        wronglyRefused: total - accepted,
        refusals,
        seconds: Number(seconds.toFixed(3)),
        scansPerSecond: Math.round(accepted / seconds),
        latencyMs: { p50: Number(percentile(latencies, 50).toFixed(1)), p95: Number(percentile(latencies, 95).toFixed(1)), max: Number(latencies[latencies.length - 1].toFixed(1)) },
        attendanceRecords: records,
        ledgerBroken: chains.filter((c) => c.broken).length,
        reconcileDifferences: differences.length,
        concurrency: `${CLASSES} trainers at once, each scanning one trainee after another`,
        store: 'SqliteStore on a WAL file (synchronous=NORMAL)',
        ok: accepted === total && records === total && chains.every((c) => !c.broken) && differences.length === 0,
      };
    } finally {
      await check.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

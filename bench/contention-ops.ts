/**
 * Database operations per action (issue 17), counted by the write-set recorder on the demo
 * data, one action at a time, on today's design (the change's transaction chains its entry and
 * bumps the counters) and the new one (D61: the entry is queued and a sequencer transaction
 * places it): a registration, a claim, an enrollment, a scan, and a result with its certificate.
 * Reads and writes of the action's own transactions and of the sequencer's, and reads outside a
 * transaction (queries and single gets) — what CloudBase bills and counts against a plan.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AttendanceKey, EnrollmentView, VoucherView } from '../cloudfunctions/contract';
import { attendanceCode } from '../cloudfunctions/core/attendance';
import { demoClassId } from '../cloudfunctions/gateway/demo-ids';
import { openLocalRuntime } from '../cloudfunctions/gateway/local-runtime';
import { register } from '../cloudfunctions/services/account';
import { SequencedStore } from '../cloudfunctions/services/books/sequencer';
import { recordResult } from '../cloudfunctions/services/certificate';
import type { Deps } from '../cloudfunctions/services/kernel/deps';
import { agreeToGuide } from '../cloudfunctions/services/privacy';
import { PRIVACY_GUIDE } from '../cloudfunctions/core/privacy';
import { enroll, myAttendanceKey, scan } from '../cloudfunctions/services/training';
import { claimVoucher } from '../cloudfunctions/services/voucher';
import type { Store } from '../cloudfunctions/store/port';
import { idNumberAged } from '../tests/support/id-numbers';
import type { DesignName } from './contention-storm';
import { Recording, RecordingStore } from './recording-store';

const NOW = '2026-03-02T02:00:00.000Z'; // Monday 10:00 China; 护工 class opens 3 March
const HUGONG = demoClassId('hugong-lishi');
const TRAINER = 'dev-openid-trainer';
const ACTIONS = ['registration', 'claim', 'enrollment', 'scan', 'certificate'] as const;
type ActionName = (typeof ACTIONS)[number];

export interface Operations {
  reads: number;
  writes: number;
  outsideReads: number;
  sequencerReads: number;
  sequencerWrites: number;
  /** Everything: what a plan's daily quotas count. */
  total: number;
}

/** Counts each action's operations on one design. */
async function countOn(design: DesignName): Promise<Record<ActionName, Operations>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'czt-bench-ops-'));
  const runtime = await openLocalRuntime({ dataDir, inMemory: true, devNow: NOW, books: 'inline' });
  try {
    const action = new Recording();
    const sequencing = new Recording();
    const recorded = new RecordingStore(runtime.deps.store, action);
    const store: Store = design === 'today' ? recorded : new SequencedStore(recorded, undefined, { store: new RecordingStore(runtime.deps.store, sequencing) });
    const deps: Deps = { ...runtime.deps, store };
    const out = {} as Record<ActionName, Operations>;
    const measure = async (name: ActionName, fn: () => Promise<unknown>) => {
      const before = { a: snapshot(action), s: snapshot(sequencing) };
      await fn();
      const a = delta(action, before.a);
      const s = delta(sequencing, before.s);
      out[name] = { reads: a.reads, writes: a.writes, outsideReads: a.outside + s.outside, sequencerReads: s.reads, sequencerWrites: s.writes, total: a.reads + a.writes + a.outside + s.reads + s.writes + s.outside };
    };
    const openid = `test-ops-${design}`;
    const caller = (requestId: string) => ({ openid, requestId });
    await agreeToGuide(deps, caller('ops-agree'), { version: PRIVACY_GUIDE.version });
    await measure('registration', () => register(deps, caller('ops-register'), { name: '王秀英', idNumber: idNumberAged(35, runtime.clock.now(), { region: '141102' }), townshipCode: '141102001' }));
    await measure('claim', () => claimVoucher(deps, caller('ops-claim'), { type: 'skills' }));
    await measure('enrollment', () => enroll(deps, caller('ops-enroll'), { classId: HUGONG }) as Promise<EnrollmentView>);
    const key: AttendanceKey = await myAttendanceKey(deps, caller('ops-key'));
    const secret = new Uint8Array(Buffer.from(key.secret, 'base64'));
    runtime.clock.setNow(new Date('2026-03-03T01:10:00.000Z'));
    await measure('scan', () => scan(deps, { openid: TRAINER, requestId: 'ops-scan' }, { classId: HUGONG, code: attendanceCode(secret, key.personRef, runtime.clock.now()) }));
    const holder = `test-ops-holder-${design}`;
    await agreeToGuide(deps, { openid: holder, requestId: 'ops-agree-2' }, { version: PRIVACY_GUIDE.version });
    await register(deps, { openid: holder, requestId: 'ops-register-2' }, { name: '李春花', idNumber: idNumberAged(40, runtime.clock.now(), { region: '141102' }), townshipCode: '141102001' });
    const v: VoucherView = await claimVoucher(deps, { openid: holder, requestId: 'ops-claim-2' }, { type: 'evaluation' });
    await measure('certificate', () => recordResult(deps, { openid: TRAINER, requestId: 'ops-result' }, { voucherId: v.id, occupationCode: '4-10-01-05', level: 5, passed: true, score: 80 }));
    return out;
  } finally {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const snapshot = (r: Recording) => ({ tx: r.committed.length, outside: r.outsideReads });
function delta(r: Recording, before: { tx: number; outside: number }) {
  const txs = r.committed.slice(before.tx);
  return { reads: txs.reduce((n, t) => n + t.reads.length, 0), writes: txs.reduce((n, t) => n + t.writes.length, 0), outside: r.outsideReads - before.outside };
}

export async function operationsPerAction(): Promise<Record<DesignName, Record<ActionName, Operations>>> {
  return { today: await countOn('today'), new: await countOn('new') };
}

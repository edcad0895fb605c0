/**
 * R6 attendance through the gateway over HTTP: the laborer's key, the trainer's live and
 * offline scans, and the roster.
 */
import type { RosterView, ScanResult } from '../../cloudfunctions/contract';
import { verifyAllChains } from '../../cloudfunctions/services/books/ledger';
import { sharedGateway } from '../support/gateway';
import { aLaborer, aTrainee, attendanceCodes } from '../support/laborers';
import { demoClassId } from '../../cloudfunctions/gateway/demo-ids';

const NOW = '2026-03-02T02:00:00.000Z'; // demo classes start tomorrow
const HUGONG = demoClassId('hugong-lishi'); // the trainer persona's institution; sessions 09:00–17:00 China from 3 March
const MIANSHI = demoClassId('mianshi-yangcheng'); // another institution's class
const IN_SESSION = '2026-03-03T01:10:00.000Z'; // 09:10 China on the first day

const { gw, persona } = sharedGateway(NOW);
const trainer = persona('trainer');
afterEach(() => gw.setNow(NOW));

const trainee = (classId = HUGONG) => aTrainee(gw, classId, { age: 30 });

const scanAt = async (iso: string, code: string, classId = HUGONG) => {
  await gw.setNow(iso);
  return trainer.ok<ScanResult>('training', 'scan', { classId, code });
};

describe('R6.2 and R6.3 live scans', () => {
  it('accepts an enrolled trainee’s fresh code once; a repeat answers 已签到 and writes nothing', async () => {
    const t = await trainee();
    expect(await scanAt(IN_SESSION, t.codeAt(IN_SESSION))).toEqual({ status: 'accepted', session: 0, skewFlagged: false, name: '测**员' });
    const ledger = await gw.runtime.deps.store.count('ledger');
    expect(await scanAt(IN_SESSION, t.codeAt(IN_SESSION))).toEqual({
      status: 'duplicate',
      code: 'ALREADY_CHECKED_IN',
      message: '已签到',
      session: 0,
      name: '测**员',
    });
    expect(await gw.runtime.deps.store.count('ledger')).toBe(ledger);
    const roster = await trainer.ok<RosterView>('training', 'roster', { classId: HUGONG });
    const me = roster.people.find((p) => p.personId === t.me.profile!.personId)!;
    expect(me).toMatchObject({ sessions: [0], name: '测**员' }); // 测试人员, masked (R2.4)
  });

  it('refuses each bad scan with its own message', async () => {
    const t = await trainee();
    const other = await trainee(MIANSHI);
    const stranger = await attendanceCodes((await aLaborer(gw, { age: 33 })).client);
    const code = t.codeAt(IN_SESSION);
    const forged = code.slice(0, -2) + (code.endsWith('AA') ? 'BB' : 'AA');
    expect(await scanAt(IN_SESSION, forged)).toMatchObject({ status: 'refused', code: 'CODE_FORGED', message: '签到码无效，请学员打开持证通出示签到码' });
    expect(await scanAt(IN_SESSION, t.codeAt('2026-03-03T01:08:00.000Z'))).toMatchObject({ code: 'CODE_EXPIRED' });
    expect(await scanAt(IN_SESSION, other.codeAt(IN_SESSION))).toMatchObject({ code: 'ENROLLED_ELSEWHERE' });
    expect(await scanAt(IN_SESSION, stranger.codeAt(IN_SESSION))).toMatchObject({ code: 'NOT_ENROLLED' });
    expect(await scanAt(IN_SESSION, other.codeAt(IN_SESSION), MIANSHI)).toMatchObject({ code: 'NOT_YOUR_CLASS' });
    expect(await scanAt('2026-03-03T00:20:00.000Z', t.codeAt('2026-03-03T00:20:00.000Z'))).toMatchObject({ code: 'SCAN_TOO_EARLY' });
    expect(await scanAt('2026-03-20T00:20:00.000Z', t.codeAt('2026-03-20T00:20:00.000Z'))).toMatchObject({ code: 'SESSION_ENDED' });
    // 18:00 China on the first day: that session has ended, the next opens tomorrow at 08:30.
    expect(await scanAt('2026-03-03T10:00:00.000Z', t.codeAt('2026-03-03T10:00:00.000Z'))).toMatchObject({ code: 'SCAN_TOO_EARLY' });
    expect(await scanAt(IN_SESSION, 'not a code')).toMatchObject({ code: 'CODE_FORGED' });
  });

  it('is for trainers only', async () => {
    const t = await trainee();
    expect(await t.client.call('training', 'scan', { classId: HUGONG, code: t.codeAt(NOW) })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await t.client.call('training', 'roster', { classId: HUGONG })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('R6.4 offline scans', () => {
  it('are judged at their recorded time, flagged for skew, refused after 72 h, and idempotent by scan id', async () => {
    const a = await trainee();
    const b = await trainee();
    const c = await trainee();
    const scanTime = '2026-03-03T02:00:00.000Z';
    await gw.setNow('2026-03-04T02:00:00.000Z'); // a day later
    const upload = (deviceNow: string, scans: { scanId: string; code: string }[]) =>
      trainer.ok<{ scanId: string; result: ScanResult }[]>('training', 'uploadOfflineScans', {
        deviceNow,
        scans: scans.map((s) => ({ ...s, classId: HUGONG, deviceScannedAt: scanTime })),
      });
    const first = await upload('2026-03-04T02:00:30.000Z', [{ scanId: 'scan-a-0001', code: a.codeAt(scanTime) }]);
    expect(first).toEqual([{ scanId: 'scan-a-0001', result: { status: 'accepted', session: 0, skewFlagged: false, name: '测**员' } }]);
    const skewed = await upload('2026-03-04T02:06:01.000Z', [{ scanId: 'scan-b-0001', code: b.codeAt(scanTime) }]);
    expect(skewed[0].result).toEqual({ status: 'accepted', session: 0, skewFlagged: true, name: '测**员' });
    const again = await upload('2026-03-04T02:00:30.000Z', [{ scanId: 'scan-a-0001', code: a.codeAt(scanTime) }]);
    expect(again).toEqual(first);
    await gw.setNow('2026-03-06T02:00:01.000Z'); // 72 h and a second after the scan
    const late = await upload('2026-03-06T02:00:01.000Z', [{ scanId: 'scan-c-0001', code: c.codeAt(scanTime) }]);
    expect(late[0].result).toMatchObject({ status: 'refused', code: 'UPLOAD_TOO_LATE' });
    const roster = await trainer.ok<RosterView>('training', 'roster', { classId: HUGONG });
    expect(roster.people.find((p) => p.personId === b.me.profile!.personId)).toMatchObject({ sessions: [0], skewFlagged: true });
    expect((await verifyAllChains(gw.runtime.deps.store)).filter((x) => x.broken)).toEqual([]);
  });

  it('one scan naming an unknown class is refused on its own; the rest of the queue still uploads', async () => {
    const a = await trainee();
    const scanTime = '2026-03-03T02:00:00.000Z';
    await gw.setNow('2026-03-03T02:05:00.000Z');
    const answers = await trainer.ok<{ scanId: string; result: ScanResult }[]>('training', 'uploadOfflineScans', {
      deviceNow: '2026-03-03T02:05:00.000Z',
      scans: [
        { scanId: 'scan-gone-0001', classId: 'class-that-was-deleted', code: a.codeAt(scanTime), deviceScannedAt: scanTime },
        { scanId: 'scan-good-0001', classId: HUGONG, code: a.codeAt(scanTime), deviceScannedAt: scanTime },
      ],
    });
    expect(answers.map((x) => [x.scanId, x.result.status, 'code' in x.result ? x.result.code : null])).toEqual([
      ['scan-gone-0001', 'refused', 'CLASS_NOT_FOUND'],
      ['scan-good-0001', 'accepted', null],
    ]);
  });
});

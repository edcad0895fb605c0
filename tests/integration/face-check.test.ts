/**
 * R14.3 real names through the gateway, with the local host's pretend face check answering as
 * WeChat would: a county asks for a check before claiming and at each trainee's first check-in of
 * a class; each check is ledgered, a result is used once, and officials see each class's share of
 * trainees verified. The books balance afterwards.
 */
import type { ClassFaceChecksView, FaceCheckResult, FaceCheckStart, FacePolicyView, PrivacyStatus, ScanResult } from '../../cloudfunctions/contract';
import { demoClassId } from '../../cloudfunctions/gateway/demo-ids';
import type { DevFaceAnswer } from '../../cloudfunctions/gateway/face-dev';
import { reconcile } from '../../cloudfunctions/services/audit';
import { type LedgerEntryDoc, verifyAllChains } from '../../cloudfunctions/services/books/ledger';
import { where } from '../../cloudfunctions/store/port';
import { type ApiClient, sharedGateway } from '../support/gateway';
import { aLaborer, attendanceCodes } from '../support/laborers';

const NOW = '2026-03-02T02:00:00.000Z';
const HUGONG = demoClassId('hugong-lishi'); // 离石区 (141102), 10 sessions from 3 March
const dayOf = (i: number) => `2026-03-${String(3 + i).padStart(2, '0')}T01:10:00.000Z`;
const LANXIAN = '141127';
const LISHI = '141102';

const { gw, persona } = sharedGateway(NOW);
const admin = persona('official-city');


/** The pretend screen's answer, as the browser test gives it (JSON instead of the form). */
async function answer(verifyId: string, a: DevFaceAnswer): Promise<void> {
  const res = await fetch(`${gw.url}/dev/face`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ verifyId, answer: a }) });
  expect(res.status).toBe(200);
}

async function faceCheck(client: ApiClient, a: DevFaceAnswer, purpose: 'registration' | 'session' = 'registration', classId?: string): Promise<FaceCheckResult> {
  const started = await client.ok<FaceCheckStart>('privacy', 'startFaceCheck', { purpose, classId });
  await answer(started.verifyId, a);
  return client.ok<FaceCheckResult>('privacy', 'finishFaceCheck', { verifyId: started.verifyId });
}

describe('R14.3 a county’s face-check policy', () => {
  it('R14.3 only an admin over the county sets it, in whole percent up to 50 %; it is ledgered', async () => {
    const county = await gw.as('official-county');
    expect(await county.call('privacy', 'setFacePolicy', { countyCode: LANXIAN, atRegistration: true, atFirstSession: false, laterShare: 0 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await admin.call('privacy', 'setFacePolicy', { countyCode: LANXIAN, atRegistration: true, atFirstSession: true, laterShare: 0.125 })).toMatchObject({ ok: false, code: 'FACE_POLICY_INVALID' });
    const set = await admin.ok<FacePolicyView>('privacy', 'setFacePolicy', { countyCode: LANXIAN, atRegistration: true, atFirstSession: false, laterShare: 0 });
    expect(set).toMatchObject({ county: { code: LANXIAN, name: '岚县' }, atRegistration: true, atFirstSession: false });
    await admin.ok('privacy', 'setFacePolicy', { countyCode: LISHI, atRegistration: false, atFirstSession: true, laterShare: 0 });
    expect(await county.ok<FacePolicyView>('privacy', 'facePolicy', { countyCode: LANXIAN })).toMatchObject({ atRegistration: true });
    const entries = await gw.runtime.deps.store.find<LedgerEntryDoc>('ledger', where('type', 'eq', 'face.policy_set'), { limit: 10 });
    expect(entries.items.map((e) => e.countyCode).sort()).toEqual([LISHI, LANXIAN]);
  });
});

describe('R14.3 a check before claiming', () => {
  it('R14.3 the account browses but cannot claim or enroll until its own face passes; a mismatch does not count', async () => {
    const { client } = await aLaborer(gw, { age: 30, name: '赵冬梅' });
    expect(await client.call('voucher', 'listTypes')).toMatchObject({ ok: true });
    expect(await client.call('voucher', 'claim', { type: 'skills' })).toEqual({ ok: false, code: 'FACE_CHECK_REQUIRED', message: '您所在县要求先完成人脸核身（刷脸实名认证），才能领取培训券和报名培训' });
    expect(await client.call('training', 'enroll', { classId: HUGONG, claim: 'skills' })).toMatchObject({ ok: false, code: 'FACE_CHECK_REQUIRED' });
    expect((await client.ok<PrivacyStatus>('privacy', 'status')).realName).toEqual({ required: true, verified: false, verifiedAt: null });

    expect(await faceCheck(client, 'mismatch')).toMatchObject({ outcome: 'mismatch', verified: false });
    expect(await client.call('voucher', 'claim', { type: 'skills' })).toMatchObject({ ok: false, code: 'FACE_CHECK_REQUIRED' });
    expect(await faceCheck(client, 'cancel')).toMatchObject({ outcome: 'cancelled' });
    expect(await faceCheck(client, 'lapse')).toMatchObject({ outcome: 'expired' });
    expect(await faceCheck(client, 'match')).toMatchObject({ outcome: 'passed', verified: true });
    expect(await client.call('voucher', 'claim', { type: 'skills' })).toMatchObject({ ok: true, data: { type: 'skills', status: 'unused' } });
  });

  it('R14.3 a finished check is used once: finishing it again is refused', async () => {
    const { client } = await aLaborer(gw, { age: 31 });
    const started = await client.ok<FaceCheckStart>('privacy', 'startFaceCheck', { purpose: 'registration' });
    await answer(started.verifyId, 'match');
    await client.ok('privacy', 'finishFaceCheck', { verifyId: started.verifyId });
    expect(await client.call('privacy', 'finishFaceCheck', { verifyId: started.verifyId })).toMatchObject({ ok: false, code: 'FACE_CHECK_USED' });
    const other = (await aLaborer(gw, { age: 32 })).client;
    expect(await other.call('privacy', 'finishFaceCheck', { verifyId: started.verifyId })).toMatchObject({ ok: false, code: 'FACE_CHECK_NOT_FOUND' });
  });

  it('R14.3 a county that asks nothing lets its people claim at once', async () => {
    const { client } = await aLaborer(gw, { age: 33, townshipCode: '141128100' }); // 方山县: no policy
    expect(await client.call('voucher', 'claim', { type: 'skills' })).toMatchObject({ ok: true });
  });
});

describe('R14.3 a check at the first session of each class', () => {
  it('R14.3 the first check-in waits for the trainee’s own check of that day; the check answers one check-in; later sessions need none; officials see the share', async () => {
    const trainer = await gw.as('trainer');
    const people: (Awaited<ReturnType<typeof aLaborer>> & { codeAt: (iso: string) => string })[] = [];
    for (const age of [34, 35]) {
      const l = await aLaborer(gw, { age });
      await faceCheck(l.client, 'match');
      await l.client.ok('training', 'enroll', { classId: HUGONG, claim: 'skills' });
      people.push({ ...l, codeAt: (await attendanceCodes(l.client)).codeAt });
    }
    const [checked, unchecked] = people;
    await gw.setNow(dayOf(0));
    expect((await checked.client.ok<PrivacyStatus>('privacy', 'status')).sessionChecks).toEqual([{ classId: HUGONG, className: expect.any(String), required: true, passed: false }]);
    const scan = (who: (typeof people)[number]) => trainer.ok<ScanResult>('training', 'scan', { classId: HUGONG, code: who.codeAt(dayOf(0)) });
    expect(await scan(checked)).toMatchObject({ status: 'refused', code: 'FACE_CHECK_SESSION_REQUIRED' });
    expect(await faceCheck(checked.client, 'match', 'session', HUGONG)).toMatchObject({ outcome: 'passed', purpose: 'session', classId: HUGONG });
    expect((await checked.client.ok<PrivacyStatus>('privacy', 'status')).sessionChecks[0].passed).toBe(true);
    expect(await scan(checked)).toMatchObject({ status: 'accepted', session: 0 });
    expect(await scan(checked)).toMatchObject({ status: 'duplicate' });
    expect(await scan(unchecked)).toMatchObject({ status: 'refused', code: 'FACE_CHECK_SESSION_REQUIRED' });
    // A relative's mark for someone without a phone is flagged instead (R13.2), not face-checked.
    expect(await trainer.ok<ScanResult>('training', 'markPresent', { classId: HUGONG, personId: unchecked.me.profile!.personId, reason: '手机没电，本人到场' })).toMatchObject({ status: 'accepted' });

    await gw.setNow(dayOf(1));
    expect(await trainer.ok<ScanResult>('training', 'scan', { classId: HUGONG, code: checked.codeAt(dayOf(1)) })).toMatchObject({ status: 'accepted', session: 1 });

    const shares = await admin.ok<ClassFaceChecksView[]>('privacy', 'classFaceChecks', { regionCode: '141100' });
    expect(shares.find((s) => s.classId === HUGONG)).toMatchObject({ trainees: 2, verified: 1, share: 0.5, county: { code: LISHI } });
    expect(await (await gw.as('laborer-52')).call('privacy', 'classFaceChecks', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('R14.3 every check is ledgered and the books balance', () => {
  it('R14.3 each finished check has its entry; the chains verify and reconcile is clean', async () => {
    const entries = await gw.runtime.deps.store.find<LedgerEntryDoc>('ledger', where('type', 'eq', 'face.checked'), { limit: 100 });
    expect(entries.items.map((e) => e.data.outcome)).toEqual(expect.arrayContaining(['mismatch', 'cancelled', 'expired', 'passed']));
    // Never the number: only the purpose, the outcome and WeChat's codes.
    for (const e of entries.items) expect(Object.keys(e.data).filter((k) => k !== 'classId').sort()).toEqual(['errcode', 'outcome', 'purpose', 'verifyRet']);
    expect((await verifyAllChains(gw.runtime.deps.store)).filter((c) => c.broken)).toEqual([]);
    expect((await reconcile(gw.runtime.deps.store)).differences).toEqual([]);
  });
});

/**
 * R14.3 the WeChat 人脸核身 adapter, driven by the privacy context's use cases against recorded
 * replies (tests/support/wechat-face-replies.ts): success, mismatch, the user cancelling, an
 * expired verify id and a replayed result each end as their own outcome, and a replay is refused
 * without asking WeChat again.
 */
import { randomBytes } from 'node:crypto';
import type { FaceCheckResult } from '../../cloudfunctions/contract';
import { PRIVACY_GUIDE } from '../../cloudfunctions/core/privacy';
import { WechatFaceVerifier, certHash, certInfoOf } from '../../cloudfunctions/notify/face-wechat';
import { register } from '../../cloudfunctions/services/account';
import { type LedgerEntryDoc, verifyAllChains } from '../../cloudfunctions/services/books/ledger';
import { ShiftedClock } from '../../cloudfunctions/services/kernel/clock';
import type { Caller, Deps } from '../../cloudfunctions/services/kernel/deps';
import { IdVault } from '../../cloudfunctions/services/kernel/id-vault';
import type { FaceCheckDoc } from '../../cloudfunctions/services/kernel/real-name';
import { regionDirectory } from '../../cloudfunctions/services/kernel/reference-data';
import { agreeToGuide, finishFaceCheck, ledgerAgreement, privacyStatus, startFaceCheck } from '../../cloudfunctions/services/privacy';
import { where } from '../../cloudfunctions/store/port';
import { SqliteStore } from '../../cloudfunctions/store/sqlite-store';
import { idNumberAged } from '../support/id-numbers';
import { QUERY, RecordedWeChat, TOKEN, TOKEN_EXPIRED, TOKEN_REFRESHED, verifyIdReply } from '../support/wechat-face-replies';

const GET_ID = '/cityservice/face/identify/getverifyid';
const QUERY_PATH = '/cityservice/face/identify/queryverifyinfo';
const TOKEN_PATH = '/cgi-bin/stable_token';
const NOW = new Date('2026-03-02T02:00:00.000Z');

let wechat: RecordedWeChat;
let deps: Deps;
let clock: ShiftedClock;
let idNumber: string;
const me: Caller = { openid: 'test-face-laborer', requestId: 'r1' };

beforeEach(async () => {
  wechat = new RecordedWeChat().reply(TOKEN_PATH, TOKEN);
  clock = new ShiftedClock(NOW);
  deps = {
    store: new SqliteStore({ filename: ':memory:' }),
    clock,
    idVault: new IdVault({ encryptionKey: randomBytes(32), hashKey: randomBytes(32) }),
    regions: regionDirectory(),
    log: { info: () => {}, error: () => {} },
    faceVerifier: new WechatFaceVerifier({ appId: 'wx0123456789abcdef', appSecret: 'secret-of-sixteen-chars' }, wechat.post, clock),
  };
  idNumber = idNumberAged(30, NOW, { region: '141127' });
  await agreeToGuide(deps, me, { version: PRIVACY_GUIDE.version });
  await register(deps, me, { name: '王秀英', idNumber, townshipCode: '141127101' }, ledgerAgreement);
});
afterEach(() => deps.store.close());

/** One check: a verify id from the recorded getVerifyId, then finished against `reply`. */
async function check(verifyId: string, reply: unknown): Promise<FaceCheckResult> {
  wechat.reply(GET_ID, verifyIdReply(verifyId)).reply(QUERY_PATH, reply);
  const started = await startFaceCheck(deps, me, { purpose: 'registration' });
  expect(started.verifyId).toBe(verifyId);
  return finishFaceCheck(deps, me, { verifyId });
}

const faceEntries = async () =>
  (await deps.store.find<LedgerEntryDoc>('ledger', where('type', 'eq', 'face.checked'), { limit: 100 })).items.map((e) => e.data.outcome);

describe('R14.3 WeChat 人脸核身 through recorded replies', () => {
  it('R14.3 sends the documented requests: the stable token, cert_info to getVerifyId, cert_hash (never the number) to queryVerifyInfo', async () => {
    await check('vid-success', QUERY.success);
    const [token] = wechat.calls(TOKEN_PATH);
    expect(token.body).toEqual({ grant_type: 'client_credential', appid: 'wx0123456789abcdef', secret: 'secret-of-sixteen-chars', force_refresh: false });
    const [getId] = wechat.calls(GET_ID);
    expect(getId.query.get('access_token')).toBe('ACCESS_TOKEN_1');
    expect(getId.body).toMatchObject({ cert_info: { cert_type: 'IDENTITY_CARD', cert_name: '王秀英', cert_no: idNumber }, openid: 'test-face-laborer' });
    expect(String(getId.body.out_seq_no)).toMatch(/^[0-9a-f]{24}$/);
    const [query] = wechat.calls(QUERY_PATH);
    expect(query.body).toEqual({ verify_id: 'vid-success', out_seq_no: getId.body.out_seq_no, cert_hash: certHash(certInfoOf('王秀英', idNumber)), openid: 'test-face-laborer' });
    expect(JSON.stringify(query.body)).not.toContain(idNumber);
  });

  it('R14.3 success: passed, the account verified for claiming, ledgered', async () => {
    expect(await check('vid-success', QUERY.success)).toMatchObject({ outcome: 'passed', verified: true, message: '人脸核身通过，已完成实名认证' });
    expect((await privacyStatus(deps, me)).realName).toMatchObject({ verified: true });
    expect(await faceEntries()).toEqual(['passed']);
  });

  it('R14.3 mismatch (face 10004, number 10003): not verified, its own outcome', async () => {
    expect(await check('vid-mismatch', QUERY.mismatch)).toMatchObject({ outcome: 'mismatch', verified: false });
    expect(await check('vid-number', QUERY.numberMismatch)).toMatchObject({ outcome: 'mismatch' });
    expect((await privacyStatus(deps, me)).realName.verified).toBe(false);
  });

  it('R14.3 the user cancelled: its own outcome, and a new check may start', async () => {
    expect(await check('vid-cancel', QUERY.userCancelled)).toMatchObject({ outcome: 'cancelled', message: '您取消了人脸核身，可以重新开始' });
    expect(await check('vid-after-cancel', QUERY.success)).toMatchObject({ outcome: 'passed' });
  });

  it('R14.3 an expired verify id: WeChat’s invalid-id code, or any error once its hour has passed', async () => {
    expect(await check('vid-expired', QUERY.expiredVerifyId)).toMatchObject({ outcome: 'expired' });
    wechat.reply(GET_ID, verifyIdReply('vid-late')).reply(QUERY_PATH, QUERY.systemError);
    await startFaceCheck(deps, me, { purpose: 'registration' });
    clock.setNow(new Date(NOW.getTime() + 3601_000));
    expect(await finishFaceCheck(deps, me, { verifyId: 'vid-late' })).toMatchObject({ outcome: 'expired' });
    expect(await faceEntries()).toEqual(['expired', 'expired']);
  });

  it('R14.3 a replayed result is refused, and WeChat is not asked again', async () => {
    await check('vid-once', QUERY.success);
    const asked = wechat.calls(QUERY_PATH).length;
    for (const verifyId of ['vid-once', 'vid-once']) {
      await expect(finishFaceCheck(deps, me, { verifyId })).rejects.toMatchObject({ code: 'FACE_CHECK_USED' });
    }
    expect(wechat.calls(QUERY_PATH)).toHaveLength(asked);
    // Another account replaying someone's verify id hears it does not exist.
    const other: Caller = { openid: 'test-face-other', requestId: 'r2' };
    await agreeToGuide(deps, other, { version: PRIVACY_GUIDE.version });
    await register(deps, other, { name: '李四', idNumber: idNumberAged(35, NOW, { region: '141127' }), townshipCode: '141127101' });
    await expect(finishFaceCheck(deps, other, { verifyId: 'vid-once' })).rejects.toMatchObject({ code: 'FACE_CHECK_NOT_FOUND' });
    const stored = await deps.store.find<FaceCheckDoc>('faceChecks', where('personId', 'ne', ''), { limit: 10 });
    expect(stored.items.map((c) => [c.status, c.verifyRet])).toEqual([['passed', 10000]]);
    expect((await verifyAllChains(deps.store)).filter((c) => c.broken)).toEqual([]);
  });

  it('R14.3 an expired access token is fetched again once with force_refresh', async () => {
    wechat.reply(TOKEN_PATH, TOKEN_REFRESHED).reply(GET_ID, TOKEN_EXPIRED, verifyIdReply('vid-token')).reply(QUERY_PATH, QUERY.success);
    await startFaceCheck(deps, me, { purpose: 'registration' });
    expect(wechat.calls(TOKEN_PATH).map((r) => r.body.force_refresh)).toEqual([false, true]);
    expect(wechat.calls(GET_ID).map((r) => r.query.get('access_token'))).toEqual(['ACCESS_TOKEN_1', 'ACCESS_TOKEN_2']);
    expect(await finishFaceCheck(deps, me, { verifyId: 'vid-token' })).toMatchObject({ outcome: 'passed' });
  });

  it('R14.3 WeChat unreachable is FACE_CHECK_UNAVAILABLE and the check can still be finished later', async () => {
    wechat.reply(GET_ID, verifyIdReply('vid-down'));
    await startFaceCheck(deps, me, { purpose: 'registration' });
    await expect(finishFaceCheck(deps, me, { verifyId: 'vid-down' })).rejects.toMatchObject({ code: 'FACE_CHECK_UNAVAILABLE' });
    wechat.reply(QUERY_PATH, QUERY.success);
    expect(await finishFaceCheck(deps, me, { verifyId: 'vid-down' })).toMatchObject({ outcome: 'passed' });
  });
});

describe('R14.3 cert_hash as WeChat documents it', () => {
  it('R14.3 the worked example of the queryVerifyInfo page', () => {
    expect(certHash({ cert_type: 'IDENTITY_CARD', cert_name: '张三', cert_no: '310101199801011234' })).toBe('3c241f7ff324977aeb91f173bb2a7b06569e6fd784d5573db34a636d8671108b');
  });
});

/**
 * R14.3 the real-name face check (人脸核身), pure: what WeChat's answer means, when a county asks
 * for a check, which later sessions are drawn for one, and the share of a class verified.
 *
 * WeChat's replies, as documented (read 2026-03):
 * - getVerifyId, POST https://api.weixin.qq.com/cityservice/face/identify/getverifyid?access_token=…
 *   body `{ out_seq_no, cert_info: { cert_type: 'IDENTITY_CARD', cert_name, cert_no }, openid }`,
 *   reply `{ errcode, errmsg, verify_id, expires_in }` (expires_in 3600 s by default; after it the
 *   check can no longer be started) —
 *   https://developers.weixin.qq.com/miniprogram/dev/server/API/face/api_getverifyid
 * - queryVerifyInfo, POST …/cityservice/face/identify/queryverifyinfo?access_token=…
 *   body `{ verify_id, out_seq_no, cert_hash, openid }`, reply `{ errcode, errmsg, verify_ret }`;
 *   "核身通过的判断条件：errcode = 0 且 verify_ret = 10000"; WeChat checks cert_info and openid and
 *   answers an errcode instead of a verify_ret when they differ —
 *   https://developers.weixin.qq.com/miniprogram/dev/server/API/face/api_queryverifyinfo
 *   verify_ret: 10000 识别成功, 10001 参数错误, 10002 人脸特征检测失败, 10003 身份证号不匹配,
 *   10004 比对人脸信息不匹配; 90002–90006 用户取消 (教程页/初始化/识别中/上传/释放时), 90024 用户在确认页退出;
 *   other 9xxxx are the device, camera, network or SDK failing.
 * - The phone's `wx.requestFacialVerify({ verifyId })` success only says the check ran: "需要通过
 *   queryVerifyInfo 接口查询人脸核身真实验证结果" —
 *   https://developers.weixin.qq.com/miniprogram/dev/api/open-api/face/wx.requestFacialVerify.html
 * - An unknown or lapsed id: the documentation lists no errcode for it; the older getinfo API
 *   answered `84001 invalid identify id` (WeChat's developer community), so 84001 is read as
 *   expired, and so is any non-zero errcode once the id's own validity has passed.
 */
import { sha256 } from '@noble/hashes/sha256';
import WORDS from './words.json';

/** What a check ends as; each has its own message and ledger outcome. */
export type FaceOutcome = 'passed' | 'mismatch' | 'cancelled' | 'expired' | 'failed';

export const FACE_OUTCOMES = ['passed', 'mismatch', 'cancelled', 'expired', 'failed'] as const satisfies readonly FaceOutcome[];

export const FACE_OUTCOME_NAMES: Record<FaceOutcome, string> = WORDS.faceOutcome;

/** Said to the person after a check (large type, plain words). */
export const FACE_OUTCOME_MESSAGES: Record<FaceOutcome, string> = WORDS.faceOutcomeMessages;

/** The documented reply of queryVerifyInfo. */
export interface VerifyReply {
  errcode: number;
  errmsg?: string;
  verify_ret?: number;
}

/** errcode of an id WeChat does not know (any more): see the header. */
export const INVALID_VERIFY_ID = 84001;
export const VERIFY_PASSED = 10000;
const MISMATCH = new Set([10003, 10004]);
const CANCELLED = new Set([90002, 90003, 90004, 90005, 90006, 90024]);

/**
 * R14.3 the meaning of WeChat's answer. `lapsed`: the verify id's own validity has passed, so a
 * reply without a result means it expired.
 */
export function faceOutcomeOf(reply: VerifyReply, lapsed = false): FaceOutcome {
  if (reply.errcode !== 0) return reply.errcode === INVALID_VERIFY_ID || lapsed ? 'expired' : 'failed';
  const ret = reply.verify_ret;
  if (ret === VERIFY_PASSED) return 'passed';
  if (ret !== undefined && MISMATCH.has(ret)) return 'mismatch';
  if (ret !== undefined && CANCELLED.has(ret)) return 'cancelled';
  return 'failed';
}

/** What a check is for: the registration (before claiming) or one session of a class. */
export type FacePurpose = 'registration' | 'session';

/** R14.3 a county's choice (default: no checks). */
export interface FacePolicy {
  /** Before claiming a voucher (or enrolling), once per WeChat account. */
  atRegistration: boolean;
  /** At each trainee's first check-in of each class. */
  atFirstSession: boolean;
  /** 0–0.5: the share of later check-ins drawn for a check as well. */
  laterShare: number;
}

export const NO_FACE_POLICY: FacePolicy = { atRegistration: false, atFirstSession: false, laterShare: 0 };

/** At most half of later sessions: a check at every session would keep elders out of class. */
export const MAX_LATER_SHARE = 0.5;

export function facePolicyProblem(p: FacePolicy): 'FACE_POLICY_INVALID' | null {
  const percent = p.laterShare * 100;
  // Whole percent, read so that floating point cannot refuse one (0.29 × 100 = 28.999…).
  const ok = Number.isFinite(percent) && percent >= 0 && p.laterShare <= MAX_LATER_SHARE && Math.abs(percent - Math.round(percent)) < 1e-9;
  return ok ? null : 'FACE_POLICY_INVALID';
}

/**
 * Whether a later session is drawn for a check: a fixed draw from the class, the person and the
 * session (SHA-256), so the phone and the server agree, and nobody can retry their way out.
 */
export function laterSessionDrawn(share: number, classId: string, personId: string, session: number): boolean {
  if (share <= 0) return false;
  const digest = sha256(Uint8Array.from(`${classId}|${personId}|${session}`, (ch) => ch.charCodeAt(0) & 0xff));
  const draw = ((digest[0] << 24) >>> 0) + (digest[1] << 16) + (digest[2] << 8) + digest[3];
  return draw / 2 ** 32 < share;
}

/** R14.3 whether this check-in needs a passed check for the class first. */
export function sessionCheckRequired(policy: FacePolicy, f: { firstCheckIn: boolean; classId: string; personId: string; session: number }): boolean {
  if (f.firstCheckIn) return policy.atFirstSession;
  return policy.atFirstSession && laterSessionDrawn(policy.laterShare, f.classId, f.personId, f.session);
}

/** The share of a class's trainees verified, 0–1 (0 with nobody enrolled). */
export const verifiedShare = (verified: number, trainees: number): number => (trainees === 0 ? 0 : verified / trainees);

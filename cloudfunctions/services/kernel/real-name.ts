/**
 * R14.3 real names: a county's face-check policy, the checks made and the passed registration
 * check. Identity data, so the kernel holds the documents and the reads every context needs: the
 * privacy context starts and finishes checks, the router asks `realNameRefusal` before a claim,
 * the training context asks `sessionFaceCheck` at a check-in (and spends the check it names).
 */
import { createHash } from 'node:crypto';
import { chinaDateOf, formatDate } from '../../core/china-date';
import { type FaceOutcome, type FacePolicy, type FacePurpose, NO_FACE_POLICY, sessionCheckRequired } from '../../core/face-check';
import { type Store, type Tx, and, where } from '../../store/port';

/** id = county code. */
export type FacePolicyDoc = FacePolicy & { _id: string; updatedAt: string; updatedBy: string };

/** id = `faceCheckId(verifyId)`: WeChat's verify id is the handle the phone sends back. */
export type FaceCheckDoc = {
  _id: string;
  /** Our serial number, sent to WeChat with both calls. */
  outSeqNo: string;
  /** Whose face: the person checked, and the WeChat account they act from. */
  personId: string;
  accountOpenid: string;
  /** Who held the phone (a relative's, when one acts for an elder, R13.1). */
  phoneOpenid: string;
  purpose: FacePurpose;
  classId: string | null;
  /** The person's household county: the chain the check is ledgered on. */
  countyCode: string;
  status: 'started' | FaceOutcome;
  verifyRet: number | null;
  errcode: number | null;
  startedAt: string;
  expiresAt: string;
  finishedAt: string | null;
  /** A passed session check is spent by one check-in (R14.3: a result is used once). */
  usedFor: string | null;
};

/** id = person id: the passed registration check, valid for the account that passed it. */
export type RealNameDoc = { _id: string; openid: string; checkId: string; verifiedAt: string; countyCode: string };

export const faceCheckId = (verifyId: string): string => `f_${createHash('sha256').update(verifyId).digest('hex').slice(0, 40)}`;

type Reader = { get: Store['get'] } | Tx;

/** A county's policy; none stored means no checks. */
export async function facePolicyOf(reader: Reader, countyCode: string): Promise<FacePolicy> {
  const doc = await reader.get<FacePolicyDoc>('facePolicies', countyCode);
  return doc ? { atRegistration: doc.atRegistration, atFirstSession: doc.atFirstSession, laterShare: doc.laterShare } : NO_FACE_POLICY;
}

/** Whether the person, from this WeChat account, has passed the registration check. */
export async function realNameVerified(reader: Reader, personId: string, openid: string): Promise<boolean> {
  const doc = await reader.get<RealNameDoc>('realNames', personId);
  return doc !== null && doc.openid === openid;
}

/** R14.3 a claim in a county that asks for it needs the registration check first. */
export async function realNameRefusal(reader: Reader, person: { _id: string; countyCode: string }, openid: string): Promise<'FACE_CHECK_REQUIRED' | null> {
  if (!(await facePolicyOf(reader, person.countyCode)).atRegistration) return null;
  return (await realNameVerified(reader, person._id, openid)) ? null : 'FACE_CHECK_REQUIRED';
}

/**
 * R14.3 at a check-in: does the class's county ask for a check now (the trainee's first check-in
 * of the class, or a later session drawn), and which passed, unspent check of the class made the
 * same China day answers it. `checkId` null with `required` means the check-in is refused.
 */
export async function sessionFaceCheck(
  store: Store,
  f: { classId: string; countyCode: string; personId: string; session: number; scannedAt: Date },
): Promise<{ required: boolean; checkId: string | null }> {
  const policy = await facePolicyOf(store, f.countyCode);
  if (!policy.atFirstSession) return { required: false, checkId: null };
  const before = await store.find('attendance', and(where('classId', 'eq', f.classId), where('personId', 'eq', f.personId)), { limit: 1 });
  if (!sessionCheckRequired(policy, { firstCheckIn: before.items.length === 0, classId: f.classId, personId: f.personId, session: f.session })) {
    return { required: false, checkId: null };
  }
  const day = formatDate(chinaDateOf(f.scannedAt));
  const checks = await store.find<FaceCheckDoc>('faceChecks', where('personId', 'eq', f.personId), { orderBy: { field: 'startedAt', direction: 'desc' }, limit: 50 });
  const usable = checks.items.find(
    (c) => c.purpose === 'session' && c.classId === f.classId && c.status === 'passed' && c.usedFor === null && formatDate(chinaDateOf(new Date(c.startedAt))) === day,
  );
  return { required: true, checkId: usable?._id ?? null };
}

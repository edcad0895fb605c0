/**
 * R14.3 the real-name face check (人脸核身): start (WeChat's verify id for the person's name and ID
 * number), then finish (the true result, read from WeChat, never from the phone's callback). A
 * check's result is read and recorded once: finishing it again — a replayed verify id — is
 * refused. A passed registration check lets the account claim where the county asks for one; a
 * passed session check answers one check-in of that class that day (training/check-in.ts).
 */
import { randomBytes } from 'node:crypto';
import type { FaceCheckResult, FaceCheckStart } from '../../contract';
import { DomainError } from '../../core/errors';
import { FACE_OUTCOME_MESSAGES, FACE_OUTCOME_NAMES, type FacePurpose, faceOutcomeOf } from '../../core/face-check';
import type { VerifyReply } from '../../core/face-check';
import { type PersonDoc, personOf } from '../account';
import { recordChange } from '../books/changes';
import { actorOf } from '../books/ledger';
import { requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { FaceServiceDown, type FaceVerifier } from '../kernel/face-verifier';
import { type FaceCheckDoc, type RealNameDoc, faceCheckId, realNameRefusal } from '../kernel/real-name';
import { type EnrollmentDoc, enrollmentId } from '../training';
import { registeredPerson } from './consent';
import { faceCheckedChange } from './records';

function verifierOf(deps: Deps): FaceVerifier {
  if (!deps.faceVerifier) throw new DomainError('FACE_CHECK_UNAVAILABLE');
  return deps.faceVerifier;
}

/** A call to WeChat that could not be made is the service being down, not a result. */
async function calling<T>(deps: Deps, what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (!(e instanceof FaceServiceDown)) throw e;
    deps.log.error('face service down', { what, error: e.message });
    throw new DomainError('FACE_CHECK_UNAVAILABLE');
  }
}

/** R14.3 a new check for me (a relative acting for an elder holds the phone: the elder faces it). */
export async function startFaceCheck(deps: Deps, caller: Caller, input: { purpose: FacePurpose; classId?: string }): Promise<FaceCheckStart> {
  const openid = requireOpenid(caller);
  const verifier = verifierOf(deps);
  const person = await personOf(deps.store, openid);
  const classId = input.purpose === 'session' ? (input.classId ?? '') : null;
  if (classId !== null) {
    const e = await deps.store.get<EnrollmentDoc>('enrollments', enrollmentId(classId, person._id));
    if (e?.status !== 'enrolled') throw new DomainError('NOT_ENROLLED_SELF');
  }
  const outSeqNo = randomBytes(12).toString('hex');
  const phoneOpenid = caller.proxy?.openid ?? openid;
  const started = await calling(deps, 'getVerifyId', () =>
    verifier.start({ outSeqNo, openid: phoneOpenid, name: person.name, idNumber: deps.idVault.decrypt(person.idCipher) }),
  );
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + started.expiresInSeconds * 1000).toISOString();
  const doc: Omit<FaceCheckDoc, '_id'> = {
    outSeqNo,
    personId: person._id,
    accountOpenid: openid,
    phoneOpenid,
    purpose: input.purpose,
    classId,
    countyCode: person.countyCode,
    status: 'started',
    verifyRet: null,
    errcode: null,
    startedAt: now.toISOString(),
    expiresAt,
    finishedAt: null,
    usedFor: null,
  };
  await deps.store.transaction((tx) => tx.create<FaceCheckDoc>('faceChecks', faceCheckId(started.verifyId), doc));
  return { verifyId: started.verifyId, expiresAt, purpose: input.purpose, classId };
}

/** The check a verify id names, if it is the caller's own (anyone else's answers like an unknown id). */
async function ownCheck(deps: Deps, openid: string, verifyId: string): Promise<{ check: FaceCheckDoc; person: PersonDoc }> {
  const person = await personOf(deps.store, openid);
  const check = await deps.store.get<FaceCheckDoc>('faceChecks', faceCheckId(verifyId));
  if (!check || check.personId !== person._id || check.accountOpenid !== openid) throw new DomainError('FACE_CHECK_NOT_FOUND');
  return { check, person };
}

/** R14.3 the true result, read once from WeChat and recorded with its ledger entry; a second finish is refused. */
export async function finishFaceCheck(deps: Deps, caller: Caller, input: { verifyId: string }): Promise<FaceCheckResult> {
  const openid = requireOpenid(caller);
  const { check, person } = await ownCheck(deps, openid, input.verifyId);
  if (check.status !== 'started') throw new DomainError('FACE_CHECK_USED');
  const verifier = verifierOf(deps);
  const reply: VerifyReply = await calling(deps, 'queryVerifyInfo', () =>
    verifier.query({ verifyId: input.verifyId, outSeqNo: check.outSeqNo, openid: check.phoneOpenid, name: person.name, idNumber: deps.idVault.decrypt(person.idCipher) }),
  );
  const finished = await deps.store.transaction(async (tx) => {
    const current = await tx.get<FaceCheckDoc>('faceChecks', check._id);
    // Two finishes racing: the second finds the first's result and is refused like any replay.
    if (current?.status !== 'started') throw new DomainError('FACE_CHECK_USED');
    const now = deps.clock.now();
    const outcome = faceOutcomeOf(reply, now.toISOString() > current.expiresAt);
    const done: FaceCheckDoc = { ...current, status: outcome, verifyRet: reply.verify_ret ?? null, errcode: reply.errcode, finishedAt: now.toISOString() };
    const { _id, ...data } = done;
    await tx.set<FaceCheckDoc>('faceChecks', _id, data);
    if (outcome === 'passed' && done.purpose === 'registration') {
      await tx.set<RealNameDoc>('realNames', person._id, { openid, checkId: _id, verifiedAt: done.finishedAt!, countyCode: person.countyCode });
    }
    await recordChange(tx, faceCheckedChange(person, done, now, actorOf(caller, 'laborer')));
    return done;
  });
  const outcome = finished.status as FaceCheckResult['outcome'];
  return {
    outcome,
    outcomeName: FACE_OUTCOME_NAMES[outcome],
    message: FACE_OUTCOME_MESSAGES[outcome],
    purpose: finished.purpose,
    classId: finished.classId,
    verified: outcome === 'passed',
  };
}

/** The router's gate before a claim (R14.3): where the household county asks, the registration check must have passed. */
export async function requireRealName(deps: Deps, caller: Caller): Promise<void> {
  if (!caller.openid) return;
  const person = await registeredPerson(deps.store, caller.openid);
  if (!person) return; // the use case answers NOT_REGISTERED
  const refusal = await realNameRefusal(deps.store, person, caller.openid);
  if (refusal) throw new DomainError(refusal);
}

/**
 * R14.3 the face check, pure: what WeChat's documented replies mean, a county's policy, the draw
 * of later sessions, and a class's verified share.
 */
import {
  FACE_OUTCOMES,
  FACE_OUTCOME_MESSAGES,
  MAX_LATER_SHARE,
  NO_FACE_POLICY,
  faceOutcomeOf,
  facePolicyProblem,
  laterSessionDrawn,
  sessionCheckRequired,
  verifiedShare,
} from '../../../cloudfunctions/core/face-check';

describe('R14.3 what queryVerifyInfo answers', () => {
  it('R14.3 only errcode 0 with verify_ret 10000 passes', () => {
    expect(faceOutcomeOf({ errcode: 0, errmsg: 'ok', verify_ret: 10000 })).toBe('passed');
    expect(faceOutcomeOf({ errcode: 0 })).toBe('failed');
    expect(faceOutcomeOf({ errcode: 40001, verify_ret: 10000 })).toBe('failed');
  });

  it('R14.3 10003 and 10004 are a mismatch: the face or the number is not the person’s', () => {
    expect(faceOutcomeOf({ errcode: 0, verify_ret: 10003 })).toBe('mismatch');
    expect(faceOutcomeOf({ errcode: 0, verify_ret: 10004 })).toBe('mismatch');
  });

  it('R14.3 90002–90006 and 90024 are the person cancelling', () => {
    for (const ret of [90002, 90003, 90004, 90005, 90006, 90024]) expect(faceOutcomeOf({ errcode: 0, verify_ret: ret })).toBe('cancelled');
  });

  it('R14.3 device, camera and network codes are a check not completed', () => {
    for (const ret of [90001, 90007, 90008, 90010, 90017, 90018, 10001, 10002]) expect(faceOutcomeOf({ errcode: 0, verify_ret: ret })).toBe('failed');
  });

  it('R14.3 an invalid verify id, or any error once the id has lapsed, is expired', () => {
    expect(faceOutcomeOf({ errcode: 84001, errmsg: 'invalid verify_id' })).toBe('expired');
    expect(faceOutcomeOf({ errcode: -1 }, true)).toBe('expired');
    expect(faceOutcomeOf({ errcode: 0, verify_ret: 10000 }, true)).toBe('passed');
  });

  it('R14.3 each outcome has its own message', () => {
    expect(new Set(FACE_OUTCOMES.map((o) => FACE_OUTCOME_MESSAGES[o])).size).toBe(FACE_OUTCOMES.length);
  });
});

describe('R14.3 a county’s policy', () => {
  it('R14.3 no policy asks for nothing', () => {
    expect(sessionCheckRequired(NO_FACE_POLICY, { firstCheckIn: true, classId: 'c', personId: 'p', session: 0 })).toBe(false);
  });

  it('R14.3 at the first session: the first check-in of each class asks, later ones only when drawn', () => {
    const policy = { atRegistration: true, atFirstSession: true, laterShare: 0 };
    expect(sessionCheckRequired(policy, { firstCheckIn: true, classId: 'c', personId: 'p', session: 3 })).toBe(true);
    expect(sessionCheckRequired(policy, { firstCheckIn: false, classId: 'c', personId: 'p', session: 3 })).toBe(false);
  });

  it('R14.3 a share of later sessions is drawn, fixed per class, person and session, about the share asked', () => {
    const drawn = Array.from({ length: 4000 }, (_, i) => laterSessionDrawn(0.2, `c${i % 40}`, `p${Math.floor(i / 40)}`, i % 7)).filter(Boolean).length;
    expect(drawn / 4000).toBeGreaterThan(0.17);
    expect(drawn / 4000).toBeLessThan(0.23);
    expect(laterSessionDrawn(0.2, 'c1', 'p1', 2)).toBe(laterSessionDrawn(0.2, 'c1', 'p1', 2));
    expect(laterSessionDrawn(0, 'c1', 'p1', 2)).toBe(false);
  });

  it('R14.3 the share is 0–50 % in whole percent', () => {
    for (const share of [0, 0.07, 0.25, 0.29, 0.5]) expect(facePolicyProblem({ atRegistration: true, atFirstSession: true, laterShare: share })).toBeNull();
    expect(facePolicyProblem({ atRegistration: true, atFirstSession: true, laterShare: MAX_LATER_SHARE + 0.01 })).toBe('FACE_POLICY_INVALID');
    expect(facePolicyProblem({ atRegistration: true, atFirstSession: true, laterShare: 0.125 })).toBe('FACE_POLICY_INVALID');
    expect(facePolicyProblem({ atRegistration: true, atFirstSession: true, laterShare: -0.1 })).toBe('FACE_POLICY_INVALID');
  });

  it('R14.3 a class’s verified share', () => {
    expect(verifiedShare(3, 4)).toBe(0.75);
    expect(verifiedShare(0, 0)).toBe(0);
  });
});

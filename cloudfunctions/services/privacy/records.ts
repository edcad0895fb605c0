/**
 * How the privacy context's changes are ledgered (R9.1, R14): agreement and withdrawal, a copy
 * handed out, an account closed or taken up again, a face check and a county's policy. Nothing
 * here names a phone number, an ID number or a face: the entries say what happened and when.
 */
import type { LedgerEventType } from '../../core/books';
import type { FacePolicy } from '../../core/face-check';
import type { Change } from '../books/changes';
import type { Actor } from '../books/ledger';
import type { FaceCheckDoc } from '../kernel/real-name';
import { type Place, placeOf } from '../kernel/place';

/** A change about one person, on their household county's chain, counting nothing. */
export const personChange = (person: Place & { _id: string }, type: LedgerEventType, at: Date, actor: Actor, data: Record<string, unknown>, subjects: Record<string, string> = {}): Change => ({
  place: placeOf(person),
  at,
  type,
  subjects: { personId: person._id, ...subjects },
  actor,
  data,
  counters: [],
});

/** R14.1 the agreement, with the time it was given (before registration it waits for the county's chain). */
export const agreedChange = (person: Place & { _id: string }, version: string, agreedAt: string, at: Date, actor: Actor): Change =>
  personChange(person, 'privacy.agreed', at, actor, { version, agreedAt });

/** R14.3 one finished check: purpose, outcome and WeChat's code; never the face or the number. */
export const faceCheckedChange = (person: Place & { _id: string }, check: FaceCheckDoc, at: Date, actor: Actor): Change =>
  personChange(
    person,
    'face.checked',
    at,
    actor,
    { purpose: check.purpose, outcome: check.status, verifyRet: check.verifyRet, errcode: check.errcode, ...(check.classId ? { classId: check.classId } : {}) },
    { checkId: check._id },
  );

/** R14.3 a county's policy, before and after. */
export const policyChange = (place: Place, before: FacePolicy, after: FacePolicy, at: Date, actor: Actor): Change => ({
  place,
  at,
  type: 'face.policy_set',
  subjects: { countyCode: place.countyCode },
  actor,
  data: { before, after },
  counters: [],
});

/**
 * R14.1 agreement to the privacy guide: recorded per WeChat account (version, time, history),
 * ledgered on the person's county chain — at once when they are registered, otherwise in the
 * registration's own transaction (before it there is no county to chain it to, and nothing
 * personal is held). A new version of the guide asks again. The router's `consent` gate refuses
 * every action that collects personal information until the current version is agreed.
 */
import type { PrivacyStatus } from '../../contract';
import { chinaToday } from '../../core/china-date';
import { DomainError } from '../../core/errors';
import { CONSENT_STATE_NAMES, PRIVACY_GUIDE, consentRefusal, consentState } from '../../core/privacy';
import { type Tx, where } from '../../store/port';
import type { OnRegistered, PersonDoc } from '../account';
import { recordChange } from '../books/changes';
import { actorOf } from '../books/ledger';
import { type AccountDoc, requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { type RealNameDoc, facePolicyOf, sessionFaceCheck } from '../kernel/real-name';
import type { ClassDoc, EnrollmentDoc } from '../training';
import { MAX_CONSENT_HISTORY, type PrivacyConsentDoc } from './documents';
import { agreedChange, personChange } from './records';

type Reader = Pick<Tx, 'get'>;

/** The caller's person, or null before registration. */
export async function registeredPerson(reader: Reader, openid: string): Promise<PersonDoc | null> {
  const account = await reader.get<AccountDoc>('accounts', openid);
  return account?.personId ? reader.get<PersonDoc>('persons', account.personId) : null;
}

const withEvent = (doc: PrivacyConsentDoc | null, event: PrivacyConsentDoc['history'][number]) => [...(doc?.history ?? []), event].slice(-MAX_CONSENT_HISTORY);

/** Today's classes where the county asks for a check before this check-in (R14.3). */
async function sessionChecksToday(deps: Deps, person: PersonDoc, now: Date): Promise<PrivacyStatus['sessionChecks']> {
  const today = chinaToday(now);
  const enrolled = await deps.store.find<EnrollmentDoc>('enrollments', where('personId', 'eq', person._id), { limit: 50 });
  const out: PrivacyStatus['sessionChecks'] = [];
  for (const e of enrolled.items.filter((x) => x.status === 'enrolled')) {
    const c = await deps.store.get<ClassDoc>('classes', e.classId);
    const session = c ? c.sessions.findIndex((s) => s.date === today) : -1;
    if (!c || session < 0) continue;
    const check = await sessionFaceCheck(deps.store, { classId: c._id, countyCode: c.countyCode, personId: person._id, session, scannedAt: now });
    if (check.required) out.push({ classId: c._id, className: c.name, required: true, passed: check.checkId !== null });
  }
  return out;
}

/** R14.1, R14.3 where the caller stands: the guide in force, their agreement, their real-name check. */
export async function privacyStatus(deps: Deps, caller: Caller): Promise<PrivacyStatus> {
  const openid = caller.openid;
  const doc = openid ? await deps.store.get<PrivacyConsentDoc>('privacyConsents', openid) : null;
  const person = openid ? await registeredPerson(deps.store, openid) : null;
  const state = consentState(doc);
  const realName = person ? await deps.store.get<RealNameDoc>('realNames', person._id) : null;
  const verified = realName !== null && realName.openid === openid;
  return {
    guideVersion: PRIVACY_GUIDE.version,
    consent: state,
    consentName: CONSENT_STATE_NAMES[state],
    agreedVersion: doc?.version ?? null,
    agreedAt: doc?.agreedAt ?? null,
    withdrawnAt: doc?.withdrawnAt ?? null,
    registered: person !== null,
    realName: {
      required: person ? (await facePolicyOf(deps.store, person.countyCode)).atRegistration : false,
      verified,
      verifiedAt: verified ? realName!.verifiedAt : null,
    },
    sessionChecks: person ? await sessionChecksToday(deps, person, deps.clock.now()) : [],
  };
}

/** R14.1 agree to the guide of `version` (the one in force only): recorded, and ledgered once there is a person. */
export async function agreeToGuide(deps: Deps, caller: Caller, input: { version: string }): Promise<PrivacyStatus> {
  const openid = requireOpenid(caller);
  if (input.version !== PRIVACY_GUIDE.version) throw new DomainError('PRIVACY_VERSION_STALE');
  await deps.store.transaction(async (tx) => {
    const doc = await tx.get<PrivacyConsentDoc>('privacyConsents', openid);
    if (consentState(doc) === 'agreed') return;
    const now = deps.clock.now();
    const person = await registeredPerson(tx, openid);
    const at = now.toISOString();
    await tx.set<PrivacyConsentDoc>('privacyConsents', openid, {
      version: input.version,
      status: 'agreed',
      agreedAt: at,
      withdrawnAt: null,
      ledgeredFor: person?._id ?? null,
      history: withEvent(doc, { event: 'agreed', version: input.version, at }),
    });
    if (person) await recordChange(tx, agreedChange(person, input.version, at, now, actorOf(caller, 'laborer')));
  });
  return privacyStatus(deps, caller);
}

/** R14.2 withdraw: nothing new is collected from now on (the gate refuses); ledgered when registered. */
export async function withdrawConsent(deps: Deps, caller: Caller): Promise<PrivacyStatus> {
  const openid = requireOpenid(caller);
  await deps.store.transaction(async (tx) => {
    const doc = await tx.get<PrivacyConsentDoc>('privacyConsents', openid);
    if (!doc || doc.status === 'withdrawn') return;
    const now = deps.clock.now();
    const at = now.toISOString();
    await tx.update('privacyConsents', openid, { set: { status: 'withdrawn', withdrawnAt: at, history: withEvent(doc, { event: 'withdrawn', version: doc.version, at }) } });
    const person = await registeredPerson(tx, openid);
    if (person) await recordChange(tx, personChange(person, 'privacy.withdrawn', now, actorOf(caller, 'laborer'), { version: doc.version }));
  });
  return privacyStatus(deps, caller);
}

/**
 * The router's gate (R14.1): the data subject (the elder, when a relative acts) must have agreed
 * to the guide in force. `uses`: only a registered person is asked (nothing of an unregistered
 * caller's is used; the use case answers NOT_REGISTERED).
 */
export async function requireConsent(deps: Deps, caller: Caller, kind: 'collects' | 'uses'): Promise<void> {
  if (!caller.openid) return; // the use case answers UNAUTHENTICATED
  const refusal = consentRefusal(consentState(await deps.store.get<PrivacyConsentDoc>('privacyConsents', caller.openid)));
  if (!refusal || (kind === 'uses' && !(await registeredPerson(deps.store, caller.openid)))) return;
  throw new DomainError(refusal);
}

/**
 * R14.1 in the registration's (or the reopening's) transaction: the agreement given before it
 * enters the new person's county chain, with the time it was given.
 */
export const ledgerAgreement: OnRegistered = async (_deps, tx, person, at) => {
  const doc = await tx.get<PrivacyConsentDoc>('privacyConsents', person.openid);
  if (!doc || doc.status !== 'agreed' || doc.ledgeredFor === person._id) return;
  await recordChange(tx, agreedChange(person, doc.version, doc.agreedAt, at, { openid: person.openid, role: 'laborer' }));
  await tx.update('privacyConsents', person.openid, { set: { ledgeredFor: person._id } });
};

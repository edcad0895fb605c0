/**
 * R11.1, R1.3 evaluation registrations (评价库): an official records that an institution is
 * registered (备案) to assess an occupation at some levels, with the registration's number and
 * validity, or ends one early. Results are recorded only under a registration in force.
 */
import type { InstitutionView, RegistrationInput } from '../../contract';
import { chinaToday } from '../../core/china-date';
import { DomainError } from '../../core/errors';
import { type AssessRegistration, levelsProblem, registrationProblem } from '../../core/institutions';
import { reasonProblem } from '../../core/class-plans';
import { recordChange } from '../books/changes';
import { requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { requestKey } from '../kernel/requests';
import { occupationIn, occupationLevels } from '../catalogue';
import { institutionIn, officialActor } from './institutions';
import { institutionChange, registrationIdOf } from './records';
import { institutionView, occupationNames } from './views';

export async function addRegistration(deps: Deps, caller: Caller, input: RegistrationInput): Promise<InstitutionView> {
  const openid = requireOpenid(caller);
  const current = await institutionIn(deps.store, input.institutionId);
  const actor = await officialActor(deps, caller, current.countyCode);
  const occupation = await occupationIn(deps.store, input.occupationCode);
  const levelProblem = levelsProblem(input.levels, occupationLevels(occupation));
  if (levelProblem) throw new DomainError(levelProblem);
  const problem = registrationProblem(input, chinaToday(deps.clock.now()));
  if (problem) throw new DomainError(problem);
  const registration: AssessRegistration = {
    id: registrationIdOf(requestKey(openid, 'institution.register', caller.requestId)),
    occupationCode: input.occupationCode,
    levels: [...input.levels].sort((a, b) => b - a),
    registrationNo: input.registrationNo.trim(),
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    endedAt: null,
  };
  const doc = await deps.store.transaction(async (tx) => {
    const i = await institutionIn(tx, input.institutionId);
    if (i.registrations.some((r) => r.id === registration.id)) return i;
    const at = deps.clock.now();
    const registrations = [...i.registrations, registration];
    await tx.update('institutions', i._id, { set: { registrations, updatedAt: at.toISOString() } });
    const next = { ...i, registrations };
    await recordChange(tx, institutionChange(next, 'registration.added', at, actor, { registration }));
    return next;
  });
  return institutionView(deps, doc, await occupationNames(deps));
}

export async function endRegistration(deps: Deps, caller: Caller, input: { institutionId: string; registrationId: string; reason: string }): Promise<InstitutionView> {
  const current = await institutionIn(deps.store, input.institutionId);
  const actor = await officialActor(deps, caller, current.countyCode);
  const problem = reasonProblem(input.reason);
  if (problem) throw new DomainError(problem);
  const doc = await deps.store.transaction(async (tx) => {
    const i = await institutionIn(tx, input.institutionId);
    const r = i.registrations.find((x) => x.id === input.registrationId);
    if (!r) throw new DomainError('REGISTRATION_NOT_FOUND');
    if (r.endedAt) return i;
    const at = deps.clock.now();
    const registrations = i.registrations.map((x) => (x.id === r.id ? { ...x, endedAt: at.toISOString() } : x));
    await tx.update('institutions', i._id, { set: { registrations, updatedAt: at.toISOString() } });
    const next = { ...i, registrations };
    await recordChange(tx, institutionChange(next, 'registration.ended', at, actor, { registrationId: r.id, reason: input.reason.trim() }));
    return next;
  });
  return institutionView(deps, doc, await occupationNames(deps));
}

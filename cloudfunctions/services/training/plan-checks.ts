/**
 * R5.1, R11.3 the checks of a class as a trainer plans it: each field with its own code,
 * against the institution (active, may train this occupation and level), the catalogue and
 * the calendar, before anything is written.
 */
import type { ClassPlanInput } from '../../contract';
import { CLASS_NAME_MAX, capacityProblem, ratioProblem, sessionsProblem, sortedSessions } from '../../core/class-plans';
import { DEFAULT_MIN_ATTENDANCE } from '../../core/classes';
import { DomainError, type ErrorCode } from '../../core/errors';
import { mayTrain } from '../../core/institutions';
import { occupationIn, occupationLevels, voucherTypeIn } from '../catalogue';
import type { Deps } from '../kernel/deps';
import { type InstitutionDoc, projectForClass } from '../institution';

const fail = (code: ErrorCode | null): void => {
  if (code) throw new DomainError(code);
};

export type CheckedPlan = Omit<ClassPlanInput, 'institutionId' | 'projectId' | 'minAttendanceRatio'> & {
  occupationName: string;
  project: { _id: string; name: string } | null;
  minAttendanceRatio: number;
};

export async function checkedPlan(deps: Deps, institution: InstitutionDoc, input: Omit<ClassPlanInput, 'institutionId'>, now: Date): Promise<CheckedPlan> {
  if (institution.status !== 'active') throw new DomainError('INSTITUTION_SUSPENDED');
  const name = input.name.trim();
  if (name.length < 2 || name.length > CLASS_NAME_MAX) throw new DomainError('CLASS_NAME_INVALID');
  const occupation = await occupationIn(deps.store, input.occupationCode);
  if (!occupationLevels(occupation).includes(input.level)) throw new DomainError('LEVEL_NOT_IN_CATALOGUE');
  if (!mayTrain(institution.trains, input.occupationCode, input.level)) throw new DomainError('OCCUPATION_NOT_TRAINED');
  const acceptedTypes = [...new Set(input.acceptedTypes)];
  for (const type of acceptedTypes) await voucherTypeIn(deps.store, type);
  if (acceptedTypes.length === 0 && !input.selfFunded) throw new DomainError('VOUCHER_TYPES_REQUIRED');
  const t = deps.regions.get(input.townshipCode);
  if (!t || t.level !== 'township' || !deps.regions.isWithin(input.townshipCode, institution.countyCode)) throw new DomainError('TOWNSHIP_NOT_IN_COUNTY');
  fail(capacityProblem(input.capacity));
  fail(sessionsProblem(input.sessions, now));
  const ratio = input.minAttendanceRatio ?? DEFAULT_MIN_ATTENDANCE;
  fail(ratioProblem(ratio));
  const project = input.projectId ? await projectForClass(deps, input.projectId, institution.countyCode, input.occupationCode) : null;
  return {
    name,
    occupationCode: input.occupationCode,
    occupationName: occupation.name,
    level: input.level,
    project: project ? { _id: project._id, name: project.name } : null,
    acceptedTypes,
    selfFunded: input.selfFunded,
    townshipCode: input.townshipCode,
    mode: input.mode,
    capacity: input.capacity,
    sessions: sortedSessions(input.sessions),
    minAttendanceRatio: ratio,
  };
}

/**
 * The checks of an institution as an official types it (R11.1): each field with its own code,
 * before anything is written.
 */
import type { InstitutionInput } from '../../contract';
import { checkCreditCode } from '../../core/credit-code';
import { DomainError, type ErrorCode } from '../../core/errors';
import { contactPhoneProblem, institutionNameProblem, levelsProblem } from '../../core/institutions';
import type { TrainPermission } from '../../core/institutions';
import { occupationIn, occupationLevels } from '../catalogue';
import type { Deps } from '../kernel/deps';

const fail = (code: ErrorCode | null): void => {
  if (code) throw new DomainError(code);
};

/** The township lies in the county (R11.1: an institution sits in the county that keeps it). */
export function checkTownship(deps: Deps, townshipCode: string, countyCode: string): void {
  const t = deps.regions.get(townshipCode);
  if (!t || t.level !== 'township' || !deps.regions.isWithin(townshipCode, countyCode)) throw new DomainError('TOWNSHIP_NOT_IN_COUNTY');
}

/** Each occupation in the catalogue with levels it has; one entry per occupation. */
export async function checkedPermissions(deps: Deps, trains: readonly TrainPermission[]): Promise<TrainPermission[]> {
  const seen = new Set<string>();
  const out: TrainPermission[] = [];
  for (const t of trains) {
    if (seen.has(t.occupationCode)) throw new DomainError('INVALID_INPUT', '同一个职业只能填一次');
    seen.add(t.occupationCode);
    const occupation = await occupationIn(deps.store, t.occupationCode);
    fail(levelsProblem(t.levels, occupationLevels(occupation)));
    out.push({ occupationCode: t.occupationCode, levels: [...t.levels].sort((a, b) => b - a) });
  }
  return out;
}

/** The text fields, trimmed and checked; the credit code normalised. */
export function checkedFields(input: Partial<InstitutionInput>): Partial<InstitutionInput> {
  const out: Partial<InstitutionInput> = {};
  if (input.name !== undefined) {
    fail(institutionNameProblem(input.name));
    out.name = input.name.trim();
  }
  if (input.creditCode !== undefined) {
    const c = checkCreditCode(input.creditCode);
    if (!c.ok) throw new DomainError(c.code);
    out.creditCode = c.code;
  }
  if (input.address !== undefined) {
    const a = input.address.trim();
    if (a.length < 2 || a.length > 100) throw new DomainError('ADDRESS_INVALID');
    out.address = a;
  }
  if (input.contactName !== undefined) {
    const n = input.contactName.trim();
    if (n.length < 2 || n.length > 20) throw new DomainError('CONTACT_NAME_INVALID');
    out.contactName = n;
  }
  if (input.contactPhone !== undefined) {
    fail(contactPhoneProblem(input.contactPhone));
    out.contactPhone = input.contactPhone.trim();
  }
  if (input.kind !== undefined) out.kind = input.kind;
  return out;
}

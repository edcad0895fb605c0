/**
 * The institution form (R11.1) as typed: from and to the contract, and the phone's own checks
 * with core's rules and messages (the server checks again), so a mistake is said under its field
 * before anything is sent.
 */
import type { InstitutionChange, InstitutionInput, InstitutionKind, InstitutionView, TrainPermission } from '../../../../cloudfunctions/contract';
import { checkCreditCode, normalizeCreditCode } from '../../../../cloudfunctions/core/credit-code';
import { ERROR_MESSAGES, type ErrorCode } from '../../../../cloudfunctions/core/errors';
import { contactPhoneProblem, institutionNameProblem } from '../../../../cloudfunctions/core/institutions';

export interface InstitutionForm {
  name: string;
  creditCode: string;
  kind: InstitutionKind | null;
  countyCode: string | null;
  townshipCode: string | null;
  address: string;
  contactName: string;
  contactPhone: string;
  trains: TrainPermission[];
}

export type FormField = 'name' | 'creditCode' | 'kind' | 'township' | 'address' | 'contactName' | 'contactPhone' | 'trains';
export type FormErrors = Partial<Record<FormField, string>>;

export const emptyForm = (countyCode: string | null): InstitutionForm => ({
  name: '',
  creditCode: '',
  kind: null,
  countyCode,
  townshipCode: null,
  address: '',
  contactName: '',
  contactPhone: '',
  trains: [],
});

export const formOf = (v: InstitutionView): InstitutionForm => ({
  name: v.name,
  creditCode: v.creditCode,
  kind: v.kind,
  countyCode: v.county.code,
  townshipCode: v.township.code,
  address: v.address,
  contactName: v.contactName,
  contactPhone: v.contactPhone,
  trains: v.trains.map((t) => ({ occupationCode: t.occupationCode, levels: [...t.levels] })),
});

/** The line under 统一社会信用代码 as it is typed: nothing until 18 characters or the field is left. */
export function creditCodeHint(raw: string, blurred: boolean): string | null {
  const typed = normalizeCreditCode(raw);
  if (typed.length === 0 || (typed.length < 18 && !blurred)) return null;
  const check = checkCreditCode(raw);
  return check.ok ? null : ERROR_MESSAGES[check.code];
}

const lengthIn = (text: string, min: number, max: number) => text.trim().length >= min && text.trim().length <= max;

/** The phone's checks, field by field (empty when it may be sent). */
export function formErrors(f: InstitutionForm): FormErrors {
  const e: FormErrors = {};
  const name = institutionNameProblem(f.name);
  if (name) e.name = ERROR_MESSAGES[name];
  const code = checkCreditCode(f.creditCode);
  if (!code.ok) e.creditCode = ERROR_MESSAGES[code.code];
  if (!f.kind) e.kind = '请选择机构类型';
  if (!f.townshipCode) e.township = ERROR_MESSAGES.TOWNSHIP_NOT_IN_COUNTY;
  if (!lengthIn(f.address, 2, 100)) e.address = ERROR_MESSAGES.ADDRESS_INVALID;
  if (!lengthIn(f.contactName, 2, 20)) e.contactName = ERROR_MESSAGES.CONTACT_NAME_INVALID;
  const phone = contactPhoneProblem(f.contactPhone);
  if (phone) e.contactPhone = ERROR_MESSAGES[phone];
  if (f.trains.length === 0) e.trains = '请添加至少一个可培训的职业';
  return e;
}

/** A new institution, as the server takes it (only once `formErrors` is empty). */
export const inputOf = (f: InstitutionForm): InstitutionInput => ({
  name: f.name.trim(),
  creditCode: normalizeCreditCode(f.creditCode),
  kind: f.kind as InstitutionKind,
  countyCode: f.countyCode as string,
  townshipCode: f.townshipCode as string,
  address: f.address.trim(),
  contactName: f.contactName.trim(),
  contactPhone: f.contactPhone.trim(),
  trains: f.trains,
});

/** A change: the fields that differ from the institution as it was (the county stays). */
export function changeOf(v: InstitutionView, f: InstitutionForm): InstitutionChange {
  const { countyCode: _same, ...next } = inputOf(f);
  const before = formOf(v);
  const change: InstitutionChange = { institutionId: v.id };
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(key === 'creditCode' ? normalizeCreditCode(before.creditCode) : before[key])) {
      (change as unknown as Record<string, unknown>)[key] = next[key];
    }
  }
  return change;
}

/** Which field a server refusal is about, so its message appears under it. */
export function fieldOfCode(code: ErrorCode): FormField | null {
  if (code.startsWith('CREDIT_CODE_')) return 'creditCode';
  const fields: Partial<Record<ErrorCode, FormField>> = {
    INSTITUTION_NAME_INVALID: 'name',
    TOWNSHIP_NOT_IN_COUNTY: 'township',
    ADDRESS_INVALID: 'address',
    CONTACT_NAME_INVALID: 'contactName',
    CONTACT_PHONE_INVALID: 'contactPhone',
    OCCUPATION_UNKNOWN: 'trains',
    LEVELS_REQUIRED: 'trains',
    LEVEL_NOT_IN_CATALOGUE: 'trains',
  };
  return fields[code] ?? null;
}

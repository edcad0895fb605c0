/**
 * 就业登记's form: what is typed, turned into the report to send, checked on the phone by core's
 * own rule (R8.1 `employmentProblem`, which the server applies again) before anything is sent.
 */
import type { EmploymentReportInput, EmploymentStatus, WorkPlace } from '../../cloudfunctions/contract';
import { type CalendarDate, formatDate } from '../../cloudfunctions/core/china-date';
import { type EmploymentInput, type EmploymentProblem, employmentProblem } from '../../cloudfunctions/core/employment';
import { ERROR_MESSAGES } from '../../cloudfunctions/core/errors';

export interface EmploymentForm {
  status: EmploymentStatus | null;
  employer: string;
  occupation: string;
  place: WorkPlace | null;
  placeName: string;
  startDate: string;
  /** As typed: whole yuan. */
  income: string;
}

export type EmploymentField = 'status' | 'employer' | 'place' | 'placeName' | 'startDate' | 'income';
export type EmploymentErrors = Partial<Record<EmploymentField, string>>;

export const EMPTY_FORM: EmploymentForm = { status: null, employer: '', occupation: '', place: null, placeName: '', startDate: '', income: '' };

/** The field each of core's problems is about. */
const FIELD_OF: Record<EmploymentProblem, EmploymentField> = {
  EMPLOYER_REQUIRED: 'employer',
  PLACE_REQUIRED: 'place',
  REGION_REQUIRED: 'placeName',
  START_DATE_INVALID: 'startDate',
  START_DATE_FUTURE: 'startDate',
  INCOME_INVALID: 'income',
};

/** A value core accepts for each field, to look past a problem already found. */
const acceptable = (field: EmploymentField, today: CalendarDate): Partial<EmploymentInput> =>
  ({
    status: {},
    employer: { employer: '-' },
    place: { place: 'county' },
    placeName: { placeName: '-' },
    startDate: { startDate: formatDate(today) },
    income: { monthlyIncomeYuan: 0 },
  })[field] as Partial<EmploymentInput>;

/** The report the form stands for (whole yuan only: `3500.5` is no income at all). */
function inputOf(f: EmploymentForm & { status: EmploymentStatus }): EmploymentReportInput {
  if (f.status === 'seeking') return { status: 'seeking' };
  const income = f.income.trim();
  return {
    status: f.status,
    ...(f.employer.trim() ? { employer: f.employer.trim() } : {}),
    ...(f.occupation.trim() ? { occupation: f.occupation.trim() } : {}),
    place: f.place ?? undefined,
    ...(f.place && f.place !== 'county' ? { placeName: f.placeName.trim() } : {}),
    startDate: f.startDate,
    monthlyIncomeYuan: /^\d{1,6}$/.test(income) ? Number(income) : undefined,
  };
}

/**
 * The report to send, or every problem with the form at once (D25): core names the first
 * problem, so each field it names is set aside with an acceptable value and core asked again.
 */
export function reportOf(f: EmploymentForm, today: CalendarDate): { input: EmploymentReportInput } | { errors: EmploymentErrors } {
  if (!f.status) return { errors: { status: '请选择就业情况' } };
  const input = inputOf({ ...f, status: f.status });
  const errors: EmploymentErrors = {};
  let probe: EmploymentInput = input;
  for (let problem = employmentProblem(probe, today); problem; problem = employmentProblem(probe, today)) {
    const field = FIELD_OF[problem];
    if (errors[field]) break;
    errors[field] = ERROR_MESSAGES[problem];
    probe = { ...probe, ...acceptable(field, today) };
  }
  return Object.keys(errors).length > 0 ? { errors } : { input };
}

/**
 * The employment context's documents (R8): every report (history kept) and, per person and
 * year, what was already counted.
 */
import type { Band } from '../../core/age';
import type { EmploymentStatus, WorkPlace } from '../../core/employment';

export type EmploymentReportDoc = {
  _id: string;
  personId: string;
  countyCode: string;
  cityCode: string;
  provinceCode: string;
  status: EmploymentStatus;
  employer: string | null;
  occupation: string | null;
  place: WorkPlace | null;
  regionCode: string | null;
  placeName: string | null;
  startDate: string | null;
  /** R7.5 money is fen everywhere it is stored. */
  monthlyIncomeFen: number | null;
  transfer: boolean;
  reportedAt: string;
  /** China date of the report, `YYYY-MM-DD`. */
  reportedOn: string;
  /** The band at the report, for its counters ('-' when none). */
  band: Band | '-';
};

/** id = `{personId}:{year}`: kinds already counted for the person this year (counted once a year). */
export type EmploymentYearDoc = { _id: string; employed: boolean; transfer: boolean };

export const employmentYearId = (personId: string, year: number) => `${personId}:${year}`;

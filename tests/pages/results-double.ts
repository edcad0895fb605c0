/**
 * Builders for 录入鉴定结果 (certificate.recordBatch) and helpers to fill its rows.
 * The roster and class builders come from trainer-double.ts.
 */
import { fireEvent } from '@testing-library/react';
import type { Actions, ResultView, RosterView, SubsidyView } from '../../cloudfunctions/contract';
import type { ErrorCode } from '../../cloudfunctions/core/errors';
import { ERROR_MESSAGES } from '../../cloudfunctions/core/errors';
import { aRoster, aRosterPerson, aTrainerClass } from './trainer-double';

export type BatchAnswer = Actions['certificate']['recordBatch']['output'][number];
export type BatchInput = Actions['certificate']['recordBatch']['input'];

const done = { sessions: [0, 1, 2], status: 'completed' as const, statusName: '已结业' };

/** Class c-1, closed: 张*萍 (p-1), 李*华 (p-2) and 赵*军 (p-4) completed; 王*英 (p-3) did not. */
export function aClosedRoster(overrides: Partial<RosterView> = {}): RosterView {
  return aRoster({
    currentSession: null,
    closedAt: '2026-11-26T04:00:00.000Z',
    people: [
      aRosterPerson({ personId: 'p-1', name: '张*萍', ...done }),
      aRosterPerson({ personId: 'p-2', name: '李*华', ...done }),
      aRosterPerson({ personId: 'p-3', name: '王*英', sessions: [0], status: 'not_completed', statusName: '未达到出勤要求' }),
      aRosterPerson({ personId: 'p-4', name: '赵*军', ...done }),
    ],
    ...overrides,
  });
}

export const aClosedClass = () =>
  aTrainerClass({ state: 'closed', stateName: '已结业', currentSession: null, closedAt: '2026-11-26T04:00:00.000Z' });

export const aPayableSubsidy = (amountFen = 120_000): SubsidyView => ({ status: 'payable', statusName: '待申领', amountFen, reason: null });
export const aRefusedSubsidy = (reason: string): SubsidyView => ({ status: 'refused', statusName: '不予补贴', amountFen: 0, reason });

export function aResult(overrides: Partial<ResultView> = {}): ResultView {
  const passed = overrides.passed ?? true;
  return {
    id: `r-${overrides.personId ?? 'p-1'}`,
    personId: 'p-1',
    passed,
    score: passed ? 85 : 40,
    assessedOn: '2026-11-26',
    certificate: passed ? { number: '2026141127000001', kindName: '职业技能等级证书', levelName: '五级/初级工' } : null,
    subsidy: passed ? aPayableSubsidy() : null,
    ...overrides,
  };
}

export const answered = (result: ResultView): BatchAnswer => ({ personId: result.personId, result, code: null, message: null });
export const refusedRow = (personId: string, code: ErrorCode): BatchAnswer => ({
  personId,
  result: null,
  code,
  message: ERROR_MESSAGES[code],
});

export const resultsRow = (container: HTMLElement, personId: string) =>
  container.querySelector<HTMLElement>(`.results-row[data-person-id="${personId}"]`)!;

/** The real <input> of a row's score (H5: inside the `.results-score` label). */
export const scoreInput = (container: HTMLElement, personId: string) =>
  resultsRow(container, personId).querySelector<HTMLInputElement>('.results-score input, input.results-score');

export function typeScore(container: HTMLElement, personId: string, score: string): void {
  fireEvent.change(scoreInput(container, personId)!, { target: { value: score } });
}

export function tapVerdict(container: HTMLElement, personId: string, verdict: 'pass' | 'fail'): void {
  fireEvent.click(resultsRow(container, personId).querySelector(`.results-${verdict}`)!);
}

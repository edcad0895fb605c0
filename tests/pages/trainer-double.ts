/**
 * Builders for the trainer's views, as the `training` function answers them, and helpers for
 * the scan pages' network (see api-double.ts for `installApi`).
 */
import { fireEvent } from '@testing-library/react';
import type { ApiResponse, OfflineScan, RosterView, ScanResult, SessionTimes, TrainerClassView, WhoAmI } from '../../cloudfunctions/contract';
import type { ErrorCode } from '../../cloudfunctions/core/errors';
import { ERROR_MESSAGES } from '../../cloudfunctions/core/errors';
import { useScanQueue } from '../../src/packages/trainer/stores/use-scan-queue';
import { useTrainerStore } from '../../src/packages/trainer/stores/use-trainer-store';
import { __resetTaroMock, cloud, getCurrentInstance } from './__mocks__/taro';
import { type ApiCall, aRoleHolder, builder, installApi, ok, refusal, resetStores } from './api-double';
import { aClass } from './class-double';

export const aTrainer = (): WhoAmI =>
  aRoleHolder({ role: 'trainer', institutionId: 'inst-1', institutionName: '吕梁山护工培训学校' }, '2026-11-24T01:00:00.000Z');

/** Three sessions on 24–26 November 2026, 09:00–11:30 China time. */
export const SESSIONS: SessionTimes[] = [
  { date: '2026-11-24', start: '09:00', end: '11:30' },
  { date: '2026-11-25', start: '09:00', end: '11:30' },
  { date: '2026-11-26', start: '09:00', end: '11:30' },
];

/** Class c-1 of the trainer's institution, as `training.myClasses` answers it (a class-double class plus its state). */
export function aTrainerClass(overrides: Partial<TrainerClassView> = {}): TrainerClassView {
  const { forMe: _notTheTrainers, ...c } = aClass({
    id: 'c-1',
    name: '养老护理员（五级）岚县班',
    institution: { id: 'inst-1', name: '吕梁山护工培训学校' },
    mode: 'parttime',
    modeName: '业余',
    acceptedTypes: ['skills', 'agri'],
    county: { code: '141127', name: '岚县' },
    capacity: 30,
    seatsLeft: 28,
    sessions: SESSIONS,
    firstSessionAt: '2026-11-24T01:00:00.000Z',
    lastSessionEndsAt: '2026-11-26T03:30:00.000Z',
  });
  return {
    ...c,
    status: 'approved',
    statusName: '已通过',
    project: null,
    editable: 'none',
    submittedAt: '2026-11-20T01:00:00.000Z',
    review: { at: '2026-11-21T01:00:00.000Z', approved: true, reason: null },
    cancel: null,
    createdAt: '2026-11-19T01:00:00.000Z',
    enrolled: 2,
    state: 'running',
    stateName: '上课中',
    currentSession: 1,
    closedAt: null,
    ...overrides,
  };
}

type RosterPerson = RosterView['people'][number];

export const aRosterPerson = builder<RosterPerson>(() => ({
  personId: 'p-1',
  name: '张*萍',
  sessions: [0],
  skewFlagged: false,
  status: 'enrolled',
  statusName: '已报名',
}));

/** Two people: 张*萍 came to session 1 (index 0), 李*华 to nothing yet; session 2 is current. */
export const aRoster = builder<RosterView>(() => ({
  classId: 'c-1',
  name: '养老护理员（五级）岚县班',
  sessions: SESSIONS,
  people: [aRosterPerson(), aRosterPerson({ personId: 'p-2', name: '李*华', sessions: [] })],
  currentSession: 1,
  closedAt: null,
}));

/** A code in the R6.1 format (`CZT1.<ref>.<step>.<mac>`); whether it verifies is the server's business. */
export function aCode(ref = 'ref00001', step = 59_000_000): string {
  return `CZT1.${ref}.${step}.${'A'.repeat(22)}`;
}

export const accepted = (session: number, name = '王*英'): ScanResult => ({ status: 'accepted', session, skewFlagged: false, name });
export const duplicate = (session: number): ScanResult => ({
  status: 'duplicate',
  code: 'ALREADY_CHECKED_IN',
  message: ERROR_MESSAGES.ALREADY_CHECKED_IN,
  name: '王*英',
  session,
});
export const refused = (code: ErrorCode): ScanResult => ({ status: 'refused', code, message: ERROR_MESSAGES[code] });

/** A handler for `installApi` that fails like a dropped connection (the client answers NETWORK). */
export const networkDown = (): never => {
  throw new TypeError('Failed to fetch');
};

/** The scans of an `uploadOfflineScans` payload. */
export const scansOf = (payload: unknown): OfflineScan[] => (payload as { scans: OfflineScan[] }).scans;

/** Pretends the browser is offline (or back online) as far as `navigator.onLine` goes. */
export function setBrowserOnline(online: boolean): void {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online });
}

/**
 * The mini-program's transport (`Taro.cloud.callFunction`), answering by action with the data a
 * handler returns; returns the requests it saw. Undo with `cloud.callFunction.mockReset()`.
 */
export function installCloud(handlers: Record<string, (payload: unknown) => unknown>): { action: string; payload: unknown }[] {
  const calls: { action: string; payload: unknown }[] = [];
  cloud.callFunction.mockImplementation(((req: { data: { action: string; payload: unknown } }) => {
    calls.push({ action: req.data.action, payload: req.data.payload });
    const handler = handlers[req.data.action];
    return Promise.resolve({ result: handler ? ok(handler(req.data.payload)) : refusal('UNKNOWN_ACTION'), errMsg: 'ok' });
  }) as never);
  return calls;
}

/** Runs `fn` as the mini-program build would (jest reads `process.env.TARO_ENV` at run time). */
export async function asWeapp(fn: () => Promise<void>): Promise<void> {
  process.env.TARO_ENV = 'weapp';
  try {
    await fn();
  } finally {
    process.env.TARO_ENV = 'h5';
  }
}

/** The gateway for class c-1 (running, session index 1 current): 李*华 (p-2) is present once a scan is accepted. */
export function installClassApi(scan: () => ApiResponse<unknown>): ApiCall[] {
  let present = false;
  const roster = (): RosterView =>
    aRoster({ people: [aRosterPerson({ sessions: [0, 1] }), aRosterPerson({ personId: 'p-2', name: '李*华', sessions: present ? [1] : [] })] });
  return installApi({
    roster: () => ok(roster()),
    myClasses: () => ok([aTrainerClass()]),
    scan: () => {
      const answer = scan();
      if (answer.ok && (answer.data as ScanResult).status === 'accepted') present = true;
      return answer;
    },
  });
}

export const rosterRow = (container: HTMLElement, personId: string) =>
  container.querySelector<HTMLElement>(`.roster-row[data-person-id="${personId}"]`)!;
export const textOf = (container: HTMLElement, selector: string) => container.querySelector(selector)?.textContent ?? '';

/** Types a code into 输入签到码 and taps 提交. */
export function typeCode(container: HTMLElement, code: string): void {
  fireEvent.change(container.querySelector('#scan-code-input input')!, { target: { value: code } });
  fireEvent.click(container.querySelector('#scan-code-submit')!);
}

/** Before each trainer page test: online, on `path` for class c-1, empty stores and queue. */
export function onTrainerPage(path: string): void {
  __resetTaroMock();
  setBrowserOnline(true);
  getCurrentInstance.mockReturnValue({ router: { params: { classId: 'c-1' }, path }, page: {} });
  resetStores(useTrainerStore, useScanQueue);
}

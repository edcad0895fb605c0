/**
 * R13.2 check-in without a smartphone on the trainer's pages: the 8 digits typed from a laborer's
 * screen, a printed 签到卡 scanned like a phone's code, 补签 with a reason from the roster, and
 * the 签到卡 page that prints, re-issues and revokes a card.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import TrainerCardPage from '../../src/packages/trainer/pages/card/index';
import TrainerClassPage from '../../src/packages/trainer/pages/class/index';
import { cloud, getCurrentInstance, navigateTo } from './__mocks__/taro';
import { installApi, ok } from './api-double';
import { accepted, aRoster, aRosterPerson, aTrainerClass, onTrainerPage, rosterRow, setBrowserOnline, textOf, typeCode } from './trainer-double';

/** 25 November 2026, 09:10 China time: session 2 (index 1) is open for check-in. */
const IN_SESSION_2 = new Date('2026-11-25T01:10:00.000Z');
const CARD = 'CZTK1.ABCDEFGHJKMNPQRS';

beforeEach(() => {
  onTrainerPage('/packages/trainer/pages/class/index');
});
afterEach(() => {
  cloud.callFunction.mockReset();
  jest.useRealTimers();
});

const payloadsOf = (calls: { action: string; payload: unknown }[], action: string) => calls.filter((c) => c.action === action).map((c) => c.payload);

function installRoster(extra: Record<string, (p: unknown) => ReturnType<typeof ok>> = {}) {
  return installApi({
    roster: () => ok(aRoster({ people: [aRosterPerson({ sessions: [0, 1], cardSessions: [1] }), aRosterPerson({ personId: 'p-2', name: '李*华', sessions: [] })], checkIns: { total: 3, card: 1, manual: 0, share: 1 / 3, flagged: true } })),
    myClasses: () => ok([aTrainerClass()]),
    ...extra,
  });
}

describe('班级签到 — typed digits and printed cards', () => {
  it('8 typed digits (spaces allowed) go to training.scanTyped, judged at the server’s time', async () => {
    const calls = installRoster({ scanTyped: () => ok(accepted(1, '李*华')) });
    const { container } = render(<TrainerClassPage />);
    await screen.findByText('李*华');
    typeCode(container, '1234 5678');
    await waitFor(() => expect(textOf(container, '#scan-feedback')).toBe('签到成功李*华 · 第2节'));
    expect(payloadsOf(calls, 'scanTyped')).toEqual([{ classId: 'c-1', digits: '12345678' }]);
    expect(payloadsOf(calls, 'scan')).toEqual([]);
  });

  it('offline, typed digits are not queued (they need the server’s clock): the trainer is told to scan', async () => {
    const calls = installRoster();
    const { container } = render(<TrainerClassPage />);
    await screen.findByText('李*华');
    setBrowserOnline(false);
    typeCode(container, '12345678');
    await waitFor(() => expect(textOf(container, '#scan-feedback')).toBe('没有网络：输入数字要联网。请扫码签到，扫码没有网络也能用'));
    expect(payloadsOf(calls, 'scanTyped')).toEqual([]);
  });

  it('a printed 签到卡 is scanned like a phone’s code; the roster says which check-ins came by card', async () => {
    const calls = installRoster({ scan: () => ok(accepted(1)) });
    const { container } = render(<TrainerClassPage />);
    await screen.findByText('李*华');
    expect(rosterRow(container, 'p-1').querySelector('.roster-method')?.textContent).toBe('签到卡');
    expect(textOf(container, '.class-share')).toBe('签到卡1人次、补签0人次，占33%（超过20%，人社部门会核查）');
    typeCode(container, CARD);
    await waitFor(() => expect(textOf(container, '#scan-feedback')).toContain('签到成功'));
    expect(payloadsOf(calls, 'scan')).toEqual([{ classId: 'c-1', code: CARD }]);
  });
});

describe('班级签到 — 补签 and 签到卡 from the roster', () => {
  it('补签 asks for a reason, then marks the person present with it', async () => {
    jest.useFakeTimers({ now: IN_SESSION_2, advanceTimers: true });
    const calls = installRoster({ markPresent: () => ok(accepted(1, '李*华')) });
    const { container } = render(<TrainerClassPage />);
    await screen.findByText('李*华');
    expect(rosterRow(container, 'p-1').querySelector('.roster-mark')).toBeNull();
    fireEvent.click(rosterRow(container, 'p-2').querySelector('.roster-mark')!);
    expect(await screen.findByText('为李*华补签（第2节）')).toBeTruthy();
    fireEvent.click(container.querySelector('#mark-confirm')!);
    expect(await screen.findByText('请填写原因（2–200字）')).toBeTruthy();
    fireEvent.change(container.querySelector('#mark-reason')!, { target: { value: '没有智能手机，本人在场' } });
    fireEvent.click(container.querySelector('#mark-confirm')!);
    await waitFor(() => expect(textOf(container, '#scan-feedback')).toBe('签到成功李*华 · 第2节'));
    expect(payloadsOf(calls, 'markPresent')).toEqual([{ classId: 'c-1', personId: 'p-2', reason: '没有智能手机，本人在场' }]);
  });

  it('no 补签 before the session’s check-in opens', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-24T20:00:00.000Z'), advanceTimers: true });
    installRoster();
    const { container } = render(<TrainerClassPage />);
    await screen.findByText('李*华');
    expect(container.querySelector('.roster-mark')).toBeNull();
    fireEvent.click(rosterRow(container, 'p-2').querySelector('.roster-card')!);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/trainer/pages/card/index?personId=p-2&name=%E6%9D%8E*%E5%8D%8E&classId=c-1' });
  });
});

describe('签到卡 page', () => {
  beforeEach(() => {
    getCurrentInstance.mockReturnValue({ router: { params: { personId: 'p-2', name: '李*华', classId: 'c-1' }, path: '/packages/trainer/pages/card/index' }, page: {} });
  });

  it('prints a card after one confirmation: the holder, the QR of its code; re-issuing asks again', async () => {
    const calls = installApi({ issueCard: () => ok({ code: CARD, holderName: '李*华', idNumberMasked: '141***********121X', issuedAt: '2026-11-23T02:00:00.000Z' }) });
    const { container } = render(<TrainerCardPage />);
    fireEvent.click(await screen.findByText('打印签到卡'));
    expect(screen.getByText('以前打印过的卡会马上作废，不能再签到')).toBeTruthy();
    fireEvent.click(screen.getByText('确认打印'));
    await waitFor(() => expect(container.querySelector('#card-qr')).not.toBeNull());
    expect(textOf(container, '#card-code')).toBe(CARD);
    expect(textOf(container, '#checkin-card')).toContain('身份证：141***********121X');
    expect(textOf(container, '#checkin-card')).toContain('发卡日期：2026年11月23日');
    expect(container.querySelector('#card-print')).not.toBeNull();
    fireEvent.click(screen.getByText('重新打印（旧卡作废）'));
    expect(screen.getByText('打印新签到卡？')).toBeTruthy();
    expect(payloadsOf(calls, 'issueCard')).toEqual([{ personId: 'p-2' }]);
  });

  it('revokes a lost card, and says when there was none', async () => {
    let revoked = true;
    const calls = installApi({ revokeCard: () => ok({ revoked }) });
    render(<TrainerCardPage />);
    fireEvent.click(await screen.findByText('作废签到卡（卡丢了）'));
    fireEvent.click(screen.getByText('确认作废'));
    expect(await screen.findByText('已作废：这张卡不能再签到')).toBeTruthy();
    revoked = false;
    fireEvent.click(screen.getByText('作废签到卡（卡丢了）'));
    fireEvent.click(screen.getByText('确认作废'));
    expect(await screen.findByText('这位学员没有在用的签到卡')).toBeTruthy();
    expect(payloadsOf(calls, 'revokeCard')).toHaveLength(2);
  });
});

import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { composeIdNumber } from '../../cloudfunctions/core/id-number';
import { actingForNow, setActingFor } from '../../src/api/acting';
import AttendanceCodePage from '../../src/pages/attendance-code/index';
import FamilyPage from '../../src/pages/family/index';
import { useAttendanceKeyStore } from '../../src/stores/use-attendance-key-store';
import { useClassStore } from '../../src/stores/use-class-store';
import { useFamilyStore } from '../../src/stores/use-family-store';
import { useVoucherStore } from '../../src/stores/use-voucher-store';
import { switchTab } from './__mocks__/taro';
import { aNewcomer, aRegisteredLaborer, aRoleHolder, freshLaborerPage, installApi, ok, refusal } from './api-double';
import { aLink, anActiveLink, links } from './family-double';

beforeEach(() => {
  freshLaborerPage(useFamilyStore, useVoucherStore, useClassStore, useAttendanceKeyStore);
  setActingFor(null);
});

const ELDER = () => aRegisteredLaborer({ personId: 'p-elder', name: '张德福', age: 66, band: 'C', bandName: '60周岁以上' });
const ELDER_ID = composeIdNumber('141127', { year: 1960, month: 3, day: 15 }, 233);
const payloadsOf = (calls: { action: string; payload: unknown }[], action: string) => calls.filter((c) => c.action === action).map((c) => c.payload);

describe('R13.1 亲情代办 page — the relative', () => {
  it('a relative who never registered asks for an elder with the elder’s name, ID number and the relation', async () => {
    const calls = installApi({ whoami: () => ok(aNewcomer()), mine: () => ok(links()), request: () => ok(aLink()) });
    const { container } = render(<FamilyPage />);
    await screen.findByText('为家里老人代办');
    const type = (id: string, value: string) => fireEvent.change(container.querySelector(`#${id}`)!, { target: { value } });
    fireEvent.click(screen.getByText('提交申请'));
    expect(await screen.findByText('请填写老人的姓名')).toBeTruthy();
    type('family-elder-name', '张德福');
    type('family-elder-id', ELDER_ID.slice(0, 17) + (ELDER_ID[17] === '0' ? '1' : '0'));
    expect(await screen.findByText('身份证号码校验位不正确，请核对后重新输入', { selector: '.czt-error' })).toBeTruthy();
    type('family-elder-id', ELDER_ID);
    fireEvent.click(container.querySelector('#family-relation-子女')!);
    type('family-proxy-name', '张小明');
    fireEvent.click(screen.getByText('提交申请'));
    expect(await screen.findByText('已发出申请，等张*福同意')).toBeTruthy();
    expect(payloadsOf(calls, 'request')).toEqual([{ elderName: '张德福', elderIdNumber: ELDER_ID, relation: '子女', proxyName: '张小明' }]);
  });

  it('为TA办理 switches every call to the elder’s name, and 首页 opens in it', async () => {
    const calls = installApi({ whoami: () => ok(aNewcomer()), mine: () => ok(links([anActiveLink()])) });
    render(<FamilyPage />);
    fireEvent.click(await screen.findByText('为张*福办理'));
    expect(actingForNow()).toBe('p-elder');
    expect(useFamilyStore.getState().acting).toEqual({ linkId: 'link-1', personId: 'p-elder', name: '张*福' });
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
    await waitFor(() => expect(calls.filter((c) => c.action === 'whoami')).toHaveLength(2));
    // Every page says so, with the way back.
    expect(await screen.findByText('正在为张*福代办')).toBeTruthy();
    fireEvent.click(screen.getByText('切换回自己'));
    expect(actingForNow()).toBeNull();
    expect(screen.queryByText('正在为张*福代办')).toBeNull();
  });

  it('a link the elder has ended is refused at once: back to oneself, said plainly', async () => {
    installApi({ whoami: () => refusal('PROXY_NOT_ACTIVE'), mine: () => ok(links()) });
    useFamilyStore.getState().startActing(anActiveLink());
    render(<FamilyPage />);
    expect(await screen.findByText('代办关系已结束，已切换回您自己')).toBeTruthy();
    expect(actingForNow()).toBeNull();
  });

  it('never shows the attendance code to a relative acting for the elder, and never asks for the key', async () => {
    const calls = installApi({ whoami: () => ok(ELDER()), attendanceKey: () => refusal('PROXY_NOT_ALLOWED') });
    useFamilyStore.getState().startActing(anActiveLink());
    const { container } = render(<AttendanceCodePage />);
    expect(await screen.findByText('代办人不能打开签到码')).toBeTruthy();
    expect(container.querySelector('#attendance-qr')).toBeNull();
    expect(calls.some((c) => c.action === 'attendanceKey')).toBe(false);
  });
});

describe('R13.1 亲情代办 page — the elder and the official', () => {
  it('the elder sees who asks, what a relative may and may not do, and agrees in one confirm step', async () => {
    const calls = installApi({ whoami: () => ok(ELDER()), mine: () => ok(links([], [aLink()])), answer: () => ok(anActiveLink()) });
    const { container } = render(<FamilyPage />);
    expect(await screen.findByText('张小明（子女）想为您代办')).toBeTruthy();
    expect(screen.getByText('不能：打开签到码。上课签到要老人本人到场，用手机或签到卡')).toBeTruthy();
    // An elder sees their own links first: asking for someone else is one row away.
    expect(container.querySelector('#family-request')).toBeNull();
    fireEvent.click(screen.getByText('同意'));
    fireEvent.click(await screen.findByText('确认同意'));
    await waitFor(() => expect(payloadsOf(calls, 'answer')).toEqual([{ linkId: 'link-1', agree: true }]));
  });

  it('the elder ends a relative’s link', async () => {
    const calls = installApi({ whoami: () => ok(ELDER()), mine: () => ok(links([], [anActiveLink()])), end: () => ok(anActiveLink({ status: 'ended' })) });
    render(<FamilyPage />);
    fireEvent.click(await screen.findByText('结束代办'));
    fireEvent.click(await screen.findByText('确认结束'));
    await waitFor(() => expect(payloadsOf(calls, 'end')).toEqual([{ linkId: 'link-1' }]));
  });

  it('a county official agrees in person only once the elder’s ID card is ticked as seen', async () => {
    const official = aRoleHolder({ role: 'official', regionCode: '141127', regionName: '岚县' }, '2026-11-23T09:00:00.000Z');
    const calls = installApi({ whoami: () => ok(official), mine: () => ok(links()), pending: () => ok([aLink()]), approveInPerson: () => ok(anActiveLink({ approvedBy: 'official' })) });
    const { container } = render(<FamilyPage />);
    fireEvent.click(await screen.findByText('当面办理'));
    fireEvent.click(screen.getByText('确认同意'));
    expect(await screen.findByText('请先核对老人本人和身份证')).toBeTruthy();
    expect(payloadsOf(calls, 'approveInPerson')).toEqual([]);
    fireEvent.click(container.querySelector('#family-id-seen')!);
    fireEvent.click(screen.getByText('确认同意'));
    await waitFor(() => expect(payloadsOf(calls, 'approveInPerson')).toEqual([{ linkId: 'link-1', idCardSeen: true }]));
  });
});

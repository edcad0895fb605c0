import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import EmploymentPage from '../../src/pages/employment/index';
import IndexPage from '../../src/pages/index/index';
import { useAttendanceKeyStore } from '../../src/stores/use-attendance-key-store';
import { useEmploymentStore } from '../../src/stores/use-employment-store';
import { navigateTo } from './__mocks__/taro';
import { freshLaborerPage, installApi, installLaborerApi, ok, refusal } from './api-double';
import { aFollowUp, anEmployment } from './certificate-double';

/** 23 November 2026, 17:00 China time. */
const NOW = Date.parse('2026-11-23T09:00:00.000Z');

beforeEach(() => {
  freshLaborerPage(useEmploymentStore, useAttendanceKeyStore);
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});

afterEach(() => jest.restoreAllMocks());

const $ = (container: HTMLElement, selector: string) => container.querySelector<HTMLElement>(selector)!;
const type = (container: HTMLElement, id: string, value: string) => fireEvent.change($(container, `#${id}`), { target: { value } });
const pickDate = (container: HTMLElement, value: string) => fireEvent.change($(container, '#employment-start-date .picker-value'), { target: { value } });

async function renderPage(handlers: Parameters<typeof installApi>[0]) {
  const calls = installLaborerApi({ mine: () => ok([]), followUps: () => ok([]), ...handlers });
  const view = render(<EmploymentPage />);
  await waitFor(() => expect(view.container.querySelector('#employment-submit')).not.toBeNull());
  return { ...view, calls };
}

describe('就业登记 page', () => {
  it('D25 正在找工作 hides the rest and sends only the status', async () => {
    const { container, calls } = await renderPage({ report: () => ok(anEmployment({ status: 'seeking', statusName: '正在找工作', employer: null, place: null, placeName: null, placeDetail: null, startDate: null, monthlyIncomeFen: null })) });
    fireEvent.click($(container, '#employment-status-employed'));
    expect(container.querySelector('#employment-employer')).not.toBeNull();
    type(container, 'employment-employer', '吕梁康养中心');
    fireEvent.click($(container, '#employment-status-seeking'));
    expect(container.querySelector('#employment-employer')).toBeNull();
    expect(container.querySelector('#employment-income')).toBeNull();
    fireEvent.click($(container, '#employment-submit'));
    await waitFor(() => expect(calls.filter((c) => c.action === 'report')).toHaveLength(1));
    expect(calls.find((c) => c.action === 'report')!.payload).toEqual({ status: 'seeking' });
  });

  it('R8.1 sends a full report with the income in whole yuan and the place in words', async () => {
    const { container, calls } = await renderPage({ report: () => ok(anEmployment()) });
    fireEvent.click($(container, '#employment-status-employed'));
    type(container, 'employment-employer', ' 吕梁康养中心 ');
    type(container, 'employment-occupation', '养老护理员');
    fireEvent.click($(container, '#employment-place-province'));
    type(container, 'employment-place-name', '太原市小店区');
    pickDate(container, '2026-04-01');
    type(container, 'employment-income', '3500');
    fireEvent.click($(container, '#employment-submit'));
    await waitFor(() => expect(calls.filter((c) => c.action === 'report')).toHaveLength(1));
    expect(calls.find((c) => c.action === 'report')!.payload).toEqual({
      status: 'employed',
      employer: '吕梁康养中心',
      occupation: '养老护理员',
      place: 'province',
      placeName: '太原市小店区',
      startDate: '2026-04-01',
      monthlyIncomeYuan: 3500,
    });
  });

  it('本县 needs no place in words', async () => {
    const { container, calls } = await renderPage({ report: () => ok(anEmployment({ place: 'county', placeName: '本县' })) });
    fireEvent.click($(container, '#employment-status-flexible'));
    fireEvent.click($(container, '#employment-place-county'));
    expect(container.querySelector('#employment-place-name')).toBeNull();
    pickDate(container, '2026-10-01');
    type(container, 'employment-income', '0');
    fireEvent.click($(container, '#employment-submit'));
    await waitFor(() => expect(calls.filter((c) => c.action === 'report')).toHaveLength(1));
    expect(calls.find((c) => c.action === 'report')!.payload).toEqual({ status: 'flexible', place: 'county', startDate: '2026-10-01', monthlyIncomeYuan: 0 });
  });

  it('R8.1 checks income, employer, place and a date not after today before sending', async () => {
    const { container, calls } = await renderPage({});
    fireEvent.click($(container, '#employment-status-employed'));
    fireEvent.click($(container, '#employment-place-abroad'));
    pickDate(container, '2026-11-24');
    type(container, 'employment-income', '3500.5');
    fireEvent.click($(container, '#employment-submit'));
    expect($(container, '.employment-income-error').textContent).toBe('月收入应为0–100000元的整数');
    expect($(container, '.employment-employer-error').textContent).toBe('请填写工作单位');
    expect($(container, '.employment-place-name-error').textContent).toBe('请选择或填写工作所在地');
    expect($(container, '.employment-start-date-error').textContent).toBe('开始工作日期不能晚于今天');
    type(container, 'employment-income', '100001');
    fireEvent.click($(container, '#employment-submit'));
    expect($(container, '.employment-income-error').textContent).toBe('月收入应为0–100000元的整数');
    expect(calls.some((c) => c.action === 'report')).toBe(false);
  });

  it("shows the server's refusal in Chinese", async () => {
    const { container } = await renderPage({ report: () => refusal('START_DATE_FUTURE') });
    fireEvent.click($(container, '#employment-status-seeking'));
    fireEvent.click($(container, '#employment-submit'));
    expect((await screen.findByText('开始工作日期不能晚于今天')).closest('#employment-error')).not.toBeNull();
  });

  it('shows the history, latest first, income in yuan', async () => {
    const { container } = await renderPage({
      mine: () => ok([anEmployment({ id: 'emp-2', monthlyIncomeFen: 420_050 }), anEmployment({ id: 'emp-1', status: 'seeking', statusName: '正在找工作', employer: null, monthlyIncomeFen: null, startDate: null, placeName: null })]),
    });
    await waitFor(() => expect(container.querySelectorAll('.emp-report')).toHaveLength(2));
    const rows = [...container.querySelectorAll<HTMLElement>('.emp-report')];
    expect(rows.map((r) => r.dataset.id)).toEqual(['emp-2', 'emp-1']);
    expect(rows[0].querySelector('.emp-income')?.textContent).toBe('月收入：4200.5元');
    expect(rows[0].textContent).toContain('地点：县外省内 太原市小店区');
    expect(rows[1].querySelector('.emp-income')).toBeNull();
  });
});

describe('首页 follow-ups', () => {
  it('R8.3 lists follow-ups due, opens 就业登记, and is gone after a report', async () => {
    let reported = false;
    installLaborerApi({
      followUps: () => ok([aFollowUp({ status: reported ? 'done' : 'due' }), aFollowUp({ months: 6, dueOn: '2026-09-12', status: reported ? 'done' : 'upcoming' })]),
      mine: () => ok([]),
      report: () => {
        reported = true;
        return ok(anEmployment());
      },
    });
    const { container } = render(<IndexPage />);
    const card = await waitFor(() => {
      const el = container.querySelector<HTMLElement>('#home-follow-ups');
      expect(el).not.toBeNull();
      return el!;
    });
    expect([...card.querySelectorAll('.home-follow-up')].map((e) => e.textContent)).toEqual(['请更新就业情况：养老护理员 取证满3个月']);
    fireEvent.click(card);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/employment/index' });
    await useEmploymentStore.getState().report({ status: 'seeking' });
    await waitFor(() => expect(container.querySelector('#home-follow-ups')).toBeNull());
  });

  it('is hidden when nothing is due', async () => {
    const calls = installLaborerApi({ followUps: () => ok([aFollowUp({ status: 'upcoming' })]) });
    const { container } = render(<IndexPage />);
    await waitFor(() => expect(calls.some((c) => c.action === 'followUps')).toBe(true));
    await new Promise((r) => setTimeout(r, 20));
    expect(container.querySelector('#home-follow-ups')).toBeNull();
  });
});

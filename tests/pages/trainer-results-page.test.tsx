import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { chinaDateOf, formatDate } from '../../cloudfunctions/core/china-date';
import TrainerClassPage from '../../src/packages/trainer/pages/class/index';
import TrainerResultsPage from '../../src/packages/trainer/pages/results/index';
import { useTrainerStore } from '../../src/packages/trainer/stores/use-trainer-store';
import { navigateTo } from './__mocks__/taro';
import { installApi, ok, refusal } from './api-double';
import {
  aClosedClass,
  aClosedRoster,
  answered,
  aRefusedSubsidy,
  aResult,
  type BatchAnswer,
  type BatchInput,
  refusedRow,
  resultsRow,
  scoreInput,
  tapVerdict,
  typeScore,
} from './results-double';
import { aRoster, aTrainerClass, onTrainerPage, textOf } from './trainer-double';

// The jsdom stand-ins for Taro's components have no Picker: a date field that reports as Taro's does.
jest.mock('@tarojs/components', () => {
  const actual = jest.requireActual('@tarojs/components');
  const Picker = ({ value, end, onChange, children }: { value: string; end?: string; onChange: (e: { detail: { value: string } }) => void; children: ReactNode }) => (
    <div className="picker-double" data-end={end}>
      <input className="picker-double-input" value={value} onChange={(e) => onChange({ detail: { value: e.target.value } })} />
      {children}
    </div>
  );
  return { ...actual, Picker };
});

const today = () => formatDate(chinaDateOf(new Date()));

/** The gateway for closed class c-1; `batch` answers recordBatch. Returns the calls it saw. */
function installResultsApi(batch: (input: BatchInput) => BatchAnswer[] = (input) => input.results.map((r) => answered(aResult(r)))) {
  return installApi({
    roster: () => ok(aClosedRoster()),
    myClasses: () => ok([aClosedClass()]),
    recordBatch: (p) => ok(batch(p as BatchInput)),
  });
}

const batchesOf = (calls: { action: string; payload: unknown }[]) => calls.filter((c) => c.action === 'recordBatch').map((c) => c.payload as BatchInput);

async function openPage() {
  const view = render(<TrainerResultsPage />);
  await screen.findByText('张*萍');
  return view;
}

beforeEach(() => {
  onTrainerPage('/packages/trainer/pages/results/index');
});

describe('results page 录入鉴定结果 (R7.1): rows', () => {
  it('only completed people are editable; the others are greyed with their status', async () => {
    installResultsApi();
    const { container } = await openPage();
    expect(container.querySelectorAll('.results-row')).toHaveLength(4);
    for (const id of ['p-1', 'p-2', 'p-4']) {
      expect(scoreInput(container, id)).not.toBeNull();
      expect(resultsRow(container, id).querySelector('.results-pass')).not.toBeNull();
      expect(resultsRow(container, id).querySelector('.results-fail')).not.toBeNull();
    }
    const wang = resultsRow(container, 'p-3');
    expect(wang.classList.contains('is-disabled')).toBe(true);
    expect(wang.textContent).toContain('未达到出勤要求');
    expect(wang.querySelector('input')).toBeNull();
    expect(wang.querySelector('.results-pass')).toBeNull();
    expect(wang.querySelector('.results-fail')).toBeNull();
  });

  it('合格/不合格 follows the score (60 and up passes) until tapped; the date defaults to today, not after', async () => {
    installResultsApi();
    const { container } = await openPage();
    const pass = () => resultsRow(container, 'p-1').querySelector('.results-pass')!.classList.contains('is-on');
    const fail = () => resultsRow(container, 'p-1').querySelector('.results-fail')!.classList.contains('is-on');
    expect([pass(), fail()]).toEqual([false, false]);
    typeScore(container, 'p-1', '60');
    expect([pass(), fail()]).toEqual([true, false]);
    typeScore(container, 'p-1', '59');
    expect([pass(), fail()]).toEqual([false, true]);
    tapVerdict(container, 'p-1', 'pass');
    expect([pass(), fail()]).toEqual([true, false]);
    expect(textOf(container, '#results-date')).toContain(today());
    expect(container.querySelector('.picker-double')?.getAttribute('data-end')).toBe(today());
  });

  it('is not reachable while a class is running; the class page links to it once closed', async () => {
    installApi({ roster: () => ok(aRoster()), myClasses: () => ok([aTrainerClass()]) });
    const running = render(<TrainerClassPage />);
    await waitFor(() => expect(textOf(running.container, '.class-hero .class-state')).toBe('上课中'));
    expect(running.container.querySelector('#open-results')).toBeNull();
    running.unmount();

    useTrainerStore.setState(useTrainerStore.getInitialState(), true);
    installResultsApi();
    const { container } = render(<TrainerClassPage />);
    await waitFor(() => expect(container.querySelector('#open-results')).not.toBeNull());
    expect(textOf(container, '#open-results')).toBe('录入鉴定结果');
    fireEvent.click(container.querySelector('#open-results')!);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/trainer/pages/results/index?classId=c-1' });
  });
});

describe('results page 录入鉴定结果 (R7.1): 提交', () => {
  it('sends exactly the filled rows with their pass flags, the class and the day', async () => {
    const calls = installResultsApi();
    const { container } = await openPage();
    typeScore(container, 'p-1', '85');
    typeScore(container, 'p-4', '40');
    fireEvent.change(container.querySelector('.picker-double-input')!, { target: { value: '2026-11-20' } });
    fireEvent.click(container.querySelector('#results-submit')!);
    await waitFor(() => expect(batchesOf(calls)).toHaveLength(1));
    expect(batchesOf(calls)[0]).toEqual({
      classId: 'c-1',
      assessedOn: '2026-11-20',
      results: [
        { personId: 'p-1', passed: true, score: 85 },
        { personId: 'p-4', passed: false, score: 40 },
      ],
    });
  });

  it('a pass flag tapped to agree with the score is sent as tapped', async () => {
    const calls = installResultsApi();
    const { container } = await openPage();
    typeScore(container, 'p-2', '75');
    tapVerdict(container, 'p-2', 'fail');
    tapVerdict(container, 'p-2', 'pass');
    fireEvent.click(container.querySelector('#results-submit')!);
    await waitFor(() => expect(batchesOf(calls)).toHaveLength(1));
    expect(batchesOf(calls)[0].results).toEqual([{ personId: 'p-2', passed: true, score: 75 }]);
    expect(batchesOf(calls)[0].assessedOn).toBe(today());
  });

  it('D23 stops a pass that disagrees with the score on the phone: no call', async () => {
    const calls = installResultsApi();
    const { container } = await openPage();
    typeScore(container, 'p-1', '85');
    typeScore(container, 'p-2', '55');
    tapVerdict(container, 'p-2', 'pass');
    fireEvent.click(container.querySelector('#results-submit')!);
    await waitFor(() => expect(textOf(container, '.results-row[data-person-id="p-2"] .results-problem')).toBe('合格与否与成绩不一致（60分及以上为合格）'));
    expect(resultsRow(container, 'p-1').querySelector('.results-problem')).toBeNull();
    expect(batchesOf(calls)).toHaveLength(0);
  });

  it.each(['101', '8.5', '-3', 'abc'])('stops the score %s on the phone: no call', async (score) => {
    const calls = installResultsApi();
    const { container } = await openPage();
    typeScore(container, 'p-1', score);
    fireEvent.click(container.querySelector('#results-submit')!);
    await waitFor(() => expect(textOf(container, '.results-row[data-person-id="p-1"] .results-problem')).toBe('成绩应为0–100的整数'));
    expect(batchesOf(calls)).toHaveLength(0);
  });

  it('asks for a score when nothing is filled', async () => {
    const calls = installResultsApi();
    const { container } = await openPage();
    fireEvent.click(container.querySelector('#results-submit')!);
    expect(await screen.findByText('请先填写学员的成绩')).toBeTruthy();
    expect(batchesOf(calls)).toHaveLength(0);
  });

  it('shows each row’s answer: certificate number and subsidy in yuan, a refused subsidy’s reason, RESULT_EXISTS', async () => {
    installResultsApi(() => [
      answered(aResult({ personId: 'p-1', score: 85 })),
      answered(aResult({ personId: 'p-2', score: 72, certificate: { number: '2026141127000002', kindName: '职业技能等级证书', levelName: '五级/初级工' }, subsidy: aRefusedSubsidy('本年度已享受3次补贴') })),
      refusedRow('p-4', 'RESULT_EXISTS'),
    ]);
    const { container } = await openPage();
    typeScore(container, 'p-1', '85');
    typeScore(container, 'p-2', '72');
    typeScore(container, 'p-4', '90');
    fireEvent.click(container.querySelector('#results-submit')!);
    await waitFor(() => expect(container.querySelectorAll('.results-answer')).toHaveLength(3));
    const answer = (id: string) => textOf(container, `.results-row[data-person-id="${id}"] .results-answer`);
    expect(answer('p-1')).toContain('证书编号 2026141127000001');
    expect(answer('p-1')).toContain('补贴：待申领 ¥1,200.00');
    expect(answer('p-2')).toContain('证书编号 2026141127000002');
    expect(answer('p-2')).toContain('本年度已享受3次补贴');
    expect(answer('p-4')).toBe('该学员的鉴定结果已录入');
    expect(resultsRow(container, 'p-3').querySelector('.results-answer')).toBeNull();
  });

  it('shows a failed call’s message and keeps the rows to try again', async () => {
    const calls = installApi({
      roster: () => ok(aClosedRoster()),
      myClasses: () => ok([aClosedClass()]),
      recordBatch: () => refusal('NOT_EVALUATION_BODY'),
    });
    const { container } = await openPage();
    typeScore(container, 'p-1', '85');
    fireEvent.click(container.querySelector('#results-submit')!);
    expect(await screen.findByText('只有备案的评价机构才能录入鉴定结果')).toBeTruthy();
    expect(batchesOf(calls)).toHaveLength(1);
    expect(scoreInput(container, 'p-1')?.value).toBe('85');
  });
});

import { render, screen, waitFor } from '@testing-library/react';
import type { RankingInput } from '../../cloudfunctions/contract';
import { METRIC_NAMES } from '../../cloudfunctions/core/dashboard';
import OfficialRankingPage from '../../src/packages/official/pages/ranking/index';
import { useOfficialStore } from '../../src/packages/official/stores/use-official-store';
import { useSessionStore } from '../../src/stores/use-session-store';
import { __resetTaroMock, getCurrentInstance } from './__mocks__/taro';
import { installApi, ok, refusal, resetStores } from './api-double';
import { anOfficial, aRanking, pick, texts } from './official-double';

beforeEach(() => {
  __resetTaroMock();
  resetStores(useSessionStore, useOfficialStore);
  getCurrentInstance.mockReturnValue({ router: { params: { regionCode: '141100', year: '2026' }, path: '/packages/official/pages/ranking/index' }, page: {} });
});

const rankingCalls = (calls: { action: string; payload: unknown }[]) => calls.filter((c) => c.action === 'ranking').map((c) => c.payload as RankingInput);

function installRankingApi() {
  return installApi({
    whoami: () => ok(anOfficial()),
    ranking: (p) => {
      const input = p as RankingInput;
      return ok(aRanking({ metric: input.metric, metricName: METRIC_NAMES[input.metric], month: input.month ?? 11 }));
    },
  });
}

describe('排名 ranking (R9.4)', () => {
  it('lists the regions with rank, name, actual/target and completion, for the region and year it was opened with', async () => {
    const calls = installRankingApi();
    const { container } = render(<OfficialRankingPage />);
    await waitFor(() => expect(container.querySelectorAll('#ranking-list .ranking-row')).toHaveLength(4));
    expect(rankingCalls(calls)).toEqual([{ metric: 'trainings', regionCode: '141100', year: 2026 }]);
    expect(texts(container, '.ranking-row .ranking-rank')).toEqual(['1', '2', '3', '4']);
    expect(texts(container, '.ranking-row .ranking-name')).toEqual(['离石区', '临县', '岚县', '兴县']);
    expect(texts(container, '.ranking-row .ranking-actual')).toEqual(['241/200', '951/1,000', '400/500', '12/—']);
    expect(texts(container, '.ranking-row .ranking-completion')).toEqual(['120.50%', '95.10%', '80.00%', '—']);
    expect(container.querySelector('#ranking-month .czt-picker-value')?.textContent).toBe('累计至11月');
  });

  it('asks again for another metric and month', async () => {
    const calls = installRankingApi();
    const { container } = render(<OfficialRankingPage />);
    await waitFor(() => expect(container.querySelector('#ranking-list')).not.toBeNull());
    pick(container, '#ranking-metric', 1);
    await waitFor(() => expect(rankingCalls(calls).at(-1)).toEqual({ metric: 'certificates', regionCode: '141100', year: 2026 }));
    await waitFor(() => expect(container.querySelector('#ranking-metric .czt-picker-value')?.textContent).toBe('取证人数'));
    pick(container, '#ranking-month', 5);
    await waitFor(() => expect(rankingCalls(calls).at(-1)).toEqual({ metric: 'certificates', regionCode: '141100', year: 2026, month: 6 }));
    await screen.findByText('2026年 · 累计至6月');
  });

  it('an error shows 重试', async () => {
    installApi({ whoami: () => ok(anOfficial()), ranking: () => refusal('INTERNAL', '排名暂时打不开') });
    render(<OfficialRankingPage />);
    await screen.findByText('排名暂时打不开');
    expect(screen.getByText('重试')).toBeTruthy();
  });
});

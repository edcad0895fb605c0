/** R10.2 consent prompts: `askConsent` / `prefetchTemplates` (src/utils/subscribe.ts). */
import type { SubscribeTemplate } from '../../cloudfunctions/contract';
import { askConsent, prefetchTemplates, resetSubscribeCache } from '../../src/utils/subscribe';
import { __resetTaroMock, cloud, requestSubscribeMessage } from './__mocks__/taro';
import { installApi, ok } from './api-double';
import { asWeapp, installCloud } from './trainer-double';

const tpl = (key: string, templateId: string): SubscribeTemplate => ({ key, templateId, title: key });

beforeEach(() => {
  __resetTaroMock();
  resetSubscribeCache();
});
afterEach(() => {
  cloud.callFunction.mockReset();
  requestSubscribeMessage.mockReset();
  requestSubscribeMessage.mockImplementation((option: { tmplIds?: string[] }) =>
    Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries((option.tmplIds ?? []).map((id) => [id, 'accept'])) }),
  );
});

const consents = (calls: { action: string; payload: unknown }[]) => calls.filter((c) => c.action === 'consent').map((c) => c.payload);

describe('askConsent (weapp)', () => {
  it('asks for at most 3 configured template ids and posts each answer', async () => {
    const calls = installCloud({
      templates: () => [tpl('A', 't-1'), tpl('B', ''), tpl('C', 't-2'), tpl('D', 't-3'), tpl('E', 't-4')],
      consent: () => ({ recorded: 3 }),
    });
    requestSubscribeMessage.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 't-1': 'accept', 't-2': 'reject', 't-3': 'filter' });
    await asWeapp(() => askConsent('voucherClaimed'));
    expect(calls.find((c) => c.action === 'templates')?.payload).toEqual({ moment: 'voucherClaimed' });
    expect(requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['t-1', 't-2', 't-3'] });
    expect(consents(calls)).toEqual([
      {
        answers: [
          { templateId: 't-1', answer: 'accept' },
          { templateId: 't-2', answer: 'reject' },
          { templateId: 't-3', answer: 'filter' },
        ],
      },
    ]);
  });

  it('maps ban and leaves out ids WeChat did not answer', async () => {
    const calls = installCloud({ templates: () => [tpl('A', 't-1'), tpl('B', 't-2')], consent: () => ({ recorded: 1 }) });
    requestSubscribeMessage.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 't-1': 'ban' });
    await asWeapp(() => askConsent('enrolled'));
    expect(consents(calls)).toEqual([{ answers: [{ templateId: 't-1', answer: 'ban' }] }]);
  });

  it('asks nothing when no template id is configured', async () => {
    const calls = installCloud({ templates: () => [tpl('A', ''), tpl('B', '  ')] });
    await asWeapp(() => askConsent('dashboard'));
    expect(requestSubscribeMessage).not.toHaveBeenCalled();
    expect(consents(calls)).toEqual([]);
  });

  it('swallows a refused or failed consent sheet and posts nothing', async () => {
    const calls = installCloud({ templates: () => [tpl('A', 't-1')], consent: () => ({ recorded: 1 }) });
    requestSubscribeMessage.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail cancel', errCode: 20004 });
    await asWeapp(() => expect(askConsent('voucherClaimed')).resolves.toBeUndefined());
    expect(consents(calls)).toEqual([]);
  });

  it('swallows a failed templates call and a failed consent call', async () => {
    cloud.callFunction.mockImplementation((() => Promise.reject(new Error('offline'))) as never);
    await asWeapp(() => expect(askConsent('voucherClaimed')).resolves.toBeUndefined());
    expect(requestSubscribeMessage).not.toHaveBeenCalled();

    resetSubscribeCache();
    installCloud({ templates: () => [tpl('A', 't-1')] }); // consent → UNKNOWN_ACTION refusal
    await asWeapp(() => expect(askConsent('voucherClaimed')).resolves.toBeUndefined());
    expect(requestSubscribeMessage).toHaveBeenCalledTimes(1);
  });

  it('with the ids prefetched, opens the sheet in the same tick as the tap', async () => {
    const calls = installCloud({ templates: () => [tpl('A', 't-1')], consent: () => ({ recorded: 1 }) });
    await asWeapp(async () => {
      await expect(prefetchTemplates('enrolled')).resolves.toEqual(['t-1']);
      const asked = askConsent('enrolled');
      // No await yet: WeChat needs the call inside the tap handler.
      expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['t-1'] });
      await asked;
    });
    // The templates were fetched once, at prefetch.
    expect(calls.filter((c) => c.action === 'templates')).toHaveLength(1);
    expect(consents(calls)).toEqual([{ answers: [{ templateId: 't-1', answer: 'accept' }] }]);
  });
});

describe('askConsent (H5)', () => {
  it('does nothing: no request, no sheet', async () => {
    const calls = installApi({ templates: () => ok([tpl('A', 't-1')]) });
    await expect(prefetchTemplates('voucherClaimed')).resolves.toEqual([]);
    await expect(askConsent('voucherClaimed')).resolves.toBeUndefined();
    expect(calls).toEqual([]);
    expect(requestSubscribeMessage).not.toHaveBeenCalled();
  });
});

/**
 * R10.2 sending a subscription message by the documented cloud call, and what each reply means.
 */
import { UNKNOWN_REPLY, WechatNotifier, type WxCloud, sendOutcome } from '../../../cloudfunctions/notify/wechat-sender';

describe('R10.2 a send’s outcome, as the API documents it', () => {
  it('R10.2 errCode 0 is sent', () => {
    expect(sendOutcome({ resolved: { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' } })).toEqual({ ok: true });
    expect(sendOutcome({ resolved: { errcode: 0, errmsg: 'ok' } })).toEqual({ ok: true });
  });

  it('R10.2 a reply without an error code is not taken as sent: it is retried', () => {
    for (const reply of [{}, { errMsg: 'ok' }, null, 'ok', { result: {} }]) {
      expect(sendOutcome({ resolved: reply })).toEqual({ ok: false, errcode: UNKNOWN_REPLY, retry: true });
    }
  });

  it('R10.2 43101 spends the consent and is not retried; other errors are retried', () => {
    expect(sendOutcome({ rejected: { errCode: 43101, errMsg: 'user refuse to accept the msg' } })).toEqual({ ok: false, errcode: 43101, retry: false });
    expect(sendOutcome({ rejected: { errCode: -604101, errMsg: 'no permission' } })).toEqual({ ok: false, errcode: -604101, retry: true });
    expect(sendOutcome({ rejected: new Error('socket hang up') })).toEqual({ ok: false, errcode: UNKNOWN_REPLY, retry: true });
    expect(sendOutcome({ resolved: { errCode: 40003 } })).toEqual({ ok: false, errcode: 40003, retry: true });
  });
});

describe('R10.2 the WeChat sender', () => {
  it('R10.2 sends the template with each field as { value } to the user, on the formal mini-program', async () => {
    const sent: Record<string, unknown>[] = [];
    const cloud: WxCloud = {
      DYNAMIC_CURRENT_ENV: Symbol('env'),
      init: () => undefined,
      openapi: { subscribeMessage: { send: async (r) => (sent.push(r), { errCode: 0, errMsg: 'ok' }) } },
    };
    const result = await new WechatNotifier('formal', cloud).send({ dedupeKey: 'k', openid: 'o-1', template: 'tpl-1', data: { thing1: '职业技能培训券' }, page: 'pages/my-vouchers/index' });
    expect(result).toEqual({ ok: true });
    expect(sent).toEqual([{ touser: 'o-1', templateId: 'tpl-1', page: 'pages/my-vouchers/index', data: { thing1: { value: '职业技能培训券' } }, miniprogramState: 'formal', lang: 'zh_CN' }]);
  });

  it('R10.2 the real wx-server-sdk offers openapi.subscribeMessage.send after init', () => {
    process.env.TENCENTCLOUD = 'true';
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cloud = require('wx-server-sdk') as WxCloud;
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
    expect(typeof cloud.openapi.subscribeMessage.send).toBe('function');
  });
});

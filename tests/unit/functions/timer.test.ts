/**
 * R10.3 only the platform's timer runs the day's reminders: an invocation with no WeChat user and
 * the timer trigger's own source (TRIGGER_SRC=timer, from the invocation's context). An event is
 * whatever the caller sent: a mini-program sending `{ Type: 'Timer' }` is an ordinary call.
 */
import { randomBytes } from 'node:crypto';
import { isTimerInvocation, platformCaller } from '../../../cloudfunctions/functions/cloud-entry';

/** An SCF context whose per-invocation environment holds `env`. */
const context = (env: Record<string, string>) => ({ request_id: 'r-1', environment: JSON.stringify(env) });

describe('R10.3 what counts as the timer', () => {
  it('R10.3 the timer trigger: no caller OPENID and TRIGGER_SRC=timer', () => {
    expect(isTimerInvocation(context({ TRIGGER_SRC: 'timer' }))).toBe(true);
    expect(platformCaller(context({ TRIGGER_SRC: 'timer' }))).toEqual({ openid: null, triggerSource: 'timer' });
  });

  it('R10.3 a WeChat user is never the timer, whatever the trigger source claims', () => {
    const user = context({ WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_OPENID: 'o-user', WX_APPID: 'wx1', TRIGGER_SRC: 'timer' });
    expect(isTimerInvocation(user)).toBe(false);
    expect(platformCaller(user).openid).toBe('o-user');
  });

  it('R10.3 no trigger source, another source, or no context at all: not the timer', () => {
    expect(isTimerInvocation(context({}))).toBe(false);
    expect(isTimerInvocation(context({ TRIGGER_SRC: 'apigw' }))).toBe(false);
    expect(isTimerInvocation(undefined)).toBe(false);
    expect(isTimerInvocation({})).toBe(false);
  });

  it('R10.3 a user event carrying Type: Timer is refused as the timer and routed like any call', async () => {
    process.env.ID_ENC_KEY = randomBytes(32).toString('base64');
    process.env.ID_HASH_KEY = randomBytes(32).toString('base64');
    const { main } = await import('../../../cloudfunctions/functions/remind/index');
    const user = context({ WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: 'o-user' });
    expect(await main({ Type: 'Timer', TriggerName: 'remind-daily-0800-china', Time: '2026-01-11T00:00:00Z' }, user)).toEqual({
      ok: false,
      code: 'UNKNOWN_ACTION',
      message: expect.any(String),
    });
    expect(await main({ Type: 'Timer' }, context({}))).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
  });
});

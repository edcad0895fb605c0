import { onActingEnded, setActingFor } from '../../src/api/acting';
import { ApiError, CALL_TIMEOUT_MS, call, messageOf } from '../../src/api/client';
import { cloud } from './__mocks__/taro';
import { aRegisteredLaborer, installApi, ok, refusal } from './api-double';

const setFetch = (f: unknown) => {
  (globalThis as { fetch?: unknown }).fetch = f;
};

describe('API client (H5 transport)', () => {
  it('posts { action, payload, requestId } to /api/<function> and resolves with data', async () => {
    const me = aRegisteredLaborer();
    const calls = installApi({ whoami: () => ok(me) });
    await expect(call('account', 'whoami', {})).resolves.toEqual(me);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ fn: 'account', action: 'whoami', payload: {} });
    expect(typeof calls[0].requestId).toBe('string');
    expect(calls[0].requestId.length).toBeGreaterThan(8);
  });

  it('sends the same requestId when the caller retries with it', async () => {
    const calls = installApi({ whoami: () => ok(aRegisteredLaborer()) });
    await call('account', 'whoami', {}, { requestId: 'tap-42' });
    await call('account', 'whoami', {}, { requestId: 'tap-42' });
    expect(calls.map((c) => c.requestId)).toEqual(['tap-42', 'tap-42']);
  });

  it('turns { ok: false } into an ApiError with the server code and message', async () => {
    installApi({ register: () => refusal('ID_NUMBER_TAKEN') });
    const error = await call('account', 'register', { name: '王建国', idNumber: 'x', townshipCode: 't' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'ID_NUMBER_TAKEN',
      message: '该身份证号码已被其他微信账号登记。如有疑问，请携带身份证到乡镇人社所办理',
    });
  });

  it('maps a failed request to NETWORK with its Chinese message', async () => {
    setFetch(jest.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(call('account', 'whoami', {})).rejects.toMatchObject({
      code: 'NETWORK',
      kind: 'unreachable',
      message: '网络不给力，请检查网络后重试',
    });
  });

  it('says offline when the phone has no network', async () => {
    const onLine = jest.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      setFetch(jest.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
      await expect(call('account', 'whoami', {})).rejects.toMatchObject({ code: 'NETWORK', kind: 'offline', message: '手机没有网络，请打开网络后再试' });
    } finally {
      onLine.mockRestore();
    }
  });

  it('a wait has an end: no answer in 10 s is a timeout (the page offers 重试)', async () => {
    expect(CALL_TIMEOUT_MS).toBe(10_000);
    jest.useFakeTimers();
    try {
      setFetch(jest.fn(() => new Promise(() => undefined)));
      const answer = call('account', 'whoami', {}).catch((e: unknown) => e);
      await jest.advanceTimersByTimeAsync(CALL_TIMEOUT_MS);
      await expect(answer).resolves.toMatchObject({ code: 'NETWORK', kind: 'timeout', message: '服务器10秒没有回应，请稍后再试' });
    } finally {
      jest.useRealTimers();
    }
  });

  it('a 500 with an HTML body is a server error, never a network problem', async () => {
    setFetch(jest.fn(async () => ({ ok: false, status: 500, json: () => Promise.reject(new SyntaxError('Unexpected token <')) })));
    await expect(call('account', 'whoami', {})).rejects.toMatchObject({ code: 'INTERNAL', kind: 'server', message: '服务器出错了，请稍后再试' });
  });

  it('maps JSON that is not an API answer to a server error', async () => {
    setFetch(jest.fn(async () => ({ ok: true, status: 200, json: async () => ({ hello: 'world' }) })));
    await expect(call('account', 'whoami', {})).rejects.toMatchObject({ code: 'INTERNAL', kind: 'server' });
  });

  it('treats an unknown error code as INTERNAL but keeps the server message', async () => {
    setFetch(jest.fn(async () => ({ ok: true, status: 200, json: async () => ({ ok: false, code: 'WHAT', message: '出错了' }) })));
    await expect(call('account', 'whoami', {})).rejects.toMatchObject({ code: 'INTERNAL', message: '出错了' });
  });

  it('gives a Chinese message for anything thrown', () => {
    expect(messageOf(new ApiError('BUSY'))).toBe('系统繁忙，请稍后再试');
    expect(messageOf(new Error('boom'))).toBe('系统开小差了，请稍后再试');
  });
});

describe('R13.1 API client acting for an elder', () => {
  afterEach(() => setActingFor(null));

  it('sends actingFor on every call but the family function’s (the relative’s own links)', async () => {
    const calls = installApi({ whoami: () => ok(aRegisteredLaborer()), mine: () => ok({ asProxy: [], asElder: [] }) });
    setActingFor('p-elder');
    await call('account', 'whoami', {});
    await call('family', 'mine', {});
    const bodies = (globalThis.fetch as jest.Mock).mock.calls.map(([, init]) => JSON.parse((init as { body: string }).body) as { actingFor?: string });
    expect(calls.map((c) => c.action)).toEqual(['whoami', 'mine']);
    expect(bodies.map((b) => b.actingFor)).toEqual(['p-elder', undefined]);
  });

  it('tells the family store when the server says the link has ended', async () => {
    installApi({ listTypes: () => refusal('PROXY_NOT_ACTIVE') });
    const ended = jest.fn();
    const stop = onActingEnded(ended);
    setActingFor('p-elder');
    await expect(call('voucher', 'listTypes', {})).rejects.toMatchObject({ code: 'PROXY_NOT_ACTIVE' });
    stop();
    expect(ended).toHaveBeenCalledTimes(1);
  });
});

describe('API client (mini-program transport)', () => {
  afterEach(() => {
    process.env.TARO_ENV = 'h5';
  });

  it('calls the cloud function named after the function with the same body, and reads res.result', async () => {
    process.env.TARO_ENV = 'weapp';
    const me = aRegisteredLaborer();
    cloud.callFunction.mockResolvedValueOnce({ result: ok(me), errMsg: 'ok' } as never);
    await expect(call('account', 'whoami', {}, { requestId: 'r-1' })).resolves.toEqual(me);
    expect(cloud.init).toHaveBeenCalledTimes(1);
    expect(cloud.callFunction).toHaveBeenCalledWith({
      name: 'account',
      data: { action: 'whoami', payload: {}, requestId: 'r-1' },
    });
  });
});

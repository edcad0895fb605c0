import { act, fireEvent, render, screen } from '@testing-library/react';
import jsQR from 'jsqr';
import { attendanceCode, secondsLeftInStep, shortCode } from '../../cloudfunctions/core/attendance';
import AttendanceCodePage from '../../src/pages/attendance-code/index';
import { useAttendanceKeyStore } from '../../src/stores/use-attendance-key-store';
import { useClassStore } from '../../src/stores/use-class-store';
import Taro, { setKeepScreenOn, setScreenBrightness, setStorageSync } from './__mocks__/taro';
import { aNewcomer, freshLaborerPage, installApi, installLaborerApi, ok, refusal } from './api-double';
import { SECRET_BASE64, SECRET_BYTES, anAttendanceKey, anEnrollment, aVillageClass, sessions } from './class-double';

/**
 * The phone's clock: 24 November 2026, 09:10:10 China time. The server's clock is 60 s ahead,
 * so the code shown is the one for 09:11:10 — 20 s before its 30-second step ends.
 */
const PHONE_NOW = Date.parse('2026-11-24T01:10:10.000Z');
const OFFSET_MS = 60_000;
const SERVER_NOW = new Date(PHONE_NOW + OFFSET_MS);
const REF = 'Rk9vQmFyQmF6';

const expectedCode = (serverMs: number) => attendanceCode(SECRET_BYTES, REF, new Date(serverMs));

/** Reads the QR image the way a scanner would: SVG → pixels → jsQR. */
function decodeQr(container: HTMLElement): string | null {
  const img = container.querySelector<HTMLImageElement>('#attendance-qr');
  if (!img) return null;
  const svg = Buffer.from(img.getAttribute('src')!.replace('data:image/svg+xml;base64,', ''), 'base64').toString('ascii');
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)![1]);
  const scale = 6;
  const px = size * scale;
  const rgba = new Uint8ClampedArray(px * px * 4).fill(255);
  const d = /<path fill="#000000" d="([^"]*)"/.exec(svg)![1];
  for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let row = y * scale; row < (y + 1) * scale; row++) {
      for (let col = x * scale; col < (x + w) * scale; col++) {
        const i = (row * px + col) * 4;
        rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
      }
    }
  }
  return jsQR(rgba, px, px)?.data ?? null;
}

/** The light margin around the symbol, in modules (scanners want at least 4). */
function quietZone(container: HTMLElement): number {
  const src = container.querySelector('#attendance-qr')!.getAttribute('src')!;
  const svg = Buffer.from(src.replace('data:image/svg+xml;base64,', ''), 'base64').toString('ascii');
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)![1]);
  const runs = [...svg.matchAll(/M(\d+) (\d+)h(\d+)/g)].map((m) => m.slice(1).map(Number));
  const left = Math.min(...runs.map(([x]) => x));
  const top = Math.min(...runs.map(([, y]) => y));
  const right = size - Math.max(...runs.map(([x, , w]) => x + w));
  const bottom = size - 1 - Math.max(...runs.map(([, y]) => y));
  return Math.min(left, top, right, bottom);
}

const text = (container: HTMLElement, id: string) => container.querySelector(`#${id}`)?.textContent ?? null;

/** Lets the fetch double's promises settle (timers are fake, microtasks are not). */
async function settle() {
  for (let i = 0; i < 10; i++) await act(async () => undefined);
}

function setBrowserOnline(online: boolean) {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online });
  act(() => {
    window.dispatchEvent(new Event(online ? 'online' : 'offline'));
  });
}

beforeEach(() => {
  freshLaborerPage(useClassStore, useAttendanceKeyStore);
  jest.useFakeTimers({ now: PHONE_NOW });
  setBrowserOnline(true);
});

afterEach(() => {
  jest.useRealTimers();
  (Taro.getEnv as jest.Mock).mockReturnValue(Taro.ENV_TYPE.WEB);
});

const online = (extra: Record<string, (p: unknown) => ReturnType<typeof ok>> = {}) =>
  installLaborerApi({
    attendanceKey: () => ok(anAttendanceKey({ personRef: REF, serverNow: SERVER_NOW.toISOString() })),
    mine: () => ok([]),
    ...extra,
  });

describe('签到码 page — R6.1 dynamic code', () => {
  it('shows a QR code that decodes to the code for the server time (phone clock + offset), with its countdown', async () => {
    online();
    const { container } = render(<AttendanceCodePage />);
    await settle();
    expect(useAttendanceKeyStore.getState().offsetMs).toBe(OFFSET_MS);
    expect(decodeQr(container)).toBe(expectedCode(PHONE_NOW + OFFSET_MS));
    expect(quietZone(container)).toBe(4);
    // …and not the code the phone's own (wrong) clock would give.
    expect(expectedCode(PHONE_NOW)).not.toBe(expectedCode(PHONE_NOW + OFFSET_MS));
    expect(secondsLeftInStep(SERVER_NOW)).toBe(20);
    expect(text(container, 'attendance-countdown')).toBe('20秒后刷新');
    expect(container.querySelector('#attendance-offline-note')).toBeNull();
    expect(screen.getByText('张秀萍的签到码')).toBeTruthy();
  });

  it('counts down each second and shows the next code when the 30-second step turns', async () => {
    online();
    const { container } = render(<AttendanceCodePage />);
    await settle();
    const first = decodeQr(container);
    act(() => jest.advanceTimersByTime(1_000));
    expect(text(container, 'attendance-countdown')).toBe('19秒后刷新');
    expect(decodeQr(container)).toBe(first);
    act(() => jest.advanceTimersByTime(19_000));
    expect(text(container, 'attendance-countdown')).toBe('30秒后刷新');
    const second = decodeQr(container);
    expect(second).not.toBe(first);
    expect(second).toBe(expectedCode(PHONE_NOW + OFFSET_MS + 20_000));
  });

  it('names today’s session from the enrolled classes', async () => {
    const today = aVillageClass({ forMe: undefined, sessions: [...sessions('2026-11-23', 1), ...sessions('2026-11-24', 2, '09:00', '11:30')] });
    online({ mine: () => ok([anEnrollment({ class: today })]) });
    const { container } = render(<AttendanceCodePage />);
    await settle();
    expect(text(container, 'attendance-class')).toBe('今天：送培训下乡·手工编织 第2节 09:00–11:30');
  });
});

describe('签到码 page — R13.2 the typed fallback', () => {
  it('shows the same step’s 8 digits in large type, from the same secret, and the next ones when the step turns', async () => {
    online();
    const { container } = render(<AttendanceCodePage />);
    await settle();
    const digits = container.querySelector('#attendance-digits')!;
    const expected = shortCode(SECRET_BYTES, REF, new Date(PHONE_NOW + OFFSET_MS));
    expect(digits.getAttribute('data-digits')).toBe(expected);
    expect([...digits.querySelectorAll('.code-digits-group')].map((g) => g.textContent)).toEqual([expected.slice(0, 4), expected.slice(4)]);
    act(() => jest.advanceTimersByTime(20_000));
    expect(container.querySelector('#attendance-digits')!.getAttribute('data-digits')).toBe(shortCode(SECRET_BYTES, REF, new Date(PHONE_NOW + OFFSET_MS + 20_000)));
  });
});

describe('签到码 page — with no network', () => {
  it('keeps showing valid, changing codes after the network goes', async () => {
    let reachable = true;
    online({
      attendanceKey: () => (reachable ? ok(anAttendanceKey({ personRef: REF, serverNow: SERVER_NOW.toISOString() })) : refusal('NETWORK')),
    });
    const { container } = render(<AttendanceCodePage />);
    await settle();
    reachable = false;
    (globalThis as { fetch: unknown }).fetch = jest.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    setBrowserOnline(false);
    await settle();
    expect(text(container, 'attendance-offline-note')).toBe('无网络也可签到');
    act(() => jest.advanceTimersByTime(30_000));
    expect(decodeQr(container)).toBe(expectedCode(PHONE_NOW + OFFSET_MS + 30_000));
    // Back online: the key and offset are fetched again and the note goes.
    reachable = true;
    const calls = online();
    setBrowserOnline(true);
    await settle();
    expect(calls.some((c) => c.action === 'attendanceKey')).toBe(true);
    expect(container.querySelector('#attendance-offline-note')).toBeNull();
  });

  it('uses the key kept in storage by an earlier visit when every request fails', async () => {
    setStorageSync(
      'czt-attendance',
      JSON.stringify({ state: { key: { personRef: REF, secret: SECRET_BASE64 }, personId: 'p-1', offsetMs: OFFSET_MS, schedule: null }, version: 1 }),
    );
    await useAttendanceKeyStore.persist.rehydrate();
    const calls = installApi({
      whoami: () => refusal('NETWORK'),
      attendanceKey: () => refusal('NETWORK'),
      mine: () => refusal('NETWORK'),
    });
    const { container } = render(<AttendanceCodePage />);
    await settle();
    expect(calls.some((c) => c.action === 'attendanceKey')).toBe(true);
    expect(decodeQr(container)).toBe(expectedCode(PHONE_NOW + OFFSET_MS));
    expect(text(container, 'attendance-offline-note')).toBe('无网络也可签到');
    expect(screen.queryByText('首次使用请联网打开一次')).toBeNull();
    // The failed fetch threw nothing away.
    expect(useAttendanceKeyStore.getState().key).toEqual({ personRef: REF, secret: SECRET_BASE64 });
  });

  it('says to go online once when no key was ever fetched', async () => {
    let reachable = false;
    installApi({
      whoami: () => refusal('NETWORK'),
      attendanceKey: () => (reachable ? ok(anAttendanceKey({ personRef: REF, serverNow: SERVER_NOW.toISOString() })) : refusal('NETWORK')),
    });
    const { container } = render(<AttendanceCodePage />);
    await settle();
    expect(screen.getByText('首次使用请联网打开一次')).toBeTruthy();
    expect(container.querySelector('#attendance-qr')).toBeNull();
    reachable = true;
    fireEvent.click(screen.getByText('重试'));
    await settle();
    expect(decodeQr(container)).toBe(expectedCode(PHONE_NOW + OFFSET_MS));
  });

  it('drops a key stored for another person who used this phone', async () => {
    useAttendanceKeyStore.setState({ key: { personRef: 'U29tZW9uZUVs', secret: SECRET_BASE64 }, personId: 'p-other', offsetMs: 0 });
    online();
    const { container } = render(<AttendanceCodePage />);
    await settle();
    expect(useAttendanceKeyStore.getState().personId).toBe('p-1');
    expect(decodeQr(container)).toBe(expectedCode(PHONE_NOW + OFFSET_MS));
  });
});

describe('签到码 page — screen and registration', () => {
  it('turns the brightness up and keeps the screen on in the mini-program, and restores it on leaving', async () => {
    (Taro.getEnv as jest.Mock).mockReturnValue(Taro.ENV_TYPE.WEAPP);
    online();
    const { unmount } = render(<AttendanceCodePage />);
    await settle();
    expect(setScreenBrightness).toHaveBeenCalledWith({ value: 1 });
    expect(setKeepScreenOn).toHaveBeenCalledWith({ keepScreenOn: true });
    unmount();
    expect(setScreenBrightness).toHaveBeenLastCalledWith({ value: 0.4 });
    expect(setKeepScreenOn).toHaveBeenLastCalledWith({ keepScreenOn: false });
  });

  it('asks a newcomer to register', async () => {
    installApi({ whoami: () => ok(aNewcomer()), attendanceKey: () => refusal('NOT_REGISTERED') });
    const { container } = render(<AttendanceCodePage />);
    await settle();
    expect(screen.getByText('您还没有实名登记')).toBeTruthy();
    expect(container.querySelector('#attendance-qr')).toBeNull();
  });
});

/**
 * Test data builders, a stand-in for the gateway (`fetch` answers by action name) and the steps
 * page tests share.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { ApiResponse, Profile, Region, RoleBinding, WhoAmI } from '../../cloudfunctions/contract';
import type { ErrorCode } from '../../cloudfunctions/core/errors';
import { ERROR_MESSAGES } from '../../cloudfunctions/core/errors';
import { useSessionStore } from '../../src/stores/use-session-store';
import { useUiStore } from '../../src/stores/use-ui-store';
import { __resetTaroMock } from './__mocks__/taro';

/** A test data builder: fresh `defaults()` on every call, with `overrides` on top. */
export const builder =
  <T>(defaults: () => T) =>
  (overrides: Partial<T> = {}): T => ({ ...defaults(), ...overrides });

export const aProfile = builder<Profile>(() => ({
  personId: 'p-1',
  name: '张秀萍',
  idNumberMasked: '141***********123X',
  gender: 'female',
  birthDate: '1995-05-01',
  age: 31,
  band: 'A',
  bandName: '青壮年（18–45周岁）',
  phone: '13800001234',
  township: { code: '141127101', name: '岚城镇' },
  county: { code: '141127', name: '岚县' },
  city: { code: '141100', name: '吕梁市' },
  registeredAt: '2026-11-01T00:00:00.000Z',
}));

export function aRegisteredLaborer(profile: Partial<Profile> = {}, extra: Partial<WhoAmI> = {}): WhoAmI {
  return { registered: true, profile: aProfile(profile), roles: [{ role: 'laborer' }], now: '2026-11-23T09:00:00.000Z', ...extra };
}

/** Someone who is not a registered laborer but holds a role (a trainer, an official). */
export function aRoleHolder(role: RoleBinding, now: string): WhoAmI {
  return { registered: false, profile: null, roles: [role], now };
}

export function aNewcomer(): WhoAmI {
  return { registered: false, profile: null, roles: [], now: '2026-11-23T09:00:00.000Z' };
}

export const REGIONS: Region[] = [
  { code: '141100', name: '吕梁市', level: 'city', parent: '140000' },
  { code: '141127', name: '岚县', level: 'county', parent: '141100' },
  { code: '141102', name: '离石区', level: 'county', parent: '141100' },
  { code: '141127100', name: '东村镇', level: 'township', parent: '141127' },
  { code: '141127101', name: '岚城镇', level: 'township', parent: '141127' },
];

export const ok = <T>(data: T): ApiResponse<T> => ({ ok: true, data });
export const refusal = (code: ErrorCode, message: string = ERROR_MESSAGES[code]): ApiResponse<never> => ({
  ok: false,
  code,
  message,
});

type Handler = (payload: unknown) => ApiResponse<unknown>;

/** A handler that answers `first` on the first call and `later` on every call after it. */
export function firstThen<T>(first: ApiResponse<T>, later: ApiResponse<T>): () => ApiResponse<T> {
  let calls = 0;
  return () => (++calls === 1 ? first : later);
}

export interface ApiCall {
  fn: string;
  action: string;
  payload: unknown;
  requestId: string;
}

/**
 * Installs a `fetch` that answers `/api/<fn>` by action (`list`), or by function and action
 * where two functions share an action name (`institution.list`, `staff.list`); returns the
 * calls it saw.
 */
export function installApi(handlers: Record<string, Handler>): ApiCall[] {
  const calls: ApiCall[] = [];
  const fetchDouble = jest.fn(async (url: string, init: { body: string }) => {
    const body = JSON.parse(init.body) as { action: string; payload: unknown; requestId: string };
    const fn = url.replace('/api/', '');
    calls.push({ fn, ...body });
    const handler = handlers[`${fn}.${body.action}`] ?? handlers[body.action];
    const answer = handler ? handler(body.payload) : refusal('UNKNOWN_ACTION');
    return { ok: true, status: 200, json: async () => answer };
  });
  (globalThis as { fetch?: unknown }).fetch = fetchDouble;
  return calls;
}

/** `installApi` for a registered laborer: `whoami` answers `aRegisteredLaborer()`, the rest as `handlers` say. */
export const installLaborerApi = (handlers: Record<string, Handler> = {}): ApiCall[] =>
  installApi({ whoami: () => ok(aRegisteredLaborer()), ...handlers });

interface Resettable {
  getInitialState(): unknown;
  setState(state: never, replace: true): void;
}

/** Puts zustand stores back to their initial state (zustand's testing guide). */
export function resetStores(...stores: Resettable[]): void {
  for (const store of stores) store.setState(store.getInitialState() as never, true);
}

/** Before each laborer page test: Taro's mocks cleared, no session, automatic large text, and `stores` empty. */
export function freshLaborerPage(...stores: Resettable[]): void {
  __resetTaroMock();
  resetStores(useSessionStore, ...stores);
  useUiStore.setState({ largeTextPreference: null });
}

/** Renders `page` and waits for `text` to show; returns the container. */
export async function renderShowing(page: ReactElement, text: string): Promise<HTMLElement> {
  const { container } = render(page);
  await screen.findByText(text);
  return container;
}

/** Renders `page` and waits, in turn, until each of `selectors` matches; returns the container. */
export async function renderUntil(page: ReactElement, ...selectors: string[]): Promise<HTMLElement> {
  const { container } = render(page);
  for (const selector of selectors) await waitFor(() => expect(container.querySelector(selector)).not.toBeNull());
  return container;
}

/** Waits for the offline state (网络连接不上), lets `reconnect` bring the network back, then taps 重试. */
export async function retryWhenOnline(reconnect: () => void): Promise<void> {
  expect(await screen.findByText('网络连接不上')).toBeTruthy();
  reconnect();
  fireEvent.click(screen.getByText('重试'));
}

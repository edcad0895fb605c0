/**
 * The slice of @tarojs/taro the pages, stores and NutUI use under jsdom.
 * Navigation, toasts and cloud calls are jest mocks; storage is an in-memory map.
 */
import { useEffect } from 'react';

const storage = new Map<string, unknown>();

/** Clears storage and mock calls; call in beforeEach. */
export function __resetTaroMock(): void {
  storage.clear();
  for (const fn of Object.values(Taro)) {
    if (jest.isMockFunction(fn)) fn.mockClear();
  }
  Taro.cloud.init.mockClear();
  Taro.cloud.callFunction.mockClear();
}

export const ENV_TYPE = {
  WEAPP: 'WEAPP',
  WEB: 'WEB',
  RN: 'RN',
  SWAN: 'SWAN',
  ALIPAY: 'ALIPAY',
  TT: 'TT',
  QQ: 'QQ',
  JD: 'JD',
  HARMONY: 'HARMONY',
} as const;

const resolved = () => jest.fn(() => Promise.resolve({ errMsg: 'ok' }));

function selectorQuery() {
  const rect = { width: 375, height: 100, top: 0, left: 0, right: 375, bottom: 100 };
  const query = {
    select: () => query,
    selectAll: () => query,
    selectViewport: () => query,
    in: () => query,
    boundingClientRect: (cb?: (r: typeof rect) => void) => {
      cb?.(rect);
      return query;
    },
    scrollOffset: () => query,
    fields: () => query,
    node: () => query,
    exec: (cb?: (r: unknown[]) => void) => {
      cb?.([rect]);
      return query;
    },
  };
  return query;
}

const systemInfo = {
  windowWidth: 375,
  windowHeight: 812,
  screenWidth: 375,
  screenHeight: 812,
  pixelRatio: 2,
  statusBarHeight: 20,
  platform: 'devtools',
  system: 'jsdom',
  SDKVersion: '3.0.0',
  safeArea: { top: 20, bottom: 812, left: 0, right: 375, width: 375, height: 792 },
};

/** Runs the callback once after mount, which is when a page first shows. */
function pageHook(cb: () => void): void {
  useEffect(() => cb(), []);
}

const Taro = {
  ENV_TYPE,
  getEnv: jest.fn(() => ENV_TYPE.WEB),
  nextTick: (cb: () => void) => setTimeout(cb, 0),
  createSelectorQuery: jest.fn(selectorQuery),
  getSystemInfoSync: jest.fn(() => systemInfo),
  getSystemInfo: jest.fn(() => Promise.resolve(systemInfo)),
  getWindowInfo: jest.fn(() => systemInfo),
  getDeviceInfo: jest.fn(() => systemInfo),
  getAppBaseInfo: jest.fn(() => systemInfo),
  pxTransform: (n: number) => `${n / 2}px`,
  getCurrentInstance: jest.fn(() => ({ router: { params: {}, path: '/pages/index/index' }, page: {} })),
  eventCenter: { on: jest.fn(), off: jest.fn(), trigger: jest.fn() },
  showToast: resolved(),
  hideToast: resolved(),
  showLoading: resolved(),
  hideLoading: resolved(),
  showModal: jest.fn(() => Promise.resolve({ confirm: true, cancel: false, errMsg: 'ok' })),
  navigateTo: resolved(),
  redirectTo: resolved(),
  switchTab: resolved(),
  reLaunch: resolved(),
  navigateBack: resolved(),
  pageScrollTo: resolved(),
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, value);
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key);
  }),
  // Screen brightness (the attendance code page).
  getScreenBrightness: jest.fn(() => Promise.resolve({ value: 0.4, errMsg: 'ok' })),
  setScreenBrightness: resolved(),
  setKeepScreenOn: resolved(),
  cloud: {
    init: jest.fn(),
    callFunction: jest.fn(() => Promise.resolve({ result: { ok: true, data: null }, errMsg: 'ok' })),
  },
  useDidShow: pageHook,
  useLoad: pageHook,
  useReady: pageHook,
  useLaunch: pageHook,
  useDidHide: () => undefined,
  useUnload: () => undefined,
  usePageScroll: () => undefined,
  usePullDownRefresh: () => undefined,
  // The trainer's scanner and network (src/packages/trainer): cancelled and online unless a test says otherwise.
  scanCode: jest.fn((_options?: object): Promise<{ result: string; errMsg: string }> => Promise.reject({ errMsg: 'scanCode:fail cancel' })),
  getNetworkType: jest.fn((): Promise<{ networkType: string; errMsg: string }> => Promise.resolve({ networkType: 'wifi', errMsg: 'ok' })),
  onNetworkStatusChange: jest.fn((_cb: (res: { isConnected: boolean; networkType: string }) => void) => undefined),
  offNetworkStatusChange: jest.fn((_cb?: (res: { isConnected: boolean; networkType: string }) => void) => undefined),
  // R10.2 consent sheet (weapp): accepts every template unless a test says otherwise.
  requestSubscribeMessage: jest.fn(
    (option: { tmplIds?: string[] }): Promise<Record<string, string>> =>
      Promise.resolve({
        errMsg: 'requestSubscribeMessage:ok',
        ...Object.fromEntries((option.tmplIds ?? []).map((id) => [id, 'accept'])),
      }),
  ),
};

export const {
  getEnv,
  nextTick,
  createSelectorQuery,
  getSystemInfoSync,
  getSystemInfo,
  getWindowInfo,
  getDeviceInfo,
  getAppBaseInfo,
  pxTransform,
  getCurrentInstance,
  eventCenter,
  showToast,
  hideToast,
  showLoading,
  hideLoading,
  showModal,
  navigateTo,
  redirectTo,
  switchTab,
  reLaunch,
  navigateBack,
  pageScrollTo,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  getScreenBrightness,
  setScreenBrightness,
  setKeepScreenOn,
  cloud,
  useDidShow,
  useLoad,
  useReady,
  useLaunch,
  useDidHide,
  useUnload,
  usePageScroll,
  usePullDownRefresh,
  scanCode,
  getNetworkType,
  onNetworkStatusChange,
  offNetworkStatusChange,
  requestSubscribeMessage,
} = Taro;

export default Taro;

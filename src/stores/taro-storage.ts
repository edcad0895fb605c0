/**
 * zustand `persist` storage backed by Taro's synchronous storage (wx storage in the
 * mini-program, localStorage in H5). Synchronous, so a persisted store is filled in before the
 * first render, with or without a network. Failures (storage full, private mode) are ignored.
 */
import Taro from '@tarojs/taro';
import type { StateStorage } from 'zustand/middleware';

export const taroStorage: StateStorage = {
  getItem: (name) => {
    try {
      const value: unknown = Taro.getStorageSync(name);
      return typeof value === 'string' && value !== '' ? value : null;
    } catch {
      return null;
    }
  },
  setItem: (name, value) => {
    try {
      Taro.setStorageSync(name, value);
    } catch {
      /* simply not kept */
    }
  },
  removeItem: (name) => {
    try {
      Taro.removeStorageSync(name);
    } catch {
      /* nothing to remove */
    }
  },
};

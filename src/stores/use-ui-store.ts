/**
 * Display preferences kept on the device: large-text mode.
 * The explicit switch wins; without one, band C (over 60) gets large text automatically.
 */
import { create, type StateCreator } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Band } from '../../cloudfunctions/contract';
import { useSessionStore } from './use-session-store';
import { taroStorage } from './taro-storage';

export interface UiState {
  /** null: the user never touched the switch, so the automatic rule applies. */
  largeTextPreference: boolean | null;
  setLargeText: (on: boolean) => void;
  /** Back to automatic. */
  clearLargeTextPreference: () => void;
}

export const uiStateCreator: StateCreator<UiState> = (set) => ({
  largeTextPreference: null,
  setLargeText: (on) => set({ largeTextPreference: on }),
  clearLargeTextPreference: () => set({ largeTextPreference: null }),
});

export const useUiStore = create<UiState>()(
  persist(uiStateCreator, {
    name: 'czt-ui',
    storage: createJSONStorage(() => taroStorage),
    partialize: (s) => ({ largeTextPreference: s.largeTextPreference }),
  }),
);

/** Large text is on when chosen, or — when never chosen — for band C. */
export function effectiveLargeText(preference: boolean | null, band: Band | null | undefined): boolean {
  return preference ?? band === 'C';
}

/** Whether the current page should render in large-text mode. */
export function useLargeText(): boolean {
  const preference = useUiStore((s) => s.largeTextPreference);
  const band = useSessionStore((s) => s.me?.profile?.band);
  return effectiveLargeText(preference, band);
}

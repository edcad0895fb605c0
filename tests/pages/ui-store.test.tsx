import { act, render, renderHook } from '@testing-library/react';
import { PageShell } from '../../src/components/page-shell';
import { useSessionStore } from '../../src/stores/use-session-store';
import { effectiveLargeText, useLargeText, useUiStore } from '../../src/stores/use-ui-store';
import { getStorageSync } from './__mocks__/taro';
import { aNewcomer, aRegisteredLaborer, freshLaborerPage } from './api-double';

const bandC = aRegisteredLaborer({ age: 66, band: 'C', bandName: '60周岁以上' });
const bandA = aRegisteredLaborer();

function signIn(me: ReturnType<typeof aRegisteredLaborer>) {
  useSessionStore.setState({ status: 'ready', me, error: null });
}

beforeEach(() => {
  freshLaborerPage();
});

describe('large-text mode', () => {
  it('is on automatically for band C (over 60) and off for the others', () => {
    expect(effectiveLargeText(null, 'C')).toBe(true);
    expect(effectiveLargeText(null, 'A')).toBe(false);
    expect(effectiveLargeText(null, 'B')).toBe(false);
    expect(effectiveLargeText(null, null)).toBe(false);
  });

  it('follows the switch when the person has chosen', () => {
    expect(effectiveLargeText(false, 'C')).toBe(false);
    expect(effectiveLargeText(true, 'A')).toBe(true);
  });

  it('turns on for a band C profile without any choice made', () => {
    signIn(bandC);
    const { result } = renderHook(() => useLargeText());
    expect(result.current).toBe(true);
  });

  it('lets a band C person switch it off, and a band A person switch it on', () => {
    signIn(bandC);
    const { result } = renderHook(() => useLargeText());
    act(() => useUiStore.getState().setLargeText(false));
    expect(result.current).toBe(false);
    act(() => signIn(bandA));
    act(() => useUiStore.getState().setLargeText(true));
    expect(result.current).toBe(true);
  });

  it('keeps the choice in Taro storage', () => {
    act(() => useUiStore.getState().setLargeText(true));
    const stored = JSON.parse(getStorageSync('czt-ui') as string) as { state: { largeTextPreference: boolean } };
    expect(stored.state.largeTextPreference).toBe(true);
  });

  it('puts czt-large on the page root when on', () => {
    signIn(aNewcomer() as ReturnType<typeof aRegisteredLaborer>);
    const { container, rerender } = render(<PageShell>内容</PageShell>);
    expect(container.firstElementChild?.className).toBe('czt-page');
    act(() => useUiStore.getState().setLargeText(true));
    rerender(<PageShell>内容</PageShell>);
    expect(container.firstElementChild?.classList.contains('czt-large')).toBe(true);
  });
});

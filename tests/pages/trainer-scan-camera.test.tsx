/**
 * 扫码签到 in H5: the browser camera (getUserMedia) read with jsQR, and the typed field when
 * there is no camera. jsQR is replaced here: jsdom draws no real frames.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import TrainerClassPage from '../../src/packages/trainer/pages/class/index';
import { ok } from './api-double';
import { accepted, aCode, installClassApi, onTrainerPage, textOf } from './trainer-double';

jest.mock('jsqr', () => ({ __esModule: true, default: jest.fn(() => null) }));
const jsQR = (jest.requireMock('jsqr') as { default: jest.Mock }).default;

beforeEach(() => {
  onTrainerPage('/packages/trainer/pages/class/index');
});

describe('班级签到 page: H5 camera', () => {
  const media = Object.getOwnPropertyDescriptor(window.navigator, 'mediaDevices');
  afterEach(() => {
    if (media) Object.defineProperty(window.navigator, 'mediaDevices', media);
    else delete (window.navigator as { mediaDevices?: unknown }).mediaDevices;
  });
  const withCamera = (getUserMedia: jest.Mock) =>
    Object.defineProperty(window.navigator, 'mediaDevices', { configurable: true, value: { getUserMedia } });

  it('says when there is no camera and puts the cursor in 输入签到码', async () => {
    Object.defineProperty(window.navigator, 'mediaDevices', { configurable: true, value: undefined });
    installClassApi(() => ok(accepted(1)));
    const { container } = render(<TrainerClassPage />);
    await screen.findByText('李*华');
    fireEvent.click(screen.getByText('扫码签到'));
    expect(await screen.findByText('这台设备不能用摄像头扫码，请输入签到码')).toBeTruthy();
    expect(document.activeElement).toBe(container.querySelector('#scan-code-input input'));
    expect(screen.getByText('扫码签到')).toBeTruthy();
  });

  it('says when camera permission is refused, and focuses the typed field', async () => {
    withCamera(jest.fn(() => Promise.reject(Object.assign(new Error('denied'), { name: 'NotAllowedError' }))));
    installClassApi(() => ok(accepted(1)));
    const { container } = render(<TrainerClassPage />);
    await screen.findByText('李*华');
    fireEvent.click(screen.getByText('扫码签到'));
    expect(await screen.findByText('没有摄像头权限，请输入签到码')).toBeTruthy();
    expect(navigator.mediaDevices.getUserMedia).toHaveBeenCalledWith({ video: { facingMode: 'environment' }, audio: false });
    expect(document.activeElement).toBe(container.querySelector('#scan-code-input input'));
  });

  describe('with a working camera', () => {
    const saved = {
      play: Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'play'),
      readyState: Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'readyState'),
      videoWidth: Object.getOwnPropertyDescriptor(HTMLVideoElement.prototype, 'videoWidth'),
      videoHeight: Object.getOwnPropertyDescriptor(HTMLVideoElement.prototype, 'videoHeight'),
    };
    beforeAll(() => {
      Object.defineProperty(HTMLMediaElement.prototype, 'play', { configurable: true, value: () => Promise.resolve() });
      Object.defineProperty(HTMLMediaElement.prototype, 'readyState', { configurable: true, get: () => 4 });
      Object.defineProperty(HTMLVideoElement.prototype, 'videoWidth', { configurable: true, get: () => 1280 });
      Object.defineProperty(HTMLVideoElement.prototype, 'videoHeight', { configurable: true, get: () => 720 });
    });
    afterAll(() => {
      Object.defineProperty(HTMLMediaElement.prototype, 'play', saved.play!);
      Object.defineProperty(HTMLMediaElement.prototype, 'readyState', saved.readyState!);
      Object.defineProperty(HTMLVideoElement.prototype, 'videoWidth', saved.videoWidth!);
      Object.defineProperty(HTMLVideoElement.prototype, 'videoHeight', saved.videoHeight!);
    });

    it('submits a code read from a camera frame like a typed one, once, and stops the camera on close', async () => {
      const stop = jest.fn();
      withCamera(jest.fn(() => Promise.resolve({ getTracks: () => [{ stop }] })));
      jsQR.mockReturnValue({ data: aCode('ref0000c') });
      const calls = installClassApi(() => ok(accepted(1)));
      const { container } = render(<TrainerClassPage />);
      await screen.findByText('李*华');
      fireEvent.click(screen.getByText('扫码签到'));
      await waitFor(() => expect(textOf(container, '#scan-feedback')).toBe('签到成功王*英 · 第2节'), { timeout: 3000 });
      // Frames keep showing the same code: it is sent once.
      await act(() => new Promise((r) => setTimeout(r, 500)));
      expect(calls.filter((c) => c.action === 'scan').map((c) => c.payload)).toEqual([{ classId: 'c-1', code: aCode('ref0000c') }]);
      expect(jsQR.mock.calls[0].slice(1, 3)).toEqual([640, 360]);
      fireEvent.click(screen.getByText('关闭摄像头'));
      expect(stop).toHaveBeenCalled();
      expect(screen.getByText('扫码签到')).toBeTruthy();
    });
  });
});

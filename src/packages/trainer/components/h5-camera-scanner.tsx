/**
 * H5 only: the back camera in a <video>, frames drawn to a canvas and read with jsQR. The page
 * loads this file (and jsQR) lazily behind `process.env.TARO_ENV === 'h5'`, so neither reaches
 * the mini-program, which scans with `Taro.scanCode`.
 */
import { Text, View } from '@tarojs/components';
import { useEffect, useRef } from 'react';
import { Button } from '../../../components/nutui';

/** About five frames a second: quick enough for a queue of people, light on old phones. */
const FRAME_INTERVAL_MS = 200;
/** Frames are read at this width at most (a QR code on a phone screen needs no more). */
const MAX_FRAME_WIDTH = 640;
/** The camera sees the same code in every frame: a text already sent is ignored this long. */
const REPEAT_GAP_MS = 60_000;

export interface CameraScannerProps {
  /** A decoded text; the camera waits until it resolves before reading the next code. */
  onCode: (text: string) => Promise<void>;
  /** The camera cannot be used: the message says why, in Chinese. */
  onUnavailable: (message: string) => void;
  onClose: () => void;
}

/** Why getUserMedia failed, in words a trainer can act on. */
export function cameraProblem(e: unknown): string {
  const name = typeof e === 'object' && e !== null ? (e as { name?: unknown }).name : undefined;
  if (name === 'NotAllowedError' || name === 'SecurityError') return '没有摄像头权限，请输入签到码';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return '没有找到摄像头，请输入签到码';
  return '摄像头打不开，请输入签到码';
}

type Decode = (data: Uint8ClampedArray, width: number, height: number, options: { inversionAttempts: 'dontInvert' }) => { data: string } | null;

function readFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement, decode: Decode): string | null {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx || !video.videoWidth || !video.videoHeight) return null;
  const scale = Math.min(1, MAX_FRAME_WIDTH / video.videoWidth);
  const width = Math.round(video.videoWidth * scale);
  const height = Math.round(video.videoHeight * scale);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  ctx.drawImage(video, 0, 0, width, height);
  const image = ctx.getImageData(0, 0, width, height);
  return decode(image.data, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

export default function H5CameraScanner({ onCode, onUnavailable, onClose }: CameraScannerProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const callbacks = useRef({ onCode, onUnavailable });
  callbacks.current = { onCode, onUnavailable };

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const seen = new Map<string, number>();

    const start = async () => {
      const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
      if (!media?.getUserMedia) {
        callbacks.current.onUnavailable('这台设备不能用摄像头扫码，请输入签到码');
        return;
      }
      try {
        stream = await media.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      } catch (e) {
        if (!stopped) callbacks.current.onUnavailable(cameraProblem(e));
        return;
      }
      const video = videoRef.current;
      if (stopped || !video) {
        stream.getTracks().forEach((track) => track.stop());
        return;
      }
      video.srcObject = stream;
      await video.play().catch(() => undefined);
      const { default: jsQR } = await import('jsqr');
      const canvas = document.createElement('canvas');

      const tick = async () => {
        if (stopped) return;
        const text = video.readyState >= 2 ? readFrame(video, canvas, jsQR) : null;
        const now = Date.now();
        if (text && now - (seen.get(text) ?? -Infinity) > REPEAT_GAP_MS) {
          seen.set(text, now);
          await callbacks.current.onCode(text);
        }
        if (!stopped) timer = setTimeout(() => void tick(), FRAME_INTERVAL_MS);
      };
      void tick();
    };
    void start();

    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <View className="scan-camera">
      <video ref={videoRef} className="scan-camera-video" playsInline muted autoPlay />
      <Text className="scan-camera-hint">对准学员手机上的签到码</Text>
      <View className="czt-button-row">
        <Button id="scan-camera-close" className="czt-secondary-button" size="large" block onClick={onClose}>
          关闭摄像头
        </Button>
      </View>
    </View>
  );
}

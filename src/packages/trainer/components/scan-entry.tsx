/**
 * 扫码签到: the camera (weapp: WeChat's scanner; H5: the browser camera) and, when there is no
 * camera or the code will not scan, the 8 digits the laborer's screen shows, typed (R13.2; a
 * hand scanner's text, a printed card's code, goes in the same field). All end in `onCode`.
 */
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { lazy, Suspense, useRef, useState } from 'react';
import { Button } from '../../../components/nutui';

// A build-time literal: the mini-program bundle never sees the camera code or jsQR.
const H5CameraScanner = process.env.TARO_ENV === 'h5' ? lazy(() => import('./h5-camera-scanner')) : null;

/** The server takes codes up to this length; anything longer is not ours. */
const CODE_MAX_LENGTH = 200;

const cancelled = (e: unknown) => /cancel/i.test(String((e as { errMsg?: unknown } | null)?.errMsg ?? ''));

export function ScanEntry({ onCode }: { onCode: (code: string) => Promise<void> }) {
  const [typed, setTyped] = useState('');
  const [sending, setSending] = useState(false);
  const [cameraOpen, setCameraOpen] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const fieldRef = useRef<HTMLLabelElement>(null);

  const focusField = () => {
    setFocused(true);
    if (process.env.TARO_ENV === 'h5') fieldRef.current?.querySelector('input')?.focus();
  };
  /** No camera: say why and put the cursor in the typed field. */
  const typeInstead = (message: string) => {
    setCameraOpen(false);
    setNote(message);
    focusField();
  };

  const scan = async () => {
    setNote(null);
    if (process.env.TARO_ENV === 'h5') {
      setCameraOpen(true);
      return;
    }
    let text: string;
    try {
      text = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result;
    } catch (e) {
      if (!cancelled(e)) typeInstead('扫码没有成功，请输入学员签到码页面上的8位数字');
      return;
    }
    await onCode(text);
  };

  const submitTyped = async () => {
    const code = typed.trim();
    if (!code) {
      setNote('请输入学员签到码页面上的8位数字');
      focusField();
      return;
    }
    setNote(null);
    setSending(true);
    setTyped('');
    await onCode(code);
    setSending(false);
    focusField();
  };

  const input = (
    <Input
      id={process.env.TARO_ENV === 'h5' ? undefined : 'scan-code-input'}
      className="czt-input scan-code-field"
      value={typed}
      placeholder="输入8位数字"
      maxlength={CODE_MAX_LENGTH}
      focus={focused}
      confirmType="done"
      onInput={(e) => setTyped(e.detail.value)}
      onBlur={() => setFocused(false)}
      onConfirm={() => void submitTyped()}
    />
  );

  return (
    <View className="scan-entry">
      {process.env.TARO_ENV === 'h5' && H5CameraScanner && cameraOpen ? (
        <Suspense fallback={<Text className="scan-camera-hint">正在打开摄像头…</Text>}>
          <H5CameraScanner onCode={onCode} onUnavailable={typeInstead} onClose={() => setCameraOpen(false)} />
        </Suspense>
      ) : (
        <Button id="scan-start" className="czt-primary-button scan-start" type="primary" size="xlarge" block onClick={() => void scan()}>
          扫码签到
        </Button>
      )}
      {note ? <Text className="scan-note">{note}</Text> : null}
      <View className="scan-typed">
        {/* H5: the id is on a <label> around the real <input>, so both `#scan-code-input` and
            `#scan-code-input input` reach the field (Playwright's fill follows a label to its control). */}
        {process.env.TARO_ENV === 'h5' ? (
          <label id="scan-code-input" ref={fieldRef} className="scan-code-label">
            {input}
          </label>
        ) : (
          input
        )}
        <Button id="scan-code-submit" className="czt-secondary-button scan-code-submit" size="large" loading={sending} onClick={() => void submitTyped()}>
          提交
        </Button>
      </View>
    </View>
  );
}

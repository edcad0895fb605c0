/** 实名登记: name, ID number, optional phone and household township; one button, 提交登记. */
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Region } from '../../../cloudfunctions/contract';
import type { ErrorCode } from '../../../cloudfunctions/core/errors';
import { ERROR_MESSAGES } from '../../../cloudfunctions/core/errors';
import { ApiError, call, isApiError, newRequestId, showError } from '../../api/client';
import { Button } from '../../components/nutui';
import { LoadingState, PageShell } from '../../components/page-shell';
import { useSession } from '../../components/use-session';
import { useSessionStore } from '../../stores/use-session-store';
import { idNumberHint } from './id-number-hint';
import { RegionChooser } from './region-chooser';

type Field = 'name' | 'id' | 'phone' | 'region';
type FieldErrors = Partial<Record<Field, string>>;

/** Which field a server refusal is about, so the message appears under it. */
function fieldOf(code: ErrorCode): Field | null {
  if (code === 'NAME_INVALID') return 'name';
  if (code.startsWith('ID_NUMBER_') || code === 'UNDER_AGE') return 'id';
  if (code === 'PHONE_INVALID') return 'phone';
  if (code === 'REGION_UNKNOWN') return 'region';
  return null;
}

/** Taro's Input reports its value in `detail.value` on every platform. */
const valueOf = (e: { detail: { value: string } }) => e.detail.value;

function useRegions() {
  const [regions, setRegions] = useState<Region[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(() => {
    setError(null);
    call('account', 'regions', {})
      .then(setRegions)
      .catch((e: unknown) => setError(isApiError(e) ? e : new ApiError('INTERNAL')));
  }, []);
  useEffect(load, [load]);
  return { regions, error, load };
}

export default function RegisterPage() {
  const session = useSession();
  const register = useSessionStore((s) => s.register);
  const regions = useRegions();

  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [idBlurred, setIdBlurred] = useState(false);
  const [phone, setPhone] = useState('');
  const [countyCode, setCountyCode] = useState<string | null>(null);
  const [townshipCode, setTownshipCode] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // Retrying after a network failure resends the same id, so the server registers only once.
  const pendingRequestId = useRef<string | null>(null);

  const hint = idNumberHint(idNumber, idBlurred, new Date());
  const clearError = (field: Field) => setErrors((e) => ({ ...e, [field]: undefined }));

  const submit = async () => {
    if (submitting) return;
    const local: FieldErrors = {};
    if (name.trim() === '') local.name = '请输入姓名';
    const idCheck = idNumberHint(idNumber, true, new Date());
    if (idNumber.trim() === '') local.id = ERROR_MESSAGES.ID_NUMBER_EMPTY;
    else if (idCheck.kind === 'error') local.id = idCheck.message;
    if (!townshipCode) local.region = ERROR_MESSAGES.REGION_UNKNOWN;
    setIdBlurred(true);
    setErrors(local);
    setFormError(null);
    const first = Object.values(local).find(Boolean);
    if (first || !townshipCode) {
      void Taro.showToast({ title: first ?? ERROR_MESSAGES.REGION_UNKNOWN, icon: 'none' });
      return;
    }
    setSubmitting(true);
    const requestId = pendingRequestId.current ?? newRequestId();
    pendingRequestId.current = requestId;
    try {
      await register(
        { name: name.trim(), idNumber: idNumber.trim(), phone: phone.trim() || undefined, townshipCode },
        { requestId },
      );
      pendingRequestId.current = null;
      void Taro.showToast({ title: '登记成功', icon: 'success' });
      void Taro.switchTab({ url: '/pages/me/index' });
    } catch (e) {
      const err = isApiError(e) ? e : new ApiError('INTERNAL');
      if (err.code !== 'NETWORK') pendingRequestId.current = null;
      const field = fieldOf(err.code);
      if (field) setErrors({ [field]: err.message });
      else setFormError(err.message);
      showError(err);
    } finally {
      setSubmitting(false);
    }
  };

  if (session.me?.registered) {
    return (
      <PageShell className="page-register">
        <View className="czt-state">
          <Text className="czt-state-title">{ERROR_MESSAGES.ALREADY_REGISTERED}</Text>
          <Button
            className="czt-primary-button"
            type="primary"
            size="xlarge"
            block
            onClick={() => void Taro.switchTab({ url: '/pages/me/index' })}
          >
            查看我的信息
          </Button>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell
      className="page-register"
      error={session.error?.code === 'UNAUTHENTICATED' ? session.error : null}
      onRetry={session.load}
    >
      <View className="czt-intro">
        <Text>请填写本人真实信息。身份证号只用于核实身份和发放培训补贴。</Text>
      </View>

      <View className="czt-form">
        <View className="czt-field">
          <Text className="czt-label">姓名</Text>
          <Input
            id="reg-name"
            className={`czt-input ${errors.name ? 'has-error' : ''}`}
            type="text"
            maxlength={20}
            placeholder="与身份证上一致"
            value={name}
            onInput={(e) => {
              setName(valueOf(e));
              clearError('name');
            }}
          />
          {errors.name ? <Text className="czt-error reg-name-error">{errors.name}</Text> : null}
        </View>

        <View className="czt-field">
          <Text className="czt-label">身份证号</Text>
          <Input
            id="reg-id"
            className={`czt-input ${errors.id || hint.kind === 'error' ? 'has-error' : ''}`}
            type="idcard"
            maxlength={18}
            placeholder="18位身份证号码"
            value={idNumber}
            onInput={(e) => {
              setIdNumber(valueOf(e));
              clearError('id');
            }}
            onBlur={() => setIdBlurred(true)}
          />
          {/* Always one line here (help, error or derived facts), so the form never jumps on blur. */}
          {errors.id || hint.kind === 'error' ? (
            <Text className="czt-error reg-id-hint">{errors.id ?? (hint.kind === 'error' ? hint.message : '')}</Text>
          ) : hint.kind === 'ok' ? (
            <Text className="czt-derived reg-id-hint">{`出生日期：${hint.birthDate}　年龄：${hint.age}周岁`}</Text>
          ) : (
            <Text className="czt-help reg-id-hint">18位，最后一位可能是X</Text>
          )}
        </View>

        <View className="czt-field">
          <Text className="czt-label">
            手机号<Text className="czt-optional">（选填）</Text>
          </Text>
          <Input
            id="reg-phone"
            className={`czt-input ${errors.phone ? 'has-error' : ''}`}
            type="number"
            maxlength={11}
            placeholder="方便通知开课时间"
            value={phone}
            onInput={(e) => {
              setPhone(valueOf(e));
              clearError('phone');
            }}
          />
          {errors.phone ? <Text className="czt-error reg-phone-error">{errors.phone}</Text> : null}
        </View>

        {regions.regions ? (
          <RegionChooser
            regions={regions.regions}
            countyCode={countyCode}
            townshipCode={townshipCode}
            error={errors.region}
            onChange={(county, township) => {
              setCountyCode(county);
              setTownshipCode(township);
              clearError('region');
            }}
          />
        ) : regions.error ? (
          <View className="czt-field reg-region">
            <Text className="czt-label">户籍所在乡镇</Text>
            <Text className="czt-error">{regions.error.message}</Text>
            <View className="czt-select" onClick={regions.load}>
              <Text className="czt-select-text">重新加载乡镇列表</Text>
            </View>
          </View>
        ) : (
          <LoadingState />
        )}
      </View>

      {formError ? (
        <View className="czt-notice reg-form-error">
          <Text>{formError}</Text>
        </View>
      ) : null}

      <View className="czt-actions">
        <Button
          id="reg-submit"
          className="czt-primary-button"
          type="primary"
          size="xlarge"
          block
          loading={submitting}
          onClick={() => void submit()}
        >
          提交登记
        </Button>
      </View>
    </PageShell>
  );
}

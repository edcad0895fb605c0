/** 实名登记: name, ID number (with instant hints), optional phone and household township; one button, 提交登记. */
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { Region, RegisterInput } from '../../../cloudfunctions/contract';
import type { ErrorCode } from '../../../cloudfunctions/core/errors';
import { ERROR_MESSAGES } from '../../../cloudfunctions/core/errors';
import { type ApiError, call, toApiError } from '../../api/client';
import { TextField } from '../../components/form-field';
import { Notice, WideButton } from '../../components/page-parts';
import { LoadingState, PageShell } from '../../components/page-shell';
import { RegionChooser, type RegionChooserProps } from '../../components/region-chooser';
import { useConfirmedAction } from '../../components/use-confirmed-action';
import { useSession } from '../../components/use-session';
import { usePrivacyStore } from '../../stores/use-privacy-store';
import { useSessionStore } from '../../stores/use-session-store';
import { type IdNumberHint, idNumberHint } from '../../utils/id-number-hint';
import { URLS, withQuery } from '../../utils/routes';

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

/** The phone's own checks before sending (the server checks again, R2). */
function localErrors(name: string, idNumber: string, townshipCode: string | null): FieldErrors {
  const local: FieldErrors = {};
  if (name.trim() === '') local.name = '请输入姓名';
  const idCheck = idNumberHint(idNumber, true, new Date());
  if (idNumber.trim() === '') local.id = ERROR_MESSAGES.ID_NUMBER_EMPTY;
  else if (idCheck.kind === 'error') local.id = idCheck.message;
  if (!townshipCode) local.region = ERROR_MESSAGES.REGION_UNKNOWN;
  return local;
}

const goMe = () => void Taro.switchTab({ url: URLS.me });

function useRegions() {
  const [regions, setRegions] = useState<Region[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(() => {
    setError(null);
    call('account', 'regions', {})
      .then(setRegions)
      .catch((e: unknown) => setError(toApiError(e)));
  }, []);
  useEffect(load, [load]);
  return { regions, error, load };
}

/** The line under 身份证号: always one (help, error or derived facts), so the form never jumps on blur. */
function IdHint({ error, hint }: { error?: string; hint: IdNumberHint }) {
  if (error || hint.kind === 'error') {
    return <Text className="czt-error reg-id-hint">{error ?? (hint.kind === 'error' ? hint.message : '')}</Text>;
  }
  if (hint.kind === 'ok') return <Text className="czt-derived reg-id-hint">{`出生日期：${hint.birthDate}　年龄：${hint.age}周岁`}</Text>;
  return <Text className="czt-help reg-id-hint">18位，最后一位可能是X</Text>;
}

/** 户籍所在乡镇: the chooser once the regions are loaded; until then, loading or 重新加载. */
function RegionField({ regions, ...chooser }: Omit<RegionChooserProps, 'regions'> & { regions: ReturnType<typeof useRegions> }) {
  if (regions.regions) return <RegionChooser regions={regions.regions} {...chooser} />;
  if (!regions.error) return <LoadingState />;
  return (
    <View className="czt-field reg-region">
      <Text className="czt-label">户籍所在乡镇</Text>
      <Text className="czt-error">{regions.error.message}</Text>
      <View className="czt-select" onClick={regions.load}>
        <Text className="czt-select-text">重新加载乡镇列表</Text>
      </View>
    </View>
  );
}

/** R14.1 nothing personal before the privacy guide is agreed: the form waits for it. */
function ConsentFirst({ updated }: { updated: boolean }) {
  return (
    <PageShell className="page-register">
      <View id="reg-privacy-needed" className="czt-card reg-privacy">
        <Text className="czt-card-title">{updated ? '隐私保护指引已更新' : '请先阅读隐私保护指引'}</Text>
        <Text className="czt-card-text">实名登记要用到您的姓名、身份证号码和户籍。请先看看我们怎样收集、使用和保护这些信息，同意后再登记。</Text>
        {/* The guide comes back here once agreed (navigateBack), and the form shows. */}
        <WideButton id="reg-privacy" row onClick={() => void Taro.navigateTo({ url: URLS.privacy })}>
          阅读并同意隐私保护指引
        </WideButton>
      </View>
    </PageShell>
  );
}

/** After 实名登记 (or opened again once registered): what to do next, the classes first (R13: 领券并报名 in one step). */
function Registered({ justNow, faceNext }: { justNow: boolean; faceNext: boolean }) {
  return (
    <PageShell className="page-register">
      <View id={justNow ? 'reg-done' : 'reg-already'} className="czt-state czt-state-registered">
        <Text className="czt-state-title">{justNow ? '登记成功' : ERROR_MESSAGES.ALREADY_REGISTERED}</Text>
        {faceNext ? (
          // R14.3 the county asks for a face check before any claim: that comes first.
          <>
            <Text className="czt-state-text">下一步：刷脸实名认证。您所在县要求核验是本人后，才能领券和报名</Text>
            <WideButton id="reg-face" row onClick={() => void Taro.navigateTo({ url: withQuery(URLS.faceCheck, { purpose: 'registration' }) })}>
              刷脸实名认证
            </WideButton>
          </>
        ) : null}
        <Text className="czt-state-text">下一步：报名参加培训。报名时会自动领取需要的培训券</Text>
        <WideButton id="reg-next-classes" row onClick={() => void Taro.switchTab({ url: URLS.classes })}>
          去报名课程
        </WideButton>
        <WideButton id="reg-next-vouchers" kind="secondary" row onClick={() => void Taro.switchTab({ url: URLS.vouchers })}>
          看看能领哪些培训券
        </WideButton>
        <WideButton id="reg-done-me" kind="secondary" row onClick={goMe}>
          查看我的信息
        </WideButton>
      </View>
    </PageShell>
  );
}

export default function RegisterPage() {
  const session = useSession();
  const register = useSessionStore((s) => s.register);
  const regions = useRegions();
  const privacy = usePrivacyStore((s) => s.status);
  const loadPrivacy = usePrivacyStore((s) => s.loadStatus);
  useDidShow(() => void loadPrivacy());

  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [idBlurred, setIdBlurred] = useState(false);
  const [phone, setPhone] = useState('');
  const [countyCode, setCountyCode] = useState<string | null>(null);
  const [townshipCode, setTownshipCode] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  // Retrying after a network failure resends the same id, so the server registers only once.
  const flow = useConfirmedAction((input: RegisterInput, options) => register(input, options), {
    doneTitle: '登记成功',
    // R14.3 whether the county now asks for a face check (the status knows the household county).
    onDone: () => void loadPrivacy().then(() => setDone(true)),
    onFailed: (err) => {
      const field = fieldOf(err.code);
      if (field) setErrors({ [field]: err.message });
      else setFormError(err.message);
    },
  });

  const hint = idNumberHint(idNumber, idBlurred, new Date());
  const clearError = (field: Field) => setErrors((e) => ({ ...e, [field]: undefined }));

  const submit = () => {
    if (flow.busy) return;
    const local = localErrors(name, idNumber, townshipCode);
    setIdBlurred(true);
    setErrors(local);
    setFormError(null);
    const first = Object.values(local).find(Boolean);
    if (first || !townshipCode) {
      void Taro.showToast({ title: first ?? ERROR_MESSAGES.REGION_UNKNOWN, icon: 'none' });
      return;
    }
    void flow.submit({ name: name.trim(), idNumber: idNumber.trim(), phone: phone.trim() || undefined, townshipCode });
  };

  if (done || session.me?.registered) return <Registered justNow={done} faceNext={Boolean(privacy?.realName.required && !privacy.realName.verified)} />;
  if (privacy && privacy.consent !== 'agreed' && session.me) return <ConsentFirst updated={privacy.consent === 'outdated'} />;

  return (
    <PageShell className="page-register" error={session.error?.code === 'UNAUTHENTICATED' ? session.error : null} onRetry={session.load}>
      <View className="czt-intro">
        <Text>请填写本人真实信息。身份证号只用于核实身份和发放培训补贴。</Text>
      </View>

      <View className="czt-form">
        <TextField
          id="reg-name"
          label="姓名"
          type="text"
          maxlength={20}
          placeholder="与身份证上一致"
          value={name}
          onInput={(v) => {
            setName(v);
            clearError('name');
          }}
          error={errors.name}
          errorClassName="reg-name-error"
        />
        <TextField
          id="reg-id"
          label="身份证号"
          type="idcard"
          maxlength={18}
          placeholder="18位身份证号码"
          value={idNumber}
          onInput={(v) => {
            setIdNumber(v);
            clearError('id');
          }}
          onBlur={() => setIdBlurred(true)}
          invalid={Boolean(errors.id) || hint.kind === 'error'}
          below={<IdHint error={errors.id} hint={hint} />}
        />
        <TextField
          id="reg-phone"
          label="手机号"
          optional
          type="number"
          maxlength={11}
          placeholder="方便通知开课时间"
          value={phone}
          onInput={(v) => {
            setPhone(v);
            clearError('phone');
          }}
          error={errors.phone}
          errorClassName="reg-phone-error"
        />
        <RegionField
          regions={regions}
          countyCode={countyCode}
          townshipCode={townshipCode}
          error={errors.region}
          onChange={(county, township) => {
            setCountyCode(county);
            setTownshipCode(township);
            clearError('region');
          }}
        />
      </View>

      <Notice className="reg-form-error" text={formError} />

      <View className="czt-actions">
        <WideButton id="reg-submit" loading={flow.busy} onClick={submit}>
          提交登记
        </WideButton>
      </View>
    </PageShell>
  );
}

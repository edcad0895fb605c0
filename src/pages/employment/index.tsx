/**
 * 就业登记: report employment (R8.1; every report is kept, D25) and see what was reported.
 * Someone seeking work gives nothing else; others give place, start date and monthly income.
 */
import { Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { EmploymentReportInput, EmploymentStatus, EmploymentView, WorkPlace } from '../../../cloudfunctions/contract';
import { ERROR_MESSAGES } from '../../../cloudfunctions/core/errors';
import { isApiError, messageOf, newRequestId, showError } from '../../api/client';
import { Button } from '../../components/nutui';
import { PageShell, RegisterPrompt } from '../../components/page-shell';
import { useSession } from '../../components/use-session';
import { useEmploymentStore } from '../../stores/use-employment-store';
import { useSessionStore } from '../../stores/use-session-store';
import { dateText } from '../certificates/certificate-text';
import './index.scss';

const STATUSES: { value: EmploymentStatus; name: string }[] = [
  { value: 'employed', name: '单位就业' },
  { value: 'self_employed', name: '创业' },
  { value: 'flexible', name: '灵活就业' },
  { value: 'seeking', name: '正在找工作' },
];

const PLACES: { value: WorkPlace; name: string }[] = [
  { value: 'county', name: '本县' },
  { value: 'province', name: '县外省内' },
  { value: 'country', name: '省外' },
  { value: 'abroad', name: '境外' },
];

/** Today's China date, `YYYY-MM-DD`. */
export const chinaToday = (now = Date.now()): string => new Date(now + 8 * 3600_000).toISOString().slice(0, 10);

interface Form {
  status: EmploymentStatus | null;
  employer: string;
  occupation: string;
  place: WorkPlace | null;
  placeName: string;
  startDate: string;
  income: string;
}

type Field = 'status' | 'employer' | 'place' | 'placeName' | 'startDate' | 'income';
type Errors = Partial<Record<Field, string>>;

const EMPTY: Form = { status: null, employer: '', occupation: '', place: null, placeName: '', startDate: '', income: '' };

/** The report to send, or what is wrong with the form (D25, checked again by the server). */
export function reportOf(f: Form, today: string): { input: EmploymentReportInput } | { errors: Errors } {
  if (!f.status) return { errors: { status: '请选择就业情况' } };
  if (f.status === 'seeking') return { input: { status: 'seeking' } };
  const errors: Errors = {};
  if (f.status === 'employed' && !f.employer.trim()) errors.employer = ERROR_MESSAGES.EMPLOYER_REQUIRED;
  if (!f.place) errors.place = ERROR_MESSAGES.PLACE_REQUIRED;
  else if (f.place !== 'county' && !f.placeName.trim()) errors.placeName = ERROR_MESSAGES.REGION_REQUIRED;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.startDate)) errors.startDate = ERROR_MESSAGES.START_DATE_INVALID;
  else if (f.startDate > today) errors.startDate = ERROR_MESSAGES.START_DATE_FUTURE;
  const income = f.income.trim();
  if (!/^\d{1,6}$/.test(income) || Number(income) > 100_000) errors.income = ERROR_MESSAGES.INCOME_INVALID;
  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      status: f.status,
      ...(f.employer.trim() ? { employer: f.employer.trim() } : {}),
      ...(f.occupation.trim() ? { occupation: f.occupation.trim() } : {}),
      place: f.place!,
      ...(f.place !== 'county' ? { placeName: f.placeName.trim() } : {}),
      startDate: f.startDate,
      monthlyIncomeYuan: Number(income),
    },
  };
}

/** `3500.5` yuan from fen, without trailing zeros. */
const yuanText = (fen: number): string => `${(fen / 100).toFixed(2).replace(/\.?0+$/, '')}元`;

function ReportRow({ r }: { r: EmploymentView }) {
  const where = r.placeDetail ?? r.region?.name ?? null;
  return (
    <View className="czt-card emp-report" data-id={r.id}>
      <View className="emp-report-head">
        <Text className="czt-card-title emp-report-status">{r.statusName}</Text>
        <Text className="emp-report-date">{`${dateText(chinaToday(Date.parse(r.reportedAt)))}登记`}</Text>
      </View>
      {r.employer ? <Text className="emp-fact">{`单位：${r.employer}`}</Text> : null}
      {r.occupation ? <Text className="emp-fact">{`工种：${r.occupation}`}</Text> : null}
      {r.placeName ? <Text className="emp-fact">{`地点：${r.placeName}${where ? ` ${where}` : ''}`}</Text> : null}
      {r.startDate ? <Text className="emp-fact">{`开始工作：${dateText(r.startDate)}`}</Text> : null}
      {r.monthlyIncomeFen !== null ? <Text className="emp-fact emp-income">{`月收入：${yuanText(r.monthlyIncomeFen)}`}</Text> : null}
    </View>
  );
}

export default function EmploymentPage() {
  const session = useSession();
  const registered = session.me?.registered === true;
  const { mine, mineError, loadMine, report } = useEmploymentStore(
    useShallow((s) => ({ mine: s.mine, mineError: s.mineError, loadMine: s.loadMine, report: s.report })),
  );
  useEffect(() => {
    if (registered) void loadMine();
  }, [registered, loadMine]);
  useDidShow(() => {
    if (useSessionStore.getState().me?.registered) void useEmploymentStore.getState().loadMine();
  });
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const requestId = useRef<string | null>(null);
  const today = chinaToday();

  const patch = (p: Partial<Form>) => {
    requestId.current = null;
    setForm((f) => ({ ...f, ...p }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(p)) delete next[(k === 'status' ? 'status' : k) as Field];
      return next;
    });
  };

  const submit = async () => {
    if (sending) return;
    const checked = reportOf(form, today);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    requestId.current = requestId.current ?? newRequestId();
    setSending(true);
    setNotice(null);
    try {
      await report(checked.input, { requestId: requestId.current });
      requestId.current = null;
      setForm(EMPTY);
      setErrors({});
      void Taro.showToast({ title: '已登记', icon: 'success' });
    } catch (e) {
      if (!isApiError(e) || e.code !== 'NETWORK') requestId.current = null;
      setNotice(messageOf(e));
      showError(e);
    } finally {
      setSending(false);
    }
  };

  const loading = session.loading || (registered && mine === null && !mineError);
  const working = form.status !== null && form.status !== 'seeking';

  return (
    <PageShell className="page-employment" loading={loading} error={session.error} onRetry={() => void session.load()}>
      {session.me && !registered ? (
        <RegisterPrompt text="就业登记前，请先完成实名登记" />
      ) : (
        <>
          <View className="czt-form">
            <View className="czt-field">
              <Text className="czt-label">现在的就业情况</Text>
              <View className="czt-options">
                {STATUSES.map((s) => (
                  <View
                    key={s.value}
                    id={`employment-status-${s.value}`}
                    className={`czt-option ${form.status === s.value ? 'is-selected' : ''}`}
                    onClick={() => patch({ status: s.value })}
                  >
                    <Text>{s.name}</Text>
                  </View>
                ))}
              </View>
              {errors.status ? <Text className="czt-error">{errors.status}</Text> : null}
            </View>
            {working ? (
              <>
                <View className="czt-field">
                  <Text className="czt-label">
                    工作单位{form.status === 'employed' ? null : <Text className="czt-optional">（选填）</Text>}
                  </Text>
                  <Input
                    id="employment-employer"
                    className={`czt-input ${errors.employer ? 'has-error' : ''}`}
                    type="text"
                    maxlength={40}
                    placeholder={form.status === 'employed' ? '单位名称' : '店名或单位名称'}
                    value={form.employer}
                    onInput={(e) => patch({ employer: e.detail.value })}
                  />
                  {errors.employer ? <Text className="czt-error employment-employer-error">{errors.employer}</Text> : null}
                </View>
                <View className="czt-field">
                  <Text className="czt-label">
                    工种<Text className="czt-optional">（选填）</Text>
                  </Text>
                  <Input
                    id="employment-occupation"
                    className="czt-input"
                    type="text"
                    maxlength={20}
                    placeholder="如 养老护理员"
                    value={form.occupation}
                    onInput={(e) => patch({ occupation: e.detail.value })}
                  />
                </View>
                <View className="czt-field">
                  <Text className="czt-label">工作地点</Text>
                  <View className="czt-options">
                    {PLACES.map((p) => (
                      <View
                        key={p.value}
                        id={`employment-place-${p.value}`}
                        className={`czt-option ${form.place === p.value ? 'is-selected' : ''}`}
                        onClick={() => patch({ place: p.value })}
                      >
                        <Text>{p.name}</Text>
                      </View>
                    ))}
                  </View>
                  {errors.place ? <Text className="czt-error">{errors.place}</Text> : null}
                </View>
                {form.place && form.place !== 'county' ? (
                  <View className="czt-field">
                    <Text className="czt-label">在哪里工作</Text>
                    <Input
                      id="employment-place-name"
                      className={`czt-input ${errors.placeName ? 'has-error' : ''}`}
                      type="text"
                      maxlength={40}
                      placeholder="如 太原市小店区"
                      value={form.placeName}
                      onInput={(e) => patch({ placeName: e.detail.value })}
                    />
                    {errors.placeName ? <Text className="czt-error employment-place-name-error">{errors.placeName}</Text> : null}
                  </View>
                ) : null}
                <View className="czt-field">
                  <Text className="czt-label">开始工作日期</Text>
                  <Picker
                    id="employment-start-date"
                    mode="date"
                    value={form.startDate || today}
                    end={today}
                    onChange={(e) => patch({ startDate: e.detail.value })}
                  >
                    <View className={`czt-select ${form.startDate ? 'is-chosen' : ''}`}>
                      <Text className="czt-select-text">{form.startDate ? dateText(form.startDate) : '请选择日期'}</Text>
                      <Text className="czt-arrow">˅</Text>
                    </View>
                  </Picker>
                  {errors.startDate ? <Text className="czt-error employment-start-date-error">{errors.startDate}</Text> : null}
                </View>
                <View className="czt-field">
                  <Text className="czt-label">每月收入（元）</Text>
                  <Input
                    id="employment-income"
                    className={`czt-input ${errors.income ? 'has-error' : ''}`}
                    type="number"
                    maxlength={6}
                    placeholder="如 3500"
                    value={form.income}
                    onInput={(e) => patch({ income: e.detail.value })}
                  />
                  {errors.income ? <Text className="czt-error employment-income-error">{errors.income}</Text> : null}
                </View>
              </>
            ) : null}
          </View>
          {notice ? (
            <View id="employment-error" className="czt-notice">
              <Text>{notice}</Text>
            </View>
          ) : null}
          <View className="czt-actions">
            <Button id="employment-submit" className="czt-primary-button" type="primary" size="xlarge" block loading={sending} onClick={() => void submit()}>
              提交登记
            </Button>
          </View>
          {mineError && !mine ? (
            <View className="czt-notice" onClick={() => void loadMine()}>
              <Text>{`${mineError.message}（点此重试）`}</Text>
            </View>
          ) : null}
          {mine && mine.length > 0 ? (
            <View className="emp-history" id="employment-history">
              <Text className="czt-label emp-history-title">登记记录</Text>
              {mine.map((r) => (
                <ReportRow key={r.id} r={r} />
              ))}
            </View>
          ) : null}
        </>
      )}
    </PageShell>
  );
}

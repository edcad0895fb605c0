/**
 * 就业登记: report employment (R8.1; every report is kept, D25) and see what was reported.
 * Someone seeking work gives nothing else; others give place, start date and monthly income.
 */
import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { EmploymentReportInput, EmploymentStatus, EmploymentView, WorkPlace } from '../../../cloudfunctions/contract';
import { chinaDateOf, chinaToday, dateTextOf } from '../../../cloudfunctions/core/china-date';
import { EMPLOYMENT_STATUS_NAMES, WORK_PLACE_NAMES } from '../../../cloudfunctions/core/employment';
import { ChoiceField, FieldError, FieldLabel, TextField } from '../../components/form-field';
import { useLoadForRegistered } from '../../components/page-data';
import { Notice, RetryNotice, WideButton } from '../../components/page-parts';
import { PageShell, RegisterPrompt } from '../../components/page-shell';
import { useConfirmedAction } from '../../components/use-confirmed-action';
import { useSession } from '../../components/use-session';
import { useEmploymentStore } from '../../stores/use-employment-store';
import { dayDateText } from '../../utils/certificate-text';
import { EMPTY_FORM, type EmploymentErrors, type EmploymentForm, reportOf } from '../../utils/employment-form';
import './index.scss';

const choicesOf = <V extends string>(names: Record<V, string>) =>
  (Object.keys(names) as V[]).map((value) => ({ value, name: names[value] }));
const STATUSES = choicesOf<EmploymentStatus>(EMPLOYMENT_STATUS_NAMES);
const PLACES = choicesOf<WorkPlace>(WORK_PLACE_NAMES);

/** `3500.5` yuan from fen, without trailing zeros. */
const yuanText = (fen: number): string => `${(fen / 100).toFixed(2).replace(/\.?0+$/, '')}元`;

function ReportRow({ r }: { r: EmploymentView }) {
  const where = r.placeDetail ?? r.region?.name ?? null;
  return (
    <View className="czt-card emp-report" data-id={r.id}>
      <View className="emp-report-head">
        <Text className="czt-card-title emp-report-status">{r.statusName}</Text>
        <Text className="emp-report-date">{`${dateTextOf(r.reportedAt)}登记`}</Text>
      </View>
      {r.employer ? <Text className="emp-fact">{`单位：${r.employer}`}</Text> : null}
      {r.occupation ? <Text className="emp-fact">{`工种：${r.occupation}`}</Text> : null}
      {r.placeName ? <Text className="emp-fact">{`地点：${r.placeName}${where ? ` ${where}` : ''}`}</Text> : null}
      {r.startDate ? <Text className="emp-fact">{`开始工作：${dayDateText(r.startDate)}`}</Text> : null}
      {r.monthlyIncomeFen !== null ? <Text className="emp-fact emp-income">{`月收入：${yuanText(r.monthlyIncomeFen)}`}</Text> : null}
    </View>
  );
}

interface FieldsProps {
  form: EmploymentForm;
  errors: EmploymentErrors;
  today: string;
  patch: (p: Partial<EmploymentForm>) => void;
}

type TextKey = 'employer' | 'occupation' | 'placeName' | 'income';

/** Where, since when and for how much: asked of everyone but those seeking work. */
function WorkFields({ form, errors, today, patch }: FieldsProps) {
  const employed = form.status === 'employed';
  // `placeName` → `#employment-place-name`, `.employment-place-name-error`.
  const text = (key: TextKey, label: string, maxlength: number, placeholder: string, more: { optional?: boolean; number?: boolean } = {}) => {
    const id = `employment-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    return (
      <TextField
        id={id}
        label={label}
        optional={more.optional}
        type={more.number ? 'number' : 'text'}
        maxlength={maxlength}
        placeholder={placeholder}
        value={form[key]}
        onInput={(v) => patch({ [key]: v })}
        error={errors[key as keyof EmploymentErrors]}
        errorClassName={`${id}-error`}
      />
    );
  };
  return (
    <>
      {text('employer', '工作单位', 40, employed ? '单位名称' : '店名或单位名称', { optional: !employed })}
      {text('occupation', '工种', 20, '如 养老护理员', { optional: true })}
      <ChoiceField idPrefix="employment-place" label="工作地点" choices={PLACES} chosen={form.place} onChoose={(place) => patch({ place })} error={errors.place} />
      {form.place && form.place !== 'county' ? text('placeName', '在哪里工作', 40, '如 太原市小店区') : null}
      <View className="czt-field">
        <FieldLabel label="开始工作日期" />
        <Picker id="employment-start-date" mode="date" value={form.startDate || today} end={today} onChange={(e) => patch({ startDate: e.detail.value })}>
          <View className={`czt-select ${form.startDate ? 'is-chosen' : ''}`}>
            <Text className="czt-select-text">{form.startDate ? dayDateText(form.startDate) : '请选择日期'}</Text>
            <Text className="czt-arrow">˅</Text>
          </View>
        </Picker>
        <FieldError error={errors.startDate} className="employment-start-date-error" />
      </View>
      {text('income', '每月收入（元）', 6, '如 3500', { number: true })}
    </>
  );
}

export default function EmploymentPage() {
  const session = useSession();
  const registered = session.me?.registered === true;
  const { mine, mineError, loadMine, report } = useEmploymentStore(
    useShallow((s) => ({ mine: s.mine, mineError: s.mineError, loadMine: s.loadMine, report: s.report })),
  );
  useLoadForRegistered(registered, loadMine);
  const [form, setForm] = useState<EmploymentForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<EmploymentErrors>({});
  const flow = useConfirmedAction((input: EmploymentReportInput, options) => report(input, options), {
    doneTitle: '已登记',
    freshNotice: true,
    onDone: () => {
      setForm(EMPTY_FORM);
      setErrors({});
    },
  });
  // The phone's clock, read as the app reads it everywhere (Date.now), in China time.
  const now = new Date(Date.now());
  const today = chinaToday(now);

  const patch = (p: Partial<EmploymentForm>) => {
    // A changed form is a new report: it gets a new request id.
    flow.renew();
    setForm((f) => ({ ...f, ...p }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(p)) delete next[k as keyof EmploymentErrors];
      return next;
    });
  };

  const submit = () => {
    if (flow.busy) return;
    const checked = reportOf(form, chinaDateOf(now));
    if ('errors' in checked) setErrors(checked.errors);
    else void flow.submit(checked.input);
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
            <ChoiceField idPrefix="employment-status" label="现在的就业情况" choices={STATUSES} chosen={form.status} onChoose={(status) => patch({ status })} error={errors.status} />
            {working ? <WorkFields form={form} errors={errors} today={today} patch={patch} /> : null}
          </View>
          <Notice id="employment-error" text={flow.notice} />
          <View className="czt-actions">
            <WideButton id="employment-submit" loading={flow.busy} onClick={submit}>
              提交登记
            </WideButton>
          </View>
          {mine ? null : <RetryNotice message={mineError?.message} onRetry={() => void loadMine()} />}
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

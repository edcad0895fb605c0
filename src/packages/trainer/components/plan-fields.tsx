/**
 * 开班's fields (R11.3), each a row of large choices or a picker, never a code typed by hand:
 * occupation and level (only what the institution may train), project, vouchers, township of the
 * institution's county, mode, seats, attendance needed. After approval only seats and sessions
 * may change; the rest is shown as it stands.
 */
import { Text, View } from '@tarojs/components';
import type { ClassMode, InstitutionView, ProjectView, Region, VoucherCatalogueItem } from '../../../../cloudfunctions/contract';
import { MODE_NAMES } from '../../../../cloudfunctions/core/classes';
import { ChoiceField, MultiChoiceField, TextField } from '../../../components/form-field';
import { RetryNotice } from '../../../components/page-parts';
import type { ApiError } from '../../../api/client';
import { levelName } from '../../../utils/class-text';
import type { PlanErrors, PlanField, PlanForm } from '../utils/plan-form';

const MODES = (Object.keys(MODE_NAMES) as ClassMode[]).map((m) => ({ value: m, name: MODE_NAMES[m] }));
const RATIOS = [0.5, 0.6, 0.7, 0.8, 0.9, 1].map((r) => ({ value: String(r), name: `${Math.round(r * 100)}%` }));
const SELF = [
  { value: 'no', name: '只能用券报名' },
  { value: 'yes', name: '也可自费报名' },
];

export interface PlanFieldsProps {
  form: PlanForm;
  errors: PlanErrors;
  change: (patch: Partial<PlanForm>, field?: PlanField) => void;
  institution: InstitutionView;
  projects: ProjectView[];
  townships: Region[];
  voucherTypes: VoucherCatalogueItem[] | null;
  voucherTypesError: ApiError | null;
  reloadVoucherTypes: () => void;
}

/** Occupation, level and project: the institution's own occupations and levels only. */
export function WhatFields({ form, errors, change, institution, projects }: PlanFieldsProps) {
  const train = institution.trains.find((t) => t.occupationCode === form.occupationCode);
  const usable = projects.filter((p) => p.active && (p.occupations.length === 0 || p.occupations.some((o) => o.code === form.occupationCode)));
  return (
    <>
      <ChoiceField
        idPrefix="plan-occupation"
        label="职业（工种）"
        choices={institution.trains.map((t) => ({ value: t.occupationCode, name: t.occupationName }))}
        chosen={form.occupationCode}
        onChoose={(occupationCode) => change({ occupationCode, level: null, projectId: '' }, 'occupation')}
        error={errors.occupation}
      />
      {train ? (
        <ChoiceField
          idPrefix="plan-level"
          label="等级"
          choices={train.levels.map((l) => ({ value: String(l), name: levelName(l) }))}
          chosen={form.level === null ? null : String(form.level)}
          onChoose={(level) => change({ level: Number(level) }, 'level')}
          error={errors.level}
        />
      ) : null}
      {usable.length > 0 ? (
        <ChoiceField idPrefix="plan-project" label="培训项目" choices={[{ value: '', name: '不属于项目' }, ...usable.map((p) => ({ value: p.id, name: p.name }))]} chosen={form.projectId} onChoose={(projectId) => change({ projectId })} />
      ) : null}
    </>
  );
}

/** The vouchers it takes, and whether people may also pay themselves. */
export function VoucherFields({ form, errors, change, voucherTypes, voucherTypesError, reloadVoucherTypes }: PlanFieldsProps) {
  return (
    <>
      {voucherTypes ? (
        <MultiChoiceField idPrefix="plan-type" label="可用的培训券" choices={voucherTypes.map((t) => ({ value: t.code, name: t.name }))} chosen={form.acceptedTypes} onChange={(acceptedTypes) => change({ acceptedTypes }, 'types')} error={errors.types} />
      ) : (
        <View className="czt-field">
          <Text className="czt-label">可用的培训券</Text>
          <RetryNotice className="plan-types-error" message={voucherTypesError ? `培训券种类没有加载：${voucherTypesError.message}` : '正在加载培训券种类…'} onRetry={reloadVoucherTypes} />
        </View>
      )}
      <ChoiceField idPrefix="plan-self" label="自费" choices={SELF} chosen={form.selfFunded ? 'yes' : 'no'} onChoose={(v) => change({ selfFunded: v === 'yes' }, 'types')} error={voucherTypes ? null : errors.types} />
    </>
  );
}

/** Where and how: a township of the institution's county, and the mode. */
export function PlaceFields({ form, errors, change, townships }: PlanFieldsProps) {
  return (
    <>
      <ChoiceField idPrefix="plan-township" label="上课乡镇" choices={townships.map((t) => ({ value: t.code, name: t.name }))} chosen={form.townshipCode} onChoose={(townshipCode) => change({ townshipCode }, 'township')} error={errors.township} />
      <ChoiceField idPrefix="plan-mode" label="上课方式" choices={MODES} chosen={form.mode} onChoose={(mode) => change({ mode })} />
    </>
  );
}

/** Seats, and the share of sessions a trainee must attend to complete (R6.5). */
export function CapacityField({ form, errors, change }: Pick<PlanFieldsProps, 'form' | 'errors' | 'change'>) {
  return <TextField id="plan-capacity" label="人数上限" type="number" maxlength={3} placeholder="1–500" value={form.capacity} onInput={(capacity) => change({ capacity }, 'capacity')} error={errors.capacity} errorClassName="plan-capacity-error" />;
}

export function RatioField({ form, change }: Pick<PlanFieldsProps, 'form' | 'change'>) {
  return <ChoiceField idPrefix="plan-ratio" label="出勤达到多少算完成培训" compact choices={RATIOS} chosen={String(form.minAttendanceRatio)} onChoose={(r) => change({ minAttendanceRatio: Number(r) })} />;
}

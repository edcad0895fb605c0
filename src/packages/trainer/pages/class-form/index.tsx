/**
 * 开班 / 修改班级 (R11.3): a class planned by a trainer — name, occupation and level (what the
 * institution may train, from `institution.get`), project, vouchers, township, mode, seats,
 * sessions and attendance needed — saved as a draft (`?institutionId=`) or changed (`?classId=`),
 * then 提交审核. After approval only seats and sessions change. 保存 sends one request id per
 * form as it stands, so a retry after a lost answer never makes a second class.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { InstitutionView, ProjectView, Region, TrainerClassView } from '../../../../../cloudfunctions/contract';
import { chinaToday } from '../../../../../cloudfunctions/core/china-date';
import { call } from '../../../../api/client';
import { neededPageState } from '../../../../components/page-data';
import { Notice, WideButton } from '../../../../components/page-parts';
import { EmptyState, PageShell } from '../../../../components/page-shell';
import { TextField } from '../../../../components/form-field';
import { useConfirmedAction } from '../../../../components/use-confirmed-action';
import { useSession } from '../../../../components/use-session';
import { occupationText, placeText } from '../../../../utils/class-text';
import { pageParam } from '../../../../utils/page-param';
import { CapacityField, PlaceFields, type PlanFieldsProps, RatioField, VoucherFields, WhatFields } from '../../components/plan-fields';
import { PlanSubmit } from '../../components/plan-submit';
import { SessionsEditor } from '../../components/sessions-editor';
import { usePlanStore } from '../../stores/use-plan-store';
import { useTrainerStore } from '../../stores/use-trainer-store';
import { type PlanErrors, type PlanField, type PlanForm, changeOf, emptyPlan, fieldOfCode, inputOf, planErrors, planOf, suggestedName } from '../../utils/plan-form';
import { trainerBindings, workbenchOf } from '../../utils/workbench';
import '../../trainer.scss';
import '../../plan.scss';

interface FormProps {
  institution: InstitutionView;
  projects: ProjectView[];
  townships: Region[];
  /** The class being changed; null for a new one. */
  existing: TrainerClassView | null;
  onSaved: (view: TrainerClassView) => void;
}

function useVoucherTypes() {
  const types = usePlanStore((s) => s.voucherTypes.values[''] ?? null);
  const error = usePlanStore((s) => s.voucherTypes.errors[''] ?? null);
  return { voucherTypes: types, voucherTypesError: error, reloadVoucherTypes: () => void usePlanStore.getState().loadVoucherTypes() };
}

function Form({ institution, projects, townships, existing, onSaved }: FormProps) {
  const today = chinaToday(new Date());
  const [form, setForm] = useState<PlanForm>(() => (existing ? planOf(existing) : emptyPlan(today)));
  const [errors, setErrors] = useState<PlanErrors>({});
  const [nameTouched, setNameTouched] = useState(Boolean(existing));
  const [dirty, setDirty] = useState(false);
  const edit = existing?.editable ?? 'all';
  const flow = useConfirmedAction((f: PlanForm, options) => (existing ? call('training', 'updateClass', changeOf(existing, f), options) : call('training', 'createClass', inputOf(f, institution.id), options)), {
    keepAfterRefusal: true,
    toastFailures: false,
    doneTitle: '已保存',
    onDone: (view) => {
      setDirty(false);
      onSaved(view);
    },
    onFailed: (error) => {
      const field = fieldOfCode(error.code);
      if (field) setErrors((e) => ({ ...e, [field]: error.message }));
    },
  });
  const change = (patch: Partial<PlanForm>, field?: PlanField) => {
    setForm((f) => {
      const next = { ...f, ...patch };
      const occupation = institution.trains.find((t) => t.occupationCode === next.occupationCode);
      const township = townships.find((t) => t.code === next.townshipCode);
      return !nameTouched && occupation ? { ...next, name: suggestedName(occupation.occupationName, next.level, township?.name ?? '') } : next;
    });
    if (field) setErrors(({ [field]: _gone, ...rest }) => rest);
    setDirty(true);
    flow.renew();
    flow.setNotice(null);
  };
  const save = () => {
    const found = planErrors(form, new Date(), existing?.enrolled ?? 0, edit);
    setErrors(found);
    if (Object.keys(found).length > 0) return flow.setNotice('请按红字改正后再保存');
    void flow.submit(form);
  };
  const submitted = (view: TrainerClassView) => {
    onSaved(view);
    void Taro.navigateBack();
  };
  const fields: PlanFieldsProps = { form, errors, change, institution, projects, townships, ...useVoucherTypes() };
  const canSubmit = existing && (existing.status === 'draft' || existing.status === 'rejected');
  return (
    <>
      {canSubmit ? <PlanSubmit c={existing} dirty={dirty} onSubmitted={submitted} /> : null}
      <View className="czt-form plan-form">
        {edit === 'all' ? (
          <>
            <TextField id="plan-name" label="班级名称" type="text" maxlength={40} placeholder="选好职业和乡镇后自动填写，可修改" value={form.name} onInput={(name) => {
                setNameTouched(true);
                change({ name }, 'name');
              }} error={errors.name} />
            <WhatFields {...fields} />
            <VoucherFields {...fields} />
            <PlaceFields {...fields} />
          </>
        ) : existing ? (
          <View className="plan-fixed">
            <Text className="plan-fixed-line">{`${occupationText(existing)} · ${placeText(existing)} · ${existing.modeName}`}</Text>
            <Text className="czt-help">已通过审核：只能修改人数上限和上课时间，已报名的学员会收到通知。</Text>
          </View>
        ) : null}
        <CapacityField {...fields} />
        <SessionsEditor sessions={form.sessions} today={today} onChange={(sessions) => change({ sessions }, 'sessions')} error={errors.sessions} />
        {edit === 'all' ? <RatioField {...fields} /> : null}
        <Notice className="plan-notice" text={flow.notice} />
        <WideButton id="plan-save" kind={canSubmit && !dirty ? 'secondary' : 'primary'} loading={flow.busy} row onClick={save}>
          {existing ? '保存修改' : '保存为草稿'}
        </WideButton>
      </View>
    </>
  );
}

/** The class being changed, when `?classId=` (or once a new one is saved). */
function useExisting(classId: string) {
  const existing = usePlanStore((s) => (classId ? s.classes.values[classId] ?? null : null));
  const error = usePlanStore((s) => (classId ? s.classes.errors[classId] ?? null : null));
  return { existing, error };
}

export default function TrainerClassFormPage() {
  const session = useSession();
  const [classId, setClassId] = useState(pageParam('classId'));
  const { existing, error: classError } = useExisting(classId);
  const binding = workbenchOf(trainerBindings(session.me), pageParam('institutionId'), existing?.institution.id, useTrainerStore.getState().institutionId);
  const institutionId = existing?.institution.id ?? (classId ? '' : binding?.institutionId ?? '');
  const s = usePlanStore(useShallow((x) => ({ institutions: x.institutions, projects: x.projects, townships: x.townships })));
  const institution = s.institutions.values[institutionId] ?? null;
  const countyCode = institution?.county.code ?? '';
  useEffect(() => {
    if (classId && !usePlanStore.getState().classes.values[classId]) void usePlanStore.getState().loadClass(classId);
  }, [classId]);
  useEffect(() => {
    if (!institutionId) return;
    void usePlanStore.getState().loadInstitution(institutionId);
    void usePlanStore.getState().loadProjects(institutionId);
    void usePlanStore.getState().loadVoucherTypes();
  }, [institutionId]);
  useEffect(() => {
    if (countyCode) void usePlanStore.getState().loadTownships(countyCode);
  }, [countyCode]);
  const allowed = Boolean(binding);
  const page = neededPageState(session, allowed, [
    ...(classId ? [{ value: existing, error: classError, retry: () => usePlanStore.getState().loadClass(classId) }] : []),
    { value: institution, error: s.institutions.errors[institutionId] ?? null, retry: () => usePlanStore.getState().loadInstitution(institutionId) },
    { value: s.projects.values[institutionId], error: s.projects.errors[institutionId] ?? null, retry: () => usePlanStore.getState().loadProjects(institutionId) },
    { value: s.townships.values[countyCode], error: s.townships.errors[countyCode] ?? null, retry: () => usePlanStore.getState().loadTownships(countyCode) },
  ]);
  const saved = (view: TrainerClassView) => {
    usePlanStore.getState().putClass(view);
    useTrainerStore.getState().putClass(view);
    setClassId(view.id);
  };
  const projects = s.projects.values[institutionId];
  const townships = s.townships.values[countyCode];
  return (
    <PageShell className="page-trainer-class-form" {...page}>
      {!binding ? (
        <EmptyState title="您还不是培训机构人员" text="请用人社部门发来的邀请开通" />
      ) : institution && projects && townships ? (
        <>
          <View className="czt-hero">
            <Text className="czt-hero-title">{existing ? '修改班级' : '开班'}</Text>
            <Text className="czt-hero-text">{existing ? `${existing.name} · ${existing.statusName}` : institution.name}</Text>
          </View>
          {existing?.review && !existing.review.approved ? <Notice className="plan-rejected" text={`未通过审核：${existing.review.reason ?? ''}`} /> : null}
          {institution.status !== 'active' && !existing ? (
            <EmptyState title="本机构已暂停" text="暂停期间不能开新班，请联系县人社部门" />
          ) : existing && existing.editable === 'none' ? (
            <EmptyState title="这个班现在不能修改" text="已开课、正在取消或已取消的班不能修改" />
          ) : (
            <Form key={existing?.id ?? 'new'} institution={institution} projects={projects} townships={townships} existing={existing} onSaved={saved} />
          )}
        </>
      ) : null}
    </PageShell>
  );
}

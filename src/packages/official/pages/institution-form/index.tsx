/**
 * 新增机构 / 修改机构 (R11.1): name, 统一社会信用代码 (checked as it is typed, with core's rule),
 * kind, township (a county inside the caller's region; the county stays on a change), address,
 * contact, and the occupations and levels it may train. One main action, 保存: one request id
 * per form as it stands (a retry after a lost answer is the same request).
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { InstitutionKind, InstitutionView, Region, RoleBinding } from '../../../../../cloudfunctions/contract';
import { INSTITUTION_KIND_NAMES } from '../../../../../cloudfunctions/core/institutions';
import { call } from '../../../../api/client';
import { ChoiceField, TextField } from '../../../../components/form-field';
import { Hero, Notice, WideButton } from '../../../../components/page-parts';
import { neededPageState } from '../../../../components/page-data';
import { LoadingState, PageShell } from '../../../../components/page-shell';
import { RegionChooser } from '../../../../components/region-chooser';
import { useConfirmedAction } from '../../../../components/use-confirmed-action';
import { URLS, withQuery } from '../../../../utils/routes';
import { NoAccess } from '../../components/no-access';
import { TrainsEditor } from '../../components/trains-editor';
import { useInstitutionParam } from '../../components/use-institution-param';
import { useOfficialRole } from '../../components/use-official-role';
import { useSupplyStore } from '../../stores/use-supply-store';
import { type FormErrors, type InstitutionForm, changeOf, creditCodeHint, emptyForm, fieldOfCode, formErrors, formOf, inputOf } from '../../utils/institution-form';
import { regionsInside } from '../../utils/region-tree';
import '../../official.scss';
import '../../supply.scss';

const KIND_CHOICES = (Object.keys(INSTITUTION_KIND_NAMES) as InstitutionKind[]).map((k) => ({ value: k, name: INSTITUTION_KIND_NAMES[k] }));

function useSave(editing: InstitutionView | null, setErrors: (e: FormErrors) => void) {
  return useConfirmedAction(
    (form: InstitutionForm, options) => (editing ? call('institution', 'update', changeOf(editing, form), options) : call('institution', 'create', inputOf(form), options)),
    {
      keepAfterRefusal: true,
      toastFailures: false,
      doneTitle: '已保存',
      onDone: (view: InstitutionView) => {
        useSupplyStore.getState().putInstitution(view);
        if (editing) void Taro.navigateBack();
        else void Taro.redirectTo({ url: withQuery(URLS.officialInstitution, { institutionId: view.id }) });
      },
      onFailed: (error) => {
        const field = fieldOfCode(error.code);
        if (field) setErrors({ [field]: error.message });
      },
    },
  );
}

interface FormProps {
  binding: RoleBinding;
  regions: Region[];
  editing: InstitutionView | null;
}

function Form({ binding, regions, editing }: FormProps) {
  const occupations = useSupplyStore((s) => s.occupations);
  const [form, setForm] = useState<InstitutionForm>(() => (editing ? formOf(editing) : emptyForm(null)));
  const [errors, setErrors] = useState<FormErrors>({});
  const [creditBlurred, setCreditBlurred] = useState(false);
  const flow = useSave(editing, setErrors);
  const change = (patch: Partial<InstitutionForm>, field?: keyof FormErrors) => {
    setForm((f) => ({ ...f, ...patch }));
    if (field) setErrors(({ [field]: _gone, ...rest }) => rest);
    flow.renew();
    flow.setNotice(null);
  };
  const save = () => {
    const found = formErrors(form);
    setErrors(found);
    if (Object.keys(found).length > 0) return flow.setNotice('请按红字改正后再保存');
    void flow.submit(form);
  };
  const places = regionsInside(regions, editing ? editing.county.code : binding.regionCode ?? '');
  const text = (id: string, label: string, field: 'name' | 'address' | 'contactName' | 'contactPhone', max: number, placeholder: string) => (
    <TextField id={id} label={label} type="text" maxlength={max} placeholder={placeholder} value={form[field]} onInput={(v) => change({ [field]: v }, field)} error={errors[field]} />
  );
  return (
    <View className="czt-form institution-form">
      {text('inst-name', '机构名称', 'name', 60, '与营业执照或登记证书一致')}
      <TextField
        id="inst-credit"
        label="统一社会信用代码"
        type="text"
        maxlength={22}
        placeholder="18位，见营业执照"
        value={form.creditCode}
        onInput={(v) => change({ creditCode: v }, 'creditCode')}
        onBlur={() => setCreditBlurred(true)}
        error={errors.creditCode ?? creditCodeHint(form.creditCode, creditBlurred)}
        errorClassName="inst-credit-error"
      />
      <ChoiceField idPrefix="inst-kind" label="机构类型" choices={KIND_CHOICES} chosen={form.kind} onChoose={(kind) => change({ kind }, 'kind')} error={errors.kind} />
      <RegionChooser idPrefix="inst" label="所在乡镇" regions={places} countyCode={form.countyCode} townshipCode={form.townshipCode} onChange={(countyCode, townshipCode) => change({ countyCode, townshipCode }, 'township')} error={errors.township} />
      {text('inst-address', '详细地址', 'address', 100, '如：圪洞镇新华街12号')}
      {text('inst-contact', '联系人', 'contactName', 20, '姓名')}
      {text('inst-phone', '联系电话', 'contactPhone', 20, '手机号码或带区号的固定电话')}
      {occupations ? <TrainsEditor occupations={occupations} trains={form.trains} onChange={(trains) => change({ trains }, 'trains')} error={errors.trains} /> : <LoadingState />}
      <Notice className="institution-form-notice" text={flow.notice} />
      <WideButton id="institution-save" loading={flow.busy} row onClick={save}>
        保存
      </WideButton>
      <Text className="czt-footnote">保存后可在机构详情里添加评价备案、邀请老师。</Text>
    </View>
  );
}

export default function OfficialInstitutionFormPage() {
  const { session, binding } = useOfficialRole();
  const allowed = Boolean(binding);
  const { institutionId, regions, institution: editing, needs } = useInstitutionParam(allowed, () => void useSupplyStore.getState().loadOccupations());
  const page = neededPageState(session, allowed, needs);
  return (
    <PageShell className="page-official-institution-form" {...page}>
      {!binding ? (
        <NoAccess />
      ) : regions && (editing || !institutionId) ? (
        <>
          <Hero title={editing ? '修改机构信息' : '新增机构'} text={editing ? editing.name : `${binding.regionName ?? '本辖区'}的培训机构`} />
          <Form key={editing?.id ?? 'new'} binding={binding} regions={regions} editing={editing} />
        </>
      ) : null}
    </PageShell>
  );
}

/**
 * 评价备案 (R11.1, R1.3): an institution's evaluation registrations — occupation, levels, number,
 * validity, in force or not — with 终止 (a reason needed), and the form adding one. Each sends
 * one request id per confirmation; the institution as answered replaces the one shown.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { InstitutionView } from '../../../../cloudfunctions/contract';
import { addDays, addMonths, chinaDateOf, chinaToday, formatDate } from '../../../../cloudfunctions/core/china-date';
import { ERROR_MESSAGES } from '../../../../cloudfunctions/core/errors';
import { levelsProblem, registrationProblem } from '../../../../cloudfunctions/core/institutions';
import { call } from '../../../api/client';
import { DatePicker } from '../../../components/choice-picker';
import { TextField } from '../../../components/form-field';
import { ReasonConfirm } from '../../../components/reason-confirm';
import { draftSending, useConfirmedAction } from '../../../components/use-confirmed-action';
import { type Occupation, useSupplyStore } from '../stores/use-supply-store';
import { OccupationLevels } from './occupation-levels';
import { SupplyForm } from './supply-form';

type Registration = InstitutionView['registrations'][number];

const put = (view: InstitutionView) => useSupplyStore.getState().putInstitution(view);

function RegistrationRow({ r, onEnd }: { r: Registration; onEnd: (() => void) | null }) {
  const state = r.endedAt ? '已终止' : r.inForce ? '有效' : '不在有效期';
  return (
    <View className="supply-row registration-row" data-registration-id={r.id}>
      <View className="supply-head">
        <Text className="supply-row-title supply-head-title">{`${r.occupationName}（${r.levelsText}）`}</Text>
        <Text className={`supply-tag ${r.inForce ? 'is-evaluation' : ''}`}>{state}</Text>
      </View>
      <Text className="supply-line">{`备案编号 ${r.registrationNo}`}</Text>
      <Text className="supply-line">{`有效期 ${r.validFrom} 至 ${r.validUntil}`}</Text>
      {onEnd ? (
        <View className="supply-row-action is-danger registration-end" onClick={onEnd}>
          <Text>终止备案</Text>
        </View>
      ) : null}
    </View>
  );
}

export function RegistrationList({ institution }: { institution: InstitutionView }) {
  const flow = useConfirmedAction(
    (s: { registrationId: string; reason: string }, options) => call('institution', 'endRegistration', { institutionId: institution.id, ...s }, options),
    { doneTitle: '已终止', onDone: put, keepAfterRefusal: true },
  );
  const regs = institution.registrations;
  if (regs.length === 0) return <Text className="czt-card-text supply-none">还没有评价备案，不能录入鉴定结果</Text>;
  return (
    <View className="registration-list">
      {regs.map((r) =>
        flow.asking?.registrationId === r.id ? (
          <ReasonConfirm
            key={r.id}
            prefix="registration-end"
            question={`终止${r.occupationName}的评价备案？`}
            text="终止后，本机构不能再录入这个职业的鉴定结果，已发的证书不受影响。"
            reasonLabel="终止原因"
            placeholder="如：备案被撤销"
            confirmLabel="确认终止"
            danger
            flow={flow}
            onConfirm={(reason) => void flow.submit({ registrationId: r.id, reason })}
          />
        ) : (
          <RegistrationRow key={r.id} r={r} onEnd={r.endedAt ? null : () => flow.ask({ registrationId: r.id, reason: '' })} />
        ),
      )}
    </View>
  );
}

interface Draft {
  occupationCode: string | null;
  levels: number[];
  registrationNo: string;
  validFrom: string;
  validUntil: string;
}

/** Today, and three years from today less a day: the usual span of a registration. */
function freshDraft(): Draft {
  const today = chinaDateOf(new Date());
  const until = addDays(addMonths(today, 36), -1);
  return { occupationCode: null, levels: [], registrationNo: '', validFrom: formatDate(today), validUntil: formatDate(until) };
}

/** The phone's check of a registration as typed (core's rules; the server checks again). */
function draftProblem(d: Draft, occupations: Occupation[]): string | null {
  const occupation = occupations.find((o) => o.code === d.occupationCode);
  if (!occupation) return '请选择职业';
  const levels = levelsProblem(d.levels, occupation.levels);
  if (levels) return ERROR_MESSAGES[levels];
  const reg = registrationProblem(d, chinaToday(new Date()));
  return reg ? ERROR_MESSAGES[reg] : null;
}

export function RegistrationForm({ institutionId, occupations, onClose }: { institutionId: string; occupations: Occupation[]; onClose: () => void }) {
  const [draft, setDraft] = useState<Draft>(freshDraft);
  const flow = useConfirmedAction(
    (d: Draft, options) => call('institution', 'register', { institutionId, occupationCode: d.occupationCode as string, levels: d.levels, registrationNo: d.registrationNo.trim(), validFrom: d.validFrom, validUntil: d.validUntil }, options),
    {
      doneTitle: '已备案',
      keepAfterRefusal: true,
      toastFailures: false,
      onDone: (view) => {
        put(view);
        onClose();
      },
    },
  );
  const { change, send: save } = draftSending(flow, draft, setDraft, (d) => draftProblem(d, occupations));
  return (
    <SupplyForm prefix="registration" title="添加评价备案" flow={flow} saveLabel="保存备案" cancelLabel="不添加了" onSave={save} onClose={onClose}>
      <OccupationLevels idPrefix="assess" occupations={occupations} occupationCode={draft.occupationCode} levels={draft.levels} onChange={(occupationCode, levels) => change({ occupationCode, levels })} />
      <TextField id="registration-no" label="备案编号" type="text" maxlength={40} placeholder="如：晋人社评备〔2026〕12号" value={draft.registrationNo} onInput={(registrationNo) => change({ registrationNo })} />
      <DatePicker id="registration-from" label="有效期从" value={draft.validFrom} end={draft.validUntil} onChange={(validFrom) => change({ validFrom })} />
      <DatePicker id="registration-until" label="有效期至" value={draft.validUntil} start={draft.validFrom} onChange={(validUntil) => change({ validUntil })} />
    </SupplyForm>
  );
}

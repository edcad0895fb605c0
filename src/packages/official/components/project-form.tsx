/**
 * 新建项目 (项目库): a named programme (吕梁山护工, 岚县土豆宴厨师) — its region inside the
 * caller's, occupations, age bands, year and yearly target of trainees, and the 劳务品牌 it trains
 * for. Checked on the phone with the server's messages; 保存 sends one request id per form.
 */
import { useState } from 'react';
import type { Band, ProjectInput, ProjectView, Region } from '../../../../cloudfunctions/contract';
import { BAND_NAMES } from '../../../../cloudfunctions/core/age';
import { ERROR_MESSAGES } from '../../../../cloudfunctions/core/errors';
import { call } from '../../../api/client';
import { ChoiceField, MultiChoiceField, TextField } from '../../../components/form-field';
import { draftSending, useConfirmedAction } from '../../../components/use-confirmed-action';
import type { Occupation } from '../stores/use-supply-store';
import { thisYear } from '../utils/format';
import { RegionScope } from './region-scope';
import { SupplyForm } from './supply-form';

const BANDS: Band[] = ['A', 'B', 'C'];
const BAND_CHOICES = BANDS.map((b) => ({ value: b, name: `${b} ${BAND_NAMES[b]}` }));

interface Draft {
  name: string;
  regionCode: string;
  occupationCodes: string[];
  bands: Band[];
  year: string;
  target: string;
  brand: string;
}

function problemOf(d: Draft): string | null {
  const name = d.name.trim().length;
  if (name < 2 || name > 30) return ERROR_MESSAGES.PROJECT_NAME_INVALID;
  if (d.occupationCodes.length === 0) return '请至少选择一个职业（工种）';
  if (d.bands.length === 0) return ERROR_MESSAGES.BANDS_REQUIRED;
  if (!/^\d{1,7}$/.test(d.target.trim()) || Number(d.target) > 1_000_000) return ERROR_MESSAGES.PROJECT_TARGET_INVALID;
  return null;
}

const inputOf = (d: Draft): ProjectInput => ({
  name: d.name.trim(),
  regionCode: d.regionCode,
  occupationCodes: d.occupationCodes,
  bands: d.bands,
  year: Number(d.year),
  targetTrainees: Number(d.target.trim()),
  ...(d.brand.trim() ? { brand: d.brand.trim() } : {}),
});

export interface ProjectFormProps {
  regions: Region[];
  rootCode: string;
  occupations: Occupation[];
  onSaved: (project: ProjectView) => void;
  onClose: () => void;
}

export function ProjectForm({ regions, rootCode, occupations, onSaved, onClose }: ProjectFormProps) {
  const year = thisYear();
  const [draft, setDraft] = useState<Draft>({ name: '', regionCode: rootCode, occupationCodes: [], bands: ['A', 'B'], year: String(year), target: '', brand: '' });
  const flow = useConfirmedAction((d: Draft, options) => call('institution', 'createProject', inputOf(d), options), { doneTitle: '已保存', keepAfterRefusal: true, toastFailures: false, onDone: onSaved });
  const { change, send: save } = draftSending(flow, draft, setDraft, problemOf);
  const years = [year, year + 1].map((y) => ({ value: String(y), name: `${y}年` }));
  return (
    <SupplyForm prefix="project" title="新建培训项目" flow={flow} saveLabel="保存项目" cancelLabel="不新建了" onSave={save} onClose={onClose}>
      <TextField id="project-name" label="项目名称" type="text" maxlength={30} placeholder="如：岚县土豆宴厨师" value={draft.name} onInput={(name) => change({ name })} />
      <RegionScope idPrefix="project-region" label="负责的地区" regions={regions} rootCode={rootCode} value={draft.regionCode} onChange={(regionCode) => change({ regionCode })} />
      <MultiChoiceField idPrefix="project-occupation" label="培训的职业（工种）" choices={occupations.map((o) => ({ value: o.code, name: o.name }))} chosen={draft.occupationCodes} onChange={(occupationCodes) => change({ occupationCodes })} />
      <MultiChoiceField idPrefix="project-band" label="面向的年龄段" choices={BAND_CHOICES} chosen={draft.bands} onChange={(bands) => change({ bands })} />
      <ChoiceField idPrefix="project-year" label="年度" compact choices={years} chosen={draft.year} onChoose={(y) => change({ year: y })} />
      <TextField id="project-target" label="年度目标（人）" type="number" maxlength={7} placeholder="如：500" value={draft.target} onInput={(target) => change({ target })} />
      <TextField id="project-brand" label="劳务品牌" optional type="text" maxlength={30} placeholder="如：吕梁山护工" value={draft.brand} onInput={(brand) => change({ brand })} />
    </SupplyForm>
  );
}

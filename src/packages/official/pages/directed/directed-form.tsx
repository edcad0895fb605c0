/**
 * 定向发券's form (R12.2): the county whose quota the vouchers come from (a county official's own;
 * above a county, one chosen from tiles), the voucher type, and the list — pasted, one ID number
 * a line, or an .xlsx (chosen from a chat in the mini-program, from the computer in H5). 发放 sends
 * one request id per form as it stands; bad input is said before anything is sent where it can be.
 */
import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import type { DirectedJobView, Region, RoleBinding } from '../../../../../cloudfunctions/contract';
import { MAX_DIRECTED_LINES } from '../../../../../cloudfunctions/core/directed';
import { ChoiceField } from '../../../../components/form-field';
import { Notice, WideButton } from '../../../../components/page-parts';
import { draftSending, useConfirmedAction } from '../../../../components/use-confirmed-action';
import { RegionScope } from '../../components/region-scope';
import { useDirectedStore } from '../../stores/use-directed-store';
import { type PickedFile, fileSource, pickFromChat, pickedProblem, readInputFile } from './pick-file';

type Source = 'text' | 'file';
const SOURCES = [
  { value: 'text' as const, name: '粘贴身份证号' },
  { value: 'file' as const, name: 'Excel文件' },
];

export interface Draft {
  countyCode: string;
  type: string;
  source: Source;
  text: string;
  picked: PickedFile | null;
}

/** What stops the form being sent, in the words the page shows. */
export function draftProblem(d: Draft, regions: Region[]): string | null {
  if (regions.find((r) => r.code === d.countyCode)?.level !== 'county') return '请选择一个县（市、区）';
  if (!d.type) return '请选择培训券';
  if (d.source === 'text') {
    const lines = d.text.split('\n').filter((l) => l.trim() !== '').length;
    if (lines === 0) return '请粘贴身份证号码，每行一个';
    if (lines > MAX_DIRECTED_LINES) return `一次最多${MAX_DIRECTED_LINES}人，请分成几份`;
    return null;
  }
  return d.picked ? pickedProblem(d.picked) : '请选择Excel文件';
}

function FilePick({ picked, onPicked }: { picked: PickedFile | null; onPicked: (f: PickedFile) => void }) {
  return (
    <View className="czt-field directed-file">
      {process.env.TARO_ENV === 'h5' ? (
        <input
          id="directed-file-input"
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void readInputFile(file).then(onPicked);
          }}
        />
      ) : (
        <WideButton id="directed-file-pick" kind="secondary" row onClick={() => void pickFromChat().then((f) => f && onPicked(f))}>
          从聊天记录选择Excel文件
        </WideButton>
      )}
      <Text id="directed-file-name" className="czt-footnote">
        {picked ? `已选：${picked.name}` : '第一行写“身份证号码”的那一列会被读取，不超过10MB'}
      </Text>
    </View>
  );
}

export interface DirectedFormProps {
  binding: RoleBinding;
  regions: Region[];
  types: { code: string; name: string }[];
  onIssued: (job: DirectedJobView) => void;
}

export function DirectedForm({ binding, regions, types, onIssued }: DirectedFormProps) {
  const own = regions.find((r) => r.code === binding.regionCode);
  const [draft, setDraft] = useState<Draft>({ countyCode: own?.level === 'county' ? own.code : '', type: '', source: 'text', text: '', picked: null });
  const flow = useConfirmedAction(
    async (d: Draft, options) => {
      const source = d.source === 'text' ? { text: d.text } : await fileSource(d.picked!);
      return useDirectedStore.getState().issue({ countyCode: d.countyCode, type: d.type, ...source }, options);
    },
    { keepAfterRefusal: true, toastFailures: false, onDone: onIssued },
  );
  const { change, send } = draftSending(flow, draft, setDraft, (d) => draftProblem(d, regions));
  return (
    <View className="czt-form directed-form">
      {own?.level === 'county' ? (
        <View className="czt-field">
          <Text className="czt-label">从哪个县的名额发放</Text>
          <Text id="directed-county" className="supply-line">{own.name}</Text>
        </View>
      ) : (
        <RegionScope idPrefix="directed-county" label="从哪个县的名额发放" regions={regions} rootCode={binding.regionCode ?? ''} value={draft.countyCode} onChange={(countyCode) => change({ countyCode })} />
      )}
      <ChoiceField idPrefix="directed-type" label="培训券" choices={types.map((t) => ({ value: t.code, name: t.name }))} chosen={draft.type || null} onChoose={(type) => change({ type })} />
      <ChoiceField idPrefix="directed-source" label="名单" compact choices={SOURCES} chosen={draft.source} onChoose={(source) => change({ source })} />
      {draft.source === 'text' ? (
        <Textarea id="directed-text" className="czt-input directed-text" maxlength={-1} placeholder="每行一个身份证号码，可以连姓名一起粘贴" value={draft.text} onInput={(e) => change({ text: e.detail.value })} />
      ) : (
        <FilePick picked={draft.picked} onPicked={(picked) => change({ picked })} />
      )}
      <Notice className="directed-notice" text={flow.notice} />
      <WideButton id="directed-issue" loading={flow.busy} row onClick={send}>
        发放
      </WideButton>
      <Text className="czt-footnote">符合条件、今年不满3次、本县名额还有的人会收到培训券和消息；没登记的人登记后自动收到。同一份名单再发一次不会重复发放。</Text>
    </View>
  );
}

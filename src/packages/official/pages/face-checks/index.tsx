/**
 * R14.3 实名核验 for officials: per class under way in the region, the share of trainees who
 * passed a face check for it (least verified first); and for a county, where it asks for checks —
 * set by an admin over it (before claiming, at each trainee's first session, a share of later ones).
 */
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { ClassFaceChecksView, FacePolicyView, Region } from '../../../../../cloudfunctions/contract';
import { type ApiError, call, toApiError } from '../../../../api/client';
import { ChoicePicker } from '../../../../components/choice-picker';
import { Cell, CellGroup, Switch } from '../../../../components/nutui';
import { neededPageState } from '../../../../components/page-data';
import { Hero, Notice, WideButton } from '../../../../components/page-parts';
import { EmptyState, PageShell } from '../../../../components/page-shell';
import { useConfirmedAction } from '../../../../components/use-confirmed-action';
import { NoAccess } from '../../components/no-access';
import { useOfficialRole } from '../../components/use-official-role';
import '../../official.scss';

const SHARES = [0, 0.1, 0.2, 0.3, 0.5];
const percent = (n: number) => `${Math.round(n * 100)}%`;

function ClassShare({ c }: { c: ClassFaceChecksView }) {
  return (
    <View className="czt-card face-share" data-class={c.classId}>
      <Text className="czt-card-title">{c.name}</Text>
      <Text className="czt-card-text">{`${c.institution.name} · ${c.county.name}`}</Text>
      <Text className="official-fact face-share-value">{`已刷脸核验 ${c.verified}/${c.trainees} 人（${percent(c.share)}）`}</Text>
    </View>
  );
}

/** A county's policy; an admin changes it. */
function Policy({ countyCode, admin }: { countyCode: string; admin: boolean }) {
  const [view, setView] = useState<FacePolicyView | null>(null);
  const [draft, setDraft] = useState<FacePolicyView | null>(null);
  useEffect(() => {
    void call('privacy', 'facePolicy', { countyCode }).then((v) => {
      setView(v);
      setDraft(v);
    });
  }, [countyCode]);
  const saving = useConfirmedAction((p: FacePolicyView, options) => call('privacy', 'setFacePolicy', { countyCode, atRegistration: p.atRegistration, atFirstSession: p.atFirstSession, laterShare: p.laterShare }, options), {
    doneTitle: '已保存',
    onDone: (v) => setView(v),
  });
  if (!view || !draft) return null;
  const set = (patch: Partial<FacePolicyView>) => setDraft({ ...draft, ...patch });
  return (
    <CellGroup className="face-policy" title={`${view.county.name}的要求`}>
      <Cell title="领券前刷脸实名" extra={<Switch id="face-policy-registration" checked={draft.atRegistration} disabled={!admin} onChange={(on) => set({ atRegistration: on })} />} />
      <Cell title="每个班首次上课刷脸" extra={<Switch id="face-policy-session" checked={draft.atFirstSession} disabled={!admin} onChange={(on) => set({ atFirstSession: on, laterShare: on ? draft.laterShare : 0 })} />} />
      {draft.atFirstSession ? (
        <ChoicePicker id="face-policy-share" label="以后的课随机抽查" choices={SHARES.map(percent)} index={SHARES.indexOf(draft.laterShare)} onChange={(i) => admin && set({ laterShare: SHARES[i] ?? 0 })} />
      ) : null}
      <Notice text={saving.notice} />
      {admin ? (
        <WideButton id="face-policy-save" loading={saving.busy} onClick={() => void saving.submit(draft)}>
          保存要求
        </WideButton>
      ) : (
        <Text className="czt-card-text">只有管理员可以修改</Text>
      )}
    </CellGroup>
  );
}

export default function OfficialFaceChecksPage() {
  const role = useOfficialRole();
  const allowed = Boolean(role.binding);
  const regionCode = role.binding?.regionCode ?? '';
  const [shares, setShares] = useState<ClassFaceChecksView[] | null>(null);
  /** The counties whose policy may be shown: the official's own, or those of their city. */
  const [counties, setCounties] = useState<Region[]>([]);
  const [county, setCounty] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(() => {
    setError(null);
    call('privacy', 'classFaceChecks', { regionCode }).then(setShares, (e) => setError(toApiError(e)));
    call('account', 'regions', { parent: regionCode }).then(
      (children) => setCounties(children.some((r) => r.level === 'township') ? [{ code: regionCode, name: role.binding?.regionName ?? '', level: 'county' }] : children.filter((r) => r.level === 'county')),
      () => setCounties([]),
    );
  }, [regionCode, role.binding?.regionName]);
  useEffect(() => {
    if (allowed) load();
  }, [allowed, load]);
  const page = neededPageState(role.session, allowed, [{ value: shares, error, retry: load }]);
  return (
    <PageShell className="page-official-face-checks" {...page}>
      {!role.binding ? (
        <NoAccess />
      ) : shares ? (
        <>
          <Hero title="实名核验" text="正在上课的班级里，学员刷脸核验本人的比例" />
          {shares.length === 0 ? <EmptyState title="现在没有正在上课的班级" text="开课后，这里显示每个班刷脸核验的人数" /> : shares.map((c) => <ClassShare key={c.classId} c={c} />)}
          {counties.length > 1 ? <ChoicePicker id="face-policy-county" label="县（市、区）" choices={counties.map((c) => c.name)} index={county} onChange={setCounty} /> : null}
          {counties[county] ? <Policy key={counties[county].code} countyCode={counties[county].code} admin={Boolean(role.session.me?.roles.some((r) => r.role === 'admin'))} /> : null}
        </>
      ) : null}
    </PageShell>
  );
}

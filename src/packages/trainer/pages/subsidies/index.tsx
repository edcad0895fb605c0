/**
 * 补贴申领 (R12.1): the institution's subsidy entries waiting to be applied for, by class (and
 * those assessed with a 评价券), each batch applied for with one confirmation; then its
 * applications and where each stands. An entry the county returned is back here with the reason.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SubsidyEntryView } from '../../../../../cloudfunctions/contract';
import { call } from '../../../../api/client';
import { ConfirmCard } from '../../../../components/confirm-buttons';
import { neededPageState } from '../../../../components/page-data';
import { Hero, WideButton } from '../../../../components/page-parts';
import { EmptyState, PageShell } from '../../../../components/page-shell';
import { ApplicationCard, EntryCard } from '../../../../components/settlement-cards';
import { useConfirmedAction } from '../../../../components/use-confirmed-action';
import { useSession } from '../../../../components/use-session';
import { useSettlementStore } from '../../../../stores/use-settlement-store';
import { yuanText } from '../../../../utils/numbers';
import { pageParam } from '../../../../utils/page-param';
import '../../trainer.scss';

/** The entries of one class (or of 评价券 assessments, `classId` null), applied for together. */
interface Batch {
  key: string;
  classId: string | null;
  title: string;
  entries: SubsidyEntryView[];
  amountFen: number;
}

function batchesOf(entries: readonly SubsidyEntryView[]): Batch[] {
  const byKey = new Map<string, Batch>();
  for (const e of entries) {
    const key = e.evidence.classId ?? 'evaluation';
    const b = byKey.get(key) ?? { key, classId: e.evidence.classId, title: e.evidence.className ?? '评价券直接鉴定', entries: [], amountFen: 0 };
    b.entries.push(e);
    b.amountFen += e.amountFen;
    byKey.set(key, b);
  }
  return [...byKey.values()];
}

const reload = (institutionId: string) => {
  const s = useSettlementStore.getState();
  return Promise.all([s.loadEntries(institutionId || undefined), s.loadApplications(institutionId || undefined)]);
};

export default function TrainerSubsidiesPage() {
  const institutionId = pageParam('institutionId');
  const again = () => reload(institutionId);
  const session = useSession();
  const allowed = Boolean(session.me?.roles.some((r) => r.role === 'trainer'));
  const { entries, entriesError, applications, applicationsError } = useSettlementStore(
    useShallow((s) => ({ entries: s.entries, entriesError: s.entriesError, applications: s.applications, applicationsError: s.applicationsError })),
  );
  const flow = useConfirmedAction(
    (b: Batch, options) =>
      call('settlement', 'apply', { ...(institutionId ? { institutionId } : {}), ...(b.classId ? { classId: b.classId } : { certificateNumbers: b.entries.map((e) => e.certificateNumber) }) }, options),
    {
      reload: again,
      onDone: () => {
        void Taro.showToast({ title: '已申领', icon: 'success' });
        void again();
      },
    },
  );
  useEffect(() => {
    if (allowed) void again();
  }, [allowed, institutionId]);
  useDidShow(() => {
    if (allowed && useSettlementStore.getState().entries) void again();
  });
  const page = neededPageState(session, allowed, [
    { value: entries, error: entriesError, retry: again },
    { value: applications, error: applicationsError, retry: again },
  ]);
  const batches = entries ? batchesOf(entries) : [];
  const asking = flow.asking;
  return (
    <PageShell className="page-trainer-subsidies" {...page}>
      {!allowed ? (
        <EmptyState title="只有培训机构的老师可以申领补贴" text="请从“我的”进入您的工作台" />
      ) : entries && applications ? (
        <>
          <Hero title="补贴申领" text={batches.length > 0 ? `${entries.length} 条补贴可以申领` : '没有待申领的补贴'} textId="subsidies-summary" />
          {asking ? (
            <ConfirmCard
              prefix="apply"
              data={{ 'data-key': asking.key }}
              confirmLabel="确认申领"
              name={asking.title}
              busy={flow.busy}
              notice={flow.notice}
              onConfirm={() => void flow.confirm()}
              onCancel={flow.keep}
            >
              <Text className="czt-card-text">{`共 ${asking.entries.length} 人，合计 ${yuanText(asking.amountFen)}`}</Text>
              <Text className="czt-card-text">提交后由学员户籍所在县的人社局审核，审核通过后拨付。</Text>
            </ConfirmCard>
          ) : (
            batches.map((b) => (
              <View key={b.key} className="subsidy-batch" data-key={b.key}>
                <Text className="subsidy-section-title">{b.title}</Text>
                {b.entries.map((e) => (
                  <EntryCard key={e.certificateNumber} e={e} />
                ))}
                <WideButton id={`apply-${b.key}`} className="subsidy-apply" onClick={() => flow.ask(b)}>
                  {`申领这 ${b.entries.length} 条（${yuanText(b.amountFen)}）`}
                </WideButton>
              </View>
            ))
          )}
          <Text className="subsidy-section-title">我的申领</Text>
          {applications.length === 0 ? <EmptyState title="还没有申领记录" text="班级结业、学员取证后，补贴会出现在上面" /> : null}
          {applications.map((a) => (
            <ApplicationCard key={a.id} a={a} />
          ))}
        </>
      ) : null}
    </PageShell>
  );
}

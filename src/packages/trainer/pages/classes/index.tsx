/**
 * 我的班级: the classes of the institution the trainer works for now (newest first, drafts too)
 * with their state and what may still be done (修改, 提交审核, 取消开班); an approved class opens
 * for 扫码签到. 开班 is the page's main action; an evaluation body also offers 评价 (assessing a
 * 技能等级评价券 holder without a class). Someone who teaches at several institutions switches
 * between them here (`?institutionId=` opens one). Scans still waiting on the phone go up from here.
 */
import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { call } from '../../../../api/client';
import { ChoiceField } from '../../../../components/form-field';
import { listPageState } from '../../../../components/page-data';
import { Hero, LinkRow, Notice, WideButton } from '../../../../components/page-parts';
import { EmptyState, PageShell } from '../../../../components/page-shell';
import { useConfirmedAction } from '../../../../components/use-confirmed-action';
import { useSession } from '../../../../components/use-session';
import { pageParam } from '../../../../utils/page-param';
import { URLS, withQuery } from '../../../../utils/routes';
import { PlanCard, type PlanStep } from '../../components/plan-card';
import { usePlanStore } from '../../stores/use-plan-store';
import { uploadWhenOnline, useScanQueue } from '../../stores/use-scan-queue';
import { useTrainerStore } from '../../stores/use-trainer-store';
import { type TrainerBinding, trainerBindings, workbenchOf } from '../../utils/workbench';
import '../../trainer.scss';
import '../../plan.scss';

const go = (url: string) => void Taro.navigateTo({ url });

function useStep() {
  return useConfirmedAction(
    (step: PlanStep, options) =>
      step.kind === 'submit' ? call('training', 'submitClass', { classId: step.classId }, options) : call('training', 'cancelClass', { classId: step.classId, reason: step.reason ?? '' }, options),
    {
      keepAfterRefusal: true,
      onDone: (view, step) => {
        useTrainerStore.getState().putClass(view);
        void Taro.showToast({ title: step.kind === 'submit' ? '已提交审核' : '已取消开班', icon: 'success' });
      },
    },
  );
}

function Workbench({ bindings, chosen }: { bindings: TrainerBinding[]; chosen: TrainerBinding }) {
  const classes = useTrainerStore((s) => s.classes);
  const pending = useScanQueue((s) => s.pending);
  const institution = usePlanStore((s) => s.institutions.values[chosen.institutionId] ?? null);
  const flow = useStep();
  useEffect(() => {
    void usePlanStore.getState().loadInstitution(chosen.institutionId);
  }, [chosen.institutionId]);
  return (
    <>
      {bindings.length > 1 ? (
        <ChoiceField
          idPrefix="workbench"
          label="现在为哪个机构工作"
          choices={bindings.map((b) => ({ value: b.institutionId, name: b.institutionName ?? '培训机构' }))}
          chosen={chosen.institutionId}
          onChoose={(id) => void useTrainerStore.getState().chooseInstitution(id)}
        />
      ) : null}
      <Hero title={chosen.institutionName ?? '培训机构'} titleId="trainer-institution" text="我的班级：点班级进入扫码签到" />
      <WideButton id="plan-new" onClick={() => go(withQuery(URLS.trainerClassForm, { institutionId: chosen.institutionId }))}>
        开班
      </WideButton>
      {institution?.evaluationBody ? (
        <LinkRow id="go-assess" className="plan-assess-entry" onClick={() => go(withQuery(URLS.trainerAssess, { institutionId: chosen.institutionId }))}>
          评价：技能等级评价券持有人
        </LinkRow>
      ) : null}
      <LinkRow id="go-subsidies" className="plan-assess-entry" onClick={() => go(withQuery(URLS.trainerSubsidies, { institutionId: chosen.institutionId }))}>
        补贴申领：结业学员取证后的补贴
      </LinkRow>
      <Notice
        id="trainer-pending"
        text={pending.length > 0 ? `有 ${pending.length} 条离线签到待上传，联网后自动上传（点此立即上传）` : null}
        onClick={() => void useScanQueue.getState().upload()}
      />
      <Notice className="plan-refusal" text={flow.asking ? null : flow.notice} />
      {classes && classes.length > 0 ? (
        <View className="trainer-class-list">
          {classes.map((c) => (
            <PlanCard key={c.id} c={c} waiting={pending.filter((s) => s.classId === c.id).length} flow={flow} />
          ))}
        </View>
      ) : classes ? (
        <EmptyState title="还没有班级" text="点“开班”填写班级信息，提交县人社部门审核" />
      ) : null}
    </>
  );
}

export default function TrainerClassesPage() {
  const session = useSession();
  const bindings = trainerBindings(session.me);
  const { classes, classesError, institutionId } = useTrainerStore(useShallow((s) => ({ classes: s.classes, classesError: s.classesError, institutionId: s.institutionId })));
  const chosen = workbenchOf(bindings, institutionId, pageParam('institutionId'));
  const opened = workbenchOf(bindings, pageParam('institutionId'), institutionId)?.institutionId ?? null;
  useEffect(() => {
    if (!opened) return;
    void useTrainerStore.getState().chooseInstitution(opened);
    uploadWhenOnline();
    void useScanQueue.getState().upload();
  }, [opened]);
  // Back from a class page or the form: states and counts may have changed.
  useDidShow(() => {
    if (useTrainerStore.getState().classes) void useTrainerStore.getState().loadClasses();
  });
  const load = () => useTrainerStore.getState().loadClasses();
  const page = listPageState({ session, allowed: Boolean(chosen), value: classes, error: classesError, load });
  return (
    <PageShell className="page-trainer" loading={page.loading} error={page.error} onRetry={page.onRetry}>
      {chosen ? <Workbench bindings={bindings} chosen={chosen} /> : <EmptyState title="您还不是培训机构人员" text="如需开通，请向所在县人社部门要一个邀请" />}
    </PageShell>
  );
}

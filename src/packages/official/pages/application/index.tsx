/**
 * 审核申领 (R12.1): one application with every entry and what it rests on. Each applied entry is
 * decided (通过, 不通过 with a reason, 退回修改 with what to change) and the decisions sent together;
 * then the transfer for the approved ones is recorded (登记拨付). One request id per confirmation.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ApplicationView, ReviewInput } from '../../../../../cloudfunctions/contract';
import { reasonProblem } from '../../../../../cloudfunctions/core/class-plans';
import { ERROR_MESSAGES } from '../../../../../cloudfunctions/core/errors';
import { call } from '../../../../api/client';
import { neededPageState } from '../../../../components/page-data';
import { Notice, WideButton } from '../../../../components/page-parts';
import { EmptyState, PageShell } from '../../../../components/page-shell';
import { ApplicationCard, EntryCard } from '../../../../components/settlement-cards';
import { useConfirmedAction } from '../../../../components/use-confirmed-action';
import { pageParam } from '../../../../utils/page-param';
import { yuanText } from '../../../../utils/numbers';
import { useSettlementStore } from '../../../../stores/use-settlement-store';
import { type Decision, EntryDecisionCard } from '../../components/entry-decision';
import { NoAccess } from '../../components/no-access';
import { type Payment, PaymentForm } from '../../components/payment-form';
import { useOfficialRole } from '../../components/use-official-role';
import '../../official.scss';

function useApplicationFlows(id: string, afterReview: () => void) {
  const done = (title: string) => (view: ApplicationView) => {
    void Taro.showToast({ title, icon: 'success' });
    useSettlementStore.getState().putApplication(view);
  };
  const reload = () => useSettlementStore.getState().loadApplication(id);
  const review = useConfirmedAction((input: ReviewInput, options) => call('settlement', 'review', input, options), {
    keepAfterRefusal: true,
    reload,
    onDone: (view) => {
      done('已提交')(view);
      afterReview();
    },
  });
  const pay = useConfirmedAction((p: Payment, options) => call('settlement', 'pay', p, options), { keepAfterRefusal: true, reload, onDone: done('已登记拨付') });
  return { review, pay, reload };
}

export default function OfficialApplicationPage() {
  const id = pageParam('id');
  const role = useOfficialRole();
  const allowed = Boolean(role.binding) && Boolean(id);
  const { view, error } = useSettlementStore(useShallow((s) => ({ view: s.application[id] ?? null, error: s.applicationErrors[id] ?? null })));
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { review, pay, reload } = useApplicationFlows(id, () => setDecisions({}));
  useEffect(() => {
    if (allowed) void reload();
  }, [allowed, id]);
  const page = neededPageState(role.session, allowed, [{ value: view, error, retry: reload }]);
  const entries = view?.entries ?? [];
  const applied = entries.filter((e) => e.status === 'applied');
  const decided = applied.filter((e) => decisions[e.certificateNumber]);
  const submit = () => {
    const found: Record<string, string> = {};
    for (const e of decided) {
      const d = decisions[e.certificateNumber];
      const code = d.decision === 'approve' ? null : reasonProblem(d.reason);
      if (code) found[e.certificateNumber] = ERROR_MESSAGES[code];
    }
    setProblems(found);
    if (Object.keys(found).length > 0 || decided.length === 0) return;
    const list = decided.map((e) => ({ certificateNumber: e.certificateNumber, ...decisions[e.certificateNumber] }));
    void review.submit({ applicationId: id, decisions: list.map((d) => (d.decision === 'approve' ? { certificateNumber: d.certificateNumber, decision: d.decision } : { ...d, reason: d.reason.trim() })) });
  };
  return (
    <PageShell className="page-official-application" {...page}>
      {!role.binding ? (
        <NoAccess />
      ) : !id ? (
        <EmptyState title="没有找到这份申领" text="请从“补贴审核”进入" />
      ) : view ? (
        <>
          <ApplicationCard a={view} />
          {applied.length > 0 ? <Text className="subsidy-section-title">{`待审核 ${applied.length} 条`}</Text> : null}
          {applied.map((e) => (
            <EntryDecisionCard
              key={e.certificateNumber}
              e={e}
              value={decisions[e.certificateNumber]}
              error={problems[e.certificateNumber] ?? null}
              onChange={(d) => {
                review.renew();
                setDecisions({ ...decisions, [e.certificateNumber]: d });
                setProblems(({ [e.certificateNumber]: _fixed, ...rest }) => rest);
              }}
            />
          ))}
          {applied.length > 0 ? (
            <View className="czt-card review-submit">
              <Notice className="review-notice" text={review.notice} />
              <WideButton id="review-submit" loading={review.busy} disabled={review.busy || decided.length === 0} onClick={submit}>
                {decided.length > 0 ? `提交审核结果（${decided.length} 条）` : '请先为每条选择审核结果'}
              </WideButton>
            </View>
          ) : null}
          <PaymentForm key={entries.filter((e) => e.status === 'approved').map((e) => e.certificateNumber).join(',')} a={view} busy={pay.busy} notice={pay.notice} onPay={(p) => void pay.submit(p)} />
          {entries.filter((e) => e.status !== 'applied').length > 0 ? <Text className="subsidy-section-title">已办理</Text> : null}
          {entries
            .filter((e) => e.status !== 'applied')
            .map((e) => (
              <EntryCard key={e.certificateNumber} e={e} />
            ))}
          {(view.payments ?? []).map((p) => (
            <View key={p.id} className="czt-card payment-record" data-id={p.id}>
              <Text className="czt-card-title">{`拨付 ${yuanText(p.amountFen)}`}</Text>
              <Text className="czt-card-text">{`${p.paidOn}，${p.entries.length} 条，凭证号 ${p.transferRef}`}</Text>
            </View>
          ))}
        </>
      ) : null}
    </PageShell>
  );
}

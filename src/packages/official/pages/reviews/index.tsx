/**
 * 开班审核 (R11.3): the classes of the caller's region waiting for review, soonest first. One
 * class at a time is opened with everything to check, then 通过 or 不通过 (with a reason); one
 * request id per confirmation. Only approved classes are listed to laborers.
 */
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { call } from '../../../../api/client';
import { neededPageState } from '../../../../components/page-data';
import { EmptyState, PageShell } from '../../../../components/page-shell';
import { useConfirmedAction } from '../../../../components/use-confirmed-action';
import { NoAccess } from '../../components/no-access';
import { type Review, ReviewOpen, ReviewSummary } from '../../components/review-card';
import { useOfficialRole } from '../../components/use-official-role';
import { useOfficialStore } from '../../stores/use-official-store';
import { useSupplyStore } from '../../stores/use-supply-store';
import { Hero } from '../../../../components/page-parts';
import '../../official.scss';
import '../../supply.scss';

const reload = () => useSupplyStore.getState().loadPending();

export default function OfficialReviewsPage() {
  const role = useOfficialRole();
  const { pending, error } = useSupplyStore(useShallow((s) => ({ pending: s.pending, error: s.pendingError })));
  const types = useOfficialStore((s) => s.voucherTypes);
  const [openId, setOpenId] = useState<string | null>(null);
  const allowed = Boolean(role.binding);
  const flow = useConfirmedAction((r: Review, options) => call('training', 'reviewClass', r, options), {
    keepAfterRefusal: true,
    reload,
    onDone: (_answer, r) => {
      void Taro.showToast({ title: r.approve ? '已通过' : '已退回', icon: 'success' });
      useSupplyStore.getState().dropPending(r.classId);
      setOpenId(null);
      void reload();
    },
  });
  useEffect(() => {
    if (!allowed) return;
    void reload();
    void useOfficialStore.getState().loadVoucherTypes();
  }, [allowed]);
  useDidShow(() => {
    if (allowed && useSupplyStore.getState().pending) void reload();
  });
  const page = neededPageState(role.session, allowed, [{ value: pending, error, retry: reload }]);
  const opened = pending?.find((c) => c.id === openId) ?? null;
  const open = (id: string) => {
    flow.keep();
    flow.setNotice(null);
    setOpenId(id);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };
  return (
    <PageShell className="page-official-reviews" {...page}>
      {!role.binding ? (
        <NoAccess />
      ) : pending ? (
        <>
          <Hero title="开班审核" text={pending.length > 0 ? `${pending.length} 个班等您审核` : '没有待审核的班级'} textId="reviews-count" />
          {opened ? (
            <ReviewOpen c={opened} types={types} flow={flow} onClose={() => setOpenId(null)} />
          ) : pending.length === 0 ? (
            <EmptyState title="都审核完了" text="培训机构提交开班后，会显示在这里" />
          ) : (
            pending.map((c) => <ReviewSummary key={c.id} c={c} onOpen={() => open(c.id)} />)
          )}
        </>
      ) : null}
    </PageShell>
  );
}

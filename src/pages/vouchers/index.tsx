/**
 * 培训券: the voucher types the caller can claim (what can be used near home first, as the server
 * sorts them), how each is used, why the others cannot be claimed, and claiming with a
 * confirmation step. After a claim the page goes straight on to the nearest class that takes the
 * voucher, with 报名 right there (R13: 领取, 确认领取, 报名, 确认报名).
 * Band C sees only what it can claim, one card per screen with one big button.
 */
import Taro, { useDidShow } from '@tarojs/taro';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ClassView, VoucherTypeView, VoucherView } from '../../../cloudfunctions/contract';
import { type ApiError, toApiError } from '../../api/client';
import { EnrollConfirm, EnrollSuccess } from '../../components/class-card';
import { ClaimSuccess, type NextClasses } from '../../components/claim-next';
import { listPageState, useLoadForRegistered } from '../../components/page-data';
import { ListWithConfirm } from '../../components/list-with-confirm';
import { PageShell, RegisterPrompt } from '../../components/page-shell';
import { useEnrollFlow } from '../../components/use-enroll-flow';
import { useSession } from '../../components/use-session';
import { useTakeFlow } from '../../components/use-take-flow';
import { ClaimConfirm, OneTypeAtATime, TypeList } from '../../components/voucher-cards';
import { useClassStore } from '../../stores/use-class-store';
import { useVoucherStore } from '../../stores/use-voucher-store';
import { URLS } from '../../utils/routes';

const goMyVouchers = () => void Taro.navigateTo({ url: URLS.myVouchers });
const goMyClasses = () => void Taro.navigateTo({ url: URLS.myClasses });
const goClasses = () => void Taro.switchTab({ url: URLS.classes });

/** The classes a just-claimed voucher pays for (none asked for a 评价券). */
function useNextClasses(claimed: VoucherView | null, atBody: boolean): NextClasses {
  const [classes, setClasses] = useState<ClassView[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const type = claimed && !atBody ? claimed.type : null;
  const load = useCallback(() => {
    setClasses(null);
    setError(null);
    if (!type) return;
    useClassStore
      .getState()
      .classesTaking(type)
      .then(setClasses)
      .catch((e: unknown) => setError(toApiError(e)));
  }, [type]);
  useEffect(load, [load]);
  return { classes, error, retry: load };
}

export default function VouchersPage() {
  const session = useSession();
  const me = session.me;
  const registered = me?.registered === true;
  const { types, error, loadTypes } = useVoucherStore(useShallow((s) => ({ types: s.types, error: s.error, loadTypes: s.loadTypes })));
  useLoadForRegistered(registered, loadTypes);
  const claim = useVoucherStore((s) => s.claim);
  // 领取 with its confirmation: one request id per confirmation, so a retry never claims twice.
  const claiming = useTakeFlow((t: VoucherTypeView, options) => claim(t.code, options), {
    moment: 'voucherClaimed',
    verb: '领取',
    reload: loadTypes,
    done: (voucher) => voucher,
  });
  const claimed = claiming.done;
  const claimedType = claimed ? (types?.find((t) => t.code === claimed.type) ?? null) : null;
  const next = useNextClasses(claimed, claimedType?.usedAt === 'evaluationBody');
  const enrolling = useEnrollFlow(next.retry);
  // Coming back to the tab after a claim shows the list again (the success note has been read).
  const backToList = () => {
    claiming.clearDone();
    enrolling.clearDone();
  };
  useDidShow(backToList);

  const page = listPageState({ session, allowed: registered, value: types, error, load: loadTypes });
  const bandC = me?.profile?.band === 'C';

  let confirm: ReactNode = null;
  if (enrolling.flow.asking) {
    const c = enrolling.flow.asking;
    confirm = <EnrollConfirm c={c} types={types} submitting={enrolling.flow.busy} notice={enrolling.flow.notice} onConfirm={() => void enrolling.flow.confirm()} onCancel={enrolling.close} />;
  } else if (claiming.flow.asking) {
    const t = claiming.flow.asking;
    confirm = <ClaimConfirm type={t} submitting={claiming.flow.busy} notice={claiming.flow.notice} onConfirm={() => void claiming.flow.confirm()} onCancel={claiming.close} />;
  }
  let success: ReactNode = null;
  if (enrolling.done) success = <EnrollSuccess c={enrolling.done} onMine={goMyClasses} onBack={backToList} backLabel="返回培训券列表" />;
  else if (claimed) {
    success = (
      <ClaimSuccess
        voucher={claimed}
        type={claimedType}
        types={types}
        next={next}
        onEnroll={enrolling.open}
        onMine={goMyVouchers}
        onAllClasses={goClasses}
      />
    );
  }

  let body: ReactNode = null;
  if (!session.loading && !session.error && me && !registered) {
    body = <RegisterPrompt text="领取培训券前，请先完成实名登记" />;
  } else if (!session.loading && !session.error && types) {
    const list = { types, onClaim: claiming.open, onMine: goMyVouchers };
    body = (
      <ListWithConfirm
        prefix="voucher"
        mine={{ id: 'go-my-vouchers', label: '我的培训券', onClick: goMyVouchers }}
        error={error}
        onRetry={() => void loadTypes()}
        success={confirm ? null : success}
        confirm={confirm}
        notice={enrolling.flow.notice ?? claiming.flow.notice}
      >
        {bandC ? <OneTypeAtATime {...list} /> : <TypeList {...list} />}
      </ListWithConfirm>
    );
  }

  return (
    <PageShell className={`page-vouchers ${bandC ? 'voucher-band-c' : ''}`} loading={page.loading} error={page.error} onRetry={page.onRetry}>
      {body}
    </PageShell>
  );
}

/**
 * 我的培训券: the caller's vouchers with status, dates and days left; unused ones can be
 * handed back (退回) after a confirmation.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { VoucherView } from '../../../cloudfunctions/contract';
import { ConfirmButtons } from '../../components/confirm-buttons';
import { Button } from '../../components/nutui';
import { useConfirmedAction } from '../../components/use-confirmed-action';
import { EmptyState, PageShell, RegisterPrompt } from '../../components/page-shell';
import { useSession } from '../../components/use-session';
import { useSessionStore } from '../../stores/use-session-store';
import { useVoucherStore } from '../../stores/use-voucher-store';
import { chineseDateOf, lastValidDayOf } from '../../utils/china-dates';

/** Shown with a highlight when this few days or fewer are left. */
const SOON_DAYS = 7;

const daysText = (days: number) => (days <= 0 ? '今天到期' : `还剩${days}天`);

interface RowProps {
  voucher: VoucherView;
  confirming: boolean;
  cancelling: boolean;
  onAsk: () => void;
  onConfirm: () => void;
  onKeep: () => void;
}

function VoucherRow({ voucher: v, confirming, cancelling, onAsk, onConfirm, onKeep }: RowProps) {
  const unused = v.status === 'unused';
  const soon = unused && v.daysLeft !== null && v.daysLeft <= SOON_DAYS;
  return (
    <View className={`czt-card my-voucher is-${v.status}`} data-type={v.type} data-id={v.id}>
      <View className="my-voucher-head">
        <Text className="czt-card-title my-voucher-name">{v.typeName}</Text>
        <Text className={`my-voucher-status is-${v.status}`}>{v.statusName}</Text>
      </View>
      {unused && v.daysLeft !== null ? (
        <Text className={`my-voucher-days ${soon ? 'is-soon' : ''}`}>{daysText(v.daysLeft)}</Text>
      ) : null}
      <View className="voucher-facts">
        <Text className="voucher-fact my-voucher-claimed">{`领取日期：${chineseDateOf(v.claimedAt)}`}</Text>
        {v.status === 'cancelled' ? null : (
          <Text className="voucher-fact my-voucher-expiry">{`有效期至：${lastValidDayOf(v.expiresAt)}`}</Text>
        )}
      </View>
      {unused && !confirming ? (
        <View className="czt-button-row">
          <Button className="czt-secondary-button my-voucher-cancel" size="large" block onClick={onAsk}>
            退回
          </Button>
        </View>
      ) : null}
      {unused && confirming ? (
        <View className="my-voucher-confirm">
          <Text className="my-voucher-confirm-text">退回后名额还给本县，可以再领。确定退回吗？</Text>
          <ConfirmButtons
            confirmId="voucher-cancel-confirm"
            confirmLabel="确认退回"
            danger
            busy={cancelling}
            onConfirm={onConfirm}
            keepLabel="不退了"
            keepClassName="my-voucher-keep"
            onKeep={onKeep}
          />
        </View>
      ) : null}
    </View>
  );
}

export default function MyVouchersPage() {
  const session = useSession();
  const registered = session.me?.registered === true;
  const { mine, mineStatus, mineError, loadMine, cancel } = useVoucherStore(
    useShallow((s) => ({
      mine: s.mine,
      mineStatus: s.mineStatus,
      mineError: s.mineError,
      loadMine: s.loadMine,
      cancel: s.cancel,
    })),
  );
  useEffect(() => {
    if (registered) void loadMine();
  }, [registered, loadMine]);
  useDidShow(() => {
    if (useSessionStore.getState().me?.registered) void useVoucherStore.getState().loadMine();
  });

  const flow = useConfirmedAction(cancel, { doneTitle: '已退回', reload: loadMine });
  const { asking, notice } = flow;

  const loading = session.loading || (registered && mine === null && mineStatus !== 'error');
  const pageError = session.error ?? (registered && mine === null ? mineError : null);

  return (
    <PageShell
      className="page-my-vouchers"
      loading={loading}
      error={pageError}
      onRetry={() => void (session.error ? session.load() : loadMine())}
    >
      {session.me && !registered ? (
        <RegisterPrompt text="领取培训券前，请先完成实名登记" />
      ) : mine ? (
        <>
          {notice || mineError ? (
            <View className="czt-notice my-voucher-notice" onClick={() => void loadMine()}>
              <Text>{notice ?? `${mineError?.message ?? ''}（点此重试）`}</Text>
            </View>
          ) : null}
          {mine.length === 0 ? (
            <EmptyState title="还没有培训券" text="领了培训券，就可以报名参加补贴培训">
              <View className="czt-button-row">
                <Button
                  id="go-vouchers"
                  className="czt-primary-button"
                  type="primary"
                  size="xlarge"
                  block
                  onClick={() => void Taro.switchTab({ url: '/pages/vouchers/index' })}
                >
                  去领培训券
                </Button>
              </View>
            </EmptyState>
          ) : (
            <View className="my-voucher-list">
              {mine.map((v) => (
                <VoucherRow
                  key={v.id}
                  voucher={v}
                  confirming={asking === v.id}
                  cancelling={flow.busy && asking === v.id}
                  onAsk={() => flow.ask(v.id)}
                  onConfirm={() => void flow.confirm()}
                  onKeep={flow.keep}
                />
              ))}
            </View>
          )}
        </>
      ) : null}
    </PageShell>
  );
}

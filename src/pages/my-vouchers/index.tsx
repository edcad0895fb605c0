/**
 * 我的培训券: the caller's vouchers with status, dates and days left; unused ones can be
 * handed back (退回) after a confirmation.
 */
import { Text, View } from '@tarojs/components';
import { useShallow } from 'zustand/react/shallow';
import type { VoucherView } from '../../../cloudfunctions/contract';
import { dateTextOf } from '../../../cloudfunctions/core/china-date';
import { MyList, RowConfirm, type RowFlow } from '../../components/my-list';
import { WideButton } from '../../components/page-parts';
import { lastValidDayText } from '../../utils/dates';
import { useVoucherStore } from '../../stores/use-voucher-store';
import { URLS } from '../../utils/routes';

/** Shown with a highlight when this few days or fewer are left. */
const SOON_DAYS = 7;

const daysText = (days: number) => (days <= 0 ? '今天到期' : `还剩${days}天`);

function VoucherRow({ voucher: v, flow }: { voucher: VoucherView; flow: RowFlow }) {
  const unused = v.status === 'unused';
  const soon = unused && v.daysLeft !== null && v.daysLeft <= SOON_DAYS;
  const confirming = flow.asking === v.id;
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
        <Text className="voucher-fact my-voucher-claimed">{`领取日期：${dateTextOf(v.claimedAt)}`}</Text>
        {v.status === 'cancelled' ? null : (
          <Text className="voucher-fact my-voucher-expiry">{`有效期至：${lastValidDayText(v.expiresAt)}`}</Text>
        )}
      </View>
      {unused && !confirming ? (
        <WideButton kind="secondary" className="my-voucher-cancel" size="large" row onClick={() => flow.ask(v.id)}>
          退回
        </WideButton>
      ) : null}
      {unused && confirming ? (
        <RowConfirm
          prefix="my-voucher"
          question="退回后名额还给本县，可以再领。确定退回吗？"
          confirmId="voucher-cancel-confirm"
          confirmLabel="确认退回"
          keepLabel="不退了"
          flow={flow}
        />
      ) : null}
    </View>
  );
}

export default function MyVouchersPage() {
  const { mine, mineError, loadMine, cancel } = useVoucherStore(
    useShallow((s) => ({ mine: s.mine, mineError: s.mineError, loadMine: s.loadMine, cancel: s.cancel })),
  );
  return (
    <MyList
      className="page-my-vouchers"
      prefix="my-voucher"
      registerText="领取培训券前，请先完成实名登记"
      list={{ value: mine, error: mineError, load: loadMine }}
      act={cancel}
      doneTitle="已退回"
      empty={{ title: '还没有培训券', text: '领了培训券，就可以报名参加补贴培训', buttonId: 'go-vouchers', buttonLabel: '去领培训券', tab: URLS.vouchers }}
      row={(v, flow) => <VoucherRow key={v.id} voucher={v} flow={flow} />}
    />
  );
}

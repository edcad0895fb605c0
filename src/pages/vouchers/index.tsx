/**
 * 培训券: the voucher types the caller can claim (eligible first, as the server sorts them),
 * why the others cannot be claimed, and claiming with a confirmation step.
 * Band C sees only what it can claim, one card per screen with one big button.
 */
import Taro, { useDidShow } from '@tarojs/taro';
import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { VoucherTypeView } from '../../../cloudfunctions/contract';
import { listPageState, useLoadForRegistered } from '../../components/page-data';
import { ListWithConfirm } from '../../components/list-with-confirm';
import { PageShell, RegisterPrompt } from '../../components/page-shell';
import { useSession } from '../../components/use-session';
import { useTakeFlow } from '../../components/use-take-flow';
import { ClaimConfirm, ClaimSuccess, OneTypeAtATime, TypeList } from '../../components/voucher-cards';
import { useVoucherStore } from '../../stores/use-voucher-store';
import { URLS } from '../../utils/routes';

const goMyVouchers = () => void Taro.navigateTo({ url: URLS.myVouchers });

export default function VouchersPage() {
  const session = useSession();
  const me = session.me;
  const registered = me?.registered === true;
  const { types, error, loadTypes } = useVoucherStore(useShallow((s) => ({ types: s.types, error: s.error, loadTypes: s.loadTypes })));
  useLoadForRegistered(registered, loadTypes);
  const claim = useVoucherStore((s) => s.claim);
  // 领取 with its confirmation: one request id per confirmation, so a retry never claims twice.
  const { flow, done: claimed, clearDone, open, close } = useTakeFlow((t: VoucherTypeView, options) => claim(t.code, options), {
    moment: 'voucherClaimed',
    verb: '领取',
    reload: loadTypes,
    done: (voucher) => voucher,
  });
  // Coming back to the tab after a claim shows the list again (the success note has been read).
  useDidShow(clearDone);

  const page = listPageState({ session, allowed: registered, value: types, error, load: loadTypes });
  const bandC = me?.profile?.band === 'C';
  const confirming = flow.asking;

  let body: ReactNode = null;
  if (!session.loading && !session.error && me && !registered) {
    body = <RegisterPrompt text="领取培训券前，请先完成实名登记" />;
  } else if (!session.loading && !session.error && types) {
    const list = { types, onClaim: open, onMine: goMyVouchers };
    body = (
      <ListWithConfirm
        prefix="voucher"
        mine={{ id: 'go-my-vouchers', label: '我的培训券', onClick: goMyVouchers }}
        error={error}
        onRetry={() => void loadTypes()}
        success={claimed ? <ClaimSuccess voucher={claimed} onMine={goMyVouchers} onBack={clearDone} /> : null}
        confirm={
          confirming ? (
            <ClaimConfirm type={confirming} submitting={flow.busy} notice={flow.notice} onConfirm={() => void flow.confirm()} onCancel={close} />
          ) : null
        }
        notice={flow.notice}
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

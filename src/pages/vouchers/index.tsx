/**
 * 培训券: the voucher types the caller can claim (eligible first, as the server sorts them),
 * why the others cannot be claimed, and claiming with a confirmation step.
 * Band C sees only what it can claim, one card per screen with one big button.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { VoucherTypeView, VoucherView } from '../../../cloudfunctions/contract';
import { ApiError, isApiError, newRequestId, showError } from '../../api/client';
import { ConfirmButtons } from '../../components/confirm-buttons';
import { Button } from '../../components/nutui';
import { EmptyState, PageShell, RegisterPrompt } from '../../components/page-shell';
import { useSession } from '../../components/use-session';
import { useSessionStore } from '../../stores/use-session-store';
import { useVoucherStore } from '../../stores/use-voucher-store';
import { lastValidDayOf } from '../../utils/china-dates';
import { askConsent, prefetchTemplates } from '../../utils/subscribe';

const MY_VOUCHERS_URL = '/pages/my-vouchers/index';
const goMyVouchers = () => void Taro.navigateTo({ url: MY_VOUCHERS_URL });

/** Loads the types once the caller is known to be registered, and again each time the tab shows. */
function useVoucherTypes(registered: boolean) {
  const loadTypes = useVoucherStore((s) => s.loadTypes);
  useEffect(() => {
    if (registered) void loadTypes();
  }, [registered, loadTypes]);
  useDidShow(() => {
    if (useSessionStore.getState().me?.registered) void useVoucherStore.getState().loadTypes();
  });
}

function MyVouchersLink() {
  return (
    <View id="go-my-vouchers" className="czt-link-row voucher-mine-link" onClick={goMyVouchers}>
      <Text>我的培训券</Text>
      <Text className="czt-arrow">›</Text>
    </View>
  );
}

const fullName = (t: Pick<VoucherTypeView, 'name' | 'alias'>) => (t.alias ? `${t.name}（${t.alias}）` : t.name);

function VoucherCard({ type, onClaim }: { type: VoucherTypeView; onClaim: (t: VoucherTypeView) => void }) {
  const state = type.canClaim ? 'can-claim' : type.heldVoucherId ? 'held' : 'refused';
  return (
    <View className={`czt-card voucher-card is-${state}`} data-type={type.code}>
      <Text className="czt-card-title voucher-name">{type.name}</Text>
      {type.alias ? <Text className="voucher-alias">{`又叫${type.alias}`}</Text> : null}
      <View className="voucher-facts">
        <Text className="voucher-fact voucher-audience">{`适用：${type.audience}`}</Text>
        <Text className="voucher-fact voucher-validity">{`有效期${type.validityDays}天`}</Text>
        <Text className="voucher-fact voucher-quota">{`本县今年剩余名额 ${type.quota.left}`}</Text>
        {type.sameTownship ? <Text className="voucher-fact">在本乡镇上课，不用跑远路</Text> : null}
        {type.requiresEmployer ? <Text className="voucher-fact">需要有用工单位</Text> : null}
      </View>
      {type.canClaim ? (
        <View className="czt-button-row">
          <Button
            className="czt-primary-button voucher-claim"
            type="primary"
            size="xlarge"
            block
            onClick={() => onClaim(type)}
          >
            领取
          </Button>
        </View>
      ) : type.heldVoucherId ? (
        <View className="voucher-held">
          <Text className="voucher-held-badge">已领取</Text>
          <Text className="voucher-held-link" onClick={goMyVouchers}>
            到“我的培训券”查看 ›
          </Text>
        </View>
      ) : (
        <View className="voucher-reasons">
          {type.reasons.map((r) => (
            <Text key={r} className="voucher-reason">
              {r}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}

interface ConfirmProps {
  type: VoucherTypeView;
  submitting: boolean;
  notice: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** One screen, one question: what you get, for how long, 确认领取 or 取消. */
function ClaimConfirm({ type, submitting, notice, onConfirm, onCancel }: ConfirmProps) {
  return (
    <View className="czt-card voucher-confirm" data-type={type.code}>
      <Text className="czt-card-title">确认领取</Text>
      <Text className="voucher-confirm-name">{fullName(type)}</Text>
      <View className="voucher-facts">
        <Text className="voucher-fact">{`领取后${type.validityDays}天内有效，可以用来报名参加补贴培训`}</Text>
        <Text className="voucher-fact">{`用了这张券，算今年的一次补贴培训（每年最多${type.yearlyLimit}次，今年已用${type.usedThisYear}次）`}</Text>
        <Text className="voucher-fact">不用了可以退回，名额还给本县</Text>
      </View>
      {notice ? (
        <View className="czt-notice voucher-confirm-error">
          <Text>{notice}</Text>
        </View>
      ) : null}
      <ConfirmButtons
        confirmId="voucher-confirm"
        confirmLabel="确认领取"
        busy={submitting}
        onConfirm={onConfirm}
        keepLabel="取消"
        keepId="voucher-confirm-cancel"
        onKeep={onCancel}
      />
    </View>
  );
}

function ClaimSuccess({ voucher, onBack }: { voucher: VoucherView; onBack: () => void }) {
  return (
    <View className="czt-card voucher-success" data-type={voucher.type}>
      <Text className="czt-card-title voucher-claimed">{`已领取${voucher.typeName}`}</Text>
      <Text className="voucher-success-expiry">{`有效期至${lastValidDayOf(voucher.expiresAt)}`}</Text>
      <Text className="voucher-fact">请在有效期内报名参加培训</Text>
      <View className="czt-button-row">
        <Button className="czt-primary-button voucher-success-mine" type="primary" size="xlarge" block onClick={goMyVouchers}>
          查看我的培训券
        </Button>
      </View>
      <View className="czt-button-row">
        <Button className="czt-secondary-button voucher-success-back" size="xlarge" block onClick={onBack}>
          返回培训券列表
        </Button>
      </View>
    </View>
  );
}

/** Band C: only claimable types, one per screen. */
function OneAtATime({ types, onClaim }: { types: VoucherTypeView[]; onClaim: (t: VoucherTypeView) => void }) {
  const claimable = types.filter((t) => t.canClaim);
  const [index, setIndex] = useState(0);
  if (claimable.length === 0) {
    const held = types.some((t) => t.heldVoucherId);
    return (
      <View className="czt-state voucher-none">
        <Text className="czt-state-title">{held ? '您能领的培训券已经领了' : '现在没有您能领的培训券'}</Text>
        <Text className="czt-state-text">{held ? '在“我的培训券”里可以查看' : '有新的培训券时，再来看看'}</Text>
      </View>
    );
  }
  const current = claimable[index % claimable.length];
  return (
    <View className="voucher-one">
      <VoucherCard type={current} onClaim={onClaim} />
      {claimable.length > 1 ? (
        <View className="czt-link-row voucher-next" onClick={() => setIndex((i) => (i + 1) % claimable.length)}>
          <Text>{`还有${claimable.length - 1}种可以领，看下一种`}</Text>
          <Text className="czt-arrow">›</Text>
        </View>
      ) : null}
    </View>
  );
}

function TypeList({ types, onClaim }: { types: VoucherTypeView[]; onClaim: (t: VoucherTypeView) => void }) {
  if (types.length === 0) return <EmptyState title="暂时没有培训券" text="有新的培训券时，再来看看" />;
  const firstRefused = types.findIndex((t) => !t.canClaim && !t.heldVoucherId);
  return (
    <View className="voucher-list">
      {types.map((t, i) => (
        <View key={t.code}>
          {i === firstRefused ? <Text className="voucher-section">下面这些暂时不能领</Text> : null}
          <VoucherCard type={t} onClaim={onClaim} />
        </View>
      ))}
    </View>
  );
}

export default function VouchersPage() {
  const session = useSession();
  const me = session.me;
  const registered = me?.registered === true;
  useVoucherTypes(registered);
  const { types, status, error, loadTypes, claim } = useVoucherStore(
    useShallow((s) => ({ types: s.types, status: s.status, error: s.error, loadTypes: s.loadTypes, claim: s.claim })),
  );

  const [confirming, setConfirming] = useState<VoucherTypeView | null>(null);
  const [claimed, setClaimed] = useState<VoucherView | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // One id per confirmation: a retry after a network failure resends it, so at most one voucher.
  const requestId = useRef<string | null>(null);
  // R10.2: WeChat asks consent for reminders once per confirmation, on the 确认领取 tap.
  const consentAsked = useRef(false);
  useEffect(() => {
    void prefetchTemplates('voucherClaimed');
  }, []);

  // Coming back to the tab after a claim shows the list again (the success note has been read).
  useDidShow(() => setClaimed(null));

  const open = (t: VoucherTypeView) => {
    requestId.current = newRequestId();
    consentAsked.current = false;
    setNotice(null);
    setClaimed(null);
    setConfirming(t);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };
  const close = () => {
    requestId.current = null;
    setConfirming(null);
    setNotice(null);
  };

  const confirm = async () => {
    if (!confirming || submitting) return;
    // First, in the tap itself (WeChat shows its consent sheet only then); never throws.
    if (!consentAsked.current) {
      consentAsked.current = true;
      void askConsent('voucherClaimed');
    }
    const id = requestId.current ?? newRequestId();
    requestId.current = id;
    setSubmitting(true);
    setNotice(null);
    try {
      const voucher = await claim(confirming.code, { requestId: id });
      requestId.current = null;
      setConfirming(null);
      setClaimed(voucher);
    } catch (e) {
      const err = isApiError(e) ? e : new ApiError('INTERNAL');
      if (err.code === 'NETWORK') {
        // Keep the id: the claim may have gone through; the server answers the same voucher.
        setNotice(`${err.message}。点“确认领取”再试一次，不会重复领取`);
      } else {
        // Refused (quota gone, limit reached…): back to the list, which now says why.
        requestId.current = null;
        setConfirming(null);
        setNotice(err.message);
        void loadTypes();
      }
      showError(err);
    } finally {
      setSubmitting(false);
    }
  };

  const sessionBlocking = session.loading || session.error;
  const loading = session.loading || (registered && types === null && status !== 'error');
  const pageError = session.error ?? (registered && types === null ? error : null);
  const bandC = me?.profile?.band === 'C';

  let body: ReactNode = null;
  if (!sessionBlocking && me && !registered) {
    body = <RegisterPrompt text="领取培训券前，请先完成实名登记" />;
  } else if (!sessionBlocking && types) {
    body = (
      <>
        <MyVouchersLink />
        {error && !confirming ? (
          <View className="czt-notice voucher-load-error" onClick={() => void loadTypes()}>
            <Text>{`${error.message}（点此重试）`}</Text>
          </View>
        ) : null}
        {claimed ? (
          <ClaimSuccess voucher={claimed} onBack={() => setClaimed(null)} />
        ) : confirming ? (
          <ClaimConfirm
            type={confirming}
            submitting={submitting}
            notice={notice}
            onConfirm={() => void confirm()}
            onCancel={close}
          />
        ) : (
          <>
            {notice ? (
              <View className="czt-notice voucher-refusal">
                <Text>{notice}</Text>
              </View>
            ) : null}
            {bandC ? <OneAtATime types={types} onClaim={open} /> : <TypeList types={types} onClaim={open} />}
          </>
        )}
      </>
    );
  }

  return (
    <PageShell
      className={`page-vouchers ${bandC ? 'voucher-band-c' : ''}`}
      loading={loading}
      error={pageError}
      onRetry={() => void (session.error ? session.load() : loadTypes())}
    >
      {body}
    </PageShell>
  );
}

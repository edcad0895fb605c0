/**
 * 培训券 cards: one voucher type with what the caller can do with it, the confirmation before
 * claiming, the note after, and the lists (band C: one at a time).
 */
import { Text, View } from '@tarojs/components';
import type { VoucherTypeView, VoucherView } from '../../cloudfunctions/contract';
import { dateText, lastDayBefore } from '../../cloudfunctions/core/china-date';
import { ConfirmCard } from './confirm-buttons';
import { NoneLeft, OneAtATime } from './one-at-a-time';
import { EmptyState } from './page-shell';
import { WideButton } from './page-parts';

const fullName = (t: Pick<VoucherTypeView, 'name' | 'alias'>) => (t.alias ? `${t.name}（${t.alias}）` : t.name);

interface CardProps {
  type: VoucherTypeView;
  onClaim: (t: VoucherTypeView) => void;
  onMine: () => void;
}

function VoucherCard({ type, onClaim, onMine }: CardProps) {
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
        <WideButton className="voucher-claim" row onClick={() => onClaim(type)}>
          领取
        </WideButton>
      ) : type.heldVoucherId ? (
        <View className="voucher-held">
          <Text className="voucher-held-badge">已领取</Text>
          <Text className="voucher-held-link" onClick={onMine}>
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
export function ClaimConfirm({ type, submitting, notice, onConfirm, onCancel }: ConfirmProps) {
  return (
    <ConfirmCard
      prefix="voucher"
      data={{ 'data-type': type.code }}
      confirmLabel="确认领取"
      name={fullName(type)}
      busy={submitting}
      notice={notice}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <Text className="voucher-fact">{`领取后${type.validityDays}天内有效，可以用来报名参加补贴培训`}</Text>
      <Text className="voucher-fact">{`用了这张券，算今年的一次补贴培训（每年最多${type.yearlyLimit}次，今年已用${type.usedThisYear}次）`}</Text>
      <Text className="voucher-fact">不用了可以退回，名额还给本县</Text>
    </ConfirmCard>
  );
}

/** R4.5: the last day a voucher can be used, as people read it. */
export const lastValidDayText = (expiresAt: string): string => dateText(lastDayBefore(new Date(expiresAt)));

export function ClaimSuccess({ voucher, onMine, onBack }: { voucher: VoucherView; onMine: () => void; onBack: () => void }) {
  return (
    <View className="czt-card voucher-success" data-type={voucher.type}>
      <Text className="czt-card-title voucher-claimed">{`已领取${voucher.typeName}`}</Text>
      <Text className="voucher-success-expiry">{`有效期至${lastValidDayText(voucher.expiresAt)}`}</Text>
      <Text className="voucher-fact">请在有效期内报名参加培训</Text>
      <WideButton className="voucher-success-mine" row onClick={onMine}>
        查看我的培训券
      </WideButton>
      <WideButton kind="secondary" className="voucher-success-back" row onClick={onBack}>
        返回培训券列表
      </WideButton>
    </View>
  );
}

type ListProps = Omit<CardProps, 'type'> & { types: VoucherTypeView[] };

/** Band C: only claimable types, one per screen. */
export function OneTypeAtATime({ types, ...card }: ListProps) {
  const held = types.some((t) => t.heldVoucherId);
  return (
    <OneAtATime
      items={types.filter((t) => t.canClaim)}
      none={
        <NoneLeft
          className="voucher-none"
          title={held ? '您能领的培训券已经领了' : '现在没有您能领的培训券'}
          text={held ? '在“我的培训券”里可以查看' : '有新的培训券时，再来看看'}
        />
      }
      className="voucher-one"
      nextClassName="voucher-next"
      nextText={(others) => `还有${others}种可以领，看下一种`}
    >
      {(t) => <VoucherCard type={t} {...card} />}
    </OneAtATime>
  );
}

export function TypeList({ types, ...card }: ListProps) {
  if (types.length === 0) return <EmptyState title="暂时没有培训券" text="有新的培训券时，再来看看" />;
  const firstRefused = types.findIndex((t) => !t.canClaim && !t.heldVoucherId);
  return (
    <View className="voucher-list">
      {types.map((t, i) => (
        <View key={t.code}>
          {i === firstRefused ? <Text className="voucher-section">下面这些暂时不能领</Text> : null}
          <VoucherCard type={t} {...card} />
        </View>
      ))}
    </View>
  );
}

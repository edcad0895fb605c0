/**
 * 培训券 cards: one voucher type with what the caller can do with it and how it is used (R13: in
 * a class near home, or — the 评价券 — straight at an evaluation body, listed), the confirmation
 * before claiming, and the lists (band C: one at a time). The note after a claim is claim-next.tsx.
 */
import { Text, View } from '@tarojs/components';
import type { VoucherTypeView } from '../../cloudfunctions/contract';
import { ConfirmCard } from './confirm-buttons';
import { NoneLeft, OneAtATime } from './one-at-a-time';
import { EmptyState } from './page-shell';
import { WideButton } from './page-parts';
import './voucher-cards.scss';

const fullName = (t: Pick<VoucherTypeView, 'name' | 'alias'>) => (t.alias ? `${t.name}（${t.alias}）` : t.name);

interface CardProps {
  type: VoucherTypeView;
  onClaim: (t: VoucherTypeView) => void;
  onMine: () => void;
}

/** R13 the evaluation bodies a 评价券 is used at: name, county, what each assesses. */
export function EvaluationBodies({ type }: { type: Pick<VoucherTypeView, 'evaluationBodies'> }) {
  const bodies = type.evaluationBodies ?? [];
  if (bodies.length === 0) return null;
  return (
    <View className="voucher-bodies">
      <Text className="voucher-bodies-title">可以去这些评价机构：</Text>
      {bodies.map((b) => (
        <View key={b.id} className="voucher-body" data-id={b.id}>
          <Text className="voucher-body-name">{`${b.name}（${b.county}）`}</Text>
          <Text className="voucher-body-occupations">{b.occupations.join('、')}</Text>
        </View>
      ))}
    </View>
  );
}

/** How the voucher is used, or that nothing near home takes it yet (the server's sentence). */
export function HowToUse({ type }: { type: Pick<VoucherTypeView, 'howToUse' | 'usedAt' | 'nearbyClasses'> }) {
  if (!type.howToUse) return null;
  const none = type.usedAt === 'class' && type.nearbyClasses === 0;
  return <Text className={`voucher-fact voucher-how ${none ? 'is-none-nearby' : ''}`}>{type.howToUse}</Text>;
}

function VoucherCard({ type, onClaim, onMine }: CardProps) {
  const state = type.canClaim ? 'can-claim' : type.heldVoucherId ? 'held' : 'refused';
  return (
    <View className={`czt-card voucher-card is-${state}`} data-type={type.code} data-used-at={type.usedAt ?? 'class'}>
      <Text className="czt-card-title voucher-name">{type.name}</Text>
      {type.alias ? <Text className="voucher-alias">{`又叫${type.alias}`}</Text> : null}
      <View className="voucher-facts">
        <Text className="voucher-fact voucher-audience">{`适用：${type.audience}`}</Text>
        <Text className="voucher-fact voucher-validity">{`有效期${type.validityDays}天`}</Text>
        <Text className="voucher-fact voucher-quota">{`本县今年剩余名额 ${type.quota.left}`}</Text>
        {type.sameTownship ? <Text className="voucher-fact">在本乡镇上课，不用跑远路</Text> : null}
        {type.requiresEmployer ? <Text className="voucher-fact">需要有用工单位</Text> : null}
        {/* How it is used matters to whom it is for (a refusal says why instead). */}
        {type.eligible ? <HowToUse type={type} /> : null}
      </View>
      {type.eligible ? <EvaluationBodies type={type} /> : null}
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
      <Text className="voucher-fact">
        {type.usedAt === 'evaluationBody' ? `领取后${type.validityDays}天内有效，用于直接参加技能等级评价` : `领取后${type.validityDays}天内有效，可以用来报名参加补贴培训`}
      </Text>
      <HowToUse type={type} />
      <Text className="voucher-fact">{`用了这张券，算今年的一次补贴培训（每年最多${type.yearlyLimit}次，今年已用${type.usedThisYear}次）`}</Text>
      <Text className="voucher-fact">不用了可以退回，名额还给本县</Text>
    </ConfirmCard>
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

/**
 * 课程 cards: one class with what the caller can do with it, the confirmation before
 * enrolling, and the note after. R13: a class the caller has no voucher for, but could claim
 * one for, is taken in one step (领券并报名: `enroll {claim}`), and how far it is from home is
 * said on the card and again on the confirm step.
 */
import { Text, View } from '@tarojs/components';
import type { ClassView, VoucherTypeView } from '../../cloudfunctions/contract';
import { acceptedText, distanceLine, occupationText, placeText, startText, voucherName } from '../utils/class-text';
import { ConfirmCard } from './confirm-buttons';
import { NoneLeft, OneAtATime } from './one-at-a-time';
import { WideButton } from './page-parts';
import './class-card.scss';

function Distance({ c, className }: { c: ClassView; className: string }) {
  const line = distanceLine(c);
  return line ? <Text className={`class-fact ${className} ${line.far ? 'is-far' : 'is-near'}`}>{line.text}</Text> : null;
}

function ClassFacts({ c, types }: { c: ClassView; types: VoucherTypeView[] | null }) {
  const accepted = acceptedText(c, types);
  return (
    <View className="class-facts">
      <Text className="class-fact class-occupation">{`工种：${occupationText(c)}`}</Text>
      <Text className="class-fact class-mode-name">{`形式：${c.modeName}`}</Text>
      <Text className="class-fact class-place">{`地点：${placeText(c)}`}</Text>
      <Distance c={c} className="class-distance" />
      <Text className="class-fact class-start">{startText(c)}</Text>
      <Text className={`class-fact class-seats ${c.seatsLeft > 0 ? '' : 'is-full'}`}>
        {c.seatsLeft > 0 ? `剩余名额 ${c.seatsLeft}` : '已报满'}
      </Text>
      {accepted ? <Text className="class-fact class-vouchers">{accepted}</Text> : null}
    </View>
  );
}

export type CardState = 'enrolled' | 'can-enroll' | 'claim-enroll' | 'refused';

/** What the caller can do; a class listed before the server said (no `forMe`) may be tried. */
export function cardState(c: ClassView): CardState {
  if (c.forMe?.enrolled) return 'enrolled';
  if (c.forMe && !c.forMe.canEnroll) return c.forMe.claimable ? 'claim-enroll' : 'refused';
  return 'can-enroll';
}

/** The caller can take it now: enroll, or claim its voucher and enroll in one step. */
export const takeable = (c: ClassView): boolean => {
  const state = cardState(c);
  return state === 'can-enroll' || state === 'claim-enroll';
};

/** The voucher claimed on the way, by name when the catalogue is loaded. */
const claimName = (code: string, types: VoucherTypeView[] | null): string => voucherName(code, types) ?? '一张培训券';

interface CardProps {
  c: ClassView;
  types: VoucherTypeView[] | null;
  onEnroll: (c: ClassView) => void;
  onMine: () => void;
}

export function ClassCard({ c, types, onEnroll, onMine }: CardProps) {
  const state = cardState(c);
  const claim = c.forMe?.claimable ?? null;
  return (
    <View className={`czt-card class-card is-${state}`} data-id={c.id}>
      <Text className="czt-card-title class-name">{c.name}</Text>
      <Text className="class-institution">{c.institution.name}</Text>
      <ClassFacts c={c} types={types} />
      {state === 'enrolled' ? (
        <View className="class-enrolled">
          <Text className="class-enrolled-badge">已报名</Text>
          <Text className="class-enrolled-link" onClick={onMine}>
            到“我的课程”查看 ›
          </Text>
        </View>
      ) : state === 'refused' ? (
        <View className="class-reason">
          <Text>{c.forMe?.reason ?? '暂时不能报名'}</Text>
        </View>
      ) : (
        <>
          {claim ? <Text className="class-fact class-claim-note">{`报名时自动为您领取${claimName(claim, types)}`}</Text> : null}
          <WideButton className="class-enroll" row onClick={() => onEnroll(c)}>
            {claim ? '领券并报名' : '报名'}
          </WideButton>
        </>
      )}
    </View>
  );
}

/** Which voucher pays, in words (R5.2: the server names the type in `forMe.voucherType`). */
function payingText(c: ClassView, types: VoucherTypeView[] | null): string {
  const claim = c.forMe?.claimable;
  if (claim) return `使用：现在领取的${claimName(claim, types)}`;
  const code = c.forMe?.voucherType ?? null;
  if (code) {
    const name = voucherName(code, types);
    return name ? `使用：${name}` : '使用：您的一张培训券';
  }
  return c.selfFunded ? '自费，不用培训券' : '使用：您的一张培训券';
}

/** R13 what claiming on the way means: how long it lasts, and that it counts toward the year's three. */
function ClaimFacts({ code, types }: { code: string; types: VoucherTypeView[] | null }) {
  const type = types?.find((t) => t.code === code);
  return (
    <>
      <Text className="class-fact class-confirm-claim">{type ? `同时领取${type.name}，${type.validityDays}天内有效` : '同时领取一张培训券'}</Text>
      {type ? <Text className="class-fact">{`算今年的一次补贴培训（每年最多${type.yearlyLimit}次，今年已用${type.usedThisYear}次）`}</Text> : null}
    </>
  );
}

interface ConfirmProps {
  c: ClassView;
  types: VoucherTypeView[] | null;
  submitting: boolean;
  notice: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** One screen, one question: which class, when, where and how far, which voucher pays; 确认报名 or 取消. */
export function EnrollConfirm({ c, types, submitting, notice, onConfirm, onCancel }: ConfirmProps) {
  const claim = c.forMe?.claimable ?? null;
  return (
    <ConfirmCard
      prefix="class"
      data={{ 'data-id': c.id }}
      confirmLabel={claim ? '确认领券并报名' : '确认报名'}
      name={c.name}
      busy={submitting}
      notice={notice}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <Text className="class-fact">{startText(c)}</Text>
      <Text className="class-fact">{`地点：${placeText(c)}`}</Text>
      <Distance c={c} className="class-confirm-distance" />
      <Text className="class-fact class-confirm-voucher">{payingText(c, types)}</Text>
      {claim ? <ClaimFacts code={claim} types={types} /> : null}
      <Text className="class-fact">开课前可以退出，培训券会退回</Text>
    </ConfirmCard>
  );
}

export function EnrollSuccess({ c, onMine, onBack, backLabel = '返回课程列表' }: { c: ClassView; onMine: () => void; onBack: () => void; backLabel?: string }) {
  return (
    <View className="czt-card class-success" data-id={c.id}>
      <Text className="czt-card-title class-success-title">报名成功</Text>
      <Text className="class-confirm-name">{c.name}</Text>
      <Text className="class-fact">{startText(c)}</Text>
      <Text className="class-fact">上课时打开“我的课程”，出示签到码</Text>
      <WideButton id="class-success-mine" row onClick={onMine}>
        查看我的课程
      </WideButton>
      <WideButton kind="secondary" className="class-success-back" row onClick={onBack}>
        {backLabel}
      </WideButton>
    </View>
  );
}

interface ListProps {
  classes: ClassView[];
  types: VoucherTypeView[] | null;
  onEnroll: (c: ClassView) => void;
  onMine: () => void;
}

/** Band C: only classes it can take now (with a voucher held, or claimed on the way), one per screen. */
export function OneClassAtATime({ classes, ...card }: ListProps) {
  return (
    <OneAtATime
      items={classes.filter(takeable)}
      none={<NoneLeft className="class-none" title="现在没有您能报的课程" text="报过的课程在“我的课程”里查看" />}
      className="class-one"
      nextClassName="class-next"
      nextText={(others) => `还有${others}个班可以报，看下一个`}
    >
      {(c) => <ClassCard c={c} {...card} />}
    </OneAtATime>
  );
}

/**
 * 课程 cards: one class with what the caller can do with it, the confirmation before
 * enrolling, and the note after.
 */
import { Text, View } from '@tarojs/components';
import type { ClassView, VoucherTypeView } from '../../cloudfunctions/contract';
import { acceptedText, occupationText, placeText, startText, voucherName } from '../utils/class-text';
import { ConfirmCard } from './confirm-buttons';
import { NoneLeft, OneAtATime } from './one-at-a-time';
import { WideButton } from './page-parts';

function ClassFacts({ c, types }: { c: ClassView; types: VoucherTypeView[] | null }) {
  const accepted = acceptedText(c, types);
  return (
    <View className="class-facts">
      <Text className="class-fact class-occupation">{`工种：${occupationText(c)}`}</Text>
      <Text className="class-fact class-mode-name">{`形式：${c.modeName}`}</Text>
      <Text className="class-fact class-place">{`地点：${placeText(c)}`}</Text>
      <Text className="class-fact class-start">{startText(c)}</Text>
      <Text className={`class-fact class-seats ${c.seatsLeft > 0 ? '' : 'is-full'}`}>
        {c.seatsLeft > 0 ? `剩余名额 ${c.seatsLeft}` : '已报满'}
      </Text>
      {accepted ? <Text className="class-fact class-vouchers">{accepted}</Text> : null}
    </View>
  );
}

type CardState = 'enrolled' | 'can-enroll' | 'refused';

/** What the caller can do; a class listed before the server said (no `forMe`) may be tried. */
function cardState(c: ClassView): CardState {
  if (c.forMe?.enrolled) return 'enrolled';
  return c.forMe && !c.forMe.canEnroll ? 'refused' : 'can-enroll';
}

interface CardProps {
  c: ClassView;
  types: VoucherTypeView[] | null;
  onEnroll: (c: ClassView) => void;
  onMine: () => void;
}

export function ClassCard({ c, types, onEnroll, onMine }: CardProps) {
  const state = cardState(c);
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
      ) : state === 'can-enroll' ? (
        <WideButton className="class-enroll" row onClick={() => onEnroll(c)}>
          报名
        </WideButton>
      ) : (
        <View className="class-reason">
          <Text>{c.forMe?.reason ?? '暂时不能报名'}</Text>
        </View>
      )}
    </View>
  );
}

/** Which voucher pays, in words (R5.2: the server names the type in `forMe.voucherType`). */
function payingText(c: ClassView, types: VoucherTypeView[] | null): string {
  const code = c.forMe?.voucherType ?? null;
  if (code) {
    const name = voucherName(code, types);
    return name ? `使用：${name}` : '使用：您的一张培训券';
  }
  return c.selfFunded ? '自费，不用培训券' : '使用：您的一张培训券';
}

interface ConfirmProps {
  c: ClassView;
  types: VoucherTypeView[] | null;
  submitting: boolean;
  notice: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** One screen, one question: which class, when, which voucher pays; 确认报名 or 取消. */
export function EnrollConfirm({ c, types, submitting, notice, onConfirm, onCancel }: ConfirmProps) {
  return (
    <ConfirmCard
      prefix="class"
      data={{ 'data-id': c.id }}
      confirmLabel="确认报名"
      name={c.name}
      busy={submitting}
      notice={notice}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <Text className="class-fact">{startText(c)}</Text>
      <Text className="class-fact">{`地点：${placeText(c)}`}</Text>
      <Text className="class-fact class-confirm-voucher">{payingText(c, types)}</Text>
      <Text className="class-fact">开课前可以退出，培训券会退回</Text>
    </ConfirmCard>
  );
}

export function EnrollSuccess({ c, onMine, onBack }: { c: ClassView; onMine: () => void; onBack: () => void }) {
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
        返回课程列表
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

/** Band C: only classes it can enroll in, one per screen. */
export function OneClassAtATime({ classes, ...card }: ListProps) {
  return (
    <OneAtATime
      items={classes.filter((c) => cardState(c) === 'can-enroll')}
      none={<NoneLeft className="class-none" title="现在没有您能报的课程" text="报过的课程在“我的课程”里查看" />}
      className="class-one"
      nextClassName="class-next"
      nextText={(others) => `还有${others}个班可以报，看下一个`}
    >
      {(c) => <ClassCard c={c} {...card} />}
    </OneAtATime>
  );
}

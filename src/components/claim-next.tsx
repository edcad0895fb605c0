/**
 * After 领取 (R13 four taps): the voucher claimed, its last valid day, and straight on to what it
 * is for — the nearest class that takes it, with 报名 right here, or (评价券) the evaluation
 * bodies to go to. Nothing nearby takes it: said so, and where new classes will show.
 */
import { Text, View } from '@tarojs/components';
import type { ClassView, VoucherTypeView, VoucherView } from '../../cloudfunctions/contract';
import type { ApiError } from '../api/client';
import { lastValidDayText } from '../utils/dates';
import { ClassCard, takeable } from './class-card';
import { LinkRow, RetryNotice, WideButton } from './page-parts';
import { EvaluationBodies, HowToUse } from './voucher-cards';

export interface NextClasses {
  /** The classes the voucher pays for, nearest first; null while asked. */
  classes: ClassView[] | null;
  error: ApiError | null;
  retry: () => void;
}

export interface ClaimSuccessProps {
  voucher: VoucherView;
  /** The voucher's type as listed (how it is used); null when not at hand. */
  type: VoucherTypeView | null;
  types: VoucherTypeView[] | null;
  next: NextClasses;
  onEnroll: (c: ClassView) => void;
  onMine: () => void;
  onAllClasses: () => void;
}

function NextClass({ next, types, onEnroll, onMine, onAllClasses }: Pick<ClaimSuccessProps, 'next' | 'types' | 'onEnroll' | 'onMine' | 'onAllClasses'>) {
  if (next.error) return <RetryNotice className="voucher-next-error" message={`没有找到课程：${next.error.message}`} onRetry={next.retry} />;
  if (!next.classes) return <Text className="voucher-fact voucher-next-loading">正在找收这张券的课程…</Text>;
  const open = next.classes.filter(takeable);
  if (open.length === 0) {
    return (
      <>
        <Text className="voucher-fact voucher-next-none">附近还没有收这张券的课程，开班后会在“课程”里看到</Text>
        <LinkRow className="voucher-next-all" onClick={onAllClasses}>
          去“课程”看看
        </LinkRow>
      </>
    );
  }
  return (
    <View className="voucher-next-classes">
      <ClassCard c={open[0]} types={types} onEnroll={onEnroll} onMine={onMine} />
      {open.length > 1 ? (
        <LinkRow className="voucher-next-all" onClick={onAllClasses}>
          {`还有${open.length - 1}个班收这张券，到“课程”里看`}
        </LinkRow>
      ) : null}
    </View>
  );
}

export function ClaimSuccess({ voucher, type, types, next, onEnroll, onMine, onAllClasses }: ClaimSuccessProps) {
  const atBody = type?.usedAt === 'evaluationBody';
  return (
    <View className="czt-card voucher-success" data-type={voucher.type}>
      <Text className="czt-card-title voucher-claimed">{`已领取${voucher.typeName}`}</Text>
      <Text className="voucher-success-expiry">{`有效期至${lastValidDayText(voucher.expiresAt)}`}</Text>
      <Text className="voucher-next-step">{atBody ? '下一步：带身份证去评价机构' : '下一步：报名参加培训'}</Text>
      {atBody && type ? (
        <>
          <HowToUse type={type} />
          <EvaluationBodies type={type} />
        </>
      ) : (
        <NextClass next={next} types={types} onEnroll={onEnroll} onMine={onMine} onAllClasses={onAllClasses} />
      )}
      <WideButton kind="secondary" className="voucher-success-mine" row onClick={onMine}>
        查看我的培训券
      </WideButton>
    </View>
  );
}

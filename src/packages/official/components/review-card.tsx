/**
 * 开班审核 (R11.3): one class waiting for review — in short in the list; opened, everything an
 * official checks (institution, occupation and level, place, mode, seats, vouchers, project,
 * every session) with 通过 (asked once more) and 不通过 (a reason needed, told to the trainer).
 */
import { Text, View } from '@tarojs/components';
import type { TrainerClassView } from '../../../../cloudfunctions/contract';
import { dateTimeText } from '../../../../cloudfunctions/core/china-date';
import { AskButtons } from '../../../components/confirm-buttons';
import { Notice, WideButton } from '../../../components/page-parts';
import { ReasonConfirm } from '../../../components/reason-confirm';
import type { ConfirmedAction } from '../../../components/use-confirmed-action';
import { acceptedText, occupationText, placeText, sessionText, startText } from '../../../utils/class-text';

export interface Review {
  classId: string;
  approve: boolean;
  reason?: string;
}

export function ReviewSummary({ c, onOpen }: { c: TrainerClassView; onOpen: () => void }) {
  return (
    <View className="czt-card review-card" data-class-id={c.id} onClick={onOpen}>
      <Text className="czt-card-title">{c.name}</Text>
      <Text className="supply-line">{c.institution.name}</Text>
      <Text className="supply-line">{`${occupationText(c)} · ${placeText(c)}`}</Text>
      <Text className="supply-line">{startText(c)}</Text>
      <Text className="supply-open">审核 ›</Text>
    </View>
  );
}

function Facts({ c, types }: { c: TrainerClassView; types: { code: string; name: string }[] | null }) {
  const line = (label: string, value: string) => <Text className="supply-line">{`${label}：${value}`}</Text>;
  return (
    <View className="review-facts">
      {line('培训机构', c.institution.name)}
      {line('职业等级', occupationText(c))}
      {line('上课地点', placeText(c))}
      {line('上课方式', c.modeName)}
      {line('人数上限', `${c.capacity}人`)}
      {line('出勤要求', `${Math.round(c.minAttendanceRatio * 100)}%`)}
      {line('培训券', acceptedText(c, types) || '—')}
      {line('培训项目', c.project?.name ?? '不属于项目')}
      {c.submittedAt ? line('提交时间', dateTimeText(c.submittedAt)) : null}
      <Text className="supply-section-title">{`上课安排（共${c.sessions.length}节）`}</Text>
      {c.sessions.map((s, i) => (
        <Text key={`${s.date}-${s.start}`} className="supply-line review-session">{`第${i + 1}节 ${sessionText(s)}`}</Text>
      ))}
    </View>
  );
}

export interface ReviewOpenProps {
  c: TrainerClassView;
  types: { code: string; name: string }[] | null;
  flow: ConfirmedAction<Review>;
  onClose: () => void;
}

export function ReviewOpen({ c, types, flow, onClose }: ReviewOpenProps) {
  const asking = flow.asking?.classId === c.id ? flow.asking : null;
  return (
    <View id="review-open" className="czt-card review-open" data-class-id={c.id}>
      <Text className="czt-card-title">{c.name}</Text>
      <Facts c={c} types={types} />
      {asking && !asking.approve ? (
        <ReasonConfirm
          prefix="review-reject"
          question="不通过这个班？"
          text="培训机构会看到原因，改好后可以重新提交。"
          reasonLabel="不通过的原因"
          placeholder="如：上课时间与农忙冲突，请调整"
          confirmLabel="确认不通过"
          danger
          flow={flow}
          onConfirm={(reason) => void flow.submit({ classId: c.id, approve: false, reason })}
        />
      ) : asking ? (
        <View className="supply-confirm review-confirm">
          <Text className="supply-confirm-text">通过后，劳动者就能看到并报名这个班。确定通过吗？</Text>
          <Notice className="review-notice" text={flow.notice} />
          <AskButtons flow={flow} id="review-approve" confirmLabel="确认通过" />
        </View>
      ) : (
        <>
          <Notice className="review-notice" text={flow.notice} />
          <WideButton id="review-approve" row onClick={() => flow.ask({ classId: c.id, approve: true })}>
            通过
          </WideButton>
          <WideButton id="review-reject" kind="secondary" row onClick={() => flow.ask({ classId: c.id, approve: false })}>
            不通过
          </WideButton>
          <WideButton id="review-close" kind="secondary" row onClick={onClose}>
            返回列表
          </WideButton>
        </>
      )}
    </View>
  );
}

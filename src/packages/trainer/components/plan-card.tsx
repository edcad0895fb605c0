/**
 * One class on 我的班级: its name and state — 草稿, 待审核, 未通过 (with the reason), 已取消, or
 * once approved 未开课 / 上课中 / … — sessions and enrollment, and what the trainer may still do
 * (R11.3, by `editable`): 修改, 提交审核 (asked once more), 取消开班 (a reason needed). An approved
 * class opens for 扫码签到; one not yet approved opens the form.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { TrainerClassView } from '../../../../cloudfunctions/contract';
import { AskButtons } from '../../../components/confirm-buttons';
import { Notice } from '../../../components/page-parts';
import { ReasonConfirm } from '../../../components/reason-confirm';
import type { ConfirmedAction } from '../../../components/use-confirmed-action';
import { URLS, withQuery } from '../../../utils/routes';
import { sessionName, sessionTimeText } from '../utils/format';

export interface PlanStep {
  classId: string;
  kind: 'submit' | 'cancel';
  reason?: string;
}

const go = (url: string) => void Taro.navigateTo({ url });
const formUrl = (id: string) => withQuery(URLS.trainerClassForm, { classId: id });

/** The tag: the review state until the first session (已通过 included), then where the class is in its sessions. */
export function stateTag(c: TrainerClassView): { className: string; text: string } {
  return c.status === 'approved' && c.state !== 'upcoming' ? { className: `is-${c.state}`, text: c.stateName } : { className: `is-${c.status}`, text: c.statusName };
}

function Facts({ c, waiting }: { c: TrainerClassView; waiting: number }) {
  const current = c.currentSession;
  const sessions = current === null ? `共 ${c.sessions.length} 节，已全部上完` : `${sessionName(current)}（共 ${c.sessions.length} 节）  ${sessionTimeText(c.sessions[current])}`;
  return (
    <View className="trainer-class-facts">
      <Text className="trainer-class-fact">{sessions}</Text>
      <Text className="trainer-class-fact">{`报名 ${c.enrolled}/${c.capacity} 人`}</Text>
      {c.status === 'rejected' && c.review?.reason ? <Text className="plan-review-reason">{`未通过：${c.review.reason}`}</Text> : null}
      {c.cancel ? <Text className="plan-review-reason">{`已取消：${c.cancel.reason}`}</Text> : null}
      {waiting > 0 ? <Text className="trainer-class-waiting">{`${waiting} 条签到待上传`}</Text> : null}
    </View>
  );
}

function Actions({ c, flow }: { c: TrainerClassView; flow: ConfirmedAction<PlanStep> }) {
  if (c.editable === 'none') return null;
  const tap = (act: () => void) => (e: { stopPropagation: () => void }) => {
    e.stopPropagation();
    act();
  };
  const sendable = c.status === 'draft' || c.status === 'rejected';
  return (
    <View className="plan-actions">
      <View className="plan-action plan-edit" onClick={tap(() => go(formUrl(c.id)))}>
        <Text>{c.editable === 'all' ? '修改' : '改时间或人数'}</Text>
      </View>
      {sendable ? (
        <View className="plan-action plan-send" onClick={tap(() => flow.ask({ classId: c.id, kind: 'submit' }))}>
          <Text>提交审核</Text>
        </View>
      ) : null}
      <View className="plan-action plan-cancel" onClick={tap(() => flow.ask({ classId: c.id, kind: 'cancel' }))}>
        <Text>取消开班</Text>
      </View>
    </View>
  );
}

function Asking({ c, flow }: { c: TrainerClassView; flow: ConfirmedAction<PlanStep> }) {
  if (flow.asking?.kind === 'cancel') {
    return (
      <ReasonConfirm
        prefix="plan-cancel"
        question={`取消“${c.name}”？`}
        text={c.enrolled > 0 ? `已报名的 ${c.enrolled} 人会收到通知，培训券退回给他们。` : '取消后不能恢复，需要时请重新开班。'}
        reasonLabel="取消原因"
        placeholder="如：报名人数不足"
        confirmLabel="确认取消开班"
        danger
        flow={flow}
        onConfirm={(reason) => void flow.submit({ classId: c.id, kind: 'cancel', reason })}
      />
    );
  }
  return (
    <View className="czt-card plan-send-confirm">
      <Text className="czt-card-title">提交审核？</Text>
      <Text className="czt-card-text">提交后由县人社部门审核，通过后劳动者才能看到并报名。</Text>
      <Notice className="plan-send-notice" text={flow.notice} />
      <AskButtons flow={flow} id="plan-send" confirmLabel="确认提交" keepLabel="先不提交" />
    </View>
  );
}

export function PlanCard({ c, waiting, flow }: { c: TrainerClassView; waiting: number; flow: ConfirmedAction<PlanStep> }) {
  const tag = stateTag(c);
  const approved = c.status === 'approved';
  const open = () => (approved ? go(withQuery(URLS.trainerClass, { classId: c.id })) : c.editable !== 'none' ? go(formUrl(c.id)) : undefined);
  return (
    <>
      <View className={`czt-card trainer-class is-${approved ? c.state : c.status}`} data-class-id={c.id} onClick={open}>
        <View className="trainer-class-head">
          <Text className="czt-card-title trainer-class-name">{c.name}</Text>
          <Text className={`class-state ${tag.className}`}>{tag.text}</Text>
        </View>
        <Facts c={c} waiting={waiting} />
        <Actions c={c} flow={flow} />
        {approved ? <Text className="trainer-class-open">{c.state === 'closed' ? '查看名单 ›' : '去签到 ›'}</Text> : null}
      </View>
      {flow.asking?.classId === c.id ? <Asking c={c} flow={flow} /> : null}
    </>
  );
}

/**
 * The big answer to each scan: trainers scan one person after another and must read it at a
 * glance (green 签到成功, blue 已签到, red refusals, amber 已离线保存).
 */
import { Text, View } from '@tarojs/components';
import type { OfflineScan } from '../../../../cloudfunctions/contract';
import type { RefusedScan, ScanOutcome } from '../stores/use-scan-queue';
import { sessionName } from '../utils/format';

export interface Feedback {
  kind: 'idle' | 'busy' | 'ok' | 'repeat' | 'refused' | 'queued';
  title: string;
  detail: string | null;
  /** Changes with every scan, so the same answer twice still flashes. */
  seq: number;
  /** A queued scan: its id, so the answer can follow it once uploaded. */
  scanId?: string;
}

export const IDLE_FEEDBACK: Feedback = { kind: 'idle', title: '请扫描学员的签到码', detail: null, seq: 0 };

/** While a scan is on its way: the last answer goes, so it is never mistaken for this one's. */
export const busyFeedback = (seq: number): Feedback => ({ kind: 'busy', title: '正在签到…', detail: null, seq });

export function feedbackOf(outcome: ScanOutcome, seq: number): Feedback {
  if (outcome.kind === 'queued') return { kind: 'queued', title: '已离线保存，联网后自动上传', detail: null, seq, scanId: outcome.scan.scanId };
  if (outcome.kind === 'failed') return { kind: 'refused', title: outcome.error.message, detail: null, seq };
  const r = outcome.result;
  const who = (name: string) => (name ? `${name} · ` : '');
  if (r.status === 'accepted') return { kind: 'ok', title: '签到成功', detail: `${who(r.name)}${sessionName(r.session)}`, seq };
  if (r.status === 'duplicate') return { kind: 'repeat', title: r.message, detail: `${who(r.name)}${sessionName(r.session)}，不用再扫`, seq };
  return { kind: 'refused', title: r.message, detail: null, seq };
}

/** A queued scan's answer once it has been uploaded (refused ones say why). */
export function afterUpload(feedback: Feedback, pending: OfflineScan[], refused: RefusedScan[]): Feedback {
  const { scanId } = feedback;
  if (feedback.kind !== 'queued' || !scanId || pending.some((s) => s.scanId === scanId)) return feedback;
  const refusal = refused.find((r) => r.scan.scanId === scanId);
  return refusal
    ? { ...feedback, kind: 'refused', title: refusal.message, detail: '（离线签到上传后）' }
    : { ...feedback, kind: 'ok', title: '离线签到已上传', detail: null };
}

/** `#scan-feedback` exists only while it shows an answer (tests wait for it to appear). */
export function ScanFeedback({ feedback }: { feedback: Feedback }) {
  const answered = feedback.kind !== 'idle' && feedback.kind !== 'busy';
  return (
    <View
      id={answered ? 'scan-feedback' : undefined}
      key={feedback.seq}
      className={`scan-feedback is-${feedback.kind}`}
      aria-live="assertive"
    >
      <Text className="scan-feedback-title">{feedback.title}</Text>
      {feedback.detail ? <Text className="scan-feedback-detail">{feedback.detail}</Text> : null}
    </View>
  );
}

/**
 * 录入鉴定结果 (R7.1, D23): a whole class at once, for trainers of a registered evaluation body.
 * Only people who completed the class (已结业) can be assessed; the others are listed greyed with
 * their status. Each filled row is checked on the phone (score an integer 0–100; 合格 agrees with
 * the score), then `certificate.recordBatch` sends just those rows and each row shows its answer:
 * the certificate number and the subsidy, or why not.
 */
import { Input, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Actions, ResultView, RosterView } from '../../../../cloudfunctions/contract';
import { chinaDateOf, formatDate } from '../../../../cloudfunctions/core/china-date';
import { ApiError, call, isApiError, newRequestId } from '../../../api/client';
import { EmptyState, PageShell } from '../../../components/page-shell';
import { Button } from '../../../components/nutui';
import { useTrainerStore } from '../stores/use-trainer-store';
import '../trainer.scss';
import '../results.scss';

/** D23: a pass needs a score of 60 or more. */
export const PASS_SCORE = 60;
const SCORE_INVALID = '成绩应为0–100的整数';
const SCORE_MISMATCH = '合格与否与成绩不一致（60分及以上为合格）';

type BatchAnswer = Actions['certificate']['recordBatch']['output'][number];
type Person = RosterView['people'][number];

/** 合格/不合格: follows the score until the trainer taps one. */
type Verdict = 'auto' | 'pass' | 'fail';

interface RowInput {
  score: string;
  verdict: Verdict;
}

const EMPTY_ROW: RowInput = { score: '', verdict: 'auto' };

/** `?classId=…` (decoded here: the mini-program hands query values over as they were written). */
function classIdParam(): string {
  const raw = Taro.getCurrentInstance().router?.params.classId ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Today in China, `YYYY-MM-DD`. */
const todayText = (): string => formatDate(chinaDateOf(new Date()));

/** R7.5: fen → `¥1,200.00` (yuan only on screen). */
export function yuanText(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(Math.round(fen));
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}¥${whole}.${cents}`;
}

/** The score typed, or null when it is not an integer 0–100. */
function scoreOf(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,3}$/.test(t)) return null;
  const n = Number(t);
  return n <= 100 ? n : null;
}

/** 合格 as shown: the trainer's tap, else what the score says (nothing until a score is typed). */
function passedOf(row: RowInput): boolean | null {
  if (row.verdict !== 'auto') return row.verdict === 'pass';
  const score = scoreOf(row.score);
  return score === null ? null : score >= PASS_SCORE;
}

const filled = (row: RowInput | undefined): row is RowInput => !!row && (row.score.trim() !== '' || row.verdict !== 'auto');

/** The phone's check of one filled row (the server checks again): null when it may go. */
function problemOf(row: RowInput): string | null {
  const score = scoreOf(row.score);
  if (score === null) return SCORE_INVALID;
  if (passedOf(row) !== score >= PASS_SCORE) return SCORE_MISMATCH;
  return null;
}

function ResultAnswer({ answer }: { answer: BatchAnswer }) {
  const result = answer.result;
  if (!result) {
    return (
      <View className="results-answer is-error">
        <Text className="results-answer-line">{answer.message ?? '没有录入成功，请重试'}</Text>
      </View>
    );
  }
  return (
    <View className={`results-answer ${result.passed ? 'is-pass' : 'is-fail'}`}>
      <Text className="results-answer-line">{`已录入：${result.passed ? '合格' : '不合格'} ${result.score}分`}</Text>
      {result.certificate ? <Text className="results-answer-line results-cert">{`证书编号 ${result.certificate.number}`}</Text> : null}
      <SubsidyLine result={result} />
    </View>
  );
}

function SubsidyLine({ result }: { result: ResultView }) {
  const s = result.subsidy;
  if (!s) return result.certificate ? <Text className="results-answer-line results-subsidy">补贴：无</Text> : null;
  const text =
    s.status === 'payable' ? `补贴：${s.statusName} ${yuanText(s.amountFen)}` : `补贴：${s.statusName}${s.reason ? `（${s.reason}）` : ''}`;
  return <Text className={`results-answer-line results-subsidy is-${s.status}`}>{text}</Text>;
}

interface RowProps {
  person: Person;
  input: RowInput;
  problem: string | null;
  answer: BatchAnswer | undefined;
  onChange: (next: RowInput) => void;
}

function ResultRow({ person, input, problem, answer, onChange }: RowProps) {
  const editable = person.status === 'completed';
  const recorded = !!answer?.result;
  const passed = passedOf(input);
  const scoreClass = problem === SCORE_INVALID ? 'has-error' : '';
  const field = (named: boolean) => (
    <Input
      className={`czt-input results-score-input ${named ? `results-score ${scoreClass}` : ''}`}
      type="number"
      value={input.score}
      placeholder="成绩"
      maxlength={3}
      disabled={recorded}
      onInput={(e) => onChange({ score: e.detail.value, verdict: 'auto' })}
    />
  );
  if (!editable) {
    return (
      <View className="results-row is-disabled" data-person-id={person.personId}>
        <Text className="results-name">{person.name}</Text>
        <Text className="results-status">{`${person.statusName}，不能录入`}</Text>
      </View>
    );
  }
  return (
    <View className={`results-row ${recorded ? 'is-recorded' : ''} ${problem ? 'has-error' : ''}`} data-person-id={person.personId}>
      <View className="results-row-head">
        <Text className="results-name">{person.name}</Text>
        <Text className="results-status">{person.statusName}</Text>
      </View>
      <View className="results-fields">
        <View className="results-score-field">
          {/* H5: the class is on a <label> around the real <input> (as 签到码 does), so both
              `.results-score` and `.results-score input` reach the field. */}
          {process.env.TARO_ENV === 'h5' ? (
            <label className={`results-score ${scoreClass}`}>{field(false)}</label>
          ) : (
            field(true)
          )}
          <Text className="results-score-unit">分</Text>
        </View>
        <View className="results-verdict">
          <View
            className={`results-pass ${passed === true ? 'is-on' : ''}`}
            aria-pressed={passed === true}
            onClick={() => !recorded && onChange({ ...input, verdict: 'pass' })}
          >
            <Text>合格</Text>
          </View>
          <View
            className={`results-fail ${passed === false ? 'is-on' : ''}`}
            aria-pressed={passed === false}
            onClick={() => !recorded && onChange({ ...input, verdict: 'fail' })}
          >
            <Text>不合格</Text>
          </View>
        </View>
      </View>
      {problem ? <Text className="czt-error results-problem">{problem}</Text> : null}
      {answer ? <ResultAnswer answer={answer} /> : null}
    </View>
  );
}

export default function TrainerResultsPage() {
  const classId = classIdParam();
  const { roster, rosterError, view, loadRoster, loadClasses } = useTrainerStore(
    useShallow((s) => ({
      roster: s.rosters[classId] as RosterView | undefined,
      rosterError: s.rosterErrors[classId] ?? null,
      view: s.classes?.find((c) => c.id === classId),
      loadRoster: s.loadRoster,
      loadClasses: s.loadClasses,
    })),
  );
  const today = todayText();
  const [assessedOn, setAssessedOn] = useState(today);
  const [rows, setRows] = useState<Record<string, RowInput>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [answers, setAnswers] = useState<Record<string, BatchAnswer>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // One id per batch: a retry after a lost answer is the same request.
  const requestId = useRef<string | null>(null);

  useEffect(() => {
    if (!classId) return;
    void loadRoster(classId);
    if (!useTrainerStore.getState().classes) void loadClasses();
  }, [classId, loadRoster, loadClasses]);

  if (!classId) {
    return (
      <PageShell className="page-trainer-results">
        <EmptyState title="没有找到这个班级" text="请从“我的班级”进入" />
      </PageShell>
    );
  }

  const setRow = (personId: string, next: RowInput) => {
    setRows((r) => ({ ...r, [personId]: next }));
    setProblems(({ [personId]: _gone, ...rest }) => rest);
    requestId.current = null;
  };

  const submit = async () => {
    if (!roster || sending) return;
    setNotice(null);
    const toSend = roster.people.filter((p) => p.status === 'completed' && !answers[p.personId]?.result && filled(rows[p.personId]));
    if (toSend.length === 0) {
      setNotice('请先填写学员的成绩');
      return;
    }
    if (assessedOn > today) {
      setNotice('鉴定日期不能晚于今天');
      return;
    }
    const found: Record<string, string> = {};
    for (const p of toSend) {
      const problem = problemOf(rows[p.personId]);
      if (problem) found[p.personId] = problem;
    }
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setNotice(`有 ${Object.keys(found).length} 位学员的成绩需要改正，改好后再提交`);
      return;
    }
    const results = toSend.map((p) => {
      const row = rows[p.personId];
      return { personId: p.personId, passed: passedOf(row) === true, score: scoreOf(row.score) as number };
    });
    const id = requestId.current ?? newRequestId();
    requestId.current = id;
    setSending(true);
    try {
      const out = await call('certificate', 'recordBatch', { classId, assessedOn, results }, { requestId: id });
      requestId.current = null;
      setAnswers((a) => {
        const next = { ...a };
        for (const answer of out) next[answer.personId] = answer;
        return next;
      });
      const done = out.filter((a) => a.result).length;
      const failed = out.length - done;
      setNotice(failed > 0 ? `已录入 ${done} 人，${failed} 人没有录入，原因见各行` : `已录入 ${done} 人`);
    } catch (e) {
      setNotice((isApiError(e) ? e : new ApiError('INTERNAL')).message);
    } finally {
      setSending(false);
    }
  };

  const completed = roster ? roster.people.filter((p) => p.status === 'completed') : [];

  return (
    <PageShell
      className="page-trainer-results"
      loading={!roster && !rosterError}
      error={roster ? null : rosterError}
      onRetry={() => void loadRoster(classId)}
    >
      {roster ? (
        <>
          <View className="czt-hero results-hero">
            <Text className="czt-hero-title">录入鉴定结果</Text>
            <Text className="czt-hero-text">{view?.name ?? roster.name}</Text>
          </View>
          <View className="czt-card results-date">
            <Text className="results-label">鉴定日期</Text>
            <Picker mode="date" value={assessedOn} end={today} onChange={(e) => setAssessedOn(String(e.detail.value))}>
              <View id="results-date" className="results-date-value">
                <Text>{assessedOn}</Text>
                <Text className="results-date-change">修改</Text>
              </View>
            </Picker>
            <Text className="czt-footnote">60分及以上为合格。只能录入已结业的学员；合格的学员会取得证书。</Text>
          </View>
          {completed.length === 0 ? <Text className="czt-card-text results-none">这个班没有已结业的学员，不能录入</Text> : null}
          <View className="results-list">
            {roster.people.map((p) => (
              <ResultRow
                key={p.personId}
                person={p}
                input={rows[p.personId] ?? EMPTY_ROW}
                problem={problems[p.personId] ?? null}
                answer={answers[p.personId]}
                onChange={(next) => setRow(p.personId, next)}
              />
            ))}
          </View>
          {notice ? <Text className="czt-notice results-notice">{notice}</Text> : null}
          {completed.length > 0 ? (
            <View className="czt-button-row">
              <Button id="results-submit" className="czt-primary-button" type="primary" size="xlarge" block loading={sending} onClick={() => void submit()}>
                提交
              </Button>
            </View>
          ) : null}
        </>
      ) : null}
    </PageShell>
  );
}

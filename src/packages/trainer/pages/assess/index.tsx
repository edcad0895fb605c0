/**
 * 评价 (R7.1, R1.3): an evaluation body assesses a holder of a 技能等级评价券 without a class. The
 * trainer types the ID number from the card in front of them (checked as it is typed), sees the
 * masked name to compare, picks the occupation and level from what the institution may assess
 * today, types the score (合格 follows it, D23), confirms once (one request id per
 * confirmation), and sees the certificate number issued.
 */
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { EvaluationVoucherView, ResultView } from '../../../../../cloudfunctions/contract';
import { call } from '../../../../api/client';
import { ConfirmCard } from '../../../../components/confirm-buttons';
import { ChoiceField, TextField } from '../../../../components/form-field';
import { Hero, Notice, WideButton } from '../../../../components/page-parts';
import { EmptyState, PageShell } from '../../../../components/page-shell';
import { useConfirmedAction } from '../../../../components/use-confirmed-action';
import { useSession } from '../../../../components/use-session';
import { levelName } from '../../../../utils/class-text';
import { lastValidDayText } from '../../../../utils/dates';
import { idNumberHint } from '../../../../utils/id-number-hint';
import { pageParam } from '../../../../utils/page-param';
import { usePlanStore } from '../../stores/use-plan-store';
import { type RowInput, passedOf, problemOf, scoreOf } from '../../utils/results';
import { trainerBindings, workbenchOf } from '../../utils/workbench';
import '../../trainer.scss';
import '../../plan.scss';

interface Assessment {
  occupationCode: string | null;
  level: number | null;
  row: RowInput;
}

const VERDICTS = [
  { value: 'pass', name: '合格' },
  { value: 'fail', name: '不合格' },
];

function Outcome({ result, onNext }: { result: ResultView; onNext: () => void }) {
  return (
    <View id="assess-result" className={`czt-card assess-result ${result.passed ? 'is-pass' : 'is-fail'}`}>
      <Text className="czt-card-title">{result.passed ? `合格，${result.score}分` : `不合格，${result.score}分`}</Text>
      {result.certificate ? (
        <>
          <Text className="assess-cert-label">{`已发${result.certificate.kindName}${result.certificate.levelName ? `（${result.certificate.levelName}）` : ''}，证书编号：`}</Text>
          <Text id="assess-cert-number" className="assess-cert-number">
            {result.certificate.number}
          </Text>
        </>
      ) : (
        <Text className="czt-card-text">已录入。不合格不发证书，评价券已使用。</Text>
      )}
      <WideButton id="assess-next" row onClick={onNext}>
        评价下一位
      </WideButton>
    </View>
  );
}

function AssessForm({ found, names, institutionId, onDone }: { found: EvaluationVoucherView; names: Record<string, string>; institutionId: string; onDone: (r: ResultView) => void }) {
  const [a, setA] = useState<Assessment>({ occupationCode: found.assessable.length === 1 ? found.assessable[0].occupationCode : null, level: null, row: { score: '', verdict: 'auto' } });
  const [problem, setProblem] = useState<string | null>(null);
  const flow = useConfirmedAction(
    (x: Assessment, options) => call('certificate', 'record', { institutionId, voucherId: found.voucherId, occupationCode: x.occupationCode as string, level: x.level as number, passed: passedOf(x.row) === true, score: scoreOf(x.row.score) as number }, options),
    { keepAfterRefusal: true, onDone },
  );
  const levels = found.assessable.find((r) => r.occupationCode === a.occupationCode)?.levels ?? [];
  const passed = passedOf(a.row);
  const ask = () => {
    const missing = !a.occupationCode ? '请选择职业' : a.level === null ? '请选择等级' : problemOf(a.row);
    setProblem(missing);
    if (!missing) flow.ask(a);
  };
  if (flow.asking) {
    return (
      <ConfirmCard prefix="assess" data={{}} confirmLabel="确认录入" name={found.holderName} busy={flow.busy} notice={flow.notice} onConfirm={() => void flow.confirm()} onCancel={flow.keep}>
        <Text className="assess-fact">{`${names[a.occupationCode ?? ''] ?? ''}（${levelName(a.level ?? 0)}）`}</Text>
        <Text className="assess-fact">{`${passed ? '合格' : '不合格'}，${a.row.score}分`}</Text>
        <Text className="assess-fact">{passed ? '合格会发证书，评价券随即使用' : '不合格不发证书，评价券随即使用'}</Text>
      </ConfirmCard>
    );
  }
  return (
    <View className="czt-form assess-form">
      <ChoiceField idPrefix="assess-occupation" label="评价的职业" choices={found.assessable.map((r) => ({ value: r.occupationCode, name: names[r.occupationCode] ?? r.occupationCode }))} chosen={a.occupationCode} onChoose={(occupationCode) => setA({ ...a, occupationCode, level: null })} />
      {a.occupationCode ? (
        <ChoiceField idPrefix="assess-level" label="等级" choices={levels.map((l) => ({ value: String(l), name: levelName(l) }))} chosen={a.level === null ? null : String(a.level)} onChoose={(l) => setA({ ...a, level: Number(l) })} />
      ) : null}
      <TextField id="assess-score" label="成绩（0–100分，60分及以上合格）" type="number" maxlength={3} placeholder="成绩" value={a.row.score} onInput={(score) => setA({ ...a, row: { score, verdict: 'auto' } })} />
      <ChoiceField idPrefix="assess-verdict" label="结果" choices={VERDICTS} chosen={passed === null ? null : passed ? 'pass' : 'fail'} onChoose={(v) => setA({ ...a, row: { ...a.row, verdict: v as 'pass' | 'fail' } })} />
      <Notice className="assess-problem" text={problem ?? flow.notice} />
      <WideButton id="assess-record" row onClick={ask}>
        录入结果
      </WideButton>
    </View>
  );
}

export default function TrainerAssessPage() {
  const session = useSession();
  const binding = workbenchOf(trainerBindings(session.me), pageParam('institutionId'));
  const institutionId = binding?.institutionId ?? '';
  const institution = usePlanStore((s) => s.institutions.values[institutionId] ?? null);
  const [idNumber, setIdNumber] = useState('');
  const [found, setFound] = useState<EvaluationVoucherView | null>(null);
  const [result, setResult] = useState<ResultView | null>(null);
  const find = useConfirmedAction((id: string, options) => call('certificate', 'findEvaluationVoucher', { idNumber: id, institutionId }, options), { toastFailures: false, onDone: setFound });
  useEffect(() => {
    if (institutionId) void usePlanStore.getState().loadInstitution(institutionId);
  }, [institutionId]);
  const names = Object.fromEntries((institution?.registrations ?? []).map((r) => [r.occupationCode, r.occupationName]));
  const hint = idNumberHint(idNumber, false, new Date());
  const next = () => {
    setFound(null);
    setResult(null);
    setIdNumber('');
  };
  return (
    <PageShell className="page-trainer-assess" loading={session.loading} error={session.error} onRetry={() => void session.load()}>
      {!binding ? (
        <EmptyState title="您还不是培训机构人员" text="请用人社部门发来的邀请开通" />
      ) : (
        <>
          <Hero title="评价" text={`${binding.institutionName ?? ''}：为持技能等级评价券的人录入结果`} />
          {result ? (
            <Outcome result={result} onNext={next} />
          ) : found ? (
            <>
              <View id="assess-holder" className="czt-card assess-holder">
                <Text className="czt-card-title">{found.holderName}</Text>
                <Text className="assess-fact">{`身份证号 ${found.idNumberMasked}`}</Text>
                <Text className="assess-fact">{`评价券有效期至${lastValidDayText(found.expiresAt)}`}</Text>
                <Text className="czt-help">请核对本人身份证上的姓名</Text>
              </View>
              <AssessForm found={found} names={names} institutionId={institutionId} onDone={setResult} />
              <WideButton id="assess-other" kind="secondary" row onClick={next}>
                换一个人
              </WideButton>
            </>
          ) : (
            <View className="czt-form assess-find">
              <TextField id="assess-id" label="身份证号" type="idcard" maxlength={18} placeholder="看着本人身份证输入" value={idNumber} onInput={(v) => {
                  setIdNumber(v);
                  find.renew();
                }} error={hint.kind === 'error' ? hint.message : null} />
              <Notice className="assess-find-notice" text={find.notice} />
              <WideButton id="assess-find" loading={find.busy} row onClick={() => void find.submit(idNumber)}>
                查找评价券
              </WideButton>
            </View>
          )}
        </>
      )}
    </PageShell>
  );
}

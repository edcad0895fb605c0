/**
 * R14.2 撤回同意 and 注销账号, each confirmed, each saying plainly what it does: withdrawing stops
 * new collection; closing removes the WeChat binding, phone and messages and keeps, with the
 * person only, what the programme must keep.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CallOptions } from '../../api/client';
import { KEPT_AFTER_CLOSING } from '../../../cloudfunctions/core/privacy';
import { AskButtons } from '../../components/confirm-buttons';
import { Notice, WideButton } from '../../components/page-parts';
import { useConfirmedAction } from '../../components/use-confirmed-action';
import { usePrivacyStore } from '../../stores/use-privacy-store';
import { URLS } from '../../utils/routes';

interface StepProps {
  /** `my-data-withdraw` → `#my-data-withdraw`, `#my-data-withdraw-confirm`, `.my-data-withdraw`. */
  id: string;
  title: string;
  lines: string[];
  confirmLabel: string;
  keepLabel: string;
  doneTitle: string;
  run: (options: CallOptions) => Promise<unknown>;
  onDone?: () => void;
}

/** One step that gives something up: what it does, then 确认 or the way back. */
function ConfirmedStep(p: StepProps) {
  const flow = useConfirmedAction((_: true, options) => p.run(options), { doneTitle: p.doneTitle, onDone: p.onDone });
  return (
    <View id={`${p.id}-card`} className={`czt-card ${p.id}`}>
      <Text className="czt-card-title">{p.title}</Text>
      {p.lines.map((line) => (
        <Text key={line} className="czt-card-text">
          {line}
        </Text>
      ))}
      <Notice className={`${p.id}-error`} text={flow.notice} />
      {flow.asking ? (
        <AskButtons flow={flow} id={p.id} confirmLabel={p.confirmLabel} keepLabel={p.keepLabel} danger />
      ) : (
        <WideButton id={p.id} kind="secondary" row onClick={() => flow.ask(true)}>
          {p.title}
        </WideButton>
      )}
    </View>
  );
}

export function WithdrawConsent() {
  const withdraw = usePrivacyStore((s) => s.withdraw);
  return (
    <ConfirmedStep
      id="my-data-withdraw"
      title="撤回同意"
      lines={['撤回后不再收集您的新信息：不能再领券、报名、就业登记和刷脸。已在进行的培训照常进行。以后可以重新同意。']}
      confirmLabel="确认撤回同意"
      keepLabel="不撤回"
      doneTitle="已撤回"
      run={withdraw}
    />
  );
}

export function CloseAccount({ onClosed }: { onClosed: () => void }) {
  const close = usePrivacyStore((s) => s.close);
  return (
    <ConfirmedStep
      id="my-data-close"
      title="注销账号"
      lines={[
        '注销后删除：微信账号的绑定、手机号码、消息和授权记录。',
        `会保留（只与您本人对应，不再与任何微信账号关联）：${KEPT_AFTER_CLOSING.join('、')}。以后用同一个身份证号码重新登记，可以找回这些记录。`,
      ]}
      confirmLabel="确认注销"
      keepLabel="不注销"
      doneTitle="已注销"
      run={close}
      onDone={onClosed}
    />
  );
}

export function Closed() {
  return (
    <View id="my-data-closed" className="czt-state">
      <Text className="czt-state-title">账号已注销</Text>
      <Text className="czt-state-text">{`已删除微信绑定、手机号码和消息。${KEPT_AFTER_CLOSING.join('、')}仍按规定保存。`}</Text>
      <WideButton id="my-data-closed-home" row onClick={() => void Taro.switchTab({ url: URLS.home })}>
        回到首页
      </WideButton>
    </View>
  );
}

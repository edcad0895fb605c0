/**
 * The confirm step: two buttons, one per row in large type — the action (primary, or red for
 * 退回/退出) and the way back — and the card that asks one question before acting (确认领取,
 * 确认报名). Used by every "are you sure" screen so they look and work alike.
 */
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Button } from './nutui';
import { Notice } from './page-parts';
import type { ConfirmedAction } from './use-confirmed-action';

export interface ConfirmButtonsProps {
  confirmId: string;
  confirmLabel: string;
  /** Red: the action gives something up (退回, 退出). */
  danger?: boolean;
  busy: boolean;
  onConfirm: () => void;
  keepLabel: string;
  keepId?: string;
  /** Extra class on the way-back button (pages and tests find it by this). */
  keepClassName?: string;
  onKeep: () => void;
}

export function ConfirmButtons(p: ConfirmButtonsProps) {
  return (
    <>
      <View className="czt-button-row">
        <Button
          id={p.confirmId}
          className={p.danger ? 'czt-primary-button czt-danger-button' : 'czt-primary-button'}
          type={p.danger ? 'danger' : 'primary'}
          size="xlarge"
          block
          loading={p.busy}
          onClick={p.onConfirm}
        >
          {p.confirmLabel}
        </Button>
      </View>
      <View className="czt-button-row">
        <Button
          id={p.keepId}
          className={p.keepClassName ? `czt-secondary-button ${p.keepClassName}` : 'czt-secondary-button'}
          size="xlarge"
          block
          onClick={p.onKeep}
        >
          {p.keepLabel}
        </Button>
      </View>
    </>
  );
}

/** What a confirm step needs of its confirmed action (use-confirmed-action.ts), whatever it asks about. */
export type AskingFlow = Pick<ConfirmedAction<never>, 'busy' | 'notice' | 'confirm' | 'keep'>;

export interface AskButtonsProps {
  flow: AskingFlow;
  /** `plan-send` → `#plan-send-confirm`, `#plan-send-keep`. */
  id: string;
  confirmLabel: string;
  /** Default 返回. */
  keepLabel?: string;
  danger?: boolean;
}

/** The ask step's two buttons, wired to its confirmed action: confirm acts once, keep closes. */
export function AskButtons({ flow, id, confirmLabel, keepLabel = '返回', danger }: AskButtonsProps) {
  return (
    <ConfirmButtons
      confirmId={`${id}-confirm`}
      confirmLabel={confirmLabel}
      danger={danger}
      busy={flow.busy}
      onConfirm={() => void flow.confirm()}
      keepLabel={keepLabel}
      keepId={`${id}-keep`}
      onKeep={flow.keep}
    />
  );
}

export interface ConfirmCardProps {
  /** `voucher` → `.voucher-confirm`, `#voucher-confirm`, `#voucher-confirm-cancel`, `.voucher-facts`… */
  prefix: string;
  /** The card's data attributes, e.g. `{ 'data-type': 'skills' }`. */
  data: Record<string, string>;
  /** The question and the action: 确认领取. */
  confirmLabel: string;
  /** What is asked about, in full. */
  name: string;
  /** What it means, one fact a line. */
  children: ReactNode;
  busy: boolean;
  notice: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** One screen, one question: what you get and what it means, then the action or 取消. */
export function ConfirmCard({ prefix, data, confirmLabel, name, children, busy, notice, onConfirm, onCancel }: ConfirmCardProps) {
  return (
    <View className={`czt-card ${prefix}-confirm`} {...data}>
      <Text className="czt-card-title">{confirmLabel}</Text>
      <Text className={`${prefix}-confirm-name`}>{name}</Text>
      <View className={`${prefix}-facts`}>{children}</View>
      <Notice className={`${prefix}-confirm-error`} text={notice} />
      <ConfirmButtons
        confirmId={`${prefix}-confirm`}
        confirmLabel={confirmLabel}
        busy={busy}
        onConfirm={onConfirm}
        keepLabel="取消"
        keepId={`${prefix}-confirm-cancel`}
        onKeep={onCancel}
      />
    </View>
  );
}

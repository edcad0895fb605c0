/**
 * The two buttons of a confirm step, one per row in large type: the action (primary, or red for
 * 退回/退出) and the way back. Used by every "are you sure" screen so they look and work alike.
 */
import { View } from '@tarojs/components';
import { Button } from './nutui';

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

/**
 * The card a 库 adds a record with (a project, an evaluation registration): its title, its
 * fields, what went wrong, then 保存 and the way back. Ids follow `prefix`: `#<prefix>-form`,
 * `-notice`, `-save`, `-cancel`.
 */
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Notice, WideButton } from '../../../components/page-parts';

export interface SupplyFormProps {
  prefix: string;
  title: string;
  flow: { busy: boolean; notice: string | null };
  saveLabel: string;
  cancelLabel: string;
  onSave: () => void;
  onClose: () => void;
  children: ReactNode;
}

export function SupplyForm({ prefix, title, flow, saveLabel, cancelLabel, onSave, onClose, children }: SupplyFormProps) {
  return (
    <View id={`${prefix}-form`} className={`czt-card supply-form ${prefix}-form`}>
      <Text className="czt-card-title">{title}</Text>
      {children}
      <Notice className={`${prefix}-notice`} text={flow.notice} />
      <WideButton id={`${prefix}-save`} loading={flow.busy} row onClick={onSave}>
        {saveLabel}
      </WideButton>
      <WideButton id={`${prefix}-cancel`} kind="secondary" row onClick={onClose}>
        {cancelLabel}
      </WideButton>
    </View>
  );
}

/**
 * 我的培训券 and 我的课程: the caller's own list, newest first, with a confirm step on a row (退回,
 * 退出); a notice above it for the last failure; an empty state that leads to the tab where the
 * list is filled.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import type { ApiError, CallOptions } from '../api/client';
import { ConfirmButtons } from './confirm-buttons';
import { listPageState, useLoadForRegistered } from './page-data';
import { Notice, WideButton } from './page-parts';
import { EmptyState, PageShell, RegisterPrompt } from './page-shell';
import { type ConfirmedAction, useConfirmedAction } from './use-confirmed-action';
import { useSession } from './use-session';

export type RowFlow = ConfirmedAction<string>;

export interface RowConfirmProps {
  /** `my-voucher` → `.my-voucher-confirm`, `.my-voucher-confirm-text`, `.my-voucher-keep`. */
  prefix: string;
  question: string;
  confirmId: string;
  confirmLabel: string;
  keepLabel: string;
  flow: RowFlow;
}

/** A row's red confirm step: what it means, the action, and the way back. */
export function RowConfirm({ prefix, question, confirmId, confirmLabel, keepLabel, flow }: RowConfirmProps) {
  return (
    <View className={`${prefix}-confirm`}>
      <Text className={`${prefix}-confirm-text`}>{question}</Text>
      <ConfirmButtons
        confirmId={confirmId}
        confirmLabel={confirmLabel}
        danger
        busy={flow.busy}
        onConfirm={() => void flow.confirm()}
        keepLabel={keepLabel}
        keepClassName={`${prefix}-keep`}
        onKeep={flow.keep}
      />
    </View>
  );
}

export interface MyListProps<T> {
  className: string;
  /** `my-voucher` → `.my-voucher-notice`, `.my-voucher-list`. */
  prefix: string;
  registerText: string;
  list: { value: T[] | null; error: ApiError | null; load: () => Promise<void> };
  /** The row's action after its confirmation (退回, 退出), by id. */
  act: (id: string, options: CallOptions) => Promise<unknown>;
  doneTitle: string;
  empty: { title: string; text: string; buttonId: string; buttonLabel: string; tab: string };
  /** Above the list (我的课程: 出示签到码). */
  head?: ReactNode;
  row: (item: T, flow: RowFlow) => ReactNode;
}

export function MyList<T>({ className, prefix, registerText, list, act, doneTitle, empty, head, row }: MyListProps<T>) {
  const session = useSession();
  const registered = session.me?.registered === true;
  const { value, error, load } = list;
  useLoadForRegistered(registered, load);
  const flow = useConfirmedAction(act, { doneTitle, reload: load });
  const page = listPageState({ session, allowed: registered, value, error, load });

  return (
    <PageShell className={className} loading={page.loading} error={page.error} onRetry={page.onRetry}>
      {session.me && !registered ? (
        <RegisterPrompt text={registerText} />
      ) : value ? (
        <>
          <Notice
            className={`${prefix}-notice`}
            text={flow.notice ?? (error ? `${error.message}（点此重试）` : null)}
            onClick={() => void load()}
          />
          {head}
          {value.length === 0 ? (
            <EmptyState title={empty.title} text={empty.text}>
              <WideButton id={empty.buttonId} row onClick={() => void Taro.switchTab({ url: empty.tab })}>
                {empty.buttonLabel}
              </WideButton>
            </EmptyState>
          ) : (
            <View className={`${prefix}-list`}>{value.map((item) => row(item, flow))}</View>
          )}
        </>
      ) : null}
    </PageShell>
  );
}

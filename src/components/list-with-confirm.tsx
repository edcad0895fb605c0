/**
 * 培训券 and 课程: a list where taking one (领取, 报名) goes through a confirm card, then a note of
 * success. The way to the caller's own list on top; a failed reload above the list; a refusal
 * above the list once back from the confirm card.
 */
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { LinkRow, Notice, RetryNotice } from './page-parts';

export interface ListWithConfirmProps {
  /** `voucher` → `.voucher-mine-link`, `.voucher-load-error`, `.voucher-refusal`. */
  prefix: string;
  mine: { id: string; label: string; onClick: () => void };
  /** The list's last load failed (the list shown is the one before). */
  error: ApiError | null;
  onRetry: () => void;
  /** The confirm card while asking, else null. */
  confirm: ReactNode | null;
  /** The note after success, else null. */
  success: ReactNode | null;
  /** The last refusal, shown above the list. */
  notice: string | null;
  /** The list. */
  children: ReactNode;
}

export function ListWithConfirm({ prefix, mine, error, onRetry, confirm, success, notice, children }: ListWithConfirmProps) {
  return (
    <>
      <LinkRow id={mine.id} className={`${prefix}-mine-link`} onClick={mine.onClick}>
        {mine.label}
      </LinkRow>
      {confirm ? null : <RetryNotice className={`${prefix}-load-error`} message={error?.message} onRetry={onRetry} />}
      {success ??
        confirm ?? (
          <>
            <Notice className={`${prefix}-refusal`} text={notice} />
            {children}
          </>
        )}
    </>
  );
}

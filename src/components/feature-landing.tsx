/**
 * A tab whose feature arrives in a later release: it still checks registration and shows the
 * same loading and error states as every page, then says plainly what is coming.
 */
import type { ReactNode } from 'react';
import { EmptyState, PageShell, RegisterPrompt } from './page-shell';
import { useSession } from './use-session';

export interface FeatureLandingProps {
  className: string;
  /** What the person needs registration for, e.g. 领取培训券. */
  needsRegistrationFor: string;
  emptyTitle: string;
  emptyText?: string;
  children?: ReactNode;
}

export function FeatureLanding({ className, needsRegistrationFor, emptyTitle, emptyText, children }: FeatureLandingProps) {
  const { loading, error, me, load } = useSession();
  return (
    <PageShell className={className} loading={loading} error={error} onRetry={load}>
      {me && !me.registered ? (
        <RegisterPrompt text={`${needsRegistrationFor}前，请先完成实名登记`} />
      ) : (
        <EmptyState title={emptyTitle} text={emptyText}>
          {children}
        </EmptyState>
      )}
    </PageShell>
  );
}

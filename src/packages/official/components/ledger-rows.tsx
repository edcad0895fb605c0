/** 台账's rows: each record as a card with the server's columns, 加载更多 by the cursor, or why there are none. */
import { Text, View } from '@tarojs/components';
import type { ApiError } from '../../../api/client';
import { WideButton } from '../../../components/page-parts';
import { EmptyState, FailedState, LoadingState } from '../../../components/page-shell';
import type { LoadStatus } from '../../../stores/loading';
import { cellText, ledgerCard } from '../../../utils/ledger-text';
import { type LedgerState, useOfficialStore } from '../stores/use-official-store';


export interface LedgerRowsProps {
  ledger: LedgerState | null;
  status: LoadStatus;
  error: ApiError | null;
  loadingMore: boolean;
  moreError: ApiError | null;
  onRetry: () => void;
}

export function LedgerRows({ ledger, status, error, loadingMore, moreError, onRetry }: LedgerRowsProps) {
  if (!ledger) {
    if (status === 'error' && error) return <FailedState id="ledger-error" retryId="ledger-retry" error={error} onRetry={onRetry} />;
    return <LoadingState id="ledger-loading" />;
  }
  if (ledger.rows.length === 0) return <EmptyState title="没有符合条件的记录" text="可以换个地区、日期或状态再查" />;
  return (
    <View id="ledger-table" className="ledger-table" data-ledger={ledger.filters.ledger}>
      <Text id="ledger-count" className="ledger-count">{`已显示 ${ledger.rows.length} 条${ledger.next ? '' : '（全部）'}`}</Text>
      {ledger.rows.map((row) => {
        // Headed by the person and the thing, never by the record's id (that stays a line).
        const card = ledgerCard(ledger.columns, row);
        return (
          <View key={row.id} className="czt-card ledger-row" data-id={row.id}>
            <Text className="ledger-row-title">{card.title}</Text>
            {card.lines.map((c) => (
              <View key={c.key} className="ledger-cell" data-key={c.key}>
                <Text className="ledger-cell-title">{c.title}</Text>
                <Text className="ledger-cell-value">{cellText(row[c.key])}</Text>
              </View>
            ))}
          </View>
        );
      })}
      {moreError ? <Text className="czt-notice ledger-more-error">{moreError.message}</Text> : null}
      {ledger.next ? (
        <WideButton id="ledger-more" kind="secondary" loading={loadingMore} onClick={() => void useOfficialStore.getState().loadMoreLedger()}>
          加载更多
        </WideButton>
      ) : (
        <Text id="ledger-end" className="czt-footnote">
          已全部显示
        </Text>
      )}
    </View>
  );
}

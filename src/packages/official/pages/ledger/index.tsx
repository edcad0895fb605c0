/**
 * 台账 (R9.5): the six ledgers, newest first, filtered by region (within the caller's), period,
 * type, status, age band and occupation; the server names the columns. 加载更多 follows the
 * `next` cursor; 导出Excel starts an export with the same filters and opens 导出记录.
 */
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { LEDGERS } from '../../../../../cloudfunctions/core/dashboard';
import { showError } from '../../../../api/client';
import { Hero, WideButton } from '../../../../components/page-parts';
import { PageShell } from '../../../../components/page-shell';
import { URLS } from '../../../../utils/routes';
import { filtersOf, formOfYear, LedgerFilterCard, type LedgerForm, LedgerTabs, withKind } from '../../components/ledger-filters';
import { LedgerRows } from '../../components/ledger-rows';
import { NoAccess } from '../../components/no-access';
import { useOfficialRole } from '../../components/use-official-role';
import { useOfficialStore } from '../../stores/use-official-store';
import { thisYear } from '../../utils/format';
import '../../official.scss';

export default function OfficialLedgerPage() {
  const { session, binding } = useOfficialRole();
  const store = useOfficialStore(
    useShallow((s) => ({
      ledger: s.ledger,
      status: s.ledgerStatus,
      error: s.ledgerError,
      loadingMore: s.ledgerLoadingMore,
      moreError: s.ledgerMoreError,
      regions: s.regions,
      voucherTypes: s.voucherTypes,
    })),
  );
  const [form, setForm] = useState<LedgerForm>(() => formOfYear(thisYear()));
  const [exporting, setExporting] = useState(false);
  const allowed = Boolean(binding);
  const filters = filtersOf(form);
  const filtersKey = JSON.stringify(filters);
  const change = (patch: Partial<LedgerForm>) => setForm((f) => ({ ...f, ...patch }));

  useEffect(() => {
    if (!allowed) return;
    void useOfficialStore.getState().loadRegions();
    void useOfficialStore.getState().loadVoucherTypes();
  }, [allowed]);
  useEffect(() => {
    if (allowed) void useOfficialStore.getState().loadLedger(filters);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [allowed, filtersKey]);

  const exportExcel = async () => {
    if (exporting) return;
    setExporting(true);
    try {
      await useOfficialStore.getState().startExport(filters);
      void Taro.navigateTo({ url: URLS.officialExports });
    } catch (e) {
      showError(e);
    } finally {
      setExporting(false);
    }
  };

  if (!binding || session.loading || session.error) {
    return (
      <PageShell className="page-official-ledger" loading={session.loading} error={session.error} onRetry={() => void session.load()}>
        <NoAccess />
      </PageShell>
    );
  }

  return (
    <PageShell className="page-official-ledger">
      <Hero title={LEDGERS[form.kind].title} titleId="ledger-title" text={binding.regionName ?? '本辖区'} />
      <LedgerTabs kind={form.kind} onChoose={(kind) => setForm((f) => withKind(f, kind))} />
      <LedgerFilterCard form={form} onChange={change} regions={store.regions} binding={binding} voucherTypes={store.voucherTypes} />
      <WideButton id="ledger-export" loading={exporting} onClick={() => void exportExcel()}>
        导出Excel
      </WideButton>
      <LedgerRows
        ledger={store.ledger}
        status={store.status}
        error={store.error}
        loadingMore={store.loadingMore}
        moreError={store.moreError}
        onRetry={() => void useOfficialStore.getState().loadLedger(filters)}
      />
    </PageShell>
  );
}

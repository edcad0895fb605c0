/**
 * 台账 (R9.5): the six ledgers, newest first, filtered by region (within the caller's), period,
 * type, status, age band and occupation; the server names the columns. 加载更多 follows the
 * `next` cursor; 导出Excel starts an export with the same filters and opens 导出记录.
 */
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Band, LedgerFilters, LedgerKind, Region, RoleBinding } from '../../../../cloudfunctions/contract';
import { BAND_NAMES } from '../../../../cloudfunctions/core/age';
import { CERTIFICATE_KIND_NAMES } from '../../../../cloudfunctions/core/certificates';
import { LEDGER_KINDS, LEDGERS } from '../../../../cloudfunctions/core/dashboard';
import { WORK_PLACE_NAMES } from '../../../../cloudfunctions/core/employment';
import { showError } from '../../../api/client';
import { Button } from '../../../components/nutui';
import { EmptyState, PageShell } from '../../../components/page-shell';
import { ChoicePicker, DatePicker } from '../components/choice-picker';
import { useOfficialRole } from '../components/use-official-role';
import { useOfficialStore } from '../stores/use-official-store';
import { thisYear } from '../utils/format';
import '../official.scss';

export const EXPORTS_URL = '/packages/official/pages/exports';

interface Choice {
  value: string;
  label: string;
}

const ALL: Choice = { value: '', label: '全部' };
const BANDS: Band[] = ['A', 'B', 'C'];
const BAND_CHOICES: Choice[] = [ALL, ...BANDS.map((b) => ({ value: b, label: `${b}段 ${BAND_NAMES[b]}` }))];

/** The caller's region and the cities and counties under it, depth first, indented. */
export function regionChoices(regions: Region[] | null, binding: RoleBinding): Choice[] {
  const own: Choice = { value: '', label: `${binding.regionName ?? '本辖区'}（全部）` };
  if (!regions) return [own];
  const kids = new Map<string, Region[]>();
  for (const r of regions) {
    if (r.level === 'township' || !r.parent) continue;
    kids.set(r.parent, [...(kids.get(r.parent) ?? []), r]);
  }
  const out: Choice[] = [own];
  const walk = (code: string, depth: number) => {
    for (const r of [...(kids.get(code) ?? [])].sort((a, b) => a.code.localeCompare(b.code))) {
      out.push({ value: r.code, label: `${'　'.repeat(depth)}${r.name}` });
      walk(r.code, depth + 1);
    }
  };
  if (binding.regionCode) walk(binding.regionCode, 0);
  else
    for (const r of regions.filter((x) => x.level !== 'township' && (!x.parent || !regions.some((p) => p.code === x.parent)))) {
      out.push({ value: r.code, label: r.name });
      walk(r.code, 1);
    }
  return out;
}

function typeChoices(kind: LedgerKind, voucherTypes: { code: string; name: string }[] | null): Choice[] | null {
  switch (LEDGERS[kind].typeFilter) {
    case 'voucherType':
      return [ALL, ...(voucherTypes ?? []).map((t) => ({ value: t.code, label: t.name }))];
    case 'certificateKind':
      return [ALL, ...Object.entries(CERTIFICATE_KIND_NAMES).map(([value, label]) => ({ value, label }))];
    case 'workPlace':
      return [ALL, ...Object.entries(WORK_PLACE_NAMES).map(([value, label]) => ({ value, label }))];
    default:
      return null;
  }
}

const TYPE_LABEL: Record<string, string> = { voucherType: '券种', certificateKind: '证书类别', workPlace: '就业地点' };

function cellText(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

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
  const year = thisYear();
  const [kind, setKind] = useState<LedgerKind>('vouchers');
  const [regionCode, setRegionCode] = useState('');
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  const [type, setType] = useState('');
  const [status, setStatus] = useState('');
  const [band, setBand] = useState<Band | ''>('');
  const [occupation, setOccupation] = useState('');
  const [occupationDraft, setOccupationDraft] = useState('');
  const [exporting, setExporting] = useState(false);
  const allowed = Boolean(binding);
  const info = LEDGERS[kind];

  const filters = useMemo<LedgerFilters>(() => {
    const f: LedgerFilters = { ledger: kind, from, to };
    if (regionCode) f.regionCode = regionCode;
    if (type && info.typeFilter) f.type = type;
    if (status) f.status = status;
    if (band) f.band = band;
    if (occupation && info.occupationFilter) f.occupation = occupation;
    return f;
  }, [kind, regionCode, from, to, type, status, band, occupation, info]);
  const filtersKey = JSON.stringify(filters);

  useEffect(() => {
    if (!allowed) return;
    void useOfficialStore.getState().loadRegions();
    void useOfficialStore.getState().loadVoucherTypes();
  }, [allowed]);
  useEffect(() => {
    if (allowed) void useOfficialStore.getState().loadLedger(filters);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [allowed, filtersKey]);

  const chooseKind = (next: LedgerKind) => {
    if (next === kind) return;
    setKind(next);
    setType('');
    setStatus('');
    setOccupation('');
    setOccupationDraft('');
  };

  const exportExcel = async () => {
    if (exporting) return;
    setExporting(true);
    try {
      await useOfficialStore.getState().startExport(filters);
      void Taro.navigateTo({ url: EXPORTS_URL });
    } catch (e) {
      showError(e);
    } finally {
      setExporting(false);
    }
  };

  if (!binding || session.loading || session.error) {
    return (
      <PageShell className="page-official-ledger" loading={session.loading} error={session.error} onRetry={() => void session.load()}>
        <EmptyState title="无权限" text="此页面仅供人社部门工作人员使用" />
      </PageShell>
    );
  }

  const regionList = regionChoices(store.regions, binding);
  const types = typeChoices(kind, store.voucherTypes);
  const statuses: Choice[] = [ALL, ...info.statuses];
  const ledger = store.ledger;

  return (
    <PageShell className="page-official-ledger">
      <View className="czt-hero">
        <Text className="czt-hero-title" id="ledger-title">
          {info.title}
        </Text>
        <Text className="czt-hero-text">{binding.regionName ?? '本辖区'}</Text>
      </View>
      <View id="ledger-tabs" className="ledger-tabs">
        {LEDGER_KINDS.map((k) => (
          <View key={k} className={`ledger-tab ${k === kind ? 'is-on' : ''}`} data-ledger={k} onClick={() => chooseKind(k)}>
            <Text>{LEDGERS[k].title.replace('台账', '')}</Text>
          </View>
        ))}
      </View>
      <View id="ledger-filters" className="czt-card official-section">
        <ChoicePicker
          id="filter-region"
          label="地区"
          choices={regionList.map((c) => c.label)}
          index={Math.max(0, regionList.findIndex((c) => c.value === regionCode))}
          onChange={(i) => setRegionCode(regionList[i]?.value ?? '')}
        />
        <DatePicker id="filter-from" label="起始日期" value={from} end={to} onChange={setFrom} />
        <DatePicker id="filter-to" label="截止日期" value={to} start={from} onChange={setTo} />
        {types && info.typeFilter ? (
          <ChoicePicker
            id="filter-type"
            label={TYPE_LABEL[info.typeFilter]}
            choices={types.map((c) => c.label)}
            index={Math.max(0, types.findIndex((c) => c.value === type))}
            onChange={(i) => setType(types[i]?.value ?? '')}
          />
        ) : null}
        <ChoicePicker
          id="filter-status"
          label="状态"
          choices={statuses.map((c) => c.label)}
          index={Math.max(0, statuses.findIndex((c) => c.value === status))}
          onChange={(i) => setStatus(statuses[i]?.value ?? '')}
        />
        <ChoicePicker
          id="filter-band"
          label="年龄段"
          choices={BAND_CHOICES.map((c) => c.label)}
          index={Math.max(0, BAND_CHOICES.findIndex((c) => c.value === band))}
          onChange={(i) => setBand((BAND_CHOICES[i]?.value ?? '') as Band | '')}
        />
        {info.occupationFilter ? (
          <View className="ledger-occupation">
            <Text className="official-select-label">职业编码</Text>
            <Input
              id="filter-occupation"
              className="czt-input ledger-occupation-input"
              value={occupationDraft}
              placeholder="如 4-10-01-05，不填为全部"
              onInput={(e) => setOccupationDraft(e.detail.value)}
              onConfirm={() => setOccupation(occupationDraft.trim())}
            />
            <Button id="ledger-search" className="czt-secondary-button" size="large" block onClick={() => setOccupation(occupationDraft.trim())}>
              查询
            </Button>
          </View>
        ) : null}
      </View>
      <Button id="ledger-export" className="czt-primary-button" type="primary" size="xlarge" block loading={exporting} onClick={() => void exportExcel()}>
        导出Excel
      </Button>
      <LedgerRows
        ledger={ledger}
        status={store.status}
        error={store.error}
        loadingMore={store.loadingMore}
        moreError={store.moreError}
        onRetry={() => void useOfficialStore.getState().loadLedger(filters)}
      />
    </PageShell>
  );
}

function LedgerRows({
  ledger,
  status,
  error,
  loadingMore,
  moreError,
  onRetry,
}: {
  ledger: ReturnType<typeof useOfficialStore.getState>['ledger'];
  status: ReturnType<typeof useOfficialStore.getState>['ledgerStatus'];
  error: ReturnType<typeof useOfficialStore.getState>['ledgerError'];
  loadingMore: boolean;
  moreError: ReturnType<typeof useOfficialStore.getState>['ledgerMoreError'];
  onRetry: () => void;
}) {
  if (!ledger) {
    if (status === 'error' && error) {
      const offline = error.code === 'NETWORK';
      return (
        <View id="ledger-error" className={`czt-state ${offline ? 'czt-state-offline' : 'czt-state-error'}`}>
          <Text className="czt-state-title">{offline ? '网络连接不上' : '出了点问题'}</Text>
          <Text className="czt-state-text">{error.message}</Text>
          <Button id="ledger-retry" className="czt-primary-button" type="primary" size="xlarge" block onClick={onRetry}>
            重试
          </Button>
        </View>
      );
    }
    return (
      <View id="ledger-loading" className="czt-state czt-state-loading">
        <View className="czt-spinner" />
        <Text className="czt-state-title">正在加载…</Text>
      </View>
    );
  }
  if (ledger.rows.length === 0) return <EmptyState title="没有符合条件的记录" text="可以换个地区、日期或状态再查" />;
  const [head, ...rest] = ledger.columns;
  return (
    <View id="ledger-table" className="ledger-table" data-ledger={ledger.filters.ledger}>
      <Text id="ledger-count" className="ledger-count">{`已显示 ${ledger.rows.length} 条${ledger.next ? '' : '（全部）'}`}</Text>
      {ledger.rows.map((row) => (
        <View key={row.id} className="czt-card ledger-row" data-id={row.id}>
          {head ? (
            <Text className="ledger-row-title ledger-cell" data-key={head.key}>
              {cellText(row[head.key])}
            </Text>
          ) : null}
          {rest.map((c) => (
            <View key={c.key} className="ledger-cell" data-key={c.key}>
              <Text className="ledger-cell-title">{c.title}</Text>
              <Text className="ledger-cell-value">{cellText(row[c.key])}</Text>
            </View>
          ))}
        </View>
      ))}
      {moreError ? <Text className="czt-notice ledger-more-error">{moreError.message}</Text> : null}
      {ledger.next ? (
        <Button
          id="ledger-more"
          className="czt-secondary-button"
          size="xlarge"
          block
          loading={loadingMore}
          onClick={() => void useOfficialStore.getState().loadMoreLedger()}
        >
          加载更多
        </Button>
      ) : (
        <Text id="ledger-end" className="czt-footnote">
          已全部显示
        </Text>
      )}
    </View>
  );
}

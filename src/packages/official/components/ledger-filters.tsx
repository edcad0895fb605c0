/**
 * 台账's filters: region (within the caller's), period, type, status, age band and occupation
 * code, as one value the page keeps; and the six ledgers as a 3×2 grid of large tabs.
 */
import { Input, Text, View } from '@tarojs/components';
import type { Band, LedgerFilters, LedgerKind, Region, RoleBinding } from '../../../../cloudfunctions/contract';
import { formatDate } from '../../../../cloudfunctions/core/china-date';
import { LEDGER_KINDS, LEDGERS } from '../../../../cloudfunctions/core/dashboard';
import { WideButton } from '../../../components/page-parts';
import { ALL, BAND_CHOICES, type Choice, regionChoices, TYPE_LABEL, typeChoices } from '../utils/ledger-choices';
import { DatePicker, OptionPicker } from '../../../components/choice-picker';

export interface LedgerForm {
  kind: LedgerKind;
  regionCode: string;
  from: string;
  to: string;
  type: string;
  status: string;
  band: Band | '';
  /** The occupation code searched for, and the one being typed. */
  occupation: string;
  occupationDraft: string;
}

/** The whole of this year, every region, type and status. */
export const formOfYear = (year: number): LedgerForm => ({
  kind: 'vouchers',
  regionCode: '',
  from: formatDate({ year, month: 1, day: 1 }),
  to: formatDate({ year, month: 12, day: 31 }),
  type: '',
  status: '',
  band: '',
  occupation: '',
  occupationDraft: '',
});

/** What the server is asked for: only the filters the ledger takes. */
export function filtersOf(f: LedgerForm): LedgerFilters {
  const info = LEDGERS[f.kind];
  const filters: LedgerFilters = { ledger: f.kind, from: f.from, to: f.to };
  if (f.regionCode) filters.regionCode = f.regionCode;
  if (f.type && info.typeFilter) filters.type = f.type;
  if (f.status) filters.status = f.status;
  if (f.band) filters.band = f.band;
  if (f.occupation && info.occupationFilter) filters.occupation = f.occupation;
  return filters;
}

/** Another ledger: its own types, statuses and occupation start from 全部. */
export const withKind = (f: LedgerForm, kind: LedgerKind): LedgerForm =>
  kind === f.kind ? f : { ...f, kind, type: '', status: '', occupation: '', occupationDraft: '' };

export function LedgerTabs({ kind, onChoose }: { kind: LedgerKind; onChoose: (kind: LedgerKind) => void }) {
  return (
    <View id="ledger-tabs" className="ledger-tabs">
      {LEDGER_KINDS.map((k) => (
        <View key={k} className={`ledger-tab ${k === kind ? 'is-on' : ''}`} data-ledger={k} onClick={() => onChoose(k)}>
          <Text>{LEDGERS[k].title.replace('台账', '')}</Text>
        </View>
      ))}
    </View>
  );
}

export interface LedgerFilterCardProps {
  form: LedgerForm;
  onChange: (patch: Partial<LedgerForm>) => void;
  regions: Region[] | null;
  binding: RoleBinding;
  voucherTypes: { code: string; name: string }[] | null;
}

export function LedgerFilterCard({ form, onChange, regions, binding, voucherTypes }: LedgerFilterCardProps) {
  const info = LEDGERS[form.kind];
  const types = typeChoices(form.kind, voucherTypes);
  const statuses: Choice[] = [ALL, ...info.statuses];
  const search = () => onChange({ occupation: form.occupationDraft.trim() });
  return (
    <View id="ledger-filters" className="czt-card official-section">
      <OptionPicker id="filter-region" label="地区" options={regionChoices(regions, binding)} value={form.regionCode} onChange={(regionCode) => onChange({ regionCode })} />
      <DatePicker id="filter-from" label="起始日期" value={form.from} end={form.to} onChange={(from) => onChange({ from })} />
      <DatePicker id="filter-to" label="截止日期" value={form.to} start={form.from} onChange={(to) => onChange({ to })} />
      {types && info.typeFilter ? (
        <OptionPicker id="filter-type" label={TYPE_LABEL[info.typeFilter]} options={types} value={form.type} onChange={(type) => onChange({ type })} />
      ) : null}
      <OptionPicker id="filter-status" label="状态" options={statuses} value={form.status} onChange={(status) => onChange({ status })} />
      <OptionPicker id="filter-band" label="年龄段" options={BAND_CHOICES} value={form.band} onChange={(band) => onChange({ band: band as Band | '' })} />
      {info.occupationFilter ? (
        <View className="ledger-occupation">
          <Text className="czt-picker-label">职业编码</Text>
          <Input
            id="filter-occupation"
            className="czt-input ledger-occupation-input"
            value={form.occupationDraft}
            placeholder="如 4-10-01-05，不填为全部"
            onInput={(e) => onChange({ occupationDraft: e.detail.value })}
            onConfirm={search}
          />
          <WideButton id="ledger-search" kind="secondary" size="large" onClick={search}>
            查询
          </WideButton>
        </View>
      ) : null}
    </View>
  );
}

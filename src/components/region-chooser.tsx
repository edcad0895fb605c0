/**
 * 户籍所在乡镇 (or an institution's 所在乡镇): choose the county first, then one of its townships,
 * from plain tappable lists (easier for older users than a spinning picker, and easy to drive in
 * browser tests).
 */
import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import type { Region } from '../../cloudfunctions/contract';

export interface RegionChooserProps {
  regions: Region[];
  countyCode: string | null;
  townshipCode: string | null;
  onChange: (countyCode: string | null, townshipCode: string | null) => void;
  error?: string | null;
  /** The field's label (default 户籍所在乡镇). */
  label?: string;
  /** `reg` → `#reg-county`, `#reg-township`, `.reg-county-option`… (default `reg`). */
  idPrefix?: string;
}

type OpenList = 'county' | 'township' | null;

interface SelectProps {
  id: string;
  className: string;
  text: string;
  open: boolean;
  onClick: () => void;
}

/** The tappable row that opens a list. */
function Select({ id, className, text, open, onClick }: SelectProps) {
  return (
    <View id={id} className={`czt-select ${className}`} onClick={onClick}>
      <Text className="czt-select-text">{text}</Text>
      <Text className="czt-arrow">{open ? '˄' : '˅'}</Text>
    </View>
  );
}

interface OptionsProps {
  /** `reg-county` → `.reg-county-options`, `.reg-county-option`. */
  kind: string;
  options: Region[];
  chosen: string | null;
  note?: (r: Region) => string | undefined;
  onPick: (code: string) => void;
}

/** One large row per choice. */
function Options({ kind, options, chosen, note, onPick }: OptionsProps) {
  return (
    <View className={`czt-options ${kind}-options`}>
      {options.map((r) => (
        <View key={r.code} className={`czt-option ${kind}-option ${r.code === chosen ? 'is-selected' : ''}`} data-code={r.code} onClick={() => onPick(r.code)}>
          <Text className="czt-option-name">{r.name}</Text>
          {note?.(r) ? <Text className="czt-option-note">{note(r)}</Text> : null}
        </View>
      ))}
    </View>
  );
}

export function RegionChooser({ regions, countyCode, townshipCode, onChange, error, label = '户籍所在乡镇', idPrefix = 'reg' }: RegionChooserProps) {
  const [open, setOpen] = useState<OpenList>(null);
  const byCode = useMemo(() => new Map(regions.map((r) => [r.code, r])), [regions]);
  // Only counties with townships can be chosen: registration needs a township.
  const counties = useMemo(() => {
    const withTownships = new Set(regions.filter((r) => r.level === 'township').map((r) => r.parent));
    return regions.filter((r) => r.level === 'county' && withTownships.has(r.code));
  }, [regions]);
  const townships = useMemo(
    () => regions.filter((r) => r.level === 'township' && r.parent === countyCode),
    [regions, countyCode],
  );
  const county = countyCode ? byCode.get(countyCode) : undefined;
  const township = townshipCode ? byCode.get(townshipCode) : undefined;
  const cityOf = (c: Region) => (c.parent ? byCode.get(c.parent)?.name : undefined);

  const pickCounty = (code: string) => {
    onChange(code, null);
    setOpen('township');
  };
  const pickTownship = (code: string) => {
    onChange(countyCode, code);
    setOpen(null);
  };

  return (
    <View className={`czt-field ${idPrefix}-region`}>
      <Text className="czt-label">{label}</Text>
      <Select
        id={`${idPrefix}-county`}
        className={county ? 'is-chosen' : ''}
        text={county ? county.name : '请选择县（市、区）'}
        open={open === 'county'}
        onClick={() => setOpen(open === 'county' ? null : 'county')}
      />
      {open === 'county' ? <Options kind={`${idPrefix}-county`} options={counties} chosen={countyCode} note={cityOf} onPick={pickCounty} /> : null}
      <Select
        id={`${idPrefix}-township`}
        className={`${county ? '' : 'is-disabled'} ${township ? 'is-chosen' : ''}`}
        text={township ? township.name : county ? '请选择乡镇' : '先选县，再选乡镇'}
        open={open === 'township'}
        onClick={() => {
          if (county) setOpen(open === 'township' ? null : 'township');
          else setOpen('county');
        }}
      />
      {open === 'township' ? <Options kind={`${idPrefix}-township`} options={townships} chosen={townshipCode} onPick={pickTownship} /> : null}
      {error ? <Text className={`czt-error ${idPrefix}-region-error`}>{error}</Text> : null}
    </View>
  );
}

/**
 * 户籍所在乡镇: choose the county first, then one of its townships, from plain tappable lists
 * (easier for older users than a spinning picker, and easy to drive in browser tests).
 */
import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import type { Region } from '../../../cloudfunctions/contract';

export interface RegionChooserProps {
  regions: Region[];
  countyCode: string | null;
  townshipCode: string | null;
  onChange: (countyCode: string | null, townshipCode: string | null) => void;
  error?: string | null;
}

type OpenList = 'county' | 'township' | null;

export function RegionChooser({ regions, countyCode, townshipCode, onChange, error }: RegionChooserProps) {
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
    <View className="czt-field reg-region">
      <Text className="czt-label">户籍所在乡镇</Text>
      <View
        id="reg-county"
        className={`czt-select ${county ? 'is-chosen' : ''}`}
        onClick={() => setOpen(open === 'county' ? null : 'county')}
      >
        <Text className="czt-select-text">{county ? county.name : '请选择县（市、区）'}</Text>
        <Text className="czt-arrow">{open === 'county' ? '˄' : '˅'}</Text>
      </View>
      {open === 'county' ? (
        <View className="czt-options reg-county-options">
          {counties.map((c) => (
            <View
              key={c.code}
              className={`czt-option reg-county-option ${c.code === countyCode ? 'is-selected' : ''}`}
              data-code={c.code}
              onClick={() => pickCounty(c.code)}
            >
              <Text className="czt-option-name">{c.name}</Text>
              {cityOf(c) ? <Text className="czt-option-note">{cityOf(c)}</Text> : null}
            </View>
          ))}
        </View>
      ) : null}
      <View
        id="reg-township"
        className={`czt-select ${county ? '' : 'is-disabled'} ${township ? 'is-chosen' : ''}`}
        onClick={() => {
          if (county) setOpen(open === 'township' ? null : 'township');
          else setOpen('county');
        }}
      >
        <Text className="czt-select-text">{township ? township.name : county ? '请选择乡镇' : '先选县，再选乡镇'}</Text>
        <Text className="czt-arrow">{open === 'township' ? '˄' : '˅'}</Text>
      </View>
      {open === 'township' ? (
        <View className="czt-options reg-township-options">
          {townships.map((t) => (
            <View
              key={t.code}
              className={`czt-option reg-township-option ${t.code === townshipCode ? 'is-selected' : ''}`}
              data-code={t.code}
              onClick={() => pickTownship(t.code)}
            >
              <Text className="czt-option-name">{t.name}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {error ? <Text className="czt-error reg-region-error">{error}</Text> : null}
    </View>
  );
}

/**
 * A region inside the caller's (a county or above), chosen from large tappable tiles: the
 * caller's own region first (整个吕梁市), then the regions under it; a city opens its counties.
 * No codes typed by hand. Tiles carry `data-code` (`.invite-region-option[data-code="141128"]`).
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Region } from '../../../../cloudfunctions/contract';
import { FieldError } from '../../../components/form-field';
import { pathDown, regionName, statisticalChildren } from '../utils/region-tree';

export interface RegionScopeProps {
  /** `invite-region` → `#invite-region`, `.invite-region-option`, `#invite-region-up`. */
  idPrefix: string;
  label: string;
  regions: Region[];
  /** The caller's region: nothing above it is offered. */
  rootCode: string;
  value: string;
  onChange: (code: string) => void;
  /** The tile for a region as a whole: 整个吕梁市 (default), or 吕梁市全部. */
  wholeText?: (name: string) => string;
  error?: string | null;
}

export function RegionScope({ idPrefix, label, regions, rootCode, value, onChange, wholeText = (n) => `整个${n}`, error }: RegionScopeProps) {
  const [open, setOpen] = useState(false);
  const [browsing, setBrowsing] = useState(rootCode);
  const path = pathDown(regions, browsing, rootCode);
  const children = statisticalChildren(regions, browsing);
  const pick = (code: string) => {
    onChange(code);
    setOpen(false);
  };
  const tap = (r: Region) => (statisticalChildren(regions, r.code).length > 0 ? setBrowsing(r.code) : pick(r.code));
  const chosenName = regionName(regions, value);
  return (
    <View className={`czt-field ${idPrefix}-field`}>
      <Text className="czt-label">{label}</Text>
      <View id={idPrefix} className={`czt-select ${value ? 'is-chosen' : ''}`} onClick={() => setOpen(!open)}>
        <Text className="czt-select-text">{chosenName ? (value === rootCode ? wholeText(chosenName) : chosenName) : '请选择地区'}</Text>
        <Text className="czt-arrow">{open ? '˄' : '˅'}</Text>
      </View>
      {open ? (
        <>
          {path.length > 1 ? (
            <View id={`${idPrefix}-up`} className="czt-link-row region-scope-up" onClick={() => setBrowsing(path[path.length - 2].code)}>
              <Text>{`‹ 返回${path[path.length - 2].name}`}</Text>
            </View>
          ) : null}
          <View className={`czt-options ${idPrefix}-options`}>
            <View className={`czt-option ${idPrefix}-option ${value === browsing ? 'is-selected' : ''}`} data-code={browsing} onClick={() => pick(browsing)}>
              <Text className="czt-option-name">{wholeText(regionName(regions, browsing))}</Text>
            </View>
            {children.map((r) => {
              const below = statisticalChildren(regions, r.code).length;
              return (
                <View key={r.code} className={`czt-option ${idPrefix}-option ${value === r.code ? 'is-selected' : ''}`} data-code={r.code} onClick={() => tap(r)}>
                  <Text className="czt-option-name">{r.name}</Text>
                  {below > 0 ? <Text className="czt-option-note">{`下有${below}个县（市、区）›`}</Text> : null}
                </View>
              );
            })}
          </View>
        </>
      ) : null}
      <FieldError error={error} />
    </View>
  );
}

/**
 * Where a record counts: its county, city and province. Counters and ledger chains are per
 * county (R9.1, R9.2); a record carries the three codes so ledgers can filter by any of them.
 */
import type { Region } from '../../contract';
import { DomainError } from '../../core/errors';
import { type Filter, where } from '../../store/port';
import type { RegionDirectory } from './regions';

export interface Place {
  countyCode: string;
  cityCode: string;
  provinceCode: string;
}

/** The place of a record (person, voucher, enrollment …), without its other fields. */
export const placeOf = (p: Place): Place => ({ countyCode: p.countyCode, cityCode: p.cityCode, provinceCode: p.provinceCode });

/** A county's place; REGION_UNKNOWN when `countyCode` is not a county. */
export function countyPlace(regions: RegionDirectory, countyCode: string): Place {
  const county = regions.get(countyCode);
  const city = regions.ancestorAt(countyCode, 'city');
  const province = regions.ancestorAt(countyCode, 'province');
  if (!county || county.level !== 'county' || !city || !province) throw new DomainError('REGION_UNKNOWN', '请选择县（市、区）');
  return { countyCode: county.code, cityCode: city.code, provinceCode: province.code };
}

/**
 * The chain a region-level change is recorded on (D27): a county's own, or for a city or a
 * province the chain under the region's own code.
 */
export function regionPlace(regions: RegionDirectory, code: string): Place {
  const city = regions.ancestorAt(code, 'city')?.code ?? code;
  const province = regions.ancestorAt(code, 'province')?.code ?? code;
  return { countyCode: code, cityCode: city, provinceCode: province };
}

/** The place field that holds a region of this level (county, city or province). */
export const PLACE_FIELD = { province: 'provinceCode', city: 'cityCode', county: 'countyCode' } as const;

/** Records placed in a region's subtree (a county or above): `countyCode = …`, `cityCode = …` or `provinceCode = …`. */
export function inRegion(region: Pick<Region, 'code' | 'level'>): Filter {
  if (region.level === 'township') throw new DomainError('REGION_NOT_STATISTICAL');
  return where(PLACE_FIELD[region.level], 'eq', region.code);
}

/**
 * R2 the region part of an ID number: its first six digits are the GB/T 2260 code of the county
 * (or city) where it was first issued, and a number keeps that code when the county is merged or
 * renamed later (吕梁地区's 1423xx numbers are valid though 吕梁市 is 1411xx since 2004). So the
 * check is against every code ever issued since 1980, abolished ones included
 * (data/gb2260.json, built by scripts/data/build-gb2260.ts); a province's own code (xx0000) was
 * never a place of issue.
 */
import gb2260 from '../../data/gb2260.json';

type Row = [name: string, first: string, last: string];
type Table = { latestRevision: string; codes: Record<string, Row> };

export interface IdRegion {
  code: string;
  name: string;
  /** Still in the latest revision; otherwise merged, renamed or abolished since `lastListed`. */
  inUse: boolean;
  lastListed: string;
}

/** The issuing region of a number's first six digits, or null when no such code was ever issued. */
export function idRegionOf(code: string): IdRegion | null {
  // Read inside the call, so bundles that never check a number leave the table out.
  const { codes, latestRevision } = gb2260 as unknown as Table;
  const row = Object.prototype.hasOwnProperty.call(codes, code) ? codes[code] : undefined;
  if (!row || code.endsWith('0000')) return null;
  return { code, name: row[0], inUse: row[2] === latestRevision, lastListed: row[2] };
}

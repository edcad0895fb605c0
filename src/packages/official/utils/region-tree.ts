/**
 * The region tree (`account.regions`) as the supply pages walk it: what lies inside the caller's
 * region, the statistical regions (county or above) under one, and the way down to one.
 */
import type { Region } from '../../../../cloudfunctions/contract';

const byCode = (regions: readonly Region[]) => new Map(regions.map((r) => [r.code, r]));

/** `code` is `root` or lies under it. */
export function isInside(regions: readonly Region[], code: string, root: string): boolean {
  const index = byCode(regions);
  for (let r = index.get(code); r; r = r.parent ? index.get(r.parent) : undefined) if (r.code === root) return true;
  return false;
}

/** Every region inside `root`, `root` included (townships too). */
export const regionsInside = (regions: readonly Region[], root: string): Region[] => regions.filter((r) => isInside(regions, r.code, root));

/** The cities and counties right under `code`, in code order. */
export const statisticalChildren = (regions: readonly Region[], code: string): Region[] =>
  regions.filter((r) => r.parent === code && r.level !== 'township').sort((a, b) => a.code.localeCompare(b.code));

/** From `root` down to `code` (both included); empty when `code` is not inside `root`. */
export function pathDown(regions: readonly Region[], code: string, root: string): Region[] {
  const index = byCode(regions);
  const path: Region[] = [];
  for (let r = index.get(code); r; r = r.parent ? index.get(r.parent) : undefined) {
    path.unshift(r);
    if (r.code === root) return path;
  }
  return [];
}

export const regionName = (regions: readonly Region[] | null, code: string): string => regions?.find((r) => r.code === code)?.name ?? '';

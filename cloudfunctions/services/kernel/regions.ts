/**
 * The administrative region tree (GB/T 2260 codes), loaded from reference data.
 */
import type { PlaceRef, Region } from '../../contract';

export class RegionDirectory {
  private readonly byCode = new Map<string, Region>();

  constructor(regions: readonly Region[]) {
    for (const r of regions) this.byCode.set(r.code, r);
  }

  get(code: string): Region | undefined {
    return this.byCode.get(code);
  }

  all(): Region[] {
    return [...this.byCode.values()];
  }

  childrenOf(parent: string): Region[] {
    return this.all().filter((r) => r.parent === parent);
  }

  /** The ancestor of `code` at `level` (itself when it is at that level). */
  ancestorAt(code: string, level: Region['level']): Region | undefined {
    let r = this.byCode.get(code);
    while (r && r.level !== level) r = r.parent ? this.byCode.get(r.parent) : undefined;
    return r;
  }

  /** True when `code` is `root` or lies below it (R1.2: an official sees their subtree). */
  isWithin(code: string, root: string): boolean {
    let r = this.byCode.get(code);
    while (r) {
      if (r.code === root) return true;
      r = r.parent ? this.byCode.get(r.parent) : undefined;
    }
    return false;
  }

  ref(code: string): PlaceRef {
    const r = this.byCode.get(code);
    return { code, name: r?.name ?? code };
  }
}

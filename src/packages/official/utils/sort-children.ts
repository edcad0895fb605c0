/** 下级地区完成情况's order: by completion of one metric, either way, or by region code. */
import type { ChildProgress, DashboardMetric } from '../../../../cloudfunctions/contract';

export type CountySort = 'desc' | 'asc' | 'code';
export const SORT_CHOICES: { value: CountySort; label: string }[] = [
  { value: 'desc', label: '完成率从高到低' },
  { value: 'asc', label: '完成率从低到高' },
  { value: 'code', label: '按地区码' },
];

/** Regions without a target (no completion) always go last; ties by region code. */
export function sortChildren(children: ChildProgress[], metric: DashboardMetric, sort: CountySort): ChildProgress[] {
  const completion = (c: ChildProgress) => {
    const value = c.metrics.find((m) => m.metric === metric)?.completion;
    return value === null || value === undefined ? null : Number(value);
  };
  return [...children].sort((a, b) => {
    if (sort !== 'code') {
      const x = completion(a);
      const y = completion(b);
      if (x === null && y !== null) return 1;
      if (y === null && x !== null) return -1;
      if (x !== null && y !== null && x !== y) return sort === 'desc' ? y - x : x - y;
    }
    return a.region.code.localeCompare(b.region.code);
  });
}

/**
 * `npm run report`'s usage section (R12.3): vouchers issued (claimed + directed), used and expired
 * unused per type and region, the usage rate, and the reach — from the dashboard view, so the
 * report says what the officials' dashboard says.
 */
import type { DashboardView, VoucherUsage } from '../../contract';
import { num, pct, table } from './text-table';

/** R12.3 the usage rate (used ÷ issued) per type and region, and the reach (D48, D49). */
export function formatUsage(d: DashboardView): string[] {
  const u = d.usage;
  const row = (name: string, x: VoucherUsage) => [name, num(x.issued), num(x.claimed), num(x.directed), num(x.used), num(x.expired), pct(x.rate)];
  const headers = ['券种', '发放', '领取', '定向', '已使用', '过期未用', '使用率'];
  const out = ['', `培训券使用率（已使用 ÷ 已发放）：发放 ${num(u.total.issued)} 张，已使用 ${num(u.total.used)} 张，使用率 ${pct(u.total.rate)}；过期未用 ${num(u.total.expired)} 张`];
  out.push(table(headers, [...u.byType.filter((t) => t.issued > 0 || t.expired > 0).map((t) => row(t.name, t)), row('合计', u.total)]));
  if (u.byRegion.length > 1) {
    out.push('');
    out.push(table(['地区', ...headers.slice(1)], u.byRegion.map((r) => row(r.region.name, r))));
  }
  const r = u.reach.total;
  out.push('');
  out.push(`覆盖：符合条件的已登记劳动者 ${num(r.eligible)} 人，今年已发券 ${num(r.reached)} 人，尚未发券 ${num(r.unreached)} 人`);
  if (u.reach.byRegion.length > 1) {
    out.push(table(['地区', '符合条件', '已发券', '尚未发券'], u.reach.byRegion.map((x) => [x.region.name, num(x.eligible), num(x.reached), num(x.unreached)])));
  }
  return out;
}


/**
 * `npm run report -- --region 141100 --year 2021 [--json]`: the dashboard as a table in the
 * terminal — the monthly 通报 an official pastes into a report — or as JSON for machines.
 * Reads DATA_DIR's store like the other local commands (counters only, R9.2).
 */
import type { DashboardView } from '../../contract';
import { DomainError } from '../../core/errors';
import { buildDashboard } from '../../services/official';
import { formatUsage } from './report-usage';
import { runLocal } from './run-local';
import { num, pct, table } from './text-table';

const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** R12.1 补贴审核和拨付结果: what stands at each stage of settlement, in yuan. */
export function formatSettlement(d: DashboardView): string {
  const s = d.subsidies;
  const recovery = s.recoveredFen > 0 ? `，待追回 ${yuan(s.recoveredFen)} 元` : '';
  return `补贴结算：已申领 ${yuan(s.appliedFen)} 元，审核通过 ${yuan(s.approvedFen)} 元，已拨付 ${num(s.paid)} 笔 ${yuan(s.paidFen)} 元${recovery}`;
}

export function formatReport(d: DashboardView): string {
  const out: string[] = [];
  out.push(`${d.region.name} ${d.year}年 职业技能提升工作进展通报`);
  out.push(`截至 ${d.asOf}，时间进度 ${d.pace}%；登记农村劳动力 ${num(d.registeredLaborers)} 人`);
  out.push('');
  out.push(
    table(
      ['指标', '完成数', '目标数', '完成率', '进度'],
      d.metrics.map((m) => [m.name, num(m.actual), num(m.target), pct(m.completion), m.onPace === null ? '—' : m.onPace ? '达到进度' : '落后于进度']),
    ),
  );
  if (d.children.length > 0) {
    out.push('');
    out.push('各地完成率（完成数/目标数）');
    out.push(
      table(
        ['地区', ...d.metrics.map((m) => m.name.replace(/\(.*\)$/, ''))],
        d.children.map((c) => [c.region.name, ...c.metrics.map((m) => `${pct(m.completion)} (${num(m.actual)}/${num(m.target)})`)]),
      ),
    );
  }
  const claimed = d.vouchers.reduce((s, v) => s + v.claimed, 0);
  out.push('');
  const byType = d.vouchers.filter((v) => v.claimed > 0).map((v) => `${v.name} ${num(v.claimed)}`);
  out.push(`培训券：领取 ${num(claimed)} 张${byType.length > 0 ? `（${byType.join('，')}）` : ''}`);
  out.push(
    `培训：开班报名 ${num(d.trainings.started)} 人次，结业 ${num(d.trainings.completed)}，未结业 ${num(d.trainings.notCompleted)}；` +
      `补贴：${num(d.subsidies.granted)} 人 ${(d.subsidies.amountFen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })} 元`,
  );
  out.push(`取证后就业：${num(d.employment.employed)} / ${num(d.employment.certified)} 人，就业率 ${pct(d.employment.rate)}`);
  out.push(...formatUsage(d));
  out.push(formatSettlement(d));
  return out.join('\n');
}

const OPTIONS = { region: { type: 'string', default: '141100' }, year: { type: 'string' }, json: { type: 'boolean' } } as const;

runLocal('report', OPTIONS, async (runtime, values) => {
  const code = String(values.region);
  const year = typeof values.year === 'string' ? Number(values.year) : undefined;
  const region = runtime.deps.regions.get(code);
  if (!region || region.level === 'township') {
    console.error(`没有这个县级及以上地区：${code}`);
    return 2;
  }
  try {
    const d = await buildDashboard(runtime.deps, region, year);
    console.log(values.json ? JSON.stringify(d, null, 2) : formatReport(d));
    return 0;
  } catch (e) {
    if (e instanceof DomainError) {
      console.error(`${e.code}: ${e.message}`);
      return 2;
    }
    throw e;
  }
});

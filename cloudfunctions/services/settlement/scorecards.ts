/**
 * 培训质量考核评估: for each institution of a region and a year — its classes, trainees,
 * completion and certification rates, its certified trainees' employment at 3 and 6 months, the
 * subsidies paid to it and those rejected or refused — ranked. Read from the records on demand
 * (an official's question, not a hot path); the rules are core/scorecards.ts.
 */
import type { ExportJobView, ScorecardRow, ScorecardView } from '../../contract';
import { chinaDateOf, parseDate } from '../../core/china-date';
import { DomainError } from '../../core/errors';
import { type InstitutionYear, employedWithin, rankScorecards, scorecardRates } from '../../core/scorecards';
import { and, where } from '../../store/port';
import { readAll } from '../../store/scan';
import type { CertificateDoc, ResultDoc, SubsidyDoc } from '../certificate';
import type { EmploymentReportDoc } from '../employment';
import type { InstitutionDoc } from '../institution';
import { officialRegion } from '../kernel/authz';
import { recordReport } from '../official';
import type { Caller, Deps } from '../kernel/deps';
import { inRegion } from '../kernel/place';
import type { ClassDoc, EnrollmentDoc } from '../training';

const COUNTED: readonly ClassDoc['status'][] = ['approved', 'cancelling'];

/** One institution's year, from its classes, their enrollments and results, and its subsidies. */
async function yearOf(deps: Deps, institutionId: string, year: number): Promise<InstitutionYear> {
  const today = chinaDateOf(deps.clock.now());
  const y: InstitutionYear = { classes: 0, trainees: 0, completed: 0, notCompleted: 0, certified: 0, due3: 0, employed3: 0, due6: 0, employed6: 0, paidFen: 0, rejected: 0, refused: 0 };
  const from = new Date(Date.UTC(year - 1, 11, 31, 16)).toISOString();
  const to = new Date(Date.UTC(year, 11, 31, 16)).toISOString();
  const classes = await readAll<ClassDoc>(deps.store, 'classes', and(where('institutionId', 'eq', institutionId), where('firstSessionAt', 'gte', from), where('firstSessionAt', 'lt', to)));
  for (const c of classes.filter((k) => COUNTED.includes(k.status))) {
    y.classes++;
    for (const e of await readAll<EnrollmentDoc>(deps.store, 'enrollments', where('classId', 'eq', c._id))) {
      if (e.status === 'withdrawn') continue;
      y.trainees++;
      if (e.status === 'completed') y.completed++;
      if (e.status === 'not_completed') y.notCompleted++;
    }
    for (const r of await readAll<ResultDoc>(deps.store, 'results', where('classId', 'eq', c._id))) {
      if (!r.certificateNumber) continue;
      const cert = await deps.store.get<CertificateDoc>('certificates', r.certificateNumber);
      if (!cert || cert.status !== 'valid') continue;
      y.certified++;
      const reports = await readAll<EmploymentReportDoc>(deps.store, 'employmentReports', where('personId', 'eq', r.personId));
      const issuedOn = parseDate(cert.issuedOn)!;
      const at3 = employedWithin(issuedOn, 3, today, reports);
      const at6 = employedWithin(issuedOn, 6, today, reports);
      y.due3 += Number(at3.due);
      y.employed3 += Number(at3.employed);
      y.due6 += Number(at6.due);
      y.employed6 += Number(at6.employed);
    }
  }
  for (const s of await readAll<SubsidyDoc>(deps.store, 'subsidies', where('institutionId', 'eq', institutionId))) {
    if (s.year !== year) continue;
    if (s.status === 'paid') y.paidFen += s.amountFen;
    if (s.status === 'rejected') y.rejected++;
    if (s.status === 'refused') y.refused++;
  }
  return y;
}

/** Official: the scorecards of the institutions of their region (or one inside it), ranked. */
export async function scorecards(deps: Deps, caller: Caller, input: { regionCode?: string; year?: number }): Promise<ScorecardView> {
  const { region } = await officialRegion(deps, caller, input.regionCode);
  const thisYear = chinaDateOf(deps.clock.now()).year;
  const year = input.year ?? thisYear;
  if (!Number.isInteger(year) || year < 2019 || year > thisYear) throw new DomainError('INVALID_INPUT', '年份不正确');
  const rows: Omit<ScorecardRow, 'rank'>[] = [];
  for (const i of await readAll<InstitutionDoc>(deps.store, 'institutions', inRegion(region))) {
    const y = await yearOf(deps, i._id, year);
    rows.push({
      institution: { id: i._id, name: i.name },
      classes: y.classes,
      trainees: y.trainees,
      completed: y.completed,
      certified: y.certified,
      ...scorecardRates(y),
      paidFen: y.paidFen,
      rejected: y.rejected,
      refused: y.refused,
    });
  }
  return { region: { code: region.code, name: region.name }, year, rows: rankScorecards(rows) };
}

const pct = (n: number | null) => (n === null ? '—' : `${n}%`);

/** Official: the ranking as an .xlsx in 导出记录 (a finished job, downloaded like a ledger's). */
export async function exportScorecards(deps: Deps, caller: Caller, input: { regionCode?: string; year?: number }): Promise<ExportJobView> {
  const view = await scorecards(deps, caller, input);
  return recordReport(deps, caller, {
    kind: 'scorecards',
    regionCode: view.region.code,
    summary: `${view.region.name} · ${view.year}年 · ${view.rows.length}个机构`,
    rows: view.rows.length,
    header: ['排名', '培训机构', '开班数', '培训人数', '结业人数', '取证人数', '结业率', '取证率', '3个月就业率', '6个月就业率', '已拨付补贴(元)', '审核未通过', '不予补贴'],
    lines: view.rows.map((r) => [
      r.rank,
      r.institution.name,
      r.classes,
      r.trainees,
      r.completed,
      r.certified,
      pct(r.completionRate),
      pct(r.certificationRate),
      pct(r.employedAt3Months),
      pct(r.employedAt6Months),
      Number((r.paidFen / 100).toFixed(2)),
      r.rejected,
      r.refused,
    ]),
  });
}

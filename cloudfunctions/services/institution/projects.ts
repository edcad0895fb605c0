/**
 * R11 training projects (项目库): named programmes such as 吕梁山护工 or 岚县土豆宴厨师, kept by
 * officials of the region that runs them, with their occupations, target bands and a yearly
 * target of trainees. Classes belong to a project or to none; the trainees of a project's
 * classes are counted per project (`projectStarted.{id}`), so dashboards filter by project.
 */
import type { ProjectChange, ProjectInput, ProjectView } from '../../contract';
import { BAND_NAMES, type Band } from '../../core/age';
import { projectMetric } from '../../core/books';
import { chinaDateOf } from '../../core/china-date';
import { DomainError } from '../../core/errors';
import { type Tx, and, where } from '../../store/port';
import { scan } from '../../store/scan';
import { type CounterYearDoc, cellsOf } from '../books/counters';
import { recordChange } from '../books/changes';
import { requireOfficialOf, seesInstitutionRecord, statisticalRegion } from '../kernel/authz';
import { requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { inRegion, regionPlace } from '../kernel/place';
import { requestKey } from '../kernel/requests';
import { occupationIn } from '../catalogue';
import type { ProjectDoc } from './documents';
import { institutionIn, officialActor } from './institutions';
import { newProject, projectChange, projectIdOf } from './records';
import { occupationNames, projectView } from './views';

export async function projectIn(reader: Pick<Tx, 'get'>, id: string): Promise<ProjectDoc> {
  const p = await reader.get<ProjectDoc>('projects', id);
  if (!p) throw new DomainError('PROJECT_NOT_FOUND');
  return p;
}

type ProjectFields = Partial<Pick<ProjectInput, 'name' | 'occupationCodes' | 'bands' | 'targetTrainees' | 'brand'>>;

async function checkedProject<T extends ProjectFields>(deps: Deps, input: T): Promise<T> {
  const out = { ...input };
  if (input.name !== undefined) {
    const name = input.name.trim();
    if (name.length < 2 || name.length > 30) throw new DomainError('PROJECT_NAME_INVALID');
    out.name = name;
  }
  if (input.occupationCodes !== undefined) {
    if (input.occupationCodes.length === 0) throw new DomainError('OCCUPATION_UNKNOWN', '请至少选择一个职业（工种）');
    for (const code of input.occupationCodes) await occupationIn(deps.store, code);
    out.occupationCodes = [...new Set(input.occupationCodes)];
  }
  if (input.bands !== undefined) {
    if (input.bands.length === 0 || input.bands.some((b) => !(b in BAND_NAMES))) throw new DomainError('BANDS_REQUIRED');
    out.bands = [...new Set<Band>(input.bands)].sort();
  }
  if (input.targetTrainees !== undefined && (!Number.isInteger(input.targetTrainees) || input.targetTrainees < 0 || input.targetTrainees > 1_000_000)) {
    throw new DomainError('PROJECT_TARGET_INVALID');
  }
  if (input.brand !== undefined) out.brand = input.brand.trim().slice(0, 30);
  return out;
}

/** Trainees of each project in a region's counties in a year: started minus withdrawn (R9.2 counters). */
async function traineesIn(deps: Deps, regionCode: string, year: number): Promise<Map<string, number>> {
  const region = statisticalRegion(deps.regions, regionCode);
  const started = projectMetric('started', '');
  const withdrawn = projectMetric('withdrawn', '');
  const out = new Map<string, number>();
  for await (const doc of scan<CounterYearDoc>(deps.store, 'counterYears', and(inRegion(region), where('year', 'eq', year)))) {
    for (const c of cellsOf(doc)) {
      if (c.month === null) continue;
      const sign = c.metric.startsWith(started) ? 1 : c.metric.startsWith(withdrawn) ? -1 : 0;
      if (sign === 0) continue;
      const id = c.metric.slice(c.metric.indexOf('.') + 1);
      out.set(id, (out.get(id) ?? 0) + sign * c.value);
    }
  }
  return out;
}

export async function createProject(deps: Deps, caller: Caller, input: ProjectInput): Promise<ProjectView> {
  const openid = requireOpenid(caller);
  const region = statisticalRegion(deps.regions, input.regionCode);
  const actor = await officialActor(deps, caller, region.code);
  const year = chinaDateOf(deps.clock.now()).year;
  if (!Number.isInteger(input.year) || input.year < year - 1 || input.year > year + 1) throw new DomainError('INVALID_INPUT', '项目年度只能是去年、今年或明年');
  const fields = await checkedProject(deps, input);
  const id = projectIdOf(requestKey(openid, 'institution.createProject', caller.requestId));
  const doc = await deps.store.transaction(async (tx) => {
    const existing = await tx.get<ProjectDoc>('projects', id);
    if (existing) return existing;
    const at = deps.clock.now();
    const p = newProject({
      id,
      place: regionPlace(deps.regions, region.code),
      regionCode: region.code,
      name: fields.name,
      occupationCodes: fields.occupationCodes,
      bands: fields.bands,
      year: input.year,
      targetTrainees: fields.targetTrainees,
      brand: fields.brand || null,
      createdBy: openid,
      at,
    });
    const { _id, ...data } = p;
    await tx.create<ProjectDoc>('projects', id, data);
    await recordChange(tx, projectChange(p, 'project.created', at, actor, { year: p.year, targetTrainees: p.targetTrainees, occupationCodes: p.occupationCodes }));
    return p;
  });
  return projectView(deps, doc, await occupationNames(deps), 0);
}

export async function updateProject(deps: Deps, caller: Caller, input: ProjectChange & { active?: boolean }): Promise<ProjectView> {
  const { projectId, active, ...rest } = input;
  const current = await projectIn(deps.store, projectId);
  const actor = await officialActor(deps, caller, current.regionCode);
  const fields = await checkedProject(deps, rest);
  const doc = await deps.store.transaction(async (tx) => {
    const p = await projectIn(tx, projectId);
    const next: ProjectDoc = { ...p, ...fields, ...(fields.brand !== undefined ? { brand: fields.brand || null } : {}), ...(active !== undefined ? { active } : {}) };
    const changed = (Object.keys(next) as (keyof ProjectDoc)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(p[k]));
    if (changed.length === 0) return p;
    const at = deps.clock.now();
    const { _id, ...data } = { ...next, updatedAt: at.toISOString() };
    await tx.set<ProjectDoc>('projects', projectId, data);
    await recordChange(tx, projectChange(next, 'project.updated', at, actor, { fields: changed }));
    return next;
  });
  const trainees = await traineesIn(deps, doc.regionCode, doc.year);
  return projectView(deps, doc, await occupationNames(deps), trainees.get(doc._id) ?? 0);
}

/**
 * Projects of a year: an official's, of their region and every region above or below it that
 * overlaps; a trainer's (naming their institution), those whose region contains it (to pick
 * one for a class). Active ones only unless `all`.
 */
export async function listProjects(deps: Deps, caller: Caller, input: { regionCode?: string; year?: number; institutionId?: string; all?: boolean }): Promise<ProjectView[]> {
  const year = input.year ?? chinaDateOf(deps.clock.now()).year;
  let regionCode: string;
  if (input.institutionId) {
    const i = await institutionIn(deps.store, input.institutionId);
    if (!(await seesInstitutionRecord(deps, caller, { institutionId: i._id, countyCode: i.countyCode }))) throw new DomainError('FORBIDDEN');
    regionCode = i.countyCode;
  } else {
    regionCode = statisticalRegion(deps.regions, input.regionCode ?? (await requireOfficialOf(deps, caller)).regionCode).code;
    await requireOfficialOf(deps, caller, regionCode);
  }
  const related = (p: ProjectDoc) => deps.regions.isWithin(regionCode, p.regionCode) || (!input.institutionId && deps.regions.isWithin(p.regionCode, regionCode));
  const found: ProjectDoc[] = [];
  for await (const p of scan<ProjectDoc>(deps.store, 'projects', where('year', 'eq', year))) if (related(p) && (p.active || input.all)) found.push(p);
  found.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const names = await occupationNames(deps);
  const trainees = found.length > 0 ? await traineesIn(deps, regionCode, year) : new Map<string, number>();
  return found.map((p) => projectView(deps, p, names, trainees.get(p._id) ?? 0));
}

/** For the checks of a class (R11.3): the project, active, of the class's year, covering its county and occupation. */
export async function projectForClass(deps: Deps, projectId: string, countyCode: string, occupationCode: string): Promise<ProjectDoc> {
  const p = await projectIn(deps.store, projectId);
  if (!p.active || !deps.regions.isWithin(countyCode, p.regionCode)) throw new DomainError('PROJECT_NOT_FOUND');
  if (!p.occupationCodes.includes(occupationCode)) throw new DomainError('INVALID_INPUT', '这个项目不包含所选职业（工种）');
  return p;
}


/**
 * R11.3 classes from the institutions (课程库): a trainer of an active institution plans a class
 * (a draft), changes it and submits it; an official of the class's county, or of a region above
 * it, approves or rejects it with a reason (开班审核). Only approved classes are listed to
 * laborers. Each step is ledgered; the trainer is told the outcome.
 */
import type { ClassPlanChange, ClassPlanInput, TrainerClassView } from '../../contract';
import { capacityProblem, editableFields, reasonProblem, sessionsProblem, sortedSessions } from '../../core/class-plans';
import { classTimes, spanOf } from '../../core/classes';
import { chinaDateOf } from '../../core/china-date';
import { dedupeKey } from '../../core/reminders';
import { DomainError } from '../../core/errors';
import { type Tx, and, where } from '../../store/port';
import { scan } from '../../store/scan';
import { recordChange } from '../books/changes';
import type { Actor } from '../books/ledger';
import { requireOfficialOf, requireTrainerOf, seesInstitutionRecord, statisticalRegion } from '../kernel/authz';
import { bindingsOf, requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { countyPlace, inRegion } from '../kernel/place';
import { requestKey } from '../kernel/requests';
import { institutionIn } from '../institution';
import { enqueue } from '../message';
import { type ClassDoc, seatPool, seatShardsFor } from './documents';
import { spreadPlaces } from '../kernel/places';
import { checkedPlan } from './plan-checks';
import { classChange, classIdOf, newClass } from './records';
import { trainerClassView } from './trainer';

export async function classIn(reader: Pick<Tx, 'get'>, classId: string): Promise<ClassDoc> {
  const c = await reader.get<ClassDoc>('classes', classId);
  if (!c) throw new DomainError('CLASS_NOT_FOUND');
  return c;
}

/** The trainer acting on a class of their institution (another institution's class: not found). */
async function trainerOfClass(deps: Deps, caller: Caller, c: ClassDoc): Promise<Actor> {
  const openid = requireOpenid(caller);
  const teaches = (await bindingsOf(deps, caller)).some((b) => b.role === 'trainer' && b.institutionId === c.institutionId);
  if (!teaches) throw new DomainError('CLASS_NOT_FOUND');
  return { openid, role: 'trainer' };
}

export async function createClass(deps: Deps, caller: Caller, input: ClassPlanInput): Promise<TrainerClassView> {
  const openid = requireOpenid(caller);
  const binding = await requireTrainerOf(deps, caller, input.institutionId);
  const institution = await institutionIn(deps.store, binding.institutionId);
  const now = deps.clock.now();
  const plan = await checkedPlan(deps, institution, input, now);
  const id = classIdOf(requestKey(openid, 'training.createClass', caller.requestId));
  const doc = await deps.store.transaction(async (tx) => {
    const existing = await tx.get<ClassDoc>('classes', id);
    if (existing) return existing;
    const c = newClass({
      id,
      place: countyPlace(deps.regions, institution.countyCode),
      institution,
      ...plan,
      occupation: { code: plan.occupationCode, name: plan.occupationName },
      createdBy: openid,
      at: now,
      seatShards: seatShardsFor(plan.capacity),
    });
    const { _id, ...data } = c;
    await tx.create<ClassDoc>('classes', id, data);
    await recordChange(tx, classChange(c, 'class.created', now, { openid, role: 'trainer' }, { occupationCode: c.occupationCode, level: c.level, capacity: c.capacity, sessions: c.sessions.length }));
    return c;
  });
  return trainerClassView(deps, doc, deps.clock.now());
}

/**
 * R11.3 a change: in a draft, a submitted or a rejected class anything (a submitted one goes back
 * to draft); in an approved class before its first session, sessions and capacity only — never
 * fewer seats than enrolled, and a full-time class with trainees keeps its dates (their other
 * full-time classes were checked against them, R5.2). Enrolled laborers are told of new times.
 */
export async function updateClass(deps: Deps, caller: Caller, input: ClassPlanChange): Promise<TrainerClassView> {
  const { classId, ...changes } = input;
  const current = await classIn(deps.store, classId);
  const actor = await trainerOfClass(deps, caller, current);
  const now = deps.clock.now();
  const editable = editableFields(current.status, current.firstSessionAt, now);
  if (editable === 'none') throw new DomainError('CLASS_NOT_EDITABLE');
  const keys = Object.keys(changes).filter((k) => (changes as Record<string, unknown>)[k] !== undefined);
  if (editable === 'sessionsAndCapacity' && keys.some((k) => k !== 'sessions' && k !== 'capacity')) throw new DomainError('CLASS_NOT_EDITABLE', '已通过审核的班级只能修改上课时间和人数上限');
  const institution = await institutionIn(deps.store, current.institutionId);
  let set: Partial<ClassDoc>;
  if (editable === 'all') {
    const plan = await checkedPlan(deps, institution, { ...planOf(current), ...changes }, now);
    const { firstStartsAt, lastEndsAt } = classTimes(plan.sessions);
    const { occupationName, project, ...rest } = plan;
    set = {
      ...rest,
      occupationName,
      projectId: project?._id ?? null,
      projectName: project?.name ?? null,
      firstSessionAt: firstStartsAt.toISOString(),
      lastSessionEndsAt: lastEndsAt.toISOString(),
      ...(current.status === 'submitted' ? { status: 'draft' as const, submittedAt: null } : {}),
    };
  } else {
    set = {};
    if (changes.capacity !== undefined) {
      const problem = capacityProblem(changes.capacity, current.enrolled);
      if (problem) throw new DomainError(problem);
      set.capacity = changes.capacity;
    }
    if (changes.sessions !== undefined) {
      const problem = sessionsProblem(changes.sessions, now);
      if (problem) throw new DomainError(problem);
      set.sessions = sortedSessions(changes.sessions);
      const { firstStartsAt, lastEndsAt } = classTimes(set.sessions);
      set.firstSessionAt = firstStartsAt.toISOString();
      set.lastSessionEndsAt = lastEndsAt.toISOString();
    }
  }
  const doc = await deps.store.transaction(async (tx) => {
    const c = await classIn(tx, classId);
    if (editableFields(c.status, c.firstSessionAt, deps.clock.now()) !== editable) throw new DomainError('CLASS_NOT_EDITABLE');
    const seats: Partial<ClassDoc> = {};
    if (set.capacity !== undefined && set.capacity !== c.capacity && c.seatShards) {
      // D62: the seat shards say exactly how many are taken; the new capacity is spread over them again.
      const shards = Math.max(c.seatShards, seatShardsFor(set.capacity));
      if (!(await spreadPlaces(tx, seatPool(c), set.capacity, shards)).spread) throw new DomainError('CAPACITY_BELOW_ENROLLED');
      seats.seatShards = shards;
    } else if (set.capacity !== undefined && set.capacity < c.enrolled) throw new DomainError('CAPACITY_BELOW_ENROLLED');
    const sessionsChanged = set.sessions !== undefined && JSON.stringify(set.sessions) !== JSON.stringify(c.sessions);
    if (sessionsChanged && c.status === 'approved' && c.mode === 'fulltime' && c.enrolled > 0) {
      const before = spanOf(c.sessions);
      const after = spanOf(set.sessions!);
      if (before.from !== after.from || before.to !== after.to) throw new DomainError('FULLTIME_DATES_LOCKED');
    }
    const at = deps.clock.now();
    const notice = sessionsChanged && c.status === 'approved' && c.enrolled > 0 ? { noticeVersion: c.noticeVersion + 1 } : {};
    const next: ClassDoc = { ...c, ...set, ...seats, ...notice, updatedAt: at.toISOString() };
    const changed = (Object.keys(set) as (keyof ClassDoc)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(c[k]));
    if (changed.length === 0) return c;
    const { _id, ...data } = next;
    await tx.set<ClassDoc>('classes', classId, data);
    await recordChange(tx, classChange(next, 'class.updated', at, actor, { fields: changed }));
    return next;
  });
  if (doc.noticeVersion > doc.noticesSent) await sendClassNotices(deps, doc._id);
  return trainerClassView(deps, doc, deps.clock.now());
}

const planOf = (c: ClassDoc): Omit<ClassPlanInput, 'institutionId'> => ({
  name: c.name,
  occupationCode: c.occupationCode,
  level: c.level,
  projectId: c.projectId,
  acceptedTypes: c.acceptedTypes,
  selfFunded: c.selfFunded,
  townshipCode: c.townshipCode ?? '',
  mode: c.mode,
  capacity: c.capacity,
  sessions: c.sessions,
  minAttendanceRatio: c.minAttendanceRatio,
});

/** A draft or a rejected class goes to its county's officials for review (checked again as it stands). */
export async function submitClass(deps: Deps, caller: Caller, input: { classId: string }): Promise<TrainerClassView> {
  const current = await classIn(deps.store, input.classId);
  const actor = await trainerOfClass(deps, caller, current);
  if (current.status !== 'draft' && current.status !== 'rejected') throw new DomainError('CLASS_NOT_SUBMITTABLE');
  await checkedPlan(deps, await institutionIn(deps.store, current.institutionId), planOf(current), deps.clock.now());
  const doc = await deps.store.transaction(async (tx) => {
    const c = await classIn(tx, input.classId);
    if (c.status !== 'draft' && c.status !== 'rejected') throw new DomainError('CLASS_NOT_SUBMITTABLE');
    const at = deps.clock.now();
    await tx.update('classes', c._id, { set: { status: 'submitted', submittedAt: at.toISOString(), updatedAt: at.toISOString() } });
    const next: ClassDoc = { ...c, status: 'submitted', submittedAt: at.toISOString() };
    await recordChange(tx, classChange(next, 'class.submitted', at, actor));
    return next;
  });
  return trainerClassView(deps, doc, deps.clock.now());
}

/**
 * 开班审核: an official of a region containing the class's county approves (listed to laborers
 * from then on) or rejects it with a reason. A class whose first session has passed, or whose
 * institution was suspended meanwhile, cannot be approved.
 */
export async function reviewClass(deps: Deps, caller: Caller, input: { classId: string; approve: boolean; reason?: string }): Promise<TrainerClassView> {
  const openid = requireOpenid(caller);
  const current = await classIn(deps.store, input.classId);
  const binding = await requireOfficialOf(deps, caller, current.countyCode).catch(() => {
    throw new DomainError('CLASS_NOT_FOUND');
  });
  if (!input.approve) {
    const problem = reasonProblem(input.reason);
    if (problem) throw new DomainError(problem);
  }
  const actor: Actor = { openid, role: binding.role === 'admin' ? 'admin' : 'official' };
  const doc = await deps.store.transaction(async (tx) => {
    const c = await classIn(tx, input.classId);
    if (c.status !== 'submitted') throw new DomainError('CLASS_NOT_PENDING');
    const at = deps.clock.now();
    if (input.approve) {
      if (at >= new Date(c.firstSessionAt)) throw new DomainError('SESSION_IN_PAST', '第一节课时间已过，请培训机构修改上课时间后重新提交');
      const institution = await institutionIn(tx, c.institutionId);
      if (institution.status !== 'active') throw new DomainError('INSTITUTION_SUSPENDED');
    }
    const review = { by: openid, at: at.toISOString(), approved: input.approve, reason: input.approve ? null : input.reason!.trim() };
    const set = input.approve ? { status: 'approved' as const, completion: 'pending' as const, review } : { status: 'rejected' as const, review };
    await tx.update('classes', c._id, { set: { ...set, updatedAt: at.toISOString() } });
    const next: ClassDoc = { ...c, ...set };
    await recordChange(tx, classChange(next, input.approve ? 'class.approved' : 'class.rejected', at, actor, { reason: review.reason }));
    // The trainer who planned it hears the outcome (message centre, and WeChat when subscribed).
    await enqueue(tx, dedupeKey('classReviewed', `${c._id}:${c.submittedAt ?? ''}`, chinaDateOf(at)), c.createdBy, 'classReviewed', { className: c.name, approved: input.approve, reason: review.reason, at }, at);
    return next;
  });
  return trainerClassView(deps, doc, deps.clock.now());
}

/** 开班审核 queue: classes waiting for review in the caller's region (or a region inside it), soonest first. */
export async function pendingClasses(deps: Deps, caller: Caller, input: { regionCode?: string }): Promise<TrainerClassView[]> {
  const binding = await requireOfficialOf(deps, caller, input.regionCode);
  const region = statisticalRegion(deps.regions, input.regionCode ?? binding.regionCode);
  const now = deps.clock.now();
  const out: TrainerClassView[] = [];
  for await (const c of scan<ClassDoc>(deps.store, 'classes', and(inRegion(region), where('status', 'eq', 'submitted')), { field: 'firstSessionAt' })) {
    out.push(trainerClassView(deps, c, now));
  }
  return out;
}

/** One class as its trainer or an official over its county sees it (for editing or reviewing). */
export async function classDetail(deps: Deps, caller: Caller, input: { classId: string }): Promise<TrainerClassView> {
  const c = await classIn(deps.store, input.classId);
  if (!(await seesInstitutionRecord(deps, caller, c))) throw new DomainError('CLASS_NOT_FOUND');
  return trainerClassView(deps, c, deps.clock.now());
}

/**
 * Tells each enrolled laborer of a class's new times, once per change (dedupe by version); a
 * run cut short is finished by the next change or by the reminder run (`pendingClassNotices`).
 */
export async function sendClassNotices(deps: Deps, classId: string): Promise<number> {
  const c = await classIn(deps.store, classId);
  if (c.noticeVersion <= c.noticesSent) return 0;
  const version = c.noticeVersion;
  const firstStart = new Date(c.firstSessionAt);
  let sent = 0;
  for await (const e of scan<{ _id: string; openid: string; personId: string; status: string }>(deps.store, 'enrollments', and(where('classId', 'eq', c._id), where('status', 'eq', 'enrolled')))) {
    await deps.store.transaction(async (tx) => {
      const at = deps.clock.now();
      // Keyed by the version and its first session's date: the same notice is never written twice.
      if (await enqueue(tx, dedupeKey('classChanged', `${c._id}:${e.personId}:v${version}`, chinaDateOf(firstStart)), e.openid, 'classChanged', { className: c.name, firstStart }, at)) sent++;
    });
  }
  await deps.store.transaction(async (tx) => {
    const now = await classIn(tx, classId);
    if (now.noticesSent < version) await tx.update('classes', classId, { set: { noticesSent: version } });
  });
  return sent;
}

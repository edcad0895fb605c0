/**
 * R1.3 the trainer's classes: those of their own institution, with their review and their state
 * today.
 */
import type { TrainerClassView } from '../../contract';
import { CLASS_STATUS_NAMES, editableFields } from '../../core/class-plans';
import { CLASS_STATE_NAMES, classState, currentSession } from '../../core/classes';
import { where } from '../../store/port';
import { scan } from '../../store/scan';
import { requireTrainerOf } from '../kernel/authz';
import type { Caller, Deps } from '../kernel/deps';
import { classView } from './classes';
import type { ClassDoc } from './documents';

/** Trainer: the classes of their institution (R1.3), drafts included, the newest first. */
export async function myClasses(deps: Deps, caller: Caller, input: { institutionId?: string } = {}): Promise<TrainerClassView[]> {
  const binding = await requireTrainerOf(deps, caller, input.institutionId);
  const now = deps.clock.now();
  const views: TrainerClassView[] = [];
  for await (const c of scan<ClassDoc>(deps.store, 'classes', where('institutionId', 'eq', binding.institutionId))) {
    views.push(trainerClassView(deps, c, now));
  }
  return views.sort((a, b) => b.firstSessionAt.localeCompare(a.firstSessionAt));
}

export function trainerClassView(deps: Deps, c: ClassDoc, now: Date): TrainerClassView {
  const state = classState(c.sessions, c.closedAt, now);
  return {
    ...classView(deps, c),
    status: c.status,
    statusName: CLASS_STATUS_NAMES[c.status],
    project: c.projectId ? { id: c.projectId, name: c.projectName ?? '' } : null,
    editable: editableFields(c.status, c.firstSessionAt, now),
    submittedAt: c.submittedAt,
    review: c.review ? { at: c.review.at, approved: c.review.approved, reason: c.review.reason } : null,
    cancel: c.cancel ? { at: c.cancel.at, reason: c.cancel.reason } : null,
    createdAt: c.createdAt,
    enrolled: c.enrolled,
    state,
    stateName: CLASS_STATE_NAMES[state],
    currentSession: state === 'closed' ? null : currentSession(c.sessions, now),
    closedAt: c.closedAt,
  };
}

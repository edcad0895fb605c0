/**
 * R1.3 the trainer's classes: those of their own institution, with their state today.
 */
import type { TrainerClassView } from '../../contract';
import { CLASS_STATE_NAMES, classState, currentSession } from '../../core/classes';
import { where } from '../../store/port';
import { scan } from '../../store/scan';
import { requireRole } from '../kernel/authz';
import type { Caller, Deps } from '../kernel/deps';
import { classView } from './classes';
import type { ClassDoc } from './documents';

/** Trainer: the classes of their institution (R1.3), the newest first. */
export async function myClasses(deps: Deps, caller: Caller): Promise<TrainerClassView[]> {
  const binding = await requireRole(deps, caller, 'trainer');
  const now = deps.clock.now();
  const views: TrainerClassView[] = [];
  for await (const c of scan<ClassDoc>(deps.store, 'classes', where('institutionId', 'eq', binding.institutionId ?? ''))) {
    views.push(trainerClassView(deps, c, now));
  }
  return views.sort((a, b) => b.firstSessionAt.localeCompare(a.firstSessionAt));
}

export function trainerClassView(deps: Deps, c: ClassDoc, now: Date): TrainerClassView {
  const state = classState(c.sessions, c.closedAt, now);
  return {
    ...classView(deps, c),
    enrolled: c.enrolled,
    state,
    stateName: CLASS_STATE_NAMES[state],
    currentSession: state === 'closed' ? null : currentSession(c.sessions, now),
    closedAt: c.closedAt,
  };
}


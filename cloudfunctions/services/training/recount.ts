/**
 * R9.2 reconcile, training: each class's enrolled count (R5.2) and the training counters,
 * rebuilt from the enrollments (withdrawn ones kept in `previous` included).
 */
import { METRICS, type ProjectEvent, TRAINING_METRICS, parseProjectMetric, projectMetric } from '../../core/books';
import { chinaDateOf } from '../../core/china-date';
import type { Store } from '../../store/port';
import { scan } from '../../store/scan';
import { type CounterDoc, counterId } from '../books/counters';
import { type Recount, type PendingCounts, compareCounts, tally } from '../books/reconcile';
import type { PlaceShardDoc } from '../kernel/places';
import type { ClassDoc, EnrollmentDoc } from './documents';

const ENDED_METRIC = {
  withdrawn: METRICS.trainingsWithdrawn,
  completed: METRICS.trainingsCompleted,
  not_completed: METRICS.trainingsNotCompleted,
} as const;

export async function recountTrainings(store: Store, pending: PendingCounts): Promise<Recount> {
  const counters = new Map<string, number>();
  const classCounts = new Map<string, number>();
  const add = (countyCode: string, at: string, metric: string, band: string) => {
    const d = chinaDateOf(new Date(at));
    tally(counters, counterId(countyCode, d.year, d.month, metric, band as CounterDoc['band']));
  };
  // R11: the same, per project, for enrollments in a project's classes.
  const addProject = (e: EnrollmentDoc, countyCode: string, at: string, event: ProjectEvent, band: string) => {
    if (e.projectId) add(countyCode, at, projectMetric(event, e.projectId), band);
  };
  let enrollments = 0;
  for await (const e of scan<EnrollmentDoc>(store, 'enrollments')) {
    enrollments++;
    for (const p of e.previous ?? []) {
      add(p.countyCode, p.enrolledAt, METRICS.trainingsStarted, p.band);
      add(p.countyCode, p.endedAt, METRICS.trainingsWithdrawn, p.band);
      addProject(e, p.countyCode, p.enrolledAt, 'started', p.band);
      addProject(e, p.countyCode, p.endedAt, 'withdrawn', p.band);
    }
    add(e.countyCode, e.enrolledAt, METRICS.trainingsStarted, e.band);
    addProject(e, e.countyCode, e.enrolledAt, 'started', e.band);
    if (e.status !== 'enrolled' && e.endedAt) add(e.countyCode, e.endedAt, ENDED_METRIC[e.status], e.band);
    if (e.endedAt && e.status === 'withdrawn') addProject(e, e.countyCode, e.endedAt, 'withdrawn', e.band);
    if (e.endedAt && e.status === 'completed') addProject(e, e.countyCode, e.endedAt, 'completed', e.band);
    if (e.status !== 'withdrawn') tally(classCounts, e.classId);
  }
  // D61/D62: a class's enrolled plus what its queued changes will fold in, and the seats its shards gave, both equal its enrollments.
  const { rollups } = pending;
  const storedClassCounts = new Map<string, number>();
  const sharded = new Set<string>();
  for await (const c of scan<ClassDoc>(store, 'classes')) {
    storedClassCounts.set(c._id, c.enrolled + (rollups.get(`classes/${c._id}/enrolled`) ?? 0));
    if (c.seatShards) sharded.add(c._id);
  }
  const seats = new Map<string, number>();
  for await (const s of scan<PlaceShardDoc>(store, 'seatShards')) tally(seats, s.pool, s.used);
  return {
    owns: (metric) => (TRAINING_METRICS as readonly string[]).includes(metric) || ['started', 'withdrawn', 'completed'].includes(parseProjectMetric(metric)?.event ?? ''),
    counters,
    differences: [
      ...compareCounts('class enrolled', storedClassCounts, classCounts),
      ...compareCounts('class seat shards', seats, new Map([...classCounts].filter(([id]) => sharded.has(id)))),
    ],
    checked: { enrollments, classes: storedClassCounts.size },
  };
}

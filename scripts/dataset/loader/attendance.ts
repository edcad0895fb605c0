/**
 * Phase: attendance scanned live by the trainers (R6.2, R6.3), in scan order — each record built
 * by the training context's newAttendance from the enrollment and recorded by attendanceChange,
 * as `scan` does. Scans fall from 25 minutes before a session's start to 15 minutes after.
 */
import { attendanceChange, newAttendance } from '../../../cloudfunctions/services/training';
import { type LoaderContext, classInstitution, record, trainerOf } from './context';

type Scan = { ei: number; session: number; at: number };

/** Every attended session of this thread's trainees, in time order. */
function scansOf(ctx: LoaderContext): Scan[] {
  const { plan, rng } = ctx;
  const scans: Scan[] = [];
  for (let ei = 0; ei < plan.enrollments.length; ei++) {
    const e = plan.enrollments[ei];
    if (!ctx.mine(plan.personCounty[e.person])) continue;
    const c = plan.classes[e.cls];
    for (let s = 0; s < c.sessions.length; s++) {
      if (!(e.attended & (1 << s))) continue;
      const startsAt = c.firstAt + (Date.parse(`${c.sessions[s].date}T00:00:00Z`) - Date.parse(`${c.sessions[0].date}T00:00:00Z`));
      scans.push({ ei, session: s, at: startsAt - rng.int(0, 25 * 60) * 1000 + rng.int(0, 15 * 60) * 1000 });
    }
  }
  return scans.sort((a, b) => a.at - b.at);
}

export async function loadAttendance(ctx: LoaderContext): Promise<void> {
  const { plan, rng, sink } = ctx;
  for (const sc of scansOf(ctx)) {
    const e = plan.enrollments[sc.ei];
    const c = plan.classes[e.cls];
    const trainerOpenid = trainerOf(classInstitution(ctx, c)._id);
    const recordedAt = new Date(sc.at + rng.int(150, 1500));
    const attendance = newAttendance({
      enrollment: ctx.enrollments[sc.ei],
      c: ctx.classes[e.cls],
      session: sc.session,
      scannedAt: new Date(sc.at),
      recordedAt,
      trainerOpenid,
      offline: null,
    });
    await sink.put('attendance', attendance);
    await record(ctx, attendanceChange(attendance, { openid: trainerOpenid, role: 'trainer' }));
  }
  await sink.flushAll();
}

/**
 * `training`: classes and enrollment (R5); attendance by QR code, the trainer's classes, roster and
 * scans (R6.1–R6.4); closing a class (R6.5).
 */
import { z } from 'zod';
import { myAttendanceKey, roster, scan, uploadOfflineScans } from '../../services/training';
import { enroll, listClasses, myClasses, myEnrollments, withdraw } from '../../services/training';
import { closeClass } from '../../services/training';
import type { RouteTable } from '../router';

const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { error: '时间格式不正确' });
const classId = z.object({ classId: z.string({ error: '请选择班级' }).min(1, { error: '请选择班级' }).max(64) });

export const trainingRoutes: RouteTable<'training'> = {
  listClasses: {
    schema: z.object({
      countyCode: z.string().regex(/^\d{6}$/, { error: '县（市、区）代码不正确' }).optional(),
      townshipCode: z.string().regex(/^\d{9}$/, { error: '乡镇代码不正确' }).optional(),
      occupationCode: z.string().max(20).optional(),
      mode: z.enum(['fulltime', 'parttime', 'village'], { error: '培训形式不正确' }).optional(),
      eligibleOnly: z.boolean().optional(),
    }),
    handle: (deps, caller, input) => listClasses(deps, caller, input),
  },
  enroll: { schema: classId, handle: (deps, caller, input) => enroll(deps, caller, input) },
  withdraw: { schema: classId, handle: (deps, caller, input) => withdraw(deps, caller, input) },
  mine: { schema: z.object({}), handle: (deps, caller) => myEnrollments(deps, caller) },
  attendanceKey: { schema: z.object({}), handle: (deps, caller) => myAttendanceKey(deps, caller) },
  scan: {
    schema: classId.extend({ code: z.string({ error: '请扫描学员的签到码' }).min(1, { error: '请扫描学员的签到码' }).max(200) }),
    handle: (deps, caller, input) => scan(deps, caller, input),
  },
  uploadOfflineScans: {
    schema: z.object({
      deviceNow: isoTime,
      scans: z
        .array(
          z.object({
            scanId: z.string().min(8).max(64),
            classId: z.string().min(1).max(64),
            code: z.string().min(1).max(200),
            deviceScannedAt: isoTime,
          }),
        )
        .max(500, { error: '一次最多上传500条签到' }),
    }),
    handle: (deps, caller, input) => uploadOfflineScans(deps, caller, input),
  },
  roster: { schema: classId, handle: (deps, caller, input) => roster(deps, caller, input) },
  myClasses: { schema: z.object({}), handle: (deps, caller) => myClasses(deps, caller) },
  closeClass: { schema: classId, handle: (deps, caller, input) => closeClass(deps, caller, input) },
};

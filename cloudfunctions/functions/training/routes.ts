/**
 * `training`: classes and enrollment (R5); attendance by QR code, the trainer's classes, roster and
 * scans (R6.1–R6.4); closing a class (R6.5).
 */
import { z } from 'zod';
import { myAttendanceKey, roster, scan, uploadOfflineScans } from '../../services/training';
import { enroll, listClasses, myClasses, myEnrollments, withdraw } from '../../services/training';
import { classCheckIns, issueCard, markPresent, revokeCard, scanTyped } from '../../services/training';
import { cancelClass, classDetail, closeClass, createClass, pendingClasses, reviewClass, submitClass, updateClass } from '../../services/training';
import type { RouteTable } from '../router';
import { classId, id, isoTime, level, occupationCode, regionCode, sessions, text, townshipCode } from '../schemas';

const plan = z.object({
  name: text(40, '请输入2–40个字的班级名称'),
  occupationCode,
  level,
  projectId: id.nullable().optional(),
  acceptedTypes: z.array(z.string().max(20)).max(10),
  selfFunded: z.boolean(),
  townshipCode,
  mode: z.enum(['fulltime', 'parttime', 'village'], { error: '培训形式不正确' }),
  capacity: z.number({ error: '请填写人数上限' }),
  sessions,
  minAttendanceRatio: z.number({ error: '出勤要求不正确' }).optional(),
});

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
    proxy: true,
  },
  // R14.1, R14.3: enrolling binds (or claims) a voucher, so it needs what a claim needs.
  enroll: { schema: classId.extend({ claim: z.string().max(20).optional() }), handle: (deps, caller, input) => enroll(deps, caller, input), proxy: true, consent: 'uses', realName: true },
  withdraw: { schema: classId, handle: (deps, caller, input) => withdraw(deps, caller, input), proxy: true },
  mine: { schema: z.object({}), handle: (deps, caller) => myEnrollments(deps, caller), proxy: true },
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
  myClasses: { schema: z.object({ institutionId: id.optional() }), handle: (deps, caller, input) => myClasses(deps, caller, input) },
  closeClass: { schema: classId, handle: (deps, caller, input) => closeClass(deps, caller, input) },
  createClass: { schema: plan.extend({ institutionId: id.optional() }), handle: (deps, caller, input) => createClass(deps, caller, input) },
  updateClass: { schema: plan.partial().extend(classId.shape), handle: (deps, caller, input) => updateClass(deps, caller, input) },
  submitClass: { schema: classId, handle: (deps, caller, input) => submitClass(deps, caller, input) },
  cancelClass: { schema: classId.extend({ reason: text(200, '请填写取消原因') }), handle: (deps, caller, input) => cancelClass(deps, caller, input) },
  classDetail: { schema: classId, handle: (deps, caller, input) => classDetail(deps, caller, input) },
  pendingClasses: { schema: z.object({ regionCode: regionCode.optional() }), handle: (deps, caller, input) => pendingClasses(deps, caller, input) },
  scanTyped: {
    schema: classId.extend({ digits: z.string({ error: '请输入学员手机上的8位数字' }).max(20) }),
    handle: (deps, caller, input) => scanTyped(deps, caller, input),
  },
  markPresent: {
    schema: classId.extend({ personId: id, reason: text(200, '请填写原因') }),
    handle: (deps, caller, input) => markPresent(deps, caller, input),
  },
  issueCard: { schema: z.object({ personId: id }), handle: (deps, caller, input) => issueCard(deps, caller, input) },
  revokeCard: { schema: z.object({ personId: id }), handle: (deps, caller, input) => revokeCard(deps, caller, input) },
  classCheckIns: { schema: z.object({ regionCode: regionCode.optional() }), handle: (deps, caller, input) => classCheckIns(deps, caller, input) },
  reviewClass: {
    schema: classId.extend({ approve: z.boolean({ error: '请选择通过或不通过' }), reason: text(200, '原因最多200字').optional() }),
    handle: (deps, caller, input) => reviewClass(deps, caller, input),
  },
};

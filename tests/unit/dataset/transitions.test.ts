/**
 * The loader's later state changes (scripts/dataset/loader/transitions.ts) leave a document as
 * the use case's update would: built by the service builder, then moved on field by field.
 */
import { newClass, newEnrollment } from '../../../cloudfunctions/services/training';
import { newVoucher } from '../../../cloudfunctions/services/voucher';
import {
  classClosed,
  classDone,
  classEnrolled,
  enrollmentCompleted,
  personReported,
  voucherEnded,
  voucherRedeemed,
  voucherReserved,
} from '../../../scripts/dataset/loader/transitions';
import type { PersonDoc } from '../../../cloudfunctions/services/account';

const place = { countyCode: '141127', cityCode: '141100', provinceCode: '140000' };
const claimedAt = new Date('2021-03-01T02:00:00Z');
const aVoucher = () =>
  newVoucher({
    id: 'v_1',
    place,
    person: { _id: 'p_1', openid: 'gen:1', townshipCode: '141127101' },
    type: { code: 'skills', name: '职业技能培训券', validityDays: 90 },
    eligibility: { eligible: true, age: 30, band: 'A' },
    at: claimedAt,
    requestId: 'r1',
  });
const aClass = () =>
  newClass({
    id: 'c_1',
    place,
    institution: { _id: 'i_1', name: '岚县职业技能培训学校' },
    name: '焊工（五级）',
    occupation: { code: '6-25-04-01', name: '焊工' },
    level: 5,
    acceptedTypes: ['skills'],
    selfFunded: false,
    townshipCode: null,
    mode: 'parttime',
    capacity: 40,
    sessions: [{ date: '2021-04-01', start: '19:00', end: '21:00' }],
    minAttendanceRatio: 0.8,
    project: null,
    createdBy: 'gen:trainer:i_1',
    at: new Date('2021-03-01T00:00:00Z'),
    status: 'approved',
  });

describe('dataset loader transitions', () => {
  it('a voucher reserved then redeemed keeps its enrollment and ends when redeemed (enroll, redeemVoucher)', () => {
    const at = new Date('2021-04-05T03:00:00Z');
    const v = voucherRedeemed(voucherReserved(aVoucher(), 'c_1:p_1'), at);
    expect(v).toEqual({ ...aVoucher(), status: 'redeemed', enrollmentId: 'c_1:p_1', endedAt: at.toISOString() });
  });

  it('a voucher cancelled or expired gets its status and end time (endVoucher)', () => {
    const at = new Date('2021-06-01T00:00:00Z');
    expect(voucherEnded(aVoucher(), 'expired', at)).toEqual({ ...aVoucher(), status: 'expired', endedAt: at.toISOString() });
  });

  it('a class counts its enrolled, then closes and records its outcome (enroll, completeClass)', () => {
    const closedAt = new Date('2021-04-04T14:00:00Z');
    const c = classDone(classClosed(classEnrolled(classEnrolled(aClass())), closedAt), 1, 1);
    expect(c).toEqual({ ...aClass(), enrolled: 2, closedAt: closedAt.toISOString(), completion: 'done', completed: 1, notCompleted: 1 });
    expect(aClass()).toMatchObject({ enrolled: 0, closedAt: null, completion: 'pending' });
  });

  it('an enrollment completed records its status, end and sessions attended (completeEnrollment)', () => {
    const e = newEnrollment({
      person: { ...place, _id: 'p_1', openid: 'gen:1', name: '张三', idMasked: '1411**********0011', townshipCode: '141127100' },
      c: aClass(),
      voucher: { _id: 'v_1', type: 'skills' },
      band: 'A',
      at: claimedAt,
      existing: null,
    });
    const at = new Date('2021-04-04T14:00:01Z');
    expect(enrollmentCompleted(e, 'not_completed', 0, at)).toEqual({ ...e, status: 'not_completed', endedAt: at.toISOString(), attended: 0 });
  });

  it('the latest report names the current employer only when employed (reportEmployment)', () => {
    const p = { _id: 'p_1' } as PersonDoc;
    expect(personReported(p, { status: 'employed', employer: '吕梁东义集团' })).toMatchObject({ currentEmployer: '吕梁东义集团', employmentStatus: 'employed' });
    expect(personReported(p, { status: 'flexible', employer: null })).toMatchObject({ currentEmployer: null, employmentStatus: 'flexible' });
  });
});

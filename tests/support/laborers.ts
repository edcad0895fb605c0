/**
 * Builders for registered laborers through the real API: `aLaborer(gw, { age: 52 })`, and a
 * trainee enrolled in a class with the codes their phone shows: `aTrainee(gw, classId)`.
 */
import type { AttendanceKey, EnrollmentView, PrivacyStatus, WhoAmI } from '../../cloudfunctions/contract';
import { attendanceCode } from '../../cloudfunctions/core/attendance';
import { PRIVACY_GUIDE } from '../../cloudfunctions/core/privacy';
import type { ApiClient, TestGateway } from './gateway';
import { idNumberAged } from './id-numbers';

let next = 0;

/** R14.1 what the app asks first: agree to the privacy guide in force. */
export const agreeToGuide = (client: ApiClient): Promise<PrivacyStatus> => client.ok<PrivacyStatus>('privacy', 'agree', { version: PRIVACY_GUIDE.version });

export interface LaborerOptions {
  age?: number;
  townshipCode?: string;
  name?: string;
  /** The date the age holds on (default: the gateway's clock). */
  on?: Date;
}

export async function aLaborer(gw: TestGateway, options: LaborerOptions = {}): Promise<{ client: ApiClient; me: WhoAmI; openid: string }> {
  next++;
  const openid = `test-laborer-${process.pid}-${next}`;
  const client = await gw.as(openid);
  const on = options.on ?? gw.runtime.clock.now();
  const townshipCode = options.townshipCode ?? '141127101';
  await agreeToGuide(client);
  const me = await client.ok<WhoAmI>('account', 'register', {
    name: options.name ?? '测试人员',
    idNumber: idNumberAged(options.age ?? 30, on, { region: townshipCode.slice(0, 6) }),
    townshipCode,
  });
  return { client, me, openid };
}

/** R6.1 the caller's attendance key, as the phone keeps it, and the code the phone shows at an instant. */
export async function attendanceCodes(client: ApiClient): Promise<{ key: AttendanceKey; codeAt: (iso: string) => string }> {
  const key = await client.ok<AttendanceKey>('training', 'attendanceKey', {});
  const secret = new Uint8Array(Buffer.from(key.secret, 'base64'));
  return { key, codeAt: (iso: string) => attendanceCode(secret, key.personRef, new Date(iso)) };
}

/** A laborer who claimed a skills voucher and enrolled in `classId` with it, and their codes. */
export async function aTrainee(gw: TestGateway, classId: string, options: LaborerOptions = {}) {
  const l = await aLaborer(gw, options);
  await l.client.ok('voucher', 'claim', { type: 'skills' });
  const enrollment = await l.client.ok<EnrollmentView>('training', 'enroll', { classId });
  return { ...l, enrollment, ...(await attendanceCodes(l.client)) };
}

/** The trainer scans the trainee's code at each instant in turn, the gateway's clock set to it. */
export async function scanEach(gw: TestGateway, trainer: ApiClient, classId: string, codeAt: (iso: string) => string, instants: readonly string[]): Promise<void> {
  for (const at of instants) {
    await gw.setNow(at);
    await trainer.ok('training', 'scan', { classId, code: codeAt(at) });
  }
}

/**
 * R6.1 attendance keys: each person's reference (named in their codes) and secret (the HMAC key),
 * issued with their first enrollment; the secret stored encrypted.
 */
import { randomBytes } from 'node:crypto';
import type { Tx } from '../../store/port';
import type { Deps } from '../kernel/deps';
import type { AttendanceKeyDoc, AttendanceRefDoc } from './documents';


/** Creates the person's key on first use (inside the caller's transaction). */
export async function ensureAttendanceKey(deps: Deps, tx: Tx, personId: string): Promise<AttendanceKeyDoc> {
  const existing = await tx.get<AttendanceKeyDoc>('attendanceKeys', personId);
  if (existing) return existing;
  const ref = randomBytes(9).toString('base64url');
  const secret = randomBytes(32).toString('base64');
  const doc = { ref, secretCipher: deps.idVault.encrypt(secret) };
  await tx.create<AttendanceKeyDoc>('attendanceKeys', personId, doc);
  await tx.create<AttendanceRefDoc>('attendanceRefs', ref, { personId });
  return { _id: personId, ...doc };
}

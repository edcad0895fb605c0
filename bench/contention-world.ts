/**
 * The people and classes the contention storms need, in one county (临县), written once before
 * the storms and not measured: claimants registered through the use case; an institution with a
 * trainer per class; classes running today with their trainees enrolled and holding attendance
 * keys (written directly, as bench/scans.ts does, with the counters enrollment would have made);
 * classes opening tomorrow for the enrollment storm.
 */
import { chinaDateOf } from '../cloudfunctions/core/china-date';
import { creditCheckCharOf } from '../cloudfunctions/core/credit-code';
import { register } from '../cloudfunctions/services/account';
import { bumpCounters } from '../cloudfunctions/services/books/counters';
import { createInstitution } from '../cloudfunctions/services/institution';
import type { Deps } from '../cloudfunctions/services/kernel/deps';
import { countyPlace } from '../cloudfunctions/services/kernel/place';
import { type PlaceShardDoc, placeShardId } from '../cloudfunctions/services/kernel/places';
import { acceptInvitation, invite } from '../cloudfunctions/services/staff';
import { type ClassDoc, type EnrollmentDoc, ensureAttendanceKey, newClass, newEnrollment } from '../cloudfunctions/services/training';
import { QUOTA_SHARDS } from '../cloudfunctions/services/voucher';
import { idNumberAged } from '../tests/support/id-numbers';

export const COUNTY = '141124';
const TOWNSHIP = '141124100';
const PROVINCE_ADMIN = 'dev-openid-official-shanxi';

/** `n` laborers of the county, registered one after another; answers their OPENIDs. */
export async function registerLaborers(deps: Deps, tag: string, n: number): Promise<string[]> {
  const openids: string[] = [];
  for (let i = 0; i < n; i++) {
    const openid = `test-storm-${tag}-${i}`;
    await register(deps, { openid, requestId: `reg-${openid}` }, { name: '测试', idNumber: idNumberAged(20 + (i % 25), deps.clock.now(), { region: COUNTY }), townshipCode: TOWNSHIP });
    openids.push(openid);
  }
  return openids;
}

/** Today's design for the claim storm: the quota's places all in one document (as before D62). */
export async function oneQuotaDocument(deps: Deps, quotaId: string, limit: number): Promise<void> {
  await deps.store.transaction(async (tx) => {
    let used = 0;
    for (let k = 0; k < QUOTA_SHARDS; k++) {
      const s = await tx.get<PlaceShardDoc>('quotaShards', placeShardId(quotaId, k));
      if (!s) continue;
      used += s.used;
      await tx.remove('quotaShards', s._id);
    }
    await tx.update('quotas', quotaId, { set: { shards: 1, limit } });
    await tx.create<PlaceShardDoc>('quotaShards', placeShardId(quotaId, 0), { pool: quotaId, k: 0, limit, used });
  });
}

/** One institution of the county; its trainers are invited per class. */
export async function anInstitution(deps: Deps): Promise<{ id: string; name: string }> {
  const first17 = '52141124MJB000001';
  const institution = await createInstitution(deps, { openid: PROVINCE_ADMIN, requestId: 'storm-institution' }, {
    name: '临县职业培训学校',
    creditCode: first17 + creditCheckCharOf(first17),
    kind: 'school',
    countyCode: COUNTY,
    townshipCode: TOWNSHIP,
    address: '临县临泉镇',
    contactName: '联系人',
    contactPhone: '13900000000',
    trains: [{ occupationCode: '4-10-01-05', levels: [5] }],
  });
  return { id: institution.id, name: institution.name };
}

export interface StormClass {
  classId: string;
  trainer: string;
  trainees: { personRef: string; secret: Uint8Array }[];
}

/**
 * `count` classes of the institution, each with its own trainer: running today 08:00–18:00 with
 * `size` trainees enrolled (`running`), or opening tomorrow with nobody enrolled yet (its seats
 * in `seatShards` shards, D62, or on the class as before).
 */
export async function classes(deps: Deps, institution: { id: string; name: string }, tag: string, count: number, size: number, running: boolean, seatShards = 0): Promise<StormClass[]> {
  const now = deps.clock.now();
  const day = chinaDateOf(new Date(now.getTime() + (running ? 0 : 86_400_000)));
  const date = `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
  const place = countyPlace(deps.regions, COUNTY);
  const out: StormClass[] = [];
  for (let k = 0; k < count; k++) {
    const classId = `storm-${tag}-${k}`;
    const trainer = `test-storm-trainer-${tag}-${k}`;
    const invitation = await invite(deps, { openid: PROVINCE_ADMIN, requestId: `storm-invite-${tag}-${k}` }, { role: 'trainer', institutionId: institution.id, inviteeNote: `老师${k}` });
    await acceptInvitation(deps, { openid: trainer, requestId: `storm-accept-${tag}-${k}` }, invitation.code);
    const trainees = await deps.store.transaction(async (tx) => {
      const c = newClass({
        id: classId,
        place,
        institution: { _id: institution.id, name: institution.name },
        name: `养老护理员${tag}${k}班`,
        occupation: { code: '4-10-01-05', name: '养老护理员' },
        level: 5,
        acceptedTypes: ['skills'],
        selfFunded: true,
        townshipCode: TOWNSHIP,
        mode: 'parttime',
        capacity: 40,
        sessions: [{ date, start: '08:00', end: '18:00' }],
        minAttendanceRatio: 0.8,
        project: null,
        createdBy: trainer,
        at: now,
        status: 'approved',
        seatShards,
      });
      const { _id, ...data } = c;
      await tx.set<ClassDoc>('classes', classId, { ...data, enrolled: running ? size : 0 });
      const keys: StormClass['trainees'] = [];
      if (!running) return keys;
      for (let j = 0; j < size; j++) {
        const personId = `storm-person-${tag}-${k}-${j}`;
        const e = newEnrollment({ person: { ...place, _id: personId, openid: `test-storm-trainee-${tag}-${k}-${j}`, name: '学员', idMasked: '1411**********0011', townshipCode: '' }, c, voucher: null, band: 'A', at: now, existing: null });
        const { _id: id, ...enrollment } = e;
        await tx.set<EnrollmentDoc>('enrollments', id, enrollment);
        const key = await ensureAttendanceKey(deps, tx, personId);
        keys.push({ personRef: key.ref, secret: new Uint8Array(Buffer.from(deps.idVault.decrypt(key.secretCipher), 'base64')) });
      }
      // What enrollment would have counted (R9.2), so reconcile balances.
      await bumpCounters(tx, place, now, [{ metric: 'trainingsStarted', band: 'A', by: size }]);
      return keys;
    });
    out.push({ classId, trainer, trainees });
  }
  return out;
}

/**
 * R5 classes as laborers see them: upcoming classes, each with what the caller can do (the same
 * check, in the same order, as enrolling).
 */
import type { ClassForMe, ClassView, ListClassesInput } from '../../contract';
import { MODE_NAMES } from '../../core/classes';
import { DomainError, ERROR_MESSAGES, type ErrorCode } from '../../core/errors';
import { type Tx, and, where } from '../../store/port';
import { type PersonDoc, personOf } from '../account';
import { requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { type SlotDoc, type VoucherDoc, birthOf, hasCurrentEmployer, isPastExpiry, slotId } from '../voucher';
import { listVoucherTypes } from '../catalogue';
import { eligibilityOf } from '../../core/eligibility';
import { DISTANCE_NAMES, DISTANCE_ORDER, distanceOf, overlaps, spanOf } from '../../core/classes';
import type { ClassDoc, EnrollmentDoc, PersonScheduleDoc } from './documents';
import { enrollmentId } from './documents';

export function classView(deps: Deps, c: ClassDoc): ClassView {
  return {
    id: c._id,
    name: c.name,
    institution: { id: c.institutionId, name: c.institutionName },
    occupation: { code: c.occupationCode, name: c.occupationName },
    level: c.level,
    mode: c.mode,
    modeName: MODE_NAMES[c.mode],
    acceptedTypes: c.acceptedTypes,
    selfFunded: c.selfFunded,
    county: deps.regions.ref(c.countyCode),
    township: c.townshipCode ? deps.regions.ref(c.townshipCode) : null,
    capacity: c.capacity,
    seatsLeft: Math.max(0, c.capacity - c.enrolled),
    sessions: c.sessions,
    firstSessionAt: c.firstSessionAt,
    lastSessionEndsAt: c.lastSessionEndsAt,
    minAttendanceRatio: c.minAttendanceRatio,
  };
}

export async function listClasses(deps: Deps, caller: Caller, input: ListClassesInput): Promise<ClassView[]> {
  const openid = requireOpenid(caller);
  const now = deps.clock.now();
  // R11.3: laborers see approved classes only.
  const filters = [where('status', 'eq', 'approved'), where('firstSessionAt', 'gt', now.toISOString())];
  if (input.countyCode) filters.unshift(where('countyCode', 'eq', input.countyCode));
  const page = await deps.store.find<ClassDoc>('classes', and(...filters), { orderBy: { field: 'firstSessionAt' }, limit: 200 });
  const person = await personOf(deps.store, openid).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === 'NOT_REGISTERED') return null;
    throw e;
  });
  const claimable = person ? await claimableTypes(deps, person, now) : new Set<string>();
  const views: (ClassView & { forMe: ClassForMe })[] = [];
  for (const c of page.items) {
    if ((input.mode && c.mode !== input.mode) || (input.occupationCode && c.occupationCode !== input.occupationCode)) continue;
    if (input.townshipCode && c.townshipCode !== input.townshipCode) continue;
    const forMe = await classForMe(deps.store, person, c, now, claimable);
    if (input.eligibleOnly && !forMe.canEnroll) continue;
    views.push({ ...classView(deps, c), forMe });
  }
  // R13: nearest first (the holder's township, county, city …), then soonest.
  const rank = (v: { forMe: ClassForMe }) => DISTANCE_ORDER.indexOf(v.forMe.distance ?? 'far');
  return views.sort((a, b) => rank(a) - rank(b) || a.firstSessionAt.localeCompare(b.firstSessionAt));
}

/** The voucher types the person could claim now (eligible, none unused held): for enrolling in one step. */
async function claimableTypes(deps: Deps, person: PersonDoc, now: Date): Promise<Set<string>> {
  const out = new Set<string>();
  for (const type of await listVoucherTypes(deps.store)) {
    if (!eligibilityOf({ birthDate: birthOf(person), hasCurrentEmployer: hasCurrentEmployer(person) }, type, now).eligible) continue;
    const slot = await deps.store.get<SlotDoc>('voucherSlots', slotId(person._id, type.code));
    if (!slot) out.add(type.code);
  }
  return out;
}

async function classForMe(reader: Reader, person: PersonDoc | null, c: ClassDoc, now: Date, claimable: Set<string>): Promise<ClassForMe> {
  if (!person) return { enrolled: false, voucherType: null, canEnroll: false, reason: ERROR_MESSAGES.NOT_REGISTERED, reasonCode: 'NOT_REGISTERED' };
  const distance = distanceOf(person, c);
  const near = { distance, distanceText: DISTANCE_NAMES[distance] };
  const check = await enrollCheck(reader, person, c, now);
  const enrolled = check.existing !== null && check.existing.status !== 'withdrawn';
  const voucherType = check.voucher?.type ?? null;
  const needsVoucher = check.refusal === 'NO_USABLE_VOUCHER' || check.refusal === 'VOUCHER_WRONG_TOWNSHIP';
  const claim = needsVoucher ? (c.acceptedTypes.find((t) => claimable.has(t) && (t !== 'village' || c.townshipCode === person.townshipCode)) ?? null) : null;
  return check.refusal
    ? { ...near, claimable: claim, enrolled, voucherType, canEnroll: false, reason: ERROR_MESSAGES[check.refusal], reasonCode: check.refusal }
    : { ...near, claimable: null, enrolled, voucherType, canEnroll: true, reason: null, reasonCode: null };
}

export type Reader = Pick<Tx, 'get'>;

/** The person's usable voucher for the class: unused, in validity, of an accepted type (R5.2). */
async function usableVoucher(r: Reader, person: PersonDoc, c: ClassDoc, now: Date): Promise<{ voucher: VoucherDoc | null; wrongTownship: boolean }> {
  let wrongTownship = false;
  for (const type of c.acceptedTypes) {
    const slot = await r.get<SlotDoc>('voucherSlots', slotId(person._id, type));
    const v = slot ? await r.get<VoucherDoc>('vouchers', slot.voucherId) : null;
    if (!v || v.status !== 'unused' || isPastExpiry(v, now)) continue;
    // R4: a 送培训下乡 voucher pays only for training in the holder's township.
    if (type === 'village' && c.townshipCode !== v.townshipCode) {
      wrongTownship = true;
      continue;
    }
    return { voucher: v, wrongTownship: false };
  }
  return { voucher: null, wrongTownship };
}

interface EnrollCheck {
  existing: EnrollmentDoc | null;
  voucher: VoucherDoc | null;
  schedule: PersonScheduleDoc | null;
  /** The first reason enrolling is refused (R5.2), or null. */
  refusal: ErrorCode | null;
}

/** R5.2, in order: started, already enrolled, full, no usable voucher, full-time overlap. */
export async function enrollCheck(r: Reader, person: PersonDoc, c: ClassDoc, now: Date, seatsLeft = c.capacity - c.enrolled): Promise<EnrollCheck> {
  const existing = await r.get<EnrollmentDoc>('enrollments', enrollmentId(c._id, person._id));
  const done = (refusal: ErrorCode | null, voucher: VoucherDoc | null = null, schedule: PersonScheduleDoc | null = null) => ({
    existing,
    voucher,
    schedule,
    refusal,
  });
  if (existing && existing.status !== 'withdrawn') return done('ALREADY_ENROLLED');
  // R11.3: a class not approved (or being cancelled) takes no one.
  if (c.status !== 'approved') return done('CLASS_NOT_FOUND');
  if (now >= new Date(c.firstSessionAt)) return done('CLASS_STARTED');
  // R5.2: capacity is a counter on the class (or its seat shards, D62), read and written in the enrolling transaction.
  if (seatsLeft <= 0) return done('CLASS_FULL');
  const { voucher, wrongTownship } = await usableVoucher(r, person, c, now);
  if (!voucher && !c.selfFunded) return done(wrongTownship ? 'VOUCHER_WRONG_TOWNSHIP' : 'NO_USABLE_VOUCHER');
  const schedule = await r.get<PersonScheduleDoc>('personSchedules', person._id);
  const span = spanOf(c.sessions);
  if (c.mode === 'fulltime' && (schedule?.fulltime ?? []).some((s) => overlaps(s, span))) return done('FULLTIME_OVERLAP', voucher, schedule);
  return done(null, voucher, schedule);
}


/**
 * Account use cases: register (R2), whoami (R1, R3), updateProfile, regions.
 */
import { randomUUID } from 'node:crypto';
import type { Profile, Region, RegionsInput, RegisterInput, RoleBinding, UpdateProfileInput, WhoAmI } from '../../contract';
import { BAND_NAMES, ageAt, bandOfAge } from '../../core/age';
import { formatDate, parseDate } from '../../core/china-date';
import { DomainError } from '../../core/errors';
import { checkIdNumber, maskIdNumber } from '../../core/id-number';
import { type Store, isStoreError } from '../../store/port';
import { recordChange } from '../books/changes';
import { bumpCounters, placeOf } from '../books/counters';
import type { Caller, Deps } from '../kernel/deps';
import { appendLedger } from '../books/ledger';

/** The youngest age at which someone may register: China's legal working age. */
export const MIN_REGISTRATION_AGE = 16;

export type AccountDoc = {
  _id: string;
  personId: string | null;
  roles: RoleBinding[];
  createdAt: string;
  updatedAt: string;
};

export type PersonDoc = {
  _id: string;
  openid: string;
  name: string;
  /** R2.4: AES-256-GCM, see IdVault. */
  idCipher: string;
  /** R2.4: HMAC-SHA-256, the id of the person's `idNumbers` document. */
  idHash: string;
  idMasked: string;
  birthDate: string;
  gender: 'male' | 'female';
  phone: string | null;
  townshipCode: string;
  countyCode: string;
  cityCode: string;
  provinceCode: string;
  registeredAt: string;
  updatedAt: string;
  /** R8: from the latest employment report; the 企业职工培训券 needs a current employer (R4). */
  currentEmployer?: string | null;
  employmentStatus?: string;
};

/** The counter of registered laborers (R9.3), by household county and band at registration. */
export const REGISTERED_METRIC = 'laborersRegistered';

/** The band a person registered under (null for 16–17-year-olds). */
export function registrationBand(p: Pick<PersonDoc, 'birthDate' | 'registeredAt'>): ReturnType<typeof bandOfAge> {
  const birth = parseDate(p.birthDate);
  return birth ? bandOfAge(ageAt(birth, new Date(p.registeredAt))) : null;
}

/** id = `{role}:{openid}`: one staff binding, indexed by role + region / institution. */
export type StaffDoc = {
  _id: string;
  role: RoleBinding['role'];
  openid: string;
  regionCode: string | null;
  institutionId: string | null;
  updatedAt: string;
};

export type IdNumberDoc = { _id: string; personId: string; openid: string; createdAt: string };

const NAME_PATTERN = /^[\u4e00-\u9fa5\u3400-\u4dbf]([\u4e00-\u9fa5\u3400-\u4dbf·•]{0,18})[\u4e00-\u9fa5\u3400-\u4dbf]$/;
const PHONE_PATTERN = /^1[3-9]\d{9}$/;

/** Reads by id: a transaction or the store itself. */
type Reader = { get: Store['get'] };

/** The caller's person record, or NOT_REGISTERED. */
export async function personOf(reader: Reader, openid: string): Promise<PersonDoc> {
  const account = await reader.get<AccountDoc>('accounts', openid);
  const person = account?.personId ? await reader.get<PersonDoc>('persons', account.personId) : null;
  if (!person) throw new DomainError('NOT_REGISTERED');
  return person;
}

export function requireOpenid(caller: Caller): string {
  if (!caller.openid) throw new DomainError('UNAUTHENTICATED');
  return caller.openid;
}

function checkName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, '');
  if (!NAME_PATTERN.test(name)) throw new DomainError('NAME_INVALID');
  return name;
}

function checkPhone(raw: string | null | undefined): string | null {
  if (raw === undefined || raw === null || raw.trim() === '') return null;
  const phone = raw.trim().replace(/[\s-]/g, '');
  if (!PHONE_PATTERN.test(phone)) throw new DomainError('PHONE_INVALID');
  return phone;
}

/** The household township and the county, city and province above it. */
function householdOf(deps: Deps, townshipCode: string) {
  const township = deps.regions.get(townshipCode);
  if (!township || township.level !== 'township') throw new DomainError('REGION_UNKNOWN');
  const county = deps.regions.ancestorAt(townshipCode, 'county');
  const city = deps.regions.ancestorAt(townshipCode, 'city');
  const province = deps.regions.ancestorAt(townshipCode, 'province');
  if (!county || !city || !province) throw new DomainError('REGION_UNKNOWN');
  return { townshipCode, countyCode: county.code, cityCode: city.code, provinceCode: province.code };
}

function profileOf(deps: Deps, p: PersonDoc, now: Date): Profile {
  const birth = parseDate(p.birthDate);
  if (!birth) throw new Error(`person ${p._id} has a corrupt birth date`);
  const age = ageAt(birth, now);
  const band = bandOfAge(age);
  return {
    personId: p._id,
    name: p.name,
    idNumberMasked: p.idMasked,
    gender: p.gender,
    birthDate: p.birthDate,
    age,
    band,
    bandName: band ? BAND_NAMES[band] : null,
    phone: p.phone,
    township: deps.regions.ref(p.townshipCode),
    county: deps.regions.ref(p.countyCode),
    city: deps.regions.ref(p.cityCode),
    registeredAt: p.registeredAt,
  };
}

/** Role bindings with display names; `laborer` for anyone with a profile (R1.2). */
function rolesOf(deps: Deps, account: AccountDoc | null): RoleBinding[] {
  const roles: RoleBinding[] = account?.personId ? [{ role: 'laborer' }] : [];
  for (const r of account?.roles ?? []) {
    roles.push(r.regionCode ? { ...r, regionName: deps.regions.get(r.regionCode)?.name ?? r.regionCode } : r);
  }
  return roles;
}

export async function whoami(deps: Deps, caller: Caller): Promise<WhoAmI> {
  const openid = requireOpenid(caller);
  const now = deps.clock.now();
  const account = await deps.store.get<AccountDoc>('accounts', openid);
  const person = account?.personId ? await deps.store.get<PersonDoc>('persons', account.personId) : null;
  return {
    registered: person !== null,
    profile: person ? profileOf(deps, person, now) : null,
    roles: rolesOf(deps, account),
    now: now.toISOString(),
  };
}

/** R2: checks everything before the transaction, so bad input writes nothing. */
export async function register(deps: Deps, caller: Caller, input: RegisterInput): Promise<WhoAmI> {
  const openid = requireOpenid(caller);
  const now = deps.clock.now();
  const name = checkName(input.name);
  const phone = checkPhone(input.phone);
  const checked = checkIdNumber(input.idNumber, now);
  if (!checked.ok) throw new DomainError(checked.code, checked.message);
  const { number, birthDate, gender } = checked.facts;
  if (ageAt(birthDate, now) < MIN_REGISTRATION_AGE) throw new DomainError('UNDER_AGE');
  const household = householdOf(deps, input.townshipCode);
  const idHash = deps.idVault.hash(number);
  const idCipher = deps.idVault.encrypt(number);
  const personId = `p_${randomUUID()}`;
  const at = now.toISOString();

  await deps.store.transaction(async (tx) => {
    const account = await tx.get<AccountDoc>('accounts', openid);
    if (account?.personId) {
      const existing = await tx.get<PersonDoc>('persons', account.personId);
      // A retried request with the same number answers like the first; anything else is refused.
      if (existing?.idHash === idHash) return;
      throw new DomainError('ALREADY_REGISTERED');
    }
    // R2.3: the number binds one account; a second account is refused, the first untouched.
    if (await tx.get<IdNumberDoc>('idNumbers', idHash)) throw new DomainError('ID_NUMBER_TAKEN');
    try {
      await tx.create<IdNumberDoc>('idNumbers', idHash, { personId, openid, createdAt: at });
    } catch (e) {
      if (isStoreError(e, 'DUPLICATE')) throw new DomainError('ID_NUMBER_TAKEN');
      throw e;
    }
    await tx.create<PersonDoc>('persons', personId, {
      openid,
      name,
      idCipher,
      idHash,
      idMasked: maskIdNumber(number),
      birthDate: formatDate(birthDate),
      gender,
      phone,
      ...household,
      registeredAt: at,
      updatedAt: at,
    });
    await tx.set<AccountDoc>('accounts', openid, {
      personId,
      roles: account?.roles ?? [],
      createdAt: account?.createdAt ?? at,
      updatedAt: at,
    });
    // R9.1, R9.2: registered laborers by household county, month and band at registration.
    const band = bandOfAge(ageAt(birthDate, now));
    await recordChange(tx, {
      place: household,
      at: now,
      type: 'person.registered',
      subjects: { personId },
      actor: { openid, role: 'laborer' },
      data: { townshipCode: household.townshipCode, band },
      counters: [{ metric: REGISTERED_METRIC, band, by: 1 }],
    });
  });
  deps.log.info('registered', { requestId: caller.requestId, countyCode: household.countyCode });
  return whoami(deps, caller);
}

export async function updateProfile(deps: Deps, caller: Caller, input: UpdateProfileInput): Promise<WhoAmI> {
  const openid = requireOpenid(caller);
  const set: Record<string, unknown> = {};
  if (input.phone !== undefined) set.phone = checkPhone(input.phone);
  const household = input.townshipCode !== undefined ? householdOf(deps, input.townshipCode) : null;
  if (household) Object.assign(set, household);
  await deps.store.transaction(async (tx) => {
    const account = await tx.get<AccountDoc>('accounts', openid);
    if (!account?.personId) throw new DomainError('NOT_REGISTERED');
    if (Object.keys(set).length === 0) return;
    const now = deps.clock.now();
    const person = (await tx.get<PersonDoc>('persons', account.personId))!;
    await tx.update('persons', account.personId, { set: { ...set, updatedAt: now.toISOString() } });
    if (household && household.countyCode !== person.countyCode) {
      // The registration counts move with the household, in the month the person registered.
      const registeredAt = new Date(person.registeredAt);
      const band = registrationBand(person);
      await bumpCounters(tx, placeOf(person), registeredAt, [{ metric: REGISTERED_METRIC, band, by: -1 }]);
      await bumpCounters(tx, household, registeredAt, [{ metric: REGISTERED_METRIC, band, by: 1 }]);
      await appendLedger(tx, {
        countyCode: household.countyCode,
        type: 'person.moved',
        subjects: { personId: person._id },
        actor: { openid, role: 'laborer' },
        at: now.toISOString(),
        data: { fromTownshipCode: person.townshipCode, toTownshipCode: household.townshipCode },
      });
    }
  });
  return whoami(deps, caller);
}

export function listRegions(deps: Deps, input: RegionsInput): Region[] {
  return input.parent ? deps.regions.childrenOf(input.parent) : deps.regions.all();
}

/**
 * Binds a role to an account (server-side only, R1.2): used by seeding and, later, by admins.
 * Idempotent: the same binding twice is kept once.
 */
export async function grantRole(deps: Deps, openid: string, binding: RoleBinding): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    const account = await tx.get<AccountDoc>('accounts', openid);
    const roles = account?.roles ?? [];
    const same = (r: RoleBinding) =>
      r.role === binding.role && r.regionCode === binding.regionCode && r.institutionId === binding.institutionId;
    if (roles.some(same)) return;
    await tx.set<AccountDoc>('accounts', openid, {
      personId: account?.personId ?? null,
      roles: [...roles, binding],
      createdAt: account?.createdAt ?? at,
      updatedAt: at,
    });
    // R10.1: reminders find officials by region and trainers by institution through this index.
    await tx.set<StaffDoc>('staff', `${binding.role}:${openid}`, {
      role: binding.role,
      openid,
      regionCode: binding.regionCode ?? null,
      institutionId: binding.institutionId ?? null,
      updatedAt: at,
    });
  });
}

/**
 * The caller's own profile (R1, R3): who am I, change phone or household township, regions.
 */
import type { Profile, Region, RegionsInput, RoleBinding, UpdateProfileInput, WhoAmI } from '../../contract';
import { BAND_NAMES, ageAt, bandOfAge } from '../../core/age';
import { METRICS } from '../../core/books';
import { parseDate } from '../../core/china-date';
import { DomainError } from '../../core/errors';
import { recordChange, recordCounts } from '../books/changes';
import { type AccountDoc, requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { placeOf } from '../kernel/place';
import { type PersonDoc, registrationBand } from './documents';
import { profileChange } from './records';

const PHONE_PATTERN = /^1[3-9]\d{9}$/;

export function checkPhone(raw: string | null | undefined): string | null {
  if (raw === undefined || raw === null || raw.trim() === '') return null;
  const phone = raw.trim().replace(/[\s-]/g, '');
  if (!PHONE_PATTERN.test(phone)) throw new DomainError('PHONE_INVALID');
  return phone;
}


/** The household township and the county, city and province above it. */
export function householdOf(deps: Deps, townshipCode: string) {
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

export async function updateProfile(deps: Deps, caller: Caller, input: UpdateProfileInput): Promise<WhoAmI> {
  const openid = requireOpenid(caller);
  const set: Record<string, unknown> = {};
  if (input.phone !== undefined) set.phone = checkPhone(input.phone);
  const household = input.townshipCode !== undefined ? householdOf(deps, input.townshipCode) : null;
  if (household) Object.assign(set, household);
  await deps.store.transaction(async (tx) => {
    const account = await tx.get<AccountDoc>('accounts', openid);
    if (!account?.personId) throw new DomainError('NOT_REGISTERED');
    const now = deps.clock.now();
    const person = (await tx.get<PersonDoc>('persons', account.personId))!;
    const change = profileChange(
      person,
      { phone: 'phone' in set ? (set.phone as string | null) : person.phone, townshipCode: household?.townshipCode ?? person.townshipCode, countyCode: household?.countyCode ?? person.countyCode },
      now,
      { openid, role: 'laborer' },
    );
    if (!change) return;
    await tx.update('persons', account.personId, { set: { ...set, updatedAt: now.toISOString() } });
    if (household && household.countyCode !== person.countyCode) {
      // The registration counts move with the household, in the month the person registered.
      const registeredAt = new Date(person.registeredAt);
      const band = registrationBand(person);
      await recordCounts(tx, placeOf(person), registeredAt, [{ metric: METRICS.laborersRegistered, band, by: -1 }]);
      await recordCounts(tx, household, registeredAt, [{ metric: METRICS.laborersRegistered, band, by: 1 }]);
    }
    // R9.1: every state change is ledgered, a phone change too.
    await recordChange(tx, change);
  });
  return whoami(deps, caller);
}

export function listRegions(deps: Deps, input: RegionsInput): Region[] {
  return input.parent ? deps.regions.childrenOf(input.parent) : deps.regions.all();
}


/**
 * How a registration's documents and ledger change are built (R2, R9.1, R9.2). The use case and
 * the dataset generator both build through these.
 */
import { METRICS } from '../../core/books';
import { type CalendarDate, formatDate } from '../../core/china-date';
import { maskIdNumber } from '../../core/id-number';
import type { Change } from '../books/changes';
import type { Actor } from '../books/ledger';
import type { Place } from '../kernel/place';
import type { PersonDoc } from './documents';
import { registrationBand } from './documents';

export interface PersonFacts {
  id: string;
  openid: string;
  name: string;
  /** The checked, normalised ID number (R2.1, R2.2). */
  idNumber: string;
  /** R2.4: its keyed hash and its ciphertext, from the ID vault. */
  idHash: string;
  idCipher: string;
  birthDate: CalendarDate;
  gender: 'male' | 'female';
  phone: string | null;
  household: Place & { townshipCode: string };
  at: Date;
}

/** R2.4: the number kept only as ciphertext, keyed hash and mask. */
export const newPerson = (f: PersonFacts): PersonDoc => ({
  _id: f.id,
  openid: f.openid,
  name: f.name,
  idCipher: f.idCipher,
  idHash: f.idHash,
  idMasked: maskIdNumber(f.idNumber),
  birthDate: formatDate(f.birthDate),
  gender: f.gender,
  phone: f.phone,
  townshipCode: f.household.townshipCode,
  countyCode: f.household.countyCode,
  cityCode: f.household.cityCode,
  provinceCode: f.household.provinceCode,
  registeredAt: f.at.toISOString(),
  updatedAt: f.at.toISOString(),
});

/**
 * R9.1 a profile change (D6): the fields changed, and for a new township where from and to; the
 * phone number itself stays out of the ledger. A move to another county is `person.moved`, on
 * the new county's chain.
 */
export function profileChange(p: PersonDoc, next: { phone: string | null; townshipCode: string; countyCode: string }, at: Date, actor: Actor): Change | null {
  const fields = [...(next.phone !== p.phone ? ['phone'] : []), ...(next.townshipCode !== p.townshipCode ? ['townshipCode'] : [])];
  if (fields.length === 0) return null;
  const moved = next.countyCode !== p.countyCode;
  return {
    place: { countyCode: next.countyCode, cityCode: p.cityCode, provinceCode: p.provinceCode },
    at,
    type: moved ? 'person.moved' : 'person.updated',
    subjects: { personId: p._id },
    actor,
    data: { fields, ...(next.townshipCode !== p.townshipCode ? { fromTownshipCode: p.townshipCode, toTownshipCode: next.townshipCode } : {}) },
    counters: [],
  };
}

/** Registered laborers by household county, month and band at registration (R9.3). */
export function registeredChange(p: PersonDoc): Change {
  const band = registrationBand(p);
  return {
    place: { countyCode: p.countyCode, cityCode: p.cityCode, provinceCode: p.provinceCode },
    at: new Date(p.registeredAt),
    type: 'person.registered',
    subjects: { personId: p._id },
    actor: { openid: p.openid, role: 'laborer' },
    data: { townshipCode: p.townshipCode, band },
    counters: [{ metric: METRICS.laborersRegistered, band, by: 1 }],
  };
}

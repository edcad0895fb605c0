/**
 * The account context's documents (R2): persons, the ID-number index, staff bindings.
 */
import { ageAt, bandOfAge } from '../../core/age';
import { parseDate } from '../../core/china-date';
import { DomainError } from '../../core/errors';
import type { Store } from '../../store/port';
import type { AccountDoc } from '../kernel/caller';

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
  /** R14.2 the account was closed (注销): no WeChat binding (`openid` empty), no phone; the records stay. */
  closedAt?: string | null;
  /** R14.2 the same ID number registered again from a new WeChat account. */
  reopenedAt?: string;
};


/** The band a person registered under (null for 16–17-year-olds). */
export function registrationBand(p: Pick<PersonDoc, 'birthDate' | 'registeredAt'>): ReturnType<typeof bandOfAge> {
  const birth = parseDate(p.birthDate);
  return birth ? bandOfAge(ageAt(birth, new Date(p.registeredAt))) : null;
}


export type IdNumberDoc = { _id: string; personId: string; openid: string; createdAt: string };


/** Reads by id: a transaction or the store itself. */
type Reader = { get: Store['get'] };

/** The caller's person record, or NOT_REGISTERED. */
export async function personOf(reader: Reader, openid: string): Promise<PersonDoc> {
  const account = await reader.get<AccountDoc>('accounts', openid);
  const person = account?.personId ? await reader.get<PersonDoc>('persons', account.personId) : null;
  if (!person) throw new DomainError('NOT_REGISTERED');
  return person;
}

/**
 * R2 registration: checks everything before the transaction, so bad input writes nothing.
 */
import { randomUUID } from 'node:crypto';
import type { RegisterInput, WhoAmI } from '../../contract';
import { ageAt } from '../../core/age';
import { DomainError } from '../../core/errors';
import { checkIdNumber } from '../../core/id-number';
import { type Tx, isStoreError } from '../../store/port';
import { recordChange } from '../books/changes';
import { type AccountDoc, requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import type { IdNumberDoc, PersonDoc } from './documents';
import { checkPhone, householdOf, whoami } from './profile';
import { idRegionOf } from './id-regions';
import { newPerson, registeredChange } from './records';

/** The youngest age at which someone may register: China's legal working age. */
export const MIN_REGISTRATION_AGE = 16;

const NAME_PATTERN = /^[\u4e00-\u9fa5\u3400-\u4dbf]([\u4e00-\u9fa5\u3400-\u4dbf·•]{0,18})[\u4e00-\u9fa5\u3400-\u4dbf]$/;

function checkName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, '');
  if (!NAME_PATTERN.test(name)) throw new DomainError('NAME_INVALID');
  return name;
}


/**
 * What else a registration does in its own transaction, given by the entry that wires the use
 * case (the account context imports no other): R12.2 the directed vouchers waiting for this
 * person (voucher context, `receiveDirectedVouchers`).
 */
export type OnRegistered = (deps: Deps, tx: Tx, person: PersonDoc, at: Date) => Promise<void>;

/** R2: checks everything before the transaction, so bad input writes nothing. */
export async function register(deps: Deps, caller: Caller, input: RegisterInput, onRegistered?: OnRegistered): Promise<WhoAmI> {
  const openid = requireOpenid(caller);
  const now = deps.clock.now();
  const name = checkName(input.name);
  const phone = checkPhone(input.phone);
  const checked = checkIdNumber(input.idNumber, now);
  if (!checked.ok) throw new DomainError(checked.code, checked.message);
  const { number, birthDate, gender, regionCode } = checked.facts;
  if (!idRegionOf(regionCode)) throw new DomainError('ID_NUMBER_REGION');
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
    const { _id, ...person } = newPerson({
      id: personId,
      openid,
      name,
      idNumber: number,
      idHash,
      idCipher,
      birthDate,
      gender,
      phone,
      household,
      at: now,
    });
    await tx.create<PersonDoc>('persons', personId, person);
    await tx.set<AccountDoc>('accounts', openid, {
      personId,
      roles: account?.roles ?? [],
      createdAt: account?.createdAt ?? at,
      updatedAt: at,
    });
    // R9.1, R9.2: registered laborers by household county, month and band at registration.
    await recordChange(tx, registeredChange({ _id: personId, ...person }));
    if (onRegistered) await onRegistered(deps, tx, { _id: personId, ...person }, now);
  });
  deps.log.info('registered', { requestId: caller.requestId, countyCode: household.countyCode });
  return whoami(deps, caller);
}


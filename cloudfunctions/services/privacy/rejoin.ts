/**
 * R14.2 the same ID number registering again after its account was closed: the new WeChat
 * account is bound to the person, who finds their history (certificates, vouchers, ledger).
 * Answers null when the number is not a closed person's, so the ordinary registration answers
 * (a new number registers, a number in use is ID_NUMBER_TAKEN). The name must be the one
 * registered; otherwise it is refused like any number in use, revealing nothing more.
 */
import type { RegisterInput, WhoAmI } from '../../contract';
import { DomainError } from '../../core/errors';
import { checkIdNumber } from '../../core/id-number';
import { type IdNumberDoc, type OnRegistered, type PersonDoc, checkPhone, householdOf, updateProfile } from '../account';
import { recordChange } from '../books/changes';
import { type AccountDoc, requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { personChange } from './records';

/** The closed person a number names, or null. */
async function closedPersonOf(deps: Deps, input: RegisterInput): Promise<PersonDoc | null> {
  const checked = checkIdNumber(input.idNumber, deps.clock.now());
  if (!checked.ok) return null;
  const idDoc = await deps.store.get<IdNumberDoc>('idNumbers', deps.idVault.hash(checked.facts.number));
  if (!idDoc || idDoc.openid) return null;
  const person = await deps.store.get<PersonDoc>('persons', idDoc.personId);
  return person?.closedAt ? person : null;
}

export async function rejoin(deps: Deps, caller: Caller, input: RegisterInput, onRejoined?: OnRegistered): Promise<WhoAmI | null> {
  const openid = requireOpenid(caller);
  const person = await closedPersonOf(deps, input);
  if (!person) return null;
  if ((await deps.store.get<AccountDoc>('accounts', openid))?.personId) return null;
  if (input.name.trim().replace(/\s+/g, '') !== person.name) throw new DomainError('ID_NUMBER_TAKEN');
  const phone = checkPhone(input.phone);
  const household = householdOf(deps, input.townshipCode);
  await deps.store.transaction(async (tx) => {
    const idDoc = await tx.get<IdNumberDoc>('idNumbers', person.idHash);
    const current = await tx.get<PersonDoc>('persons', person._id);
    const account = await tx.get<AccountDoc>('accounts', openid);
    if (idDoc?.openid || !current?.closedAt) throw new DomainError('ID_NUMBER_TAKEN');
    if (account?.personId) throw new DomainError('ALREADY_REGISTERED');
    const now = deps.clock.now();
    const at = now.toISOString();
    await tx.set<AccountDoc>('accounts', openid, { personId: person._id, roles: account?.roles ?? [], createdAt: account?.createdAt ?? at, updatedAt: at });
    await tx.update('persons', person._id, { set: { openid, closedAt: null, reopenedAt: at, updatedAt: at } });
    await tx.update('idNumbers', person.idHash, { set: { openid } });
    await recordChange(tx, personChange(current, 'account.reopened', now, { openid, role: 'laborer' }, {}));
    if (onRejoined) await onRejoined(deps, tx, { ...current, openid }, now);
  });
  // A new phone or township is a profile change like any other (ledgered, counters moved).
  return updateProfile(deps, caller, { phone, townshipCode: household.townshipCode });
}

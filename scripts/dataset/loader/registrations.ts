/**
 * Phase: laborers register (R2), in registration order — each person built by the account
 * context's newPerson and recorded by registeredChange, as `register` does; their ID number's
 * index entry as register writes it; and the latest employment report kept on the person, as
 * reportEmployment leaves it (personReported).
 */
import { type IdNumberDoc, newPerson, registeredChange } from '../../../cloudfunctions/services/account';
import { birthCal } from '../plan';
import { type LoaderContext, idNumberOf, openidOf, placeOfPerson, record, townshipOf } from './context';
import { GIVEN, SURNAMES } from './names';
import { personReported } from './transitions';

export async function loadRegistrations(ctx: LoaderContext, order: Uint32Array): Promise<void> {
  const { plan, rng, idVault, sink } = ctx;
  for (const p of order) {
    if (!ctx.mine(plan.personCounty[p])) continue;
    const birthDate = birthCal(plan.personBirth[p]);
    const idNumber = idNumberOf(ctx, p);
    const idHash = idVault.hash(idNumber);
    const at = new Date(plan.personRegAt[p]);
    const personId = ctx.personIds[p];
    const openid = openidOf(p);
    const name = rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.float() < 0.65 ? rng.pick(GIVEN) : '');
    ctx.personNames[p] = name;
    const idNumberDoc: IdNumberDoc = { _id: idHash, personId, openid, createdAt: at.toISOString() };
    await sink.put('idNumbers', idNumberDoc);
    const idCipher = idVault.encrypt(idNumber);
    const phone = rng.float() < 0.7 ? `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}` : null;
    const household = { townshipCode: townshipOf(ctx, p), ...placeOfPerson(ctx, p) };
    const gender = plan.personSeq[p] % 2 === 1 ? 'male' : 'female';
    const person = newPerson({ id: personId, openid, name, idNumber, idHash, idCipher, birthDate, gender, phone, household, at });
    await record(ctx, registeredChange(person));
    const last = ctx.lastReport[p];
    await sink.put('persons', last >= 0 ? personReported(person, { status: plan.reports[last].status, employer: ctx.reportEmployer[last] }) : person);
  }
  await sink.flushAll();
}

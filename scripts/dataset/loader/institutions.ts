/**
 * Phase: the training institutions (R11.1, R1.3), before anyone registers — two per county, a
 * skills school and an agricultural school, each built by the institution context's
 * newInstitution and recorded by institutionChange as createInstitution does (with its credit
 * code's index entry), then registered to assess every occupation it trains, one
 * 'registration.added' each, as addRegistration does (institutionRegistered).
 */
import type { AssessRegistration, TrainPermission } from '../../../cloudfunctions/core/institutions';
import { creditCheckCharOf } from '../../../cloudfunctions/core/credit-code';
import type { Actor } from '../../../cloudfunctions/services/books/ledger';
import { type CreditCodeDoc, type InstitutionDoc, institutionChange, newInstitution } from '../../../cloudfunctions/services/institution';
import { DAY, OCCUPATIONS, R0, type Plan } from '../plan';
import { type LoaderContext, countyPlacesOf, record } from './context';
import { CITY_ADMIN } from './names';
import { institutionRegistered } from './transitions';

/** The city admin persona set the institutions up, the day before the programme's data begins. */
const ADMIN: Actor = { openid: CITY_ADMIN, role: 'admin' };
const CREATED_AT = new Date(R0 - DAY);

/** R11.1: what an occupation may be trained and assessed at — every level its catalogue row has. */
const permissionOf = (code: string): TrainPermission => ({
  occupationCode: code,
  levels: Object.keys(OCCUPATIONS.find((o) => o.code === code)!.subsidy).map(Number).sort((a, b) => b - a),
});

/** GB 32100: 52 (民办非企业单位), the county, a made-up organisation code, the check character. */
const creditCodeOf = (countyCode: string, n: number) => {
  const first17 = `52${countyCode}MJ${String(n).padStart(7, '0')}`;
  return first17 + creditCheckCharOf(first17);
};

/** The two institutions of each county, as created (no registration yet), in county order. */
export function institutionsOf(plan: Plan): InstitutionDoc[] {
  const skills = OCCUPATIONS.filter((o) => o.category === 'skills' || o.category === 'special').map((o) => permissionOf(o.code));
  const agri = OCCUPATIONS.filter((o) => o.category === 'agri' || o.category === 'village').map((o) => permissionOf(o.code));
  const places = countyPlacesOf(plan);
  return plan.counties.flatMap((c, ci) =>
    (['skills', 'agri'] as const).map((kind, k) =>
      newInstitution({
        id: `gen-inst-${c.code}-${kind}`,
        place: places[ci],
        name: kind === 'skills' ? `${c.name}职业技能培训学校` : `${c.name}农业广播电视学校`,
        creditCode: creditCodeOf(c.code, ci * 2 + k + 1),
        kind: 'school',
        townshipCode: plan.townships[c.townships[0]].code,
        address: `${c.name}${kind === 'skills' ? '职教路1号' : '农业路8号'}`,
        contactName: kind === 'skills' ? '王老师' : '李老师',
        contactPhone: `1350358${String(ci * 2 + k).padStart(4, '0')}`,
        trains: kind === 'skills' ? skills : agri,
        createdBy: CITY_ADMIN,
        at: CREATED_AT,
      }),
    ),
  );
}

/** R1.3: each registered evaluation body for what it trains, valid through the programme's years. */
const registrationsOf = (i: InstitutionDoc): AssessRegistration[] =>
  i.trains.map((t, n) => ({
    id: `gen-reg-${i._id}-${n + 1}`,
    occupationCode: t.occupationCode,
    levels: t.levels,
    registrationNo: `晋评备${i.countyCode}${String(n + 1).padStart(3, '0')}`,
    validFrom: '2020-01-01',
    validUntil: '2025-12-31',
    endedAt: null,
  }));

export async function loadInstitutions(ctx: LoaderContext): Promise<void> {
  for (const [n, created] of ctx.institutions.entries()) {
    if (!ctx.mine(Math.floor(n / 2))) continue;
    await ctx.sink.put('creditCodes', { _id: created.creditCode, institutionId: created._id } satisfies CreditCodeDoc);
    await record(ctx, institutionChange(created, 'institution.created', CREATED_AT, ADMIN, { creditCode: created.creditCode, kind: created.kind, trains: created.trains }));
    let i = created;
    for (const registration of registrationsOf(created)) {
      i = institutionRegistered(i, registration, CREATED_AT);
      await record(ctx, institutionChange(i, 'registration.added', CREATED_AT, ADMIN, { registration }));
    }
    ctx.institutions[n] = i;
    await ctx.sink.put('institutions', i);
  }
}

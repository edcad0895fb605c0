/**
 * Demo data for an empty local store, written only through the use cases the app calls (a test
 * proves no store write starts here): the province's first admin by the bootstrap invitation, every
 * other persona's role by an invitation from someone who may grant it, institutions and their
 * evaluation registrations by their officials, a project, classes planned by their trainers and
 * approved by their county's (or a higher) official, then the registered laborers.
 */
import type { RoleBinding } from '../contract';
import { chinaDateOf } from '../core/china-date';
import { mayGrant } from '../core/invitations';
import { register } from '../services/account';
import { agreeToGuide, ledgerAgreement } from '../services/privacy';
import { PRIVACY_GUIDE } from '../core/privacy';
import { importCatalogue } from '../services/catalogue';
import { addRegistration, createInstitution, createProject } from '../services/institution';
import type { Caller, Deps } from '../services/kernel/deps';
import { acceptInvitation, bootstrapAdminInvitation, invite } from '../services/staff';
import { createClass, reviewClass, submitClass } from '../services/training';
import { DEMO_CLASSES, DEMO_INSTITUTIONS, demoProject, demoRegistrations, demoSessions } from './demo-data';
import { DEMO_CREATORS, type DemoClass, type DemoInstitution, demoInstitutionId, demoProjectId, seedRequestId } from './demo-ids';
import { PERSONAS, type Persona, demoIdNumber } from './personas';

export const SEED_VERSION = 2;

const as = (openid: string, requestId: string): Caller => ({ openid, requestId });

/** The persona who grants `binding`: the first already seated whose bindings may grant it. */
function grantorOf(deps: Deps, seated: Map<string, RoleBinding[]>, binding: RoleBinding, countyOf: (institutionId: string) => string): string | undefined {
  const scope =
    binding.role === 'trainer'
      ? { role: 'trainer' as const, institutionId: binding.institutionId!, institutionCountyCode: countyOf(binding.institutionId!) }
      : { role: binding.role as 'official' | 'admin', regionCode: binding.regionCode! };
  for (const [openid, bindings] of seated) if (mayGrant(bindings, scope, (c, a) => deps.regions.isWithin(c, a))) return openid;
  return undefined;
}

async function seat(deps: Deps, persona: Persona, binding: RoleBinding, grantor: string | undefined, i: number): Promise<void> {
  const requestId = seedRequestId(`invite-${persona.key}`, String(i));
  const invitation = grantor
    ? await invite(deps, as(grantor, requestId), { role: binding.role as 'trainer' | 'official' | 'admin', regionCode: binding.regionCode, institutionId: binding.institutionId, inviteeNote: persona.label.slice(0, 30) })
    : await bootstrapAdminInvitation(deps, { regionCode: binding.regionCode!, inviteeNote: persona.label.slice(0, 30) });
  await acceptInvitation(deps, as(persona.openid, `${requestId}-accept`), invitation.code);
}

/** Officials first (the province admin by the bootstrap invitation), trainers once their institutions exist. */
async function seatStaff(deps: Deps, roles: 'officials' | 'trainers', seated: Map<string, RoleBinding[]>): Promise<void> {
  const countyOf = (id: string) => DEMO_INSTITUTIONS[(Object.keys(DEMO_INSTITUTIONS) as DemoInstitution[]).find((k) => demoInstitutionId(k) === id)!].countyCode;
  for (const persona of PERSONAS) {
    for (const [i, binding] of persona.roles.entries()) {
      if ((binding.role === 'trainer') !== (roles === 'trainers')) continue;
      const grantor = grantorOf(deps, seated, binding, countyOf);
      if (!grantor && (binding.role !== 'admin' || seated.size > 0)) throw new Error(`seed: nobody may grant ${persona.key} ${binding.role}`);
      await seat(deps, persona, binding, grantor, i);
      seated.set(persona.openid, [...(seated.get(persona.openid) ?? []), binding]);
    }
  }
}

export async function seedDemo(deps: Deps): Promise<void> {
  const now = deps.clock.now();
  await importCatalogue(deps.store, now);
  const seated = new Map<string, RoleBinding[]>();
  await seatStaff(deps, 'officials', seated);

  for (const key of Object.keys(DEMO_INSTITUTIONS) as DemoInstitution[]) {
    await createInstitution(deps, as(DEMO_CREATORS.institutions[key], seedRequestId('institution', key)), DEMO_INSTITUTIONS[key]);
  }
  for (const [i, { institution, registration }] of demoRegistrations(now).entries()) {
    await addRegistration(deps, as(DEMO_CREATORS.institutions[institution], seedRequestId('registration', String(i))), { institutionId: demoInstitutionId(institution), ...registration });
  }
  await createProject(deps, as(DEMO_CREATORS.projects.hugong, seedRequestId('project', 'hugong')), demoProject(chinaDateOf(now).year));
  await seatStaff(deps, 'trainers', seated);

  for (const key of Object.keys(DEMO_CLASSES) as DemoClass[]) {
    const c = DEMO_CLASSES[key];
    const trainer = as(DEMO_CREATORS.classes[key], seedRequestId('class', key));
    const created = await createClass(deps, trainer, {
      ...c.plan,
      institutionId: demoInstitutionId(c.institution),
      projectId: c.project ? demoProjectId(c.project) : null,
      sessions: demoSessions(c, now),
    });
    // A seed cut short and run again finds what it already did.
    const submitted = created.status === 'draft' ? await submitClass(deps, trainer, { classId: created.id }) : created;
    const reviewer = DEMO_CREATORS.institutions[c.institution];
    if (submitted.status === 'submitted') await reviewClass(deps, as(reviewer, seedRequestId('review', key)), { classId: created.id, approve: true });
  }

  for (const persona of PERSONAS) {
    const idNumber = demoIdNumber(persona, now);
    if (persona.registered && persona.laborer && idNumber) {
      const { name, phone, townshipCode } = persona.laborer;
      // R14.1 the persona agrees to the privacy guide first, as the app asks; the registration ledgers it.
      await agreeToGuide(deps, as(persona.openid, `seed-agree-${persona.key}`), { version: PRIVACY_GUIDE.version });
      await register(deps, as(persona.openid, `seed-${persona.key}`), { name, idNumber, phone, townshipCode }, ledgerAgreement);
    }
  }
}

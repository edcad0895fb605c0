/**
 * R14.3 each county's face-check policy: at registration (before claiming), at each trainee's
 * first check-in of a class, and a drawn share of later check-ins. Set by an admin of a region
 * containing the county (like its quotas, D11), ledgered with the before and after; officials of
 * the county or above read it. No policy stored means no checks.
 */
import type { FacePolicyInput, FacePolicyView } from '../../contract';
import { DomainError } from '../../core/errors';
import { type FacePolicy, facePolicyProblem } from '../../core/face-check';
import { recordChange } from '../books/changes';
import { requireOfficialOf, requireRole } from '../kernel/authz';
import type { Caller, Deps } from '../kernel/deps';
import { countyPlace } from '../kernel/place';
import { type FacePolicyDoc, facePolicyOf } from '../kernel/real-name';
import { policyChange } from './records';

const sameAs = (a: FacePolicy, b: FacePolicy) => a.atRegistration === b.atRegistration && a.atFirstSession === b.atFirstSession && a.laterShare === b.laterShare;

async function viewOf(deps: Deps, countyCode: string): Promise<FacePolicyView> {
  const doc = await deps.store.get<FacePolicyDoc>('facePolicies', countyCode);
  const policy = await facePolicyOf(deps.store, countyCode);
  return { county: deps.regions.ref(countyCode), ...policy, updatedAt: doc?.updatedAt ?? null };
}

export async function facePolicyView(deps: Deps, caller: Caller, input: { countyCode: string }): Promise<FacePolicyView> {
  countyPlace(deps.regions, input.countyCode);
  await requireOfficialOf(deps, caller, input.countyCode);
  return viewOf(deps, input.countyCode);
}

export async function setFacePolicy(deps: Deps, caller: Caller, input: FacePolicyInput): Promise<FacePolicyView> {
  const place = countyPlace(deps.regions, input.countyCode);
  const binding = await requireRole(deps, caller, 'admin', input.countyCode);
  const next: FacePolicy = { atRegistration: input.atRegistration, atFirstSession: input.atFirstSession, laterShare: input.atFirstSession ? input.laterShare : 0 };
  const problem = facePolicyProblem(next);
  if (problem) throw new DomainError(problem);
  await deps.store.transaction(async (tx) => {
    const before = await facePolicyOf(tx, input.countyCode);
    if (sameAs(before, next) && (await tx.get('facePolicies', input.countyCode))) return;
    const now = deps.clock.now();
    await tx.set<FacePolicyDoc>('facePolicies', input.countyCode, { ...next, updatedAt: now.toISOString(), updatedBy: caller.openid! });
    await recordChange(tx, policyChange(place, before, next, now, { openid: caller.openid, role: binding.role === 'admin' ? 'admin' : 'official' }));
  });
  return viewOf(deps, input.countyCode);
}

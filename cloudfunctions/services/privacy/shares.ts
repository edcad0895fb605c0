/**
 * R14.3 officials see, per class under way in their region, the share of trainees who passed a
 * face check for the class.
 */
import type { ClassFaceChecksView } from '../../contract';
import { verifiedShare } from '../../core/face-check';
import { and, where } from '../../store/port';
import { scan } from '../../store/scan';
import { requireOfficialOf, statisticalRegion } from '../kernel/authz';
import type { Caller, Deps } from '../kernel/deps';
import type { FaceCheckDoc } from '../kernel/real-name';
import type { ClassDoc, EnrollmentDoc } from '../training';

async function classShare(deps: Deps, c: ClassDoc): Promise<ClassFaceChecksView> {
  const trainees = new Set<string>();
  for await (const e of scan<EnrollmentDoc>(deps.store, 'enrollments', where('classId', 'eq', c._id))) if (e.status !== 'withdrawn') trainees.add(e.personId);
  const verified = new Set<string>();
  for await (const f of scan<FaceCheckDoc>(deps.store, 'faceChecks', and(where('classId', 'eq', c._id), where('status', 'eq', 'passed')))) {
    if (trainees.has(f.personId)) verified.add(f.personId);
  }
  return {
    classId: c._id,
    name: c.name,
    institution: { id: c.institutionId, name: c.institutionName },
    county: deps.regions.ref(c.countyCode),
    trainees: trainees.size,
    verified: verified.size,
    share: verifiedShare(verified.size, trainees.size),
  };
}

/** Classes of the region that have started and are not yet done, least verified first. */
export async function classFaceChecks(deps: Deps, caller: Caller, input: { regionCode?: string }): Promise<ClassFaceChecksView[]> {
  const binding = await requireOfficialOf(deps, caller, input.regionCode);
  const region = statisticalRegion(deps.regions, input.regionCode ?? binding.regionCode);
  const now = deps.clock.now().toISOString();
  const out: ClassFaceChecksView[] = [];
  for await (const c of scan<ClassDoc>(deps.store, 'classes', where('completion', 'in', ['pending', 'closing']), { field: 'lastSessionEndsAt' })) {
    if (c.firstSessionAt > now || !deps.regions.isWithin(c.countyCode, region.code)) continue;
    out.push(await classShare(deps, c));
  }
  return out.sort((a, b) => a.share - b.share || a.name.localeCompare(b.name, 'zh'));
}

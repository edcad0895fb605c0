/**
 * R12.1 申领: a trainer lists their institution's entries and applies for the payable ones of a
 * closed class or a chosen batch. One application per county (the county reviews it), all written
 * in one transaction with each entry's step, ledger entry and counters; a retry writes nothing new.
 */
import type { ApplicationView, ApplyInput, ListEntriesInput, SubsidyEntryView } from '../../contract';
import { chinaDateOf } from '../../core/china-date';
import { DomainError } from '../../core/errors';
import { applyProblem } from '../../core/settlement';
import { and, where } from '../../store/port';
import { readAll } from '../../store/scan';
import { recordChange } from '../books/changes';
import { actorOf } from '../books/ledger';
import { type SubsidyDoc, settlementChange, settlementStep } from '../certificate';
import { type InstitutionDoc, institutionIn } from '../institution';
import { requireTrainerOf } from '../kernel/authz';
import { requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { placeOf } from '../kernel/place';
import { type RequestDoc, requestKey as requestKeyOf } from '../kernel/requests';
import type { ClassDoc } from '../training';
import { applicationViews } from './applications';
import type { ApplicationDoc } from './documents';
import { entriesNamed, entryViews } from './entries';
import { applicationIdOf } from './ids';

export const MAX_ENTRIES = 200;

/** Trainer: the institution's entries of one status (default 待申领), optionally of one class. */
export async function listEntries(deps: Deps, caller: Caller, input: ListEntriesInput): Promise<SubsidyEntryView[]> {
  const { institutionId } = await requireTrainerOf(deps, caller, input.institutionId);
  const filters = [where('institutionId', 'eq', institutionId), where('status', 'eq', input.status ?? 'payable')];
  if (input.classId) filters.push(where('classId', 'eq', input.classId));
  return entryViews(deps.store, await readAll<SubsidyDoc>(deps.store, 'subsidies', and(...filters)));
}

/** The entries a request names: a closed class's payable ones, or the numbers given. */
async function entriesOf(deps: Deps, institution: InstitutionDoc, input: ApplyInput): Promise<{ entries: SubsidyDoc[]; klass: ClassDoc | null }> {
  if (input.classId) {
    const klass = await deps.store.get<ClassDoc>('classes', input.classId);
    if (!klass) throw new DomainError('CLASS_NOT_FOUND');
    if (klass.institutionId !== institution._id) throw new DomainError('NOT_YOUR_CLASS');
    if (!klass.closedAt) throw new DomainError('CLASS_NOT_CLOSED');
    const filter = and(where('institutionId', 'eq', institution._id), where('classId', 'eq', klass._id), where('status', 'eq', 'payable'));
    return { entries: await readAll<SubsidyDoc>(deps.store, 'subsidies', filter), klass };
  }
  return { entries: await entriesNamed(deps.store, input.certificateNumbers ?? []), klass: null };
}

/** Trainer: apply (申领) for entries; one application per county they belong to. */
export async function applyForSubsidies(deps: Deps, caller: Caller, input: ApplyInput): Promise<ApplicationView[]> {
  const openid = requireOpenid(caller);
  const { institutionId } = await requireTrainerOf(deps, caller, input.institutionId);
  const institution = await institutionIn(deps.store, institutionId);
  const requestKey = requestKeyOf(openid, 'settlement.apply', caller.requestId);
  const done = await deps.store.get<RequestDoc>('requests', requestKey);
  const { entries, klass } = done ? { entries: [], klass: null } : await entriesOf(deps, institution, input);
  if (!done && entries.length === 0) throw new DomainError('ENTRIES_REQUIRED');
  if (entries.length > MAX_ENTRIES) throw new DomainError('ENTRIES_TOO_MANY');
  const counties = [...new Set(entries.map((e) => e.countyCode))].sort();
  const ids = await deps.store.transaction(async (tx) => {
    const again = await tx.get<RequestDoc>('requests', requestKey);
    if (again) return again.result.split(',');
    const now = deps.clock.now();
    const actor = actorOf(caller, 'trainer');
    const made: string[] = [];
    for (const county of counties) {
      const id = applicationIdOf(`${requestKey}:${county}`);
      const mine: SubsidyDoc[] = [];
      for (const e of entries.filter((x) => x.countyCode === county)) {
        // Read again inside the transaction: another application may have taken it meanwhile.
        const s = await tx.get<SubsidyDoc>('subsidies', e._id);
        if (!s) throw new DomainError('ENTRY_NOT_FOUND');
        if (s.institutionId !== institutionId) throw new DomainError('ENTRY_NOT_YOURS');
        const problem = applyProblem(s.status);
        if (problem) throw new DomainError(problem);
        await tx.update('subsidies', s._id, {
          set: { status: 'applied', applicationId: id, reviewReason: null, settlement: [...(s.settlement ?? []), settlementStep('applied', now, s.amountFen, openid)] },
        });
        await recordChange(tx, settlementChange(s, 'applied', now, actor, { applicationId: id }));
        mine.push(s);
      }
      await tx.create<ApplicationDoc>('applications', id, {
        ...placeOf(mine[0]),
        institutionId,
        institutionName: institution.name,
        classId: klass?._id ?? null,
        className: klass?.name ?? null,
        entries: mine.map((s) => s._id),
        amountFen: mine.reduce((sum, s) => sum + s.amountFen, 0),
        appliedBy: openid,
        appliedAt: now.toISOString(),
        year: chinaDateOf(now).year,
      });
      made.push(id);
    }
    await tx.create<RequestDoc>('requests', requestKey, { result: made.join(','), at: now.toISOString() });
    return made;
  });
  return applicationViews(deps, ids);
}

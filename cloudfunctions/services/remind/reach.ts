/**
 * R12.3 / D51 the monthly word to people who hold nothing: each registered laborer given no
 * voucher this China year, and holding none they can still use, hears which vouchers they may claim in their own county now (eligible,
 * places left) and how many approved classes there take them — at most one such message a month
 * (the dedupe key is the person and the month), consent applied when it is sent (R10.2).
 *
 * One pass a month over every county's people, a page at a time: it starts with the month's first
 * run and, when a run's budget cuts it short, the next run resumes it from the page it reached
 * (`remindRuns/vouchersOpen:{YYYY-MM}` keeps the counties done and the cursor).
 */
import { eligibilityOf } from '../../core/eligibility';
import { dedupeKey } from '../../core/reminders';
import { MAX_PAGE, and, where } from '../../store/port';
import { scan } from '../../store/scan';
import type { PersonDoc } from '../account';
import { type VoucherTypeDoc, listVoucherTypes } from '../catalogue';
import type { Deps } from '../kernel/deps';
import type { Region } from '../../contract';
import { type PersonYearDoc, type QuotaDoc, type VoucherDoc, birthOf, hasCurrentEmployer, personYearId, quotaId } from '../voucher';
import { BudgetSpent, type PhaseContext, write } from './phases';

type ReachRunDoc = { _id: string; done: string[]; county: string | null; after: string | null; finishedAt: string | null };

const monthOf = (ctx: PhaseContext) => `${ctx.today.year}-${String(ctx.today.month).padStart(2, '0')}`;

/** What a county offers now: the active types with places left this year, and its approved classes still to start, per type. */
async function offerOf(deps: Deps, county: Region, types: VoucherTypeDoc[], year: number, now: Date) {
  const quotas = await deps.store.find<QuotaDoc>('quotas', and(where('countyCode', 'eq', county.code), where('year', 'eq', year)), { limit: MAX_PAGE });
  const used = new Map(quotas.items.map((q) => [q._id, q]));
  const open = types.filter((t) => {
    const q = used.get(quotaId(t.code, county.code, year));
    return (q?.limit ?? t.defaultCountyQuota) - (q?.used ?? 0) > 0;
  });
  const classes = await deps.store.find<{ _id: string; acceptedTypes: string[] }>(
    'classes',
    and(where('countyCode', 'eq', county.code), where('status', 'eq', 'approved'), where('firstSessionAt', 'gt', now.toISOString())),
    { orderBy: { field: 'firstSessionAt' }, limit: MAX_PAGE },
  );
  return { open, classes: classes.items };
}

/** Of these people, those holding a voucher they can still use (unused or reserved; e.g. one of last year still valid). */
async function holdersAmong(deps: Deps, personIds: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  if (personIds.length === 0) return out;
  const filter = and(where('personId', 'in', personIds), where('status', 'in', ['unused', 'reserved']));
  for await (const v of scan<VoucherDoc>(deps.store, 'vouchers', filter)) out.add(v.personId);
  return out;
}

async function saveRun(deps: Deps, run: ReachRunDoc): Promise<void> {
  const { _id, ...data } = run;
  await deps.store.transaction((tx) => tx.set<ReachRunDoc>('remindRuns', _id, data));
}

/** Laborer: vouchers open to someone who holds none this year (once a month). */
export async function vouchersOpen(ctx: PhaseContext): Promise<void> {
  const { deps, today, at } = ctx;
  const month = monthOf(ctx);
  const id = `vouchersOpen:${month}`;
  const run = (await deps.store.get<ReachRunDoc>('remindRuns', id)) ?? { _id: id, done: [], county: null, after: null, finishedAt: null };
  if (run.finishedAt) return;
  const types = await listVoucherTypes(deps.store);
  const counties = deps.regions.all().filter((r) => r.level === 'county');
  for (const county of counties) {
    if (run.done.includes(county.code)) continue;
    const { open, classes } = await offerOf(deps, county, types, today.year, at);
    let after = run.county === county.code ? (run.after ?? undefined) : undefined;
    if (open.length > 0) {
      do {
        if (deps.clock.now().getTime() >= ctx.deadline) throw new BudgetSpent('remind budget spent');
        const page = await deps.store.find<PersonDoc>('persons', where('countyCode', 'eq', county.code), { limit: MAX_PAGE, after });
        const years = await deps.store.find<PersonYearDoc>('personYears', where('_id', 'in', page.items.map((p) => personYearId(p._id, today.year))), { limit: MAX_PAGE });
        const reached = new Set(years.items.map((y) => y.personId));
        const holding = await holdersAmong(deps, page.items.filter((p) => !reached.has(p._id)).map((p) => p._id));
        const found = page.items.flatMap((p) => {
          if (reached.has(p._id) || holding.has(p._id)) return [];
          const facts = { birthDate: birthOf(p), hasCurrentEmployer: hasCurrentEmployer(p) };
          const theirs = open.filter((t) => eligibilityOf(facts, t, at).eligible);
          if (theirs.length === 0) return [];
          const codes = new Set(theirs.map((t) => t.code));
          const nearby = classes.filter((c) => c.acceptedTypes.some((t) => codes.has(t))).length;
          return [{ key: dedupeKey('vouchersOpen', p._id, month), openid: p.openid, kind: 'vouchersOpen' as const, input: { countyName: county.name, typeNames: theirs.map((t) => t.name), classes: nearby } }];
        });
        await write(ctx, found);
        after = page.next;
        await saveRun(deps, { ...run, county: county.code, after: after ?? null });
      } while (after);
    }
    run.done.push(county.code);
    run.county = null;
    run.after = null;
    await saveRun(deps, run);
  }
  await saveRun(deps, { ...run, finishedAt: deps.clock.now().toISOString() });
}

/**
 * The catalogue (R4, R7): voucher types with their rules and default county quotas, and
 * occupations with subsidy amounts. Seeded from reference data; admins upsert it.
 */
import type { VoucherTypeInput } from '../../contract';
import { DomainError } from '../../core/errors';
import occupationsFile from '../../data/occupations.json';
import voucherTypesFile from '../../data/voucher-types.json';
import type { Store, Tx } from '../../store/port';

/** A catalogue voucher type as stored: the admin's input (contract.ts) plus id and time. */
export type VoucherTypeDoc = VoucherTypeInput & { _id: string; updatedAt: string };

export type OccupationDoc = {
  _id: string;
  code: string;
  name: string;
  category: string;
  brand?: string;
  /** R7.5: subsidy per certified trainee in integer fen, by level code ('0' = no level). */
  subsidyFen: Record<string, number>;
  updatedAt: string;
};

type VoucherTypeSeed = Omit<VoucherTypeDoc, '_id' | 'active' | 'updatedAt'>;
type OccupationSeed = { code: string; name: string; category: string; brand?: string; subsidy: Record<string, number> };

export const SEED_VOUCHER_TYPES: readonly VoucherTypeSeed[] = (voucherTypesFile as { voucherTypes: VoucherTypeSeed[] })
  .voucherTypes;
export const SEED_OCCUPATIONS: readonly OccupationSeed[] = (occupationsFile as unknown as { occupations: OccupationSeed[] })
  .occupations;

/** R7.5: yuan in the reference data → integer fen in the store. */
const toFen = (yuan: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(yuan).map(([level, amount]) => [level, Math.round(amount * 100)]));

/** Writes the reference catalogue (idempotent: same data, same documents). */
export async function importCatalogue(store: Store, at: Date): Promise<{ voucherTypes: number; occupations: number }> {
  const updatedAt = at.toISOString();
  await store.transaction(async (tx) => {
    for (const t of SEED_VOUCHER_TYPES) {
      await tx.set<VoucherTypeDoc>('voucherTypes', t.code, { ...t, active: true, updatedAt });
    }
    for (const o of SEED_OCCUPATIONS) {
      const { subsidy, ...rest } = o;
      await tx.set<OccupationDoc>('occupations', o.code, { ...rest, subsidyFen: toFen(subsidy), updatedAt });
    }
  });
  return { voucherTypes: SEED_VOUCHER_TYPES.length, occupations: SEED_OCCUPATIONS.length };
}

export async function listVoucherTypes(store: Store): Promise<VoucherTypeDoc[]> {
  const page = await store.find<VoucherTypeDoc>('voucherTypes', undefined, { limit: 100 });
  return page.items.filter((t) => t.active);
}

export async function voucherTypeIn(tx: Tx | Store, code: string): Promise<VoucherTypeDoc> {
  const type = await tx.get<VoucherTypeDoc>('voucherTypes', code);
  if (!type || !type.active) throw new DomainError('VOUCHER_TYPE_UNKNOWN');
  return type;
}

/** An occupation of the catalogue, or OCCUPATION_UNKNOWN. */
export async function occupationIn(reader: Pick<Tx, 'get'>, code: string): Promise<OccupationDoc> {
  const o = await reader.get<OccupationDoc>('occupations', code);
  if (!o) throw new DomainError('OCCUPATION_UNKNOWN');
  return o;
}

/** The levels an occupation has: the keys of its subsidy table (5 … 1, or 0 for none). */
export const occupationLevels = (o: Pick<OccupationDoc, 'subsidyFen'>): number[] =>
  Object.keys(o.subsidyFen)
    .map(Number)
    .sort((a, b) => b - a);

/** Every occupation, by code (a catalogue of dozens: one page). */
export async function listOccupations(store: Store): Promise<OccupationDoc[]> {
  const page = await store.find<OccupationDoc>('occupations', undefined, { orderBy: { field: 'code' }, limit: 1000 });
  return page.items;
}

/** The occupations with their levels, for pickers (anyone logged in). */
export async function listOccupationsWithLevels(deps: { store: Store }, caller: { openid: string | null }): Promise<{ code: string; name: string; category: string; levels: number[] }[]> {
  if (!caller.openid) throw new DomainError('UNAUTHENTICATED');
  return (await listOccupations(deps.store)).map((o) => ({ code: o.code, name: o.name, category: o.category, levels: occupationLevels(o) }));
}

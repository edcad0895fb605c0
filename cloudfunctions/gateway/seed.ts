/**
 * Demo data for an empty local store, written through the same use cases the app uses.
 * Runs once: a `meta/seed` document records it.
 */
import { grantRole, register } from '../services/account';
import { importCatalogue } from '../services/catalogue';
import { seedDemoClasses } from '../services/training';
import type { Deps } from '../services/kernel/deps';
import { PERSONAS, demoIdNumber } from './personas';

export const SEED_VERSION = 1;

type SeedDoc = { _id: string; version: number; seededAt: string };

export async function seedIfEmpty(deps: Deps): Promise<boolean> {
  if (await deps.store.get<SeedDoc>('meta', 'seed')) return false;
  const now = deps.clock.now();
  await importCatalogue(deps.store, now);
  await seedDemoClasses(deps);
  for (const persona of PERSONAS) {
    for (const binding of persona.roles) await grantRole(deps, persona.openid, binding);
    const idNumber = demoIdNumber(persona, now);
    if (persona.registered && persona.laborer && idNumber) {
      const { name, phone, townshipCode } = persona.laborer;
      await register(deps, { openid: persona.openid, requestId: `seed-${persona.key}` }, {
        name,
        idNumber,
        phone,
        townshipCode,
      });
    }
  }
  await deps.store.transaction((tx) =>
    tx.set<SeedDoc>('meta', 'seed', { version: SEED_VERSION, seededAt: now.toISOString() }),
  );
  return true;
}

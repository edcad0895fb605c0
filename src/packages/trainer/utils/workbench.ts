/**
 * Which institution a trainer is working for (R1.2: one person may teach at several): the one
 * the page was opened for (`?institutionId=`), else the one chosen before, else their first.
 */
import type { RoleBinding, WhoAmI } from '../../../../cloudfunctions/contract';

export type TrainerBinding = RoleBinding & { institutionId: string };

export const trainerBindings = (me: WhoAmI | null): TrainerBinding[] =>
  (me?.roles ?? []).filter((r): r is TrainerBinding => r.role === 'trainer' && Boolean(r.institutionId));

export function workbenchOf(bindings: readonly TrainerBinding[], ...wanted: (string | null | undefined)[]): TrainerBinding | null {
  for (const id of wanted) {
    const found = id ? bindings.find((b) => b.institutionId === id) : undefined;
    if (found) return found;
  }
  return bindings[0] ?? null;
}

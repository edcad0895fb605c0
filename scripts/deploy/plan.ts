/**
 * What `npm run deploy` puts in a CloudBase environment, from the code's own declarations: every
 * collection with its indexes (store/collections.ts) and its security rule (database.rules.json),
 * every function with its triggers, permissions and environment (functions/manifest.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTION_SPECS, type FunctionSpec } from '../../cloudfunctions/functions/manifest';
import { COLLECTIONS, COLLECTION_NAMES, type IndexSpec } from '../../cloudfunctions/store/collections';

export const ROOT = join(__dirname, '..', '..');

export type Rule = { read: unknown; write: unknown };

export interface CollectionPlan {
  name: string;
  indexes: { name: string; fields: string[]; unique: boolean }[];
  /** The security rule the deploy sets; null when database.rules.json names none. */
  rule: Rule | null;
}

export interface DeployPlan {
  collections: CollectionPlan[];
  functions: FunctionSpec[];
}

/** CloudBase index name for a field list, Mongo style: `group_1_rank_1`. */
export const indexName = (index: IndexSpec): string => index.fields.map((f) => `${f}_1`).join('_');

export function deployPlan(rules: Record<string, Rule> = JSON.parse(readFileSync(join(ROOT, 'database.rules.json'), 'utf8'))): DeployPlan {
  return {
    collections: COLLECTION_NAMES.map((name) => ({
      name,
      indexes: (COLLECTIONS[name].indexes as readonly IndexSpec[]).map((i) => ({ name: indexName(i), fields: [...i.fields], unique: Boolean(i.unique) })),
      rule: rules[name] ?? null,
    })),
    functions: [...FUNCTION_SPECS],
  };
}

/**
 * Collections a client could read or write after the deploy: a rule other than `false` for both,
 * or no rule at all (a collection created in the console gets a default under which a client may
 * create its own documents — `accounts/<own openid>` with roles, say).
 */
export function openToClients(plan: DeployPlan): string[] {
  return plan.collections.filter((c) => !c.rule || c.rule.read !== false || c.rule.write !== false).map((c) => c.name);
}

export function formatPlan(plan: DeployPlan): string {
  const out: string[] = ['Collections (security rule; indexes besides _id):'];
  for (const c of plan.collections) {
    const rule = c.rule ? `read: ${JSON.stringify(c.rule.read)}, write: ${JSON.stringify(c.rule.write)}` : 'NO RULE (console default)';
    const indexes = c.indexes.length ? c.indexes.map((i) => `${i.name}${i.unique ? ' (unique)' : ''}`).join(', ') : '—';
    out.push(`  ${c.name.padEnd(18)} ${rule.padEnd(28)} ${indexes}`);
  }
  out.push('', 'Functions (timeout, memory; triggers in UTC+8; cloud-call permissions; environment):');
  for (const f of plan.functions) {
    const triggers = (f.triggers ?? []).map((t) => `${t.name} "${t.config}"`).join('; ') || 'no trigger';
    const permissions = f.openapi?.length ? `openapi: ${f.openapi.join(', ')}` : 'no cloud calls';
    out.push(`  ${f.name.padEnd(12)} ${f.timeout} s, ${f.memorySize} MB; ${triggers}; ${permissions}; env: ${f.env.join(', ')}`);
  }
  return out.join('\n');
}

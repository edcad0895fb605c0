/**
 * Carries a deploy plan out in a CloudBase environment through `@cloudbase/manager-node`: each
 * collection created if missing, its indexes created if missing, its security rule set (and read
 * back to check it took), then each function's code, configuration and triggers from
 * `dist/cloudfunctions/`. Each step is idempotent: running the deploy again changes nothing.
 */
import { join } from 'node:path';
import type { CloudCredentials } from '../../cloudfunctions/config';
import type { FunctionSpec } from '../../cloudfunctions/functions/manifest';
import { RUNTIME } from '../../cloudfunctions/functions/manifest';
import { type CollectionPlan, type DeployPlan, ROOT } from './plan';

/** The slice of the CloudBase management API the deploy uses (a test double implements it too). */
export interface CloudbaseAdmin {
  createCollectionIfNotExists(name: string): Promise<unknown>;
  indexExists(collection: string, index: string): Promise<boolean>;
  createIndex(collection: string, index: CollectionPlan['indexes'][number]): Promise<unknown>;
  setRule(collection: string, rule: string): Promise<unknown>;
  ruleOf(collection: string): Promise<string | null>;
  deployFunction(spec: FunctionSpec, functionRootPath: string, env: Record<string, string>): Promise<unknown>;
}

/** The management API over manager-node (required here only: it is a deploy-time tool). */
export function managerAdmin(credentials: CloudCredentials): CloudbaseAdmin {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const CloudBase = require('@cloudbase/manager-node') as new (o: Record<string, string>) => ManagerApp;
  const app = new CloudBase({ secretId: credentials.secretId, secretKey: credentials.secretKey, envId: credentials.env });
  const call = (Action: string, Param: Record<string, unknown>) => app.commonService().call({ Action, Param: { EnvId: credentials.env, ...Param } });
  return {
    createCollectionIfNotExists: (name) => app.database.createCollectionIfNotExists(name),
    indexExists: async (collection, index) => (await app.database.checkIndexExists(collection, index)).Exists === true,
    createIndex: (collection, index) =>
      app.database.updateCollection(collection, {
        CreateIndexes: [{ IndexName: index.name, MgoKeySchema: { MgoIsUnique: index.unique, MgoIndexKeys: index.fields.map((f) => ({ Name: f, Direction: '1' })) } }],
      }),
    setRule: (collection, rule) => call('ModifySafeRule', { CollectionName: collection, AclTag: 'CUSTOM', Rule: rule }),
    ruleOf: async (collection) => ((await call('DescribeSafeRule', { CollectionName: collection })) as { Rule?: string }).Rule ?? null,
    deployFunction: (spec, functionRootPath, env) =>
      app.functions.createFunction({
        func: {
          name: spec.name,
          timeout: spec.timeout,
          memorySize: spec.memorySize,
          runtime: RUNTIME,
          handler: 'index.main',
          installDependency: true,
          envVariables: env,
          triggers: spec.triggers,
          ignore: ['node_modules', 'node_modules/**/*'],
        },
        functionRootPath,
        force: true,
      }),
  };
}

interface ManagerApp {
  database: {
    createCollectionIfNotExists(name: string): Promise<unknown>;
    checkIndexExists(collection: string, index: string): Promise<{ Exists?: boolean }>;
    updateCollection(collection: string, info: Record<string, unknown>): Promise<unknown>;
  };
  functions: { createFunction(param: Record<string, unknown>): Promise<unknown> };
  commonService(): { call(o: { Action: string; Param: Record<string, unknown> }): Promise<unknown> };
}

const sameRule = (a: string | null, b: string) => {
  try {
    return a !== null && JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return false;
  }
};

export async function applyPlan(admin: CloudbaseAdmin, plan: DeployPlan, env: Record<string, string | undefined>, log: (line: string) => void): Promise<void> {
  for (const c of plan.collections) {
    await admin.createCollectionIfNotExists(c.name);
    for (const index of c.indexes) if (!(await admin.indexExists(c.name, index.name))) await admin.createIndex(c.name, index);
    const rule = JSON.stringify(c.rule);
    await admin.setRule(c.name, rule);
    if (!sameRule(await admin.ruleOf(c.name), rule)) throw new Error(`the security rule of ${c.name} did not take: check it in the console`);
    log(`  ✓ ${c.name}: ${c.indexes.length} index(es), rule ${rule}`);
  }
  for (const f of plan.functions) {
    // Optional: a template left unset is not pushed (R10.2); without the app's own credentials a face check answers unavailable (R14.3).
    const missing = f.env.filter((k) => !env[k] && !k.startsWith('TPL_') && !k.startsWith('WECHAT_'));
    if (missing.length) throw new Error(`${f.name} needs ${missing.join(', ')} (set them in .env.local)`);
    const values = Object.fromEntries(f.env.filter((k) => env[k]).map((k) => [k, env[k] as string]));
    await admin.deployFunction(f, join(ROOT, 'dist', 'cloudfunctions'), values);
    log(`  ✓ function ${f.name}`);
  }
}

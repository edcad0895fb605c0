/**
 * `npm run deploy [-- --dry-run | --write-configs]`: puts the app's database and functions into
 * a CloudBase environment (TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY, the secrets and TPL_* ids from
 * the environment or `.env.local`).
 *
 * - `--dry-run` prints every collection with its indexes and security rule and every function
 *   with its triggers and permissions, and exits 1 if any collection would be left readable or
 *   writable by clients.
 * - `--write-configs` writes each function's config.json and cloudbaserc.json from
 *   cloudfunctions/functions/manifest.ts.
 * - with neither, deploys: collections, indexes, rules (read back), then the built functions
 *   (run `npm run build:functions` first). docs/deploy.md says how to check the result.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCloudCredentials } from '../cloudfunctions/config';
import { FUNCTION_SPECS, cloudbaseRc, functionConfig } from '../cloudfunctions/functions/manifest';
import { cliValues } from '../cloudfunctions/gateway/cli/run-local';
import { applyPlan, managerAdmin } from './deploy/apply';
import { ROOT, deployPlan, formatPlan, openToClients } from './deploy/plan';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The files the CloudBase CLI and WeChat DevTools read, from the manifest. */
export function configFiles(): Record<string, string> {
  const files: Record<string, string> = { 'cloudbaserc.json': json(cloudbaseRc()) };
  for (const spec of FUNCTION_SPECS) files[join('cloudfunctions', 'functions', spec.name, 'config.json')] = json(functionConfig(spec));
  return files;
}

async function main(): Promise<number> {
  const values = cliValues({ 'dry-run': { type: 'boolean' }, 'write-configs': { type: 'boolean' } });
  if (values['write-configs']) {
    for (const [file, text] of Object.entries(configFiles())) writeFileSync(join(ROOT, file), text);
    console.log(`wrote ${Object.keys(configFiles()).length} files from cloudfunctions/functions/manifest.ts`);
    return 0;
  }
  const plan = deployPlan();
  const open = openToClients(plan);
  if (values['dry-run']) {
    console.log(formatPlan(plan));
    if (open.length) {
      console.error(`\n✗ open to clients after the deploy: ${open.join(', ')} (every collection must be { read: false, write: false } in database.rules.json)`);
      return 1;
    }
    console.log('\n✓ every collection denies all client access');
    return 0;
  }
  if (open.length) throw new Error(`refusing to deploy: open to clients: ${open.join(', ')}`);
  if (existsSync(join(ROOT, '.env.local'))) process.loadEnvFile(join(ROOT, '.env.local'));
  const credentials = loadCloudCredentials(process.env);
  if (!credentials) throw new Error('set TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY (or run with --dry-run)');
  if (!existsSync(join(ROOT, 'dist', 'cloudfunctions', 'remind', 'index.js'))) throw new Error('build the functions first: npm run build:functions');
  console.log(`deploying to ${credentials.env} …`);
  await applyPlan(managerAdmin(credentials), plan, process.env, (line) => console.log(line));
  console.log('done: check it with docs/deploy.md "After the first deploy"');
  return 0;
}

if (require.main === module) {
  main()
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      console.error(`deploy failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    });
}

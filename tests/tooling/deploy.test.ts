/**
 * The deploy closes the doors: every collection denies all client access, the dry run says what
 * it would do and refuses an open collection, the committed function configs are the manifest's,
 * and the deploy itself creates collections, indexes and rules (checked) and then the functions.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTION_NAMES } from '../../cloudfunctions/store/collections';
import { configFiles } from '../../scripts/deploy';
import { type CloudbaseAdmin, applyPlan } from '../../scripts/deploy/apply';
import { deployPlan, openToClients } from '../../scripts/deploy/plan';

const root = join(__dirname, '..', '..');
const deny = { read: false, write: false };
const allDenied = () => Object.fromEntries(COLLECTION_NAMES.map((c) => [c, deny]));

it('the committed config.json files and cloudbaserc.json are the manifest’s', () => {
  for (const [file, text] of Object.entries(configFiles())) expect([file, readFileSync(join(root, file), 'utf8')]).toEqual([file, text]);
});

it('npm run deploy -- --dry-run lists every collection with its indexes and rule and every function with its triggers, and passes', () => {
  const run = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/deploy.ts', '--dry-run'], { cwd: root, encoding: 'utf8' });
  expect(run.status).toBe(0);
  for (const c of COLLECTION_NAMES) expect(run.stdout).toMatch(new RegExp(`\\n  ${c} +read: false, write: false`));
  expect(run.stdout).toContain('personId_1_enrolledAt_1');
  expect(run.stdout).toContain('remind-daily-0800-china "0 0 8 * * * *"');
  expect(run.stdout).toContain('openapi: subscribeMessage.send');
  expect(run.stdout).toContain('every collection denies all client access');
}, 60_000);

it('a collection with no rule, or a rule that lets a client read or write, is open and fails the dry run', () => {
  expect(openToClients(deployPlan(allDenied()))).toEqual([]);
  const { accounts: _gone, ...missing } = allDenied();
  expect(openToClients(deployPlan(missing))).toEqual(['accounts']);
  expect(openToClients(deployPlan({ ...allDenied(), persons: { read: 'auth.openid == doc.openid', write: false } }))).toEqual(['persons']);
  expect(openToClients(deployPlan({ ...allDenied(), outbox: { read: false, write: true } }))).toEqual(['outbox']);
});

function fakeAdmin(existingIndexes: string[] = [], brokenRule?: string) {
  const calls: string[] = [];
  const rules = new Map<string, string>();
  const admin: CloudbaseAdmin = {
    createCollectionIfNotExists: async (name) => calls.push(`collection ${name}`),
    indexExists: async (c, i) => existingIndexes.includes(`${c}.${i}`),
    createIndex: async (c, i) => calls.push(`index ${c}.${i.name}`),
    setRule: async (c, rule) => {
      calls.push(`rule ${c}`);
      rules.set(c, c === brokenRule ? '{"read":true,"write":false}' : rule);
    },
    ruleOf: async (c) => rules.get(c) ?? null,
    deployFunction: async (spec, _root, env) => calls.push(`function ${spec.name} ${Object.keys(env).join(',')}`),
  };
  return { admin, calls };
}

const env = { ID_ENC_KEY: 'k', ID_HASH_KEY: 'h', TPL_VOUCHER_EXPIRY: 't' };

it('the deploy creates every collection, the missing indexes and each rule, then every function', async () => {
  const { admin, calls } = fakeAdmin(['vouchers.status_1_expiresAt_1']);
  await applyPlan(admin, deployPlan(allDenied()), env, () => undefined);
  expect(calls.filter((c) => c.startsWith('collection '))).toHaveLength(COLLECTION_NAMES.length);
  expect(calls.filter((c) => c.startsWith('rule '))).toHaveLength(COLLECTION_NAMES.length);
  expect(calls).toContain('index vouchers.personId_1_claimedAt_1');
  expect(calls).not.toContain('index vouchers.status_1_expiresAt_1');
  expect(calls).toContain('function remind ID_ENC_KEY,ID_HASH_KEY,TPL_VOUCHER_EXPIRY');
  expect(calls.indexOf('rule scratch')).toBeLessThan(calls.indexOf('function account ID_ENC_KEY,ID_HASH_KEY'));
});

it('the deploy stops when a rule did not take, and when a secret is missing', async () => {
  await expect(applyPlan(fakeAdmin([], 'persons').admin, deployPlan(allDenied()), env, () => undefined)).rejects.toThrow('security rule of persons');
  await expect(applyPlan(fakeAdmin().admin, deployPlan(allDenied()), { ID_ENC_KEY: 'k' }, () => undefined)).rejects.toThrow('ID_HASH_KEY');
});

it('a release build of the mini program refuses without an environment id or a real AppID, saying which', async () => {
  const { releaseProblems } = await import('../../scripts/build-weapp-release');
  expect(releaseProblems({}, 'touristappid')).toEqual([expect.stringContaining('TARO_APP_CLOUD_ENV'), expect.stringContaining('AppID')]);
  expect(releaseProblems({ TARO_APP_CLOUD_ENV: 'czt-prod-1a2b' }, 'touristappid')).toEqual([expect.stringContaining('touristappid')]);
  expect(releaseProblems({ TARO_APP_CLOUD_ENV: 'czt-prod-1a2b', WEAPP_APPID: 'wx0123456789abcdef' }, 'touristappid')).toEqual([]);
  const run = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/build-weapp-release.ts'], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH } });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('release build refused');
}, 60_000);

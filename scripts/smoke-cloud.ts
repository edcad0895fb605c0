/**
 * `npm run smoke:cloud [-- --yes]`: after a deploy, one pass through the real environment.
 * With TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY, ID_ENC_KEY and ID_HASH_KEY (environment or
 * `.env.local`) and `--yes`, it:
 *  1. calls the deployed `account` function without a user (must answer UNAUTHENTICATED) and
 *     the `remind` function with a forged `{ Type: 'Timer' }` (must not run: UNKNOWN_ACTION);
 *  2. through the app's own routes on the environment's database and storage, registers a smoke
 *     laborer (openid `smoke-…`, a generated ID number of 方山县), claims a voucher, exports the
 *     vouchers ledger of 方山县 as a smoke official and fetches the download URL.
 * It writes real, ledgered records (that is the point): use a staging environment, or accept
 * them (they are the smoke user's). Without credentials it says what it would do and exits 0.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadCloudCredentials, loadSecrets } from '../cloudfunctions/config';
import type { ApiResponse, ExportDownload, ExportJobView } from '../cloudfunctions/contract';
import { composeIdNumber } from '../cloudfunctions/core/id-number';
import { FUNCTIONS } from '../cloudfunctions/functions/registry';
import { dispatch } from '../cloudfunctions/functions/router';
import { PRIVACY_GUIDE } from '../cloudfunctions/core/privacy';
import { acceptInvitation, bootstrapAdminInvitation } from '../cloudfunctions/services/staff';
import { cliValues } from '../cloudfunctions/gateway/cli/run-local';
import { cloudDeps } from './cloud-deps';

const STEPS = [
  'call account.whoami on the deployed function without a user → UNAUTHENTICATED',
  "call remind with a forged { Type: 'Timer' } → UNKNOWN_ACTION (only the platform's timer runs the day)",
  'agree to the privacy guide (privacy.agree), then register a smoke laborer of 方山县 (141128) through account.register',
  'claim a 职业技能培训券 through voucher.claim',
  'export the 培训券台账 of 方山县 as a smoke official, wait for it, and get its download URL (getTempFileURL)',
];

async function main(): Promise<number> {
  const values = cliValues({ yes: { type: 'boolean' } });
  if (existsSync(join(__dirname, '..', '.env.local'))) process.loadEnvFile(join(__dirname, '..', '.env.local'));
  const cloud = loadCloudCredentials(process.env);
  if (!cloud || !values.yes) {
    console.log(cloud ? 'smoke:cloud would (add --yes to do it; it writes real records):' : 'smoke:cloud: no TCB_ENV/TCB_SECRET_ID/TCB_SECRET_KEY — nothing was called. With them and --yes it would:');
    STEPS.forEach((s, i) => console.log(`  ${i + 1}. ${s}`));
    return 0;
  }
  const secrets = loadSecrets(process.env);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tcb = require('@cloudbase/node-sdk') as { init(o: Record<string, string>): { callFunction(o: { name: string; data: unknown }): Promise<{ result: ApiResponse<unknown> }> } };
  const app = tcb.init({ env: cloud.env, secretId: cloud.secretId, secretKey: cloud.secretKey });
  const check = (what: string, ok: boolean, detail: unknown) => {
    console.log(`${ok ? '✓' : '✗'} ${what}${ok ? '' : `: ${JSON.stringify(detail)}`}`);
    if (!ok) throw new Error(`smoke failed at: ${what}`);
  };
  const whoami = (await app.callFunction({ name: 'account', data: { action: 'whoami' } })).result;
  check(STEPS[0], !whoami.ok && whoami.code === 'UNAUTHENTICATED', whoami);
  const forged = (await app.callFunction({ name: 'remind', data: { Type: 'Timer' } })).result;
  check(STEPS[1], !forged.ok && forged.code === 'UNKNOWN_ACTION', forged);

  const deps = cloudDeps(cloud, secrets);

  const run = async <T>(openid: string, fn: keyof typeof FUNCTIONS, action: string, payload: unknown): Promise<T> => {
    const res = await dispatch(FUNCTIONS[fn] as never, deps, { openid, requestId: randomUUID() }, { action, payload });
    if (!res.ok) throw new Error(`${fn}.${action}: ${res.code} ${res.message}`);
    return res.data as T;
  };
  const laborer = `smoke-${Date.now()}`;
  const now = new Date();
  const idNumber = composeIdNumber('141128', { year: now.getUTCFullYear() - 30, month: 6, day: 15 }, 100 + (Date.now() % 800));
  await run(laborer, 'privacy', 'agree', { version: PRIVACY_GUIDE.version }); // R14.1 as the app asks first
  await run(laborer, 'account', 'register', { name: '冒烟测试', idNumber, townshipCode: '141128100' });
  check(STEPS[2], true, null);
  await run(laborer, 'voucher', 'claim', { type: 'skills' });
  check(STEPS[3], true, null);
  const official = `smoke-official-${Date.now()}`;
  // An admin of 方山县 by the bootstrap invitation (the same path as `npm run invite:admin`).
  const invitation = await bootstrapAdminInvitation(deps, { regionCode: '141128', inviteeNote: '冒烟测试管理员', hours: 1 });
  await acceptInvitation(deps, { openid: official, requestId: randomUUID() }, invitation.code);
  let job = await run<ExportJobView>(official, 'official', 'exportLedger', { ledger: 'vouchers', regionCode: '141128' });
  for (let i = 0; i < 60 && job.status !== 'done' && job.status !== 'failed'; i++) job = await run<ExportJobView>(official, 'official', 'jobStatus', { jobId: job.jobId });
  const link = await run<ExportDownload>(official, 'official', 'downloadExport', { jobId: job.jobId });
  const file = await fetch(link.url);
  check(STEPS[4], file.ok && (await file.arrayBuffer()).byteLength > 0, { status: file.status });
  return 0;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });

/**
 * `npm run invite:admin -- --region 141100 --note 吕梁市人社局张科长 [--hours 72] [--cloud]`:
 * the first admin of a region (R11.2). Everyone else is invited in the app by someone who may
 * grant the role; the first admin of a province or city can only come from whoever holds the
 * environment's credentials. Prints the invitation's code and the page its QR code opens.
 * Locally it writes DATA_DIR's store; with `--cloud`, the CloudBase environment of TCB_ENV
 * (with the ID keys of ID_ENC_KEY / ID_HASH_KEY, from the environment or `.env.local`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadCloudCredentials, loadSecrets } from '../cloudfunctions/config';
import type { InvitationView } from '../cloudfunctions/contract';
import { cliValues, runLocal } from '../cloudfunctions/gateway/cli/run-local';
import type { Deps } from '../cloudfunctions/services/kernel/deps';
import { bootstrapAdminInvitation } from '../cloudfunctions/services/staff';
import { cloudDeps } from './cloud-deps';

const OPTIONS = { region: { type: 'string' }, note: { type: 'string' }, hours: { type: 'string' }, cloud: { type: 'boolean' } } as const;

async function invitation(deps: Deps, values: Record<string, string | boolean | undefined>): Promise<InvitationView> {
  if (typeof values.region !== 'string' || typeof values.note !== 'string') throw new Error('usage: npm run invite:admin -- --region <code> --note <who it is for> [--hours 72] [--cloud]');
  return bootstrapAdminInvitation(deps, { regionCode: values.region, inviteeNote: values.note, hours: values.hours ? Number(values.hours) : undefined });
}

function print(inv: InvitationView): void {
  console.log(`${inv.summary}`);
  console.log(`  邀请码:   ${inv.codeText}`);
  console.log(`  页面:     ${inv.path}`);
  console.log(`  有效期至: ${inv.expiresAt}`);
}

const values = cliValues(OPTIONS);
if (values.cloud) {
  if (existsSync(join(__dirname, '..', '.env.local'))) process.loadEnvFile(join(__dirname, '..', '.env.local'));
  const cloud = loadCloudCredentials(process.env);
  if (!cloud) {
    console.error('invite:admin --cloud needs TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY');
    process.exit(2);
  }
  invitation(cloudDeps(cloud, loadSecrets(process.env)), values)
    .then((inv) => print(inv))
    .catch((e: unknown) => {
      console.error('invite:admin failed:', e instanceof Error ? e.message : e);
      process.exit(2);
    });
} else {
  runLocal('invite:admin', OPTIONS, async (runtime, v) => {
    print(await invitation(runtime.deps, v));
    return 0;
  }, { writes: true });
}

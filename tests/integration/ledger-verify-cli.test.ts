/**
 * R9.1 under D61: `npm run ledger:verify` verifies the chains and says how many entries wait for
 * their place; it fails when one has waited past the limit (5 minutes) and passes once placed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLocalRuntime } from '../../cloudfunctions/gateway/local-runtime';
import type { QueuedChangeDoc } from '../../cloudfunctions/services/books/changes';
import { sequenceAll } from '../../cloudfunctions/services/books/sequencer';

const CLI = join(__dirname, '../../cloudfunctions/gateway/cli/ledger-verify.ts');
const verify = (dataDir: string) => spawnSync(process.execPath, ['--import', 'tsx', CLI], { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8', timeout: 120_000 });

describe('R9.1 ledger:verify and the entries waiting for their place (D61)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'czt-verify-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('R9.1 fails on an entry waiting past 5 minutes, names its county, and passes once it is placed', async () => {
    const runtime = await openLocalRuntime({ dataDir });
    const at = new Date(runtime.clock.now().getTime() - 10 * 60_000).toISOString();
    await runtime.deps.store.transaction((tx) =>
      tx.create<QueuedChangeDoc>('ledgerQueue', `141127:${String(Date.parse(at)).padStart(14, '0')}:late`, {
        countyCode: '141127',
        place: { countyCode: '141127', cityCode: '141100', provinceCode: '140000' },
        at,
        type: 'quota.set',
        subjects: {},
        actor: { openid: null, role: 'system' },
        data: {},
        counters: [],
        rollups: [],
      }),
    );
    await runtime.close();
    const late = verify(dataDir);
    expect(late.status).toBe(1);
    expect(late.stdout).toMatch(/✗ 141127 岚县: 1 entry waiting for their place since .* \(over 5 minutes\)/);

    const again = await openLocalRuntime({ dataDir });
    await sequenceAll(again.deps.store);
    await again.close();
    const placed = verify(dataDir);
    expect(placed.stdout).toMatch(/0 broken, 0 waiting/);
    expect(placed.status).toBe(0);
  }, 120_000);
});

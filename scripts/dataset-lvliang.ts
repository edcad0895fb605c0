/**
 * `npm run dataset:lvliang [-- --scale 0.01] [--data-dir DIR] [--seed N] [--threads N]`: Lüliang city's 2021
 * (issue 6): replaces the database in DATA_DIR (default `.data`; keys.json is kept) and loads
 * the year. See scripts/dataset/generate.ts.
 */
import { availableParallelism } from 'node:os';
import { loadLocalSettings } from '../cloudfunctions/config';
import { cliValues } from '../cloudfunctions/gateway/cli/run-local';
import { HostServesDataDir, generateLvliang } from './dataset/generate';

async function main(): Promise<number> {
  const values = cliValues({ 'data-dir': { type: 'string' }, scale: { type: 'string' }, seed: { type: 'string' }, threads: { type: 'string' } });
  const settings = loadLocalSettings(process.env);
  const dataDir = (values['data-dir'] as string | undefined) ?? settings.DATA_DIR;
  const scale = Number(values.scale ?? '1');
  const seed = Number(values.seed ?? '2021');
  // Default: one loading thread per core, at most 4 (the chains and counters are per county).
  const threads = Number(values.threads ?? String(Math.min(4, Math.max(1, availableParallelism()))));
  if (!(scale > 0 && scale <= 1)) throw new Error('--scale must be in (0, 1]');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  console.log(`dataset:lvliang → ${dataDir} (the database there is REPLACED; keys.json is kept)`);
  await generateLvliang({ dataDir, scale, seed, threads });
  return 0;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    // A refusal is said plainly; anything else with its stack.
    console.error('dataset:lvliang failed:', error instanceof HostServesDataDir ? error.message : error instanceof Error ? error.stack : error);
    process.exit(2);
  });

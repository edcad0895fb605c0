/**
 * Taro's build strips types without checking them: the whole tree is type-checked here.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

it('tsc --noEmit finds no type errors in src, cloudfunctions, tests and scripts', () => {
  const run = spawnSync(join(root, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', 'tsconfig.json'], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(run.stdout + run.stderr).toBe('');
  expect(run.status).toBe(0);
}, 300_000);

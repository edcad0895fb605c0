/**
 * `npm start`: builds the H5 app when it is missing or older than src/, then starts the local
 * host (gateway + embedded store, seeded with demo data on first run) and prints the URL.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startGateway } from '../cloudfunctions/gateway/main';

const root = join(__dirname, '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = statSync(path);
    newest = Math.max(newest, s.isDirectory() ? newestMtime(path) : s.mtimeMs);
  }
  return newest;
}

function ensureH5Build(): void {
  const index = join(root, 'dist', 'h5', 'index.html');
  const sources = [join(root, 'src'), join(root, 'config')];
  const stale = !existsSync(index) || Math.max(...sources.map(newestMtime)) > statSync(index).mtimeMs;
  if (!stale) return;
  console.log('Building the H5 app (taro build --type h5)…');
  const run = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error('H5 build failed.');
    process.exit(1);
  }
}

ensureH5Build();
// The demo: the dev login with its personas, on 127.0.0.1 only (`--no-dev` to serve without it).
const { values } = parseArgs({ args: process.argv.slice(2), options: { 'no-dev': { type: 'boolean', default: false } }, strict: true });
startGateway(process.env, { dev: values['no-dev'] !== true }).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

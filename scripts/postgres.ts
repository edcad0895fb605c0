/**
 * A throwaway PostgreSQL server for tests and benchmarks, from Debian's `postgresql` package (the
 * test script installs it, like Chromium): a fresh cluster in a temporary directory with the C
 * collation, listening on a Unix socket only, stopped and removed afterwards. The server refuses to
 * run as root, so as root it runs as the `postgres` user the package creates.
 *
 *   npx tsx scripts/postgres.ts   # starts one, prints its DATABASE_URL, stops on Ctrl-C
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPostgres {
  url: string;
  stop(): void;
}

/** The server's programs: `pg_config --bindir`, else the newest /usr/lib/postgresql/<n>/bin. */
export function postgresBin(): string | null {
  const config = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const fromConfig = config.status === 0 ? config.stdout.trim() : '';
  if (fromConfig && existsSync(join(fromConfig, 'initdb'))) return fromConfig;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(root, versions[0], 'bin') : null;
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a server program, as `postgres` when we are root. */
function run(bin: string, program: string, args: string[]): void {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] : [join(bin, program), args];
  execFileSync(cmd, argv, { stdio: 'pipe' });
}

/** Starts a fresh server; null when PostgreSQL is not installed. */
export function startTestPostgres(port = 54_000 + (process.pid % 1000)): TestPostgres | null {
  const bin = postgresBin();
  if (!bin) return null;
  const dir = mkdtempSync(join(tmpdir(), 'czt-pg-'));
  if (asRoot) {
    const ids = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
    const gid = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  run(bin, 'initdb', ['-D', data, '-U', 'postgres', '--no-locale', '-E', 'UTF8', '-A', 'trust']);
  const options = `-k ${dir} -p ${port} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run(bin, 'pg_ctl', ['-D', data, '-o', options, '-w', '-l', join(dir, 'log'), 'start']);
  const url = `postgres://postgres@localhost/postgres?host=${encodeURIComponent(dir)}&port=${port}`;
  let stopped = false;
  return {
    url,
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        run(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

if (require.main === module) {
  const pg = startTestPostgres(Number(process.env.PGPORT ?? 5433));
  if (!pg) {
    console.error('PostgreSQL is not installed. Run: sudo apt-get install -y postgresql');
    process.exit(1);
  }
  console.log(`DATABASE_URL=${pg.url}`);
  const stop = () => {
    pg.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => undefined, 1 << 30);
}

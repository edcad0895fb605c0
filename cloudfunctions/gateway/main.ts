/**
 * `npm run gateway` (`--dev`: with the dev login): opens DATA_DIR (creating and seeding it on first
 * run) and serves the app. The dev routes let anyone who reaches the port become any persona,
 * the city admin included, and show the personas' full ID numbers: they are served only when
 * asked for and only on a loopback address; anything else refuses to start.
 */
import cluster from 'node:cluster';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadLocalSettings } from '../config';
import { announceHost } from './local-host';
import { openLocalRuntime, startRemindSchedule } from './local-runtime';
import { LISTEN_BACKLOG, buildGateway } from './server';

/** 127.0.0.0/8, ::1 and localhost: reachable from this machine only. */
export const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);

export async function startGateway(env: Record<string, string | undefined> = process.env, options: { dev?: boolean } = {}) {
  const settings = loadLocalSettings(env);
  const dev = options.dev ?? false;
  if (dev && !isLoopback(settings.HOST)) {
    throw new Error(
      `refusing to start: the dev login (/dev/login, /dev/personas, /dev/clock) would be reachable on ${settings.HOST}. ` +
        'Serve it on 127.0.0.1 (unset HOST), or start without --dev.',
    );
  }
  const runtime = await openLocalRuntime({ dataDir: settings.DATA_DIR, devNow: settings.DEV_NOW, env, databaseUrl: settings.DATABASE_URL, books: settings.BOOKS });
  const app = await buildGateway(runtime, {
    devRoutes: dev,
    h5Dir: settings.H5_DIR,
    logger: { file: join(runtime.dataDir, 'logs', 'gateway.log') },
  });
  // A storm of new connections (many phones at once) must queue, not be dropped: the default backlog is 511.
  await app.listen({ host: settings.HOST, port: settings.PORT, backlog: LISTEN_BACKLOG });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : settings.PORT;
  const url = `http://${settings.HOST === '0.0.0.0' ? '127.0.0.1' : settings.HOST}:${port}`;
  const worker = cluster.isWorker ? ` (process ${cluster.worker?.id} of ${settings.WORKERS})` : '';
  console.log(`持证通 local host ready${runtime.seeded ? ' (demo data seeded)' : ''}${worker}`);
  console.log(`  App:         ${url}/`);
  console.log(dev ? `  Dev login:   ${url}/dev/login` : '  Dev login:   off (start with --dev on 127.0.0.1 for the demo personas)');
  console.log(`  Data:        ${settings.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : runtime.dataDir}`);
  console.log(`  Clock:       ${runtime.clock.now().toISOString()}`);
  // Issue 18: local commands that write this DATA_DIR name the host they share it with.
  const leave = cluster.isWorker ? () => undefined : announceHost(runtime.dataDir, { pid: process.pid, url, startedAt: runtime.clock.now().toISOString() });
  process.on('exit', leave);
  // One process runs the daily reminders (the run is idempotent per day; one is enough).
  const stopReminders = !cluster.isWorker || cluster.worker?.id === 1 ? startRemindSchedule(runtime) : () => undefined;
  const stop = async () => {
    leave();
    stopReminders();
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return { app, runtime, url };
}

/**
 * Issue 17: WORKERS processes sharing the port (node:cluster) on one PostgreSQL database. The
 * primary seeds the database first (so the workers find it seeded), then forks the workers and
 * starts a new one if one dies.
 */
export async function startCluster(env: Record<string, string | undefined>): Promise<void> {
  const settings = loadLocalSettings(env);
  if (!settings.DATABASE_URL) throw new Error('WORKERS > 1 needs DATABASE_URL=postgres://… (the embedded file is one process’s)');
  const runtime = await openLocalRuntime({ dataDir: settings.DATA_DIR, devNow: settings.DEV_NOW, env, databaseUrl: settings.DATABASE_URL, books: settings.BOOKS });
  await runtime.close();
  const leave = announceHost(runtime.dataDir, { pid: process.pid, url: `http://${settings.HOST}:${settings.PORT}`, startedAt: new Date().toISOString() });
  process.on('exit', leave);
  for (let i = 0; i < settings.WORKERS; i++) cluster.fork({ ...env });
  cluster.on('exit', (w, code) => {
    if (code !== 0 && !stopping) {
      console.error(`host process ${w.id} stopped (${code}); starting another`);
      cluster.fork({ ...env });
    }
  });
  let stopping = false;
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
    leave();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  const dev = parseArgs({ args: process.argv.slice(2), options: { dev: { type: 'boolean', default: false } }, strict: true }).values.dev === true;
  const workers = loadLocalSettings(process.env).WORKERS;
  const start = cluster.isPrimary && workers > 1 ? startCluster(process.env) : startGateway(process.env, { dev });
  start.catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

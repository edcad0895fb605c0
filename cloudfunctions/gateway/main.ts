/**
 * `npm run gateway` (`--dev`: with the dev login): opens DATA_DIR (creating and seeding it on first
 * run) and serves the app. The dev routes let anyone who reaches the port become any persona,
 * the city admin included, and show the personas' full ID numbers: they are served only when
 * asked for and only on a loopback address; anything else refuses to start.
 */
import { join } from 'node:path';
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
  const runtime = await openLocalRuntime({ dataDir: settings.DATA_DIR, devNow: settings.DEV_NOW, env });
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
  console.log(`持证通 local host ready${runtime.seeded ? ' (demo data seeded)' : ''}`);
  console.log(`  App:         ${url}/`);
  console.log(dev ? `  Dev login:   ${url}/dev/login` : '  Dev login:   off (start with --dev on 127.0.0.1 for the demo personas)');
  console.log(`  Data:        ${runtime.dataDir}`);
  console.log(`  Clock:       ${runtime.clock.now().toISOString()}`);
  // Issue 18: local commands that write this DATA_DIR name the host they share it with.
  const leave = announceHost(runtime.dataDir, { pid: process.pid, url, startedAt: runtime.clock.now().toISOString() });
  process.on('exit', leave);
  const stopReminders = startRemindSchedule(runtime);
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

if (require.main === module) {
  startGateway(process.env, { dev: process.argv.includes('--dev') }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

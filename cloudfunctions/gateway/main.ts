/**
 * `npm run gateway`: opens DATA_DIR (creating and seeding it on first run) and serves the app.
 */
import { join } from 'node:path';
import { loadLocalSettings } from '../config';
import { openLocalRuntime, startRemindSchedule } from './local-runtime';
import { LISTEN_BACKLOG, buildGateway } from './server';

export async function startGateway(env: Record<string, string | undefined> = process.env) {
  const settings = loadLocalSettings(env);
  const runtime = await openLocalRuntime({ dataDir: settings.DATA_DIR, devNow: settings.DEV_NOW, env });
  const app = await buildGateway(runtime, {
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
  console.log(`  Dev login:   ${url}/dev/login`);
  console.log(`  Data:        ${runtime.dataDir}`);
  console.log(`  Clock:       ${runtime.clock.now().toISOString()}`);
  const stopReminders = startRemindSchedule(runtime);
  const stop = async () => {
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
  startGateway().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

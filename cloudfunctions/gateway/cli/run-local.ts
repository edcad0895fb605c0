/**
 * Shared start of the local commands: opens DATA_DIR (creating and seeding it when empty),
 * runs the command, closes the store, and exits with the command's code.
 *
 * Issue 18: a command may run while the local host serves the same DATA_DIR. Both write one
 * SQLite file; each transaction waits for the other's (the store's LOCK_WAIT_MS). A command
 * that writes says which host it shares the file with, and if the store still stays busy it
 * stops with that said — exit 3, every step before it committed whole, nothing half-written.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { loadLocalSettings } from '../../config';
import { isStoreError } from '../../store/port';
import { SqliteStore } from '../../store/sqlite-store';
import { describeHost, runningHost } from '../local-host';
import { type LocalRuntime, openLocalRuntime } from '../local-runtime';

export type CliOptions = NonNullable<ParseArgsConfig['options']>;
export type CliValues = Record<string, string | boolean | undefined>;

/** `--name value`, `--name=value` and flags, by `node:util` parseArgs; unknown options refused. */
export function cliValues(options: CliOptions, args = process.argv.slice(2)): CliValues {
  return parseArgs({ args, options, strict: true, allowPositionals: false }).values as CliValues;
}

export function runLocal(
  name: string,
  options: CliOptions,
  command: (runtime: LocalRuntime, values: CliValues) => Promise<number>,
  how: { writes?: boolean } = {},
): void {
  let values: CliValues;
  try {
    values = cliValues(options);
  } catch (error) {
    console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  const settings = loadLocalSettings(process.env);
  const host = runningHost(settings.DATA_DIR);
  if (host && how.writes) {
    console.error(`${name}: ${describeHost(host)} is serving ${settings.DATA_DIR}; ${name} shares the database with it (each waits for the other's writes)`);
  }
  const started = Date.now();
  openLocalRuntime({ dataDir: settings.DATA_DIR, devNow: settings.DEV_NOW, env: process.env, databaseUrl: settings.DATABASE_URL })
    .then(async (runtime) => {
      let code = 1;
      try {
        code = await command(runtime, values);
      } finally {
        await runtime.close();
      }
      const waits = runtime.deps.store instanceof SqliteStore ? runtime.deps.store.lockWaitStats() : null;
      const waited = waits && waits.waits > 0 ? ` (found another writer's lock ${waits.waits} time(s), waited at most ${Math.round(waits.maxWaitMs)} ms)` : '';
      console.error(`${name} finished in ${((Date.now() - started) / 1000).toFixed(2)} s${waited}`);
      process.exit(code);
    })
    .catch((error: unknown) => {
      if (isStoreError(error, 'BUSY')) {
        const writer = host ? describeHost(host) : 'another process';
        console.error(`${name} stopped: ${error.message}; ${writer} was writing to ${settings.DATA_DIR}. Each step before this one was committed whole; run ${name} again.`);
        process.exit(3);
      }
      console.error(`${name} failed:`, error instanceof Error ? error.message : error);
      process.exit(2);
    });
}

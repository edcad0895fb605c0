/**
 * Shared start of the local commands: opens DATA_DIR (creating and seeding it when empty),
 * runs the command, closes the store, and exits with the command's code.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { loadLocalSettings } from '../../config';
import { type LocalRuntime, openLocalRuntime } from '../local-runtime';

export type CliOptions = NonNullable<ParseArgsConfig['options']>;
export type CliValues = Record<string, string | boolean | undefined>;

/** `--name value`, `--name=value` and flags, by `node:util` parseArgs; unknown options refused. */
export function cliValues(options: CliOptions, args = process.argv.slice(2)): CliValues {
  return parseArgs({ args, options, strict: true, allowPositionals: false }).values as CliValues;
}

export function runLocal(name: string, options: CliOptions, command: (runtime: LocalRuntime, values: CliValues) => Promise<number>): void {
  let values: CliValues;
  try {
    values = cliValues(options);
  } catch (error) {
    console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  const settings = loadLocalSettings(process.env);
  const started = Date.now();
  openLocalRuntime({ dataDir: settings.DATA_DIR, devNow: settings.DEV_NOW, env: process.env })
    .then(async (runtime) => {
      let code = 1;
      try {
        code = await command(runtime, values);
      } finally {
        await runtime.close();
      }
      console.error(`${name} finished in ${((Date.now() - started) / 1000).toFixed(2)} s`);
      process.exit(code);
    })
    .catch((error: unknown) => {
      console.error(`${name} failed:`, error instanceof Error ? error.message : error);
      process.exit(2);
    });
}

/**
 * Shared start of the local commands: opens DATA_DIR (creating and seeding it when empty),
 * runs the command, closes the store, and exits with the command's code.
 */
import { loadLocalSettings } from '../../config';
import { type LocalRuntime, openLocalRuntime } from '../local-runtime';

/** A command-line option's value: `--name value` or `--name=value`. */
export function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

export function runLocal(name: string, command: (runtime: LocalRuntime, args: string[]) => Promise<number>): void {
  const settings = loadLocalSettings(process.env);
  const started = Date.now();
  openLocalRuntime({ dataDir: settings.DATA_DIR, devNow: settings.DEV_NOW, env: process.env })
    .then(async (runtime) => {
      let code = 1;
      try {
        code = await command(runtime, process.argv.slice(2));
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

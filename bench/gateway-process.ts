/**
 * The gateway in its own process for the HTTP benchmarks (as `npm start` runs it): a file-backed
 * store in `dataDir`, listening on `port`; BENCH_PROFILE=<dir> adds a CPU profile.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { type Loader, loader } from './http-load';

export interface GatewayProcess {
  child: ChildProcess;
  /** SIGTERM, then wait for the exit (the store closes cleanly). */
  stop(): Promise<void>;
}

export function startGatewayProcess(options: { dataDir: string; port: number; devNow?: string }): Promise<GatewayProcess> {
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', join(__dirname, '..', 'cloudfunctions', 'gateway', 'main.ts'), '--dev'], {
    env: {
      ...process.env,
      DATA_DIR: options.dataDir,
      PORT: String(options.port),
      H5_DIR: join(options.dataDir, 'no-h5'),
      ...(options.devNow ? { DEV_NOW: options.devNow } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve({ child, stop });
    });
    child.on('exit', (code) => reject(new Error(`gateway exited with ${code}`)));
  });
}

/** `measure` against the gateway in its own process, through a loader of keep-alive sockets; the gateway is stopped after. */
export async function withGatewayProcess<T>(options: { dataDir: string; port: number; devNow?: string }, measure: (http: Loader) => Promise<T>): Promise<T> {
  const gateway = await startGatewayProcess(options);
  const http = loader(`http://127.0.0.1:${options.port}`);
  try {
    return await measure(http);
  } finally {
    http.close();
    await gateway.stop();
  }
}

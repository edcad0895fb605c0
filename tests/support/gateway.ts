/**
 * Starts the real gateway over HTTP on a fresh embedded store (in memory, seeded like a first
 * local start) in a temporary DATA_DIR, and gives tests a cookie-keeping client per persona.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiResponse, ExportJobView } from '../../cloudfunctions/contract';
import { type LocalRuntime, openLocalRuntime } from '../../cloudfunctions/gateway/local-runtime';
import { LISTEN_BACKLOG, buildGateway } from '../../cloudfunctions/gateway/server';

export interface TestGateway {
  url: string;
  runtime: LocalRuntime;
  dataDir: string;
  /** An anonymous client (no session). */
  anonymous(): ApiClient;
  /** A client logged in as a dev persona (`laborer-30`, `official-city`, …) or a synthetic `test-…` user. */
  as(persona: string): Promise<ApiClient>;
  /** Shifts the gateway's clock (dev only); null returns to real time. */
  setNow(at: string | null): Promise<void>;
  close(): Promise<void>;
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private cookie: string | null = null,
  ) {}

  async raw(path: string, init: { body?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    return fetch(this.baseUrl + path, {
      method: 'POST',
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...init.headers },
      body: init.body,
      redirect: 'manual',
    });
  }

  /** A GET with this client's session (downloads). */
  async get(path: string): Promise<Response> {
    return fetch(this.baseUrl + path, { headers: this.cookie ? { cookie: this.cookie } : {}, redirect: 'manual' });
  }

  async call<T = unknown>(fn: string, action: string, payload?: unknown, requestId?: string): Promise<ApiResponse<T>> {
    const res = await this.raw(`/api/${fn}`, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action, payload, requestId }),
    });
    return (await res.json()) as ApiResponse<T>;
  }

  /** Calls and expects success; returns the data. */
  async ok<T = unknown>(fn: string, action: string, payload?: unknown): Promise<T> {
    const res = await this.call<T>(fn, action, payload);
    if (!res.ok) throw new Error(`${fn}.${action} failed: ${res.code} ${res.message}`);
    return res.data;
  }

  /** Logs in as a dev persona (`laborer-30`) or, with `test-…`, as a synthetic user. */
  async login(persona: string): Promise<void> {
    const res = await this.raw('/dev/login', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(persona.startsWith('test-') ? { openid: persona } : { persona }),
    });
    if (res.status !== 200) throw new Error(`login as ${persona} failed: ${res.status}`);
    const setCookie = res.headers.get('set-cookie');
    if (!setCookie) throw new Error('no session cookie');
    this.cookie = setCookie.split(';')[0];
  }
}

export async function startTestGateway(options: { devNow?: string; h5Dir?: string; dataDir?: string } = {}): Promise<TestGateway> {
  // A given data dir keeps its database file (e.g. a generated dataset); otherwise a fresh one in memory.
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'czt-test-'));
  const runtime = await openLocalRuntime({ dataDir, inMemory: !options.dataDir, devNow: options.devNow });
  const app = await buildGateway(runtime, { devRoutes: true, h5Dir: options.h5Dir ?? join(dataDir, 'no-h5') });
  await app.listen({ host: '127.0.0.1', port: 0, backlog: LISTEN_BACKLOG });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('gateway did not bind');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    runtime,
    dataDir,
    anonymous: () => new ApiClient(url),
    as: async (persona) => {
      const client = new ApiClient(url);
      await client.login(persona);
      return client;
    },
    setNow: async (at: string | null) => {
      const res = await fetch(`${url}/dev/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ now: at }),
      });
      if (!res.ok) throw new Error(`setNow failed: ${res.status}`);
    },
    close: async () => {
      await app.close();
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An object that stands for one made later (in a beforeAll), forwarding to it (spreading it too); used before then it throws. */
export function lateBound<T extends object>(what: string, get: () => T | undefined): T {
  const target = (): T => {
    const t = get();
    if (!t) throw new Error(`${what} is used before the file's beforeAll started it`);
    return t;
  };
  return new Proxy(Object.create(null) as T, {
    get(_, key) {
      const t = target();
      const value: unknown = Reflect.get(t, key);
      return typeof value === 'function' ? value.bind(t) : value;
    },
    has: (_, key) => Reflect.has(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(target(), key);
      return d ? { ...d, configurable: true } : undefined;
    },
  });
}

/**
 * The gateway a test file shares: started before its tests (at `devNow`), closed after them.
 * `persona(name)` is that persona's client, logged in once the gateway is up. Call both at the
 * top of the file; use what they give inside tests and hooks registered after this call.
 */
export function sharedGateway(devNow: string, options: { timeout?: number } = {}): { gw: TestGateway; persona(name: string): ApiClient } {
  let started: TestGateway | undefined;
  const clients = new Map<string, ApiClient | undefined>();
  beforeAll(async () => {
    started = await startTestGateway({ devNow });
    for (const name of clients.keys()) clients.set(name, await started.as(name));
  }, options.timeout);
  afterAll(() => started?.close());
  return {
    gw: lateBound('the gateway', () => started),
    persona: (name) => {
      clients.set(name, undefined);
      return lateBound(`the ${name} client`, () => clients.get(name));
    },
  };
}

/** An export job's view once it is done or failed (the job runs in the gateway's background). */
export async function exportFinished(client: ApiClient, jobId: string): Promise<ExportJobView> {
  for (let i = 0; i < 200; i++) {
    const job = await client.ok<ExportJobView>('official', 'jobStatus', { jobId });
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('export did not finish');
}

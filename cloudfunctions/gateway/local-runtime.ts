/**
 * Opens the local world: DATA_DIR (created on first use), its generated keys, the embedded
 * store, and demo data when the store is empty. Every local command that opens the store comes
 * through here (start, test fixtures, and later sweep, remind, report, dataset:*).
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadSecrets, loadTemplateIds } from '../config';
import { REMINDER_KINDS, REMIND_SCHEDULE_CHINA, nextRun } from '../core/reminders';
import { LogNotifier } from '../notify/notifier';
import { deliverDue } from '../services/message';
import { runRemind } from '../services/remind';
import { ShiftedClock } from '../services/kernel/clock';
import type { Deps, Logger } from '../services/kernel/deps';
import { LocalExportStorage } from '../store/export-storage';
import { advanceExport, pendingJobs } from '../services/official';
import { IdVault } from '../services/kernel/id-vault';
import { ensureTargets } from '../services/official';
import { regionDirectory } from '../services/kernel/reference-data';
import { SequencedStore } from '../services/books/sequencer';
import { PgStore } from '../store/pg-store';
import type { Store } from '../store/port';
import { SqliteStore } from '../store/sqlite-store';
import { SEED_VERSION, seedDemo } from './seed';
import { DevFaceVerifier } from './face-dev';

export interface LocalRuntime {
  deps: Deps;
  /** R14.3 the pretend face check the dev routes answer (the cloud's is WeChat). */
  faceDev: DevFaceVerifier;
  clock: ShiftedClock;
  dataDir: string;
  /** Signs the gateway's session cookie. */
  sessionSecret: string;
  /** True when this open seeded an empty store. */
  seeded: boolean;
  close(): Promise<void>;
}

export interface LocalOptions {
  dataDir: string;
  /** Tests: keep the database in memory (keys and logs still go to dataDir). */
  inMemory?: boolean;
  /** ISO time the clock starts from (DEV_NOW). */
  devNow?: string;
  /** Environment to read secrets from before falling back to DATA_DIR/keys.json. */
  env?: Record<string, string | undefined>;
  /** Where logs go; default DATA_DIR/logs/app.log. */
  log?: Logger;
  /** `postgres://…`: the store is PostgreSQL (issue 17), shared by every process given the same URL. */
  databaseUrl?: string;
  /** D61 where entries get their chain place (BOOKS); default: `sequenced` on PostgreSQL, else `inline`. */
  books?: 'inline' | 'sequenced';
}

type KeyFile = { ID_ENC_KEY: string; ID_HASH_KEY: string; SESSION_SECRET: string };

/** Keys from the environment when given, else generated once into DATA_DIR/keys.json. */
function localKeys(dataDir: string, env: Record<string, string | undefined>): KeyFile {
  const file = join(dataDir, 'keys.json');
  let keys: KeyFile;
  if (existsSync(file)) {
    keys = JSON.parse(readFileSync(file, 'utf8')) as KeyFile;
  } else {
    keys = {
      ID_ENC_KEY: randomBytes(32).toString('base64'),
      ID_HASH_KEY: randomBytes(32).toString('base64'),
      SESSION_SECRET: randomBytes(32).toString('base64'),
    };
    writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  }
  return {
    ID_ENC_KEY: env.ID_ENC_KEY ?? keys.ID_ENC_KEY,
    ID_HASH_KEY: env.ID_HASH_KEY ?? keys.ID_HASH_KEY,
    SESSION_SECRET: env.SESSION_SECRET ?? keys.SESSION_SECRET,
  };
}

export function fileLogger(file: string): Logger {
  const write = (level: string, msg: string, fields?: Record<string, unknown>) =>
    appendFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), level, msg, ...fields })}\n`);
  return { info: (m, f) => write('info', m, f), error: (m, f) => write('error', m, f) };
}

type SeedDoc = { _id: string; version: number; seededAt: string };

/**
 * Seeds an empty store once (`meta/seed` remembers it). A store seeded by an older version of the
 * demo is refused with what to do: its records lack what the code now expects.
 */
export async function seedIfEmpty(deps: Deps, dataDir: string): Promise<boolean> {
  const done = await deps.store.get<SeedDoc>('meta', 'seed');
  if (done && done.version !== SEED_VERSION) {
    throw new Error(`${dataDir} holds demo data of an older version (seed ${done.version}, now ${SEED_VERSION}). Delete the folder (or set DATA_DIR to a new one) and start again.`);
  }
  if (done) return false;
  await seedDemo(deps);
  await deps.store.transaction((tx) => tx.set<SeedDoc>('meta', 'seed', { version: SEED_VERSION, seededAt: deps.clock.now().toISOString() }));
  return true;
}

export async function openLocalRuntime(options: LocalOptions): Promise<LocalRuntime> {
  const dataDir = resolve(options.dataDir);
  for (const dir of [dataDir, join(dataDir, 'logs'), join(dataDir, 'exports')]) mkdirSync(dir, { recursive: true });
  const keys = localKeys(dataDir, options.env ?? {});
  const secrets = loadSecrets(keys);
  const clock = new ShiftedClock(options.devNow ? new Date(options.devNow) : undefined);
  const engine: Store = options.databaseUrl
    ? new PgStore({ connectionString: options.databaseUrl })
    : new SqliteStore({ filename: options.inMemory ? ':memory:' : join(dataDir, 'chizhengtong.db') });
  // D61 PostgreSQL's transactions conflict like CloudBase's: changes queue for the county's sequencer there.
  // (The tests' BOOKS=sequenced rerun takes the same path on the embedded file.)
  const books = options.books ?? ((options.env?.BOOKS ?? process.env.BOOKS) as LocalOptions['books']) ?? (options.databaseUrl ? 'sequenced' : 'inline');
  const store: Store = books === 'sequenced' ? new SequencedStore(engine) : engine;
  const faceDev = new DevFaceVerifier(clock);
  const deps: Deps = {
    store,
    faceVerifier: faceDev,
    clock,
    idVault: new IdVault({ encryptionKey: secrets.idEncryptionKey, hashKey: secrets.idHashKey }),
    regions: regionDirectory(),
    log: options.log ?? fileLogger(join(dataDir, 'logs', 'app.log')),
    exports: new LocalExportStorage(join(dataDir, 'exports')),
    notifier: new LogNotifier(join(dataDir, 'outbox.log'), () => clock.now()),
    templates: loadTemplateIds(options.env ?? {}, Object.values(REMINDER_KINDS).map((k) => k.template), true),
  };
  const runner = new LocalExportRunner(deps);
  deps.exportRunner = runner;
  const seeded = await seedIfEmpty(deps, dataDir);
  await ensureTargets(deps);
  for (const jobId of await pendingJobs(deps)) runner.kick(jobId);
  return {
    deps,
    faceDev,
    clock,
    dataDir,
    sessionSecret: keys.SESSION_SECRET,
    seeded,
    close: async () => {
      await runner.idle();
      await store.close();
    },
  };
}

/**
 * Moves export jobs on in the background, one at a time, in steps of a few seconds (each step
 * under the job's lease, so a status call or a second runner never works the same job twice).
 */
export class LocalExportRunner {
  private readonly queue: string[] = [];
  private running: Promise<void> | null = null;

  constructor(private readonly deps: Deps) {}

  kick(jobId: string): void {
    if (!this.queue.includes(jobId)) this.queue.push(jobId);
    if (!this.running) this.running = this.drain().finally(() => (this.running = null));
  }

  /** Resolves once every queued job has finished. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const jobId = this.queue[0];
      try {
        while (!(await advanceExport(this.deps, jobId, 5_000))) {
          // Let requests in between steps.
          await new Promise((r) => setImmediate(r));
        }
      } catch (error) {
        this.deps.log.error('export runner', { jobId, error: error instanceof Error ? error.message : String(error) });
      }
      this.queue.shift();
    }
  }
}

/**
 * The `remind` timer, in-process (DESIGN "Local host"): runs at the same China-time schedule as
 * the cloud trigger, by the runtime's (possibly shifted) clock, then sends what is due; retries
 * are sent every minute. Only the long-running gateway starts it.
 */
export function startRemindSchedule(runtime: LocalRuntime): () => void {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const { deps, clock } = runtime;
  const send = () => (deps.notifier ? deliverDue(deps, deps.notifier, deps.templates ?? {}) : Promise.resolve(null));
  const plan = () => {
    if (stopped) return;
    const now = clock.now();
    const next = nextRun(REMIND_SCHEDULE_CHINA, now, 8);
    // Wake at the next run or within a minute (to send retries and follow clock shifts).
    const wait = Math.max(1_000, Math.min(60_000, (next ? next.getTime() : now.getTime() + 60_000) - now.getTime()));
    timer = setTimeout(async () => {
      try {
        const at = clock.now();
        if (next && at.getTime() >= next.getTime()) {
          const report = await runRemind(deps);
          deps.log.info('remind run', { ...report });
        }
        await send();
      } catch (error) {
        deps.log.error('remind schedule', { error: error instanceof Error ? error.message : String(error) });
      }
      plan();
    }, wait);
    timer.unref();
  };
  plan();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}

/**
 * Configuration: one typed, validated module. Every key is documented here and named in
 * `.env.example` (a tooling test checks both agree). Secrets come from the environment (cloud: the function's environment
 * variables; local: generated into DATA_DIR/keys.json on first start) and never from git.
 */
import { z } from 'zod';

const base64Key = (bytes: number) =>
  z
    .string()
    .transform((s) => Buffer.from(s, 'base64'))
    .refine((b) => b.length >= bytes, { message: `must be base64 of at least ${bytes} bytes` });

/** Secrets every function needs. */
export const secretsSchema = z.object({
  /** ID_ENC_KEY: base64 of 32 random bytes; AES-256-GCM key for ID numbers (R2.4). */
  ID_ENC_KEY: base64Key(32).refine((b) => b.length === 32, { message: 'must be exactly 32 bytes' }),
  /** ID_HASH_KEY: base64 of ≥ 32 random bytes; HMAC-SHA-256 key for ID-number uniqueness (R2.4). */
  ID_HASH_KEY: base64Key(32),
});

export interface Secrets {
  idEncryptionKey: Buffer;
  idHashKey: Buffer;
}

type Env = Record<string, string | undefined>;

/** Parses `env` with a schema; a bad value is a configuration error naming the key. */
function parseConfig<S extends z.ZodType>(schema: S, env: Env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`configuration error: ${detail}`);
  }
  return parsed.data;
}

export function loadSecrets(env: Env): Secrets {
  const data = parseConfig(secretsSchema, env);
  return { idEncryptionKey: data.ID_ENC_KEY, idHashKey: data.ID_HASH_KEY };
}

/** Settings of the local host (dev only). */
export const localSchema = z.object({
  /** DATA_DIR: where the embedded database, generated keys, logs and exports live. */
  DATA_DIR: z.string().default('.data'),
  /** PORT: the gateway's port on 127.0.0.1. */
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  /** HOST: the address to listen on (loopback by default). */
  HOST: z.string().default('127.0.0.1'),
  /** DEV_NOW: an ISO time the local clock starts from (demos, tests); it then runs at real speed. */
  DEV_NOW: z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'must be an ISO date-time' })
    .optional(),
  /** H5_DIR: the built H5 app the gateway serves. */
  H5_DIR: z.string().default('dist/h5'),
  /** SESSION_SECRET: signs the dev login's session cookie (default: generated into DATA_DIR/keys.json). */
  SESSION_SECRET: z.string().min(16).optional(),
  /** DATABASE_URL: `postgres://…` runs the host on PostgreSQL instead of DATA_DIR's embedded file (issue 17). */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
    .optional(),
  /** WORKERS: host processes sharing the port (more than 1 needs DATABASE_URL). */
  WORKERS: z.coerce.number().int().min(1).max(16).default(1),
  /**
   * BOOKS: `sequenced` queues each change's ledger entry for the county's sequencer, as CloudBase
   * and PostgreSQL always do (D61); `inline` chains it in the change's own transaction. Default:
   * inline on the embedded file (one writer at a time), sequenced with DATABASE_URL.
   */
  BOOKS: z.enum(['inline', 'sequenced']).optional(),
});

export type LocalSettings = z.infer<typeof localSchema>;

export const loadLocalSettings = (env: Env): LocalSettings => parseConfig(localSchema, env);

/**
 * A CloudBase environment reached from outside it (the deploy script, the smoke test, the store
 * contract tests): all three keys, or none.
 */
export const cloudSchema = z.object({
  /** TCB_ENV: the CloudBase environment id. */
  TCB_ENV: z.string().min(1).optional(),
  /** TCB_SECRET_ID, TCB_SECRET_KEY: a Tencent Cloud API key allowed to use that environment. */
  TCB_SECRET_ID: z.string().min(1).optional(),
  TCB_SECRET_KEY: z.string().min(1).optional(),
});

export interface CloudCredentials {
  env: string;
  secretId: string;
  secretKey: string;
}

/** The credentials when all three are set; null when none is; a configuration error otherwise. */
export function loadCloudCredentials(env: Env): CloudCredentials | null {
  const c = parseConfig(cloudSchema, env);
  if (!c.TCB_ENV && !c.TCB_SECRET_ID && !c.TCB_SECRET_KEY) return null;
  if (!c.TCB_ENV || !c.TCB_SECRET_ID || !c.TCB_SECRET_KEY) {
    throw new Error('configuration error: set all of TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY, or none');
  }
  return { env: c.TCB_ENV, secretId: c.TCB_SECRET_ID, secretKey: c.TCB_SECRET_KEY };
}

/**
 * R14.3 the mini-program's own credentials, for WeChat's server APIs that have no cloud call
 * (人脸核身): the access token is fetched with them. Not `WX_APPID`: the platform sets that name
 * to the calling app's id in every invocation.
 */
export const wechatAppSchema = z.object({
  /** WECHAT_APPID: the mini-program's AppID (wx…). */
  WECHAT_APPID: z.string().regex(/^wx[0-9a-f]{16}$/, { message: 'must be an AppID (wx + 16 hex)' }).optional(),
  /** WECHAT_APP_SECRET: its AppSecret (a secret: the functions' environment only). */
  WECHAT_APP_SECRET: z.string().min(16).optional(),
});

/** The AppID and AppSecret when both are set; null when neither is (face checks then answer FACE_CHECK_UNAVAILABLE). */
export function loadWechatApp(env: Env): { appId: string; appSecret: string } | null {
  const c = parseConfig(wechatAppSchema, env);
  if (!c.WECHAT_APPID && !c.WECHAT_APP_SECRET) return null;
  if (!c.WECHAT_APPID || !c.WECHAT_APP_SECRET) throw new Error('configuration error: set both WECHAT_APPID and WECHAT_APP_SECRET, or neither');
  return { appId: c.WECHAT_APPID, appSecret: c.WECHAT_APP_SECRET };
}

/** Read by the Taro build (config/index.ts), not by the functions: the weapp's environment id. */
export const FRONT_END_KEYS = ['TARO_APP_CLOUD_ENV'] as const;

/**
 * TPL_*: WeChat subscription-message template ids, one per reminder kind (R10.2), e.g.
 * `TPL_VOUCHER_EXPIRY`. Unset in the cloud = that reminder is never pushed (it still shows in
 * the message centre, `skipped_no_consent`). Locally every key defaults to `local-<KEY>`, so
 * the log sender shows the whole flow.
 */
export function loadTemplateIds(env: Env, keys: readonly string[], local: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const value = env[key]?.trim();
    if (value) out[key] = value;
    else if (local) out[key] = `local-${key}`;
  }
  return out;
}

/** Every environment variable the project reads; `.env.example` names each one. */
export function configKeys(templateKeys: readonly string[]): string[] {
  return [
    ...Object.keys(secretsSchema.shape),
    ...Object.keys(localSchema.shape),
    ...Object.keys(cloudSchema.shape),
    ...Object.keys(wechatAppSchema.shape),
    ...FRONT_END_KEYS,
    ...templateKeys,
  ];
}

/**
 * Configuration: one typed, validated module. Every key is documented here and in
 * docs/configuration.md. Secrets come from the environment (cloud: the function's environment
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

export function loadSecrets(env: Record<string, string | undefined>): Secrets {
  const parsed = secretsSchema.safeParse(env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`configuration error: ${detail}`);
  }
  return { idEncryptionKey: parsed.data.ID_ENC_KEY, idHashKey: parsed.data.ID_HASH_KEY };
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
});

export type LocalSettings = z.infer<typeof localSchema>;

export function loadLocalSettings(env: Record<string, string | undefined>): LocalSettings {
  const parsed = localSchema.safeParse(env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`configuration error: ${detail}`);
  }
  return parsed.data;
}

/**
 * TPL_*: WeChat subscription-message template ids, one per reminder kind (R10.2), e.g.
 * `TPL_VOUCHER_EXPIRY`. Unset in the cloud = that reminder is never pushed (it still shows in
 * the message centre, `skipped_no_consent`). Locally every key defaults to `local-<KEY>`, so
 * the log sender shows the whole flow.
 */
export function loadTemplateIds(env: Record<string, string | undefined>, keys: readonly string[], local: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const value = env[key]?.trim();
    if (value) out[key] = value;
    else if (local) out[key] = `local-${key}`;
  }
  return out;
}

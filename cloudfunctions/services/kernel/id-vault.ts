/**
 * R2.4: the ID number is never stored in plain text. It is kept encrypted (AES-256-GCM) for the
 * few who may see it in full, and as a keyed hash (HMAC-SHA-256) to enforce one number per account.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export interface IdVaultKeys {
  /** 32 bytes. */
  encryptionKey: Buffer;
  /** ≥ 32 bytes. */
  hashKey: Buffer;
}

export class IdVault {
  constructor(private readonly keys: IdVaultKeys) {
    if (keys.encryptionKey.length !== 32) throw new Error('ID encryption key must be 32 bytes');
    if (keys.hashKey.length < 32) throw new Error('ID hash key must be at least 32 bytes');
  }

  /** Deterministic keyed hash: equal numbers give equal hashes, unreadable without the key. */
  hash(idNumber: string): string {
    return createHmac('sha256', this.keys.hashKey).update(idNumber, 'utf8').digest('hex');
  }

  /** `v1.<iv>.<tag>.<ciphertext>`, base64url parts; a fresh IV each time. */
  encrypt(idNumber: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.encryptionKey, iv);
    const data = Buffer.concat([cipher.update(idNumber, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || !data) throw new Error('unknown ID cipher format');
    const decipher = createDecipheriv('aes-256-gcm', this.keys.encryptionKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }
}

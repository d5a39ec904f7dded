/**
 * @module auth/sealed
 * Secrets the server must be able to use again (webhook signing secrets, inbound integration
 * secrets), so they cannot be stored as hashes, are stored sealed instead: AES-256-GCM under a key
 * derived from the server secret with HKDF-SHA256. Someone holding a copy of the database but not
 * the server secret (CALMLINE_SECRET or `<dataDir>/secret.key`) learns nothing from them.
 *
 * Format: `v1.<iv>.<tag>.<ciphertext>`, each part base64url. The associated data is the row's
 * purpose and id (`webhook:<id>`), so a sealed value copied into another row does not open there.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const INFO = 'calmline sealed secrets v1';
const PREFIX = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** A value produced by `seal`: the prefix, a 12-byte IV, a 16-byte tag and a ciphertext (never empty in practice). */
const SEALED = /^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]*$/;

/** Thrown when a sealed value does not open: another server secret, another row, or damaged. */
export class SealedSecretError extends Error {
  constructor(
    readonly aad: string,
    reason: string,
  ) {
    super(
      `The stored secret of ${aad} cannot be opened (${reason}): it was sealed under another server secret (CALMLINE_SECRET or secret.key), belongs to another row, or is damaged. Create it again.`,
    );
    this.name = 'SealedSecretError';
  }
}

/**
 * The 32-byte sealing key for a server secret (HKDF-SHA256, empty salt, its own `info`, so it is
 * independent of the incident chain's key derived from the same secret).
 * @example const key = sealingKey(serverSecret)
 */
export function sealingKey(serverSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', serverSecret, Buffer.alloc(0), INFO, 32));
}

/**
 * Seals a secret for one row. A fresh random IV each time, so sealing the same secret twice gives two values.
 * @example seal(key, 'webhook:01J…', 'whsec_…') // 'v1.…'
 */
export function seal(key: Buffer, aad: string, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [PREFIX, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

/**
 * Opens what `seal` produced for the same row; throws SealedSecretError for anything else.
 * @example open(key, 'webhook:01J…', sealed) // 'whsec_…'
 */
export function open(key: Buffer, aad: string, sealed: string): string {
  if (!isSealed(sealed)) throw new SealedSecretError(aad, 'it is not a v1 sealed value');
  const [, iv, tag, ct] = sealed.split('.') as [string, string, string, string];
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SealedSecretError(aad, 'the authentication tag does not match');
  }
}

/** Whether a stored value is already sealed (rows written before sealing existed hold the secret in clear). @example isSealed('whsec_x') // false */
export function isSealed(value: string): boolean {
  return SEALED.test(value);
}

/** Seals and opens the secrets of rows; the repositories hold one, so no caller can forget to. */
export interface Sealer {
  seal(aad: string, plaintext: string): string;
  open(aad: string, sealed: string): string;
}

/**
 * The sealer of a running server, keyed once from the server secret.
 * @example const sealer = new AesGcmSealer(await resolveSecret(config, store, dialect, warn))
 */
export class AesGcmSealer implements Sealer {
  private readonly key: Buffer;
  constructor(serverSecret: string) {
    this.key = sealingKey(serverSecret);
  }
  seal(aad: string, plaintext: string): string {
    return seal(this.key, aad, plaintext);
  }
  open(aad: string, sealed: string): string {
    return open(this.key, aad, sealed);
  }
}

/**
 * For a store opened without the server secret (a command that never touches these secrets):
 * using one is a programming error, said plainly instead of storing a secret in clear.
 */
export const NO_SEALER: Sealer = {
  seal: (aad) => {
    throw new Error(`Cannot store the secret of ${aad}: this store was opened without the server secret (no sealer).`);
  },
  open: (aad) => {
    throw new Error(`Cannot read the secret of ${aad}: this store was opened without the server secret (no sealer).`);
  },
};

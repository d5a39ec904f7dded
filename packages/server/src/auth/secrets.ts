/**
 * @module auth/secrets
 * Passwords (scrypt, node:crypto, async so hashing never blocks other requests) and random
 * secrets for sessions, API tokens and sign-in links, stored only as SHA-256 hashes.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// N=2^15, r=8, p=1: about 50 ms and 32 MiB per hash here; OWASP's minimum is N=2^17 with r=8 at
// p=1 or N=2^15 with p=3 — we use p=3 (same memory, 3× the work).
const PARAMS = { N: 1 << 15, r: 8, p: 3, maxmem: 64 * 1024 * 1024 } as const;
const KEY_LENGTH = 32;

function scryptAsync(password: string, salt: Buffer, params: ScryptOptions & { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, params, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/**
 * A self-describing hash: `scrypt$N$r$p$salt$key` (base64url), so parameters can rise later.
 * @example await hashPassword('correct horse battery staple') // 'scrypt$32768$8$3$…'
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** @example await verifyPassword('pw', await hashPassword('pw')) // true */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A random secret with a readable prefix (`cl_tok_…`), 256 bits. @example newSecret('cl_tok') */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** What is stored instead of a secret. @example sha256('abc').length // 64 */
export function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A password a person can type once: 4 groups of 5 letters and digits, no look-alikes. */
export function newPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]!);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}

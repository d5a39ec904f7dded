/**
 * @module store/ids
 * Ids and times. Ids are random UUIDs (nothing guessable, nothing that counts customers);
 * times are ISO-8601 UTC text so they sort the same on both databases.
 */
import { randomUUID } from 'node:crypto';

/** @example newId() // '3f0c…' */
export function newId(): string {
  return randomUUID();
}

/** @example now() // '2026-11-22T10:00:00.000Z' */
export function now(): string {
  return new Date().toISOString();
}

/** JSON text from the database, or `fallback` when it does not parse. */
export function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

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

/**
 * A UUIDv7 for rows written at a high rate (messages): its first 48 bits are the time in ms, the
 * other 74 are random as in newId, so nothing is guessable or counts anything, and the primary-key
 * index grows at its end instead of touching a random page per row (fewer pages per commit).
 * @example newTimeOrderedId() // '019aabcd-1234-7…'
 */
export function newTimeOrderedId(at = Date.now()): string {
  const time = at.toString(16).padStart(12, '0');
  // randomUUID's 'xxxxxxxx-xxxx-4' is replaced by the time and version 7; its variant bits stay.
  return `${time.slice(0, 8)}-${time.slice(8)}-7${randomUUID().slice(15)}`;
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

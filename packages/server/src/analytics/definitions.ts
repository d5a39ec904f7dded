/**
 * @module analytics/definitions
 * What the analytics count, in one place (docs/ANALYTICS.md says the same for operations managers).
 *
 * - A **contact** is a conversation, counted in the window it was created in.
 * - An **abusive contact** has at least one customer message labelled `abuse` or `threat`.
 * - A **hard contact** has at least one customer message labelled `abuse`, `threat` or `self_harm`.
 * - An **angry contact** (frustrated or abusive) has at least one customer message labelled
 *   `frustration`, `profanity`, `abuse` or `threat`. Profanity is swearing at the situation, not at
 *   a person, so it counts as frustration here.
 * - **Abuse rate**: abusive contacts per 1,000 contacts. **Frustration rate**: angry contacts per
 *   1,000. **Hard-contact rate**: hard contacts per 1,000.
 * - **De-escalation success**: among contacts where the agent set a boundary (the
 *   `warning_issued` action), the share where no `abuse` or `threat` message came after the last
 *   warning and the agent did not end the contact (`contact_ended`).
 * - **Hard contacts ended well**: hard contacts the agent did not end whose last customer message
 *   is `none` or `frustration`: the customer calmed down and the conversation carried on.
 *
 * Rates are rounded to two decimals (per 1,000) and shares to four (0–1); with no contact to count
 * from, a rate is null rather than a misleading zero.
 */
import { LABELS, type Label, type Language } from '@calmline/core';

export const ABUSIVE_LABELS: readonly Label[] = ['abuse', 'threat'];
export const HARD_LABELS: readonly Label[] = ['abuse', 'threat', 'self_harm'];
export const ANGRY_LABELS: readonly Label[] = ['frustration', 'profanity', 'abuse', 'threat'];
/** A last customer message with one of these means the contact ended calmly. */
export const CALM_LABELS: readonly Label[] = ['none', 'frustration'];

/** A missing contact reason is reported under this name. */
export const UNSPECIFIED_REASON = 'unspecified';
/** A conversation whose language was never known (no customer message yet). */
export const UNKNOWN_LANGUAGE = 'und';

/** One conversation reduced to what the analytics need: the output of the per-conversation facts query. */
export interface ContactFacts {
  id: string;
  teamId: string | null;
  channel: string;
  contactReason: string | null;
  language: Language | null;
  createdAt: string;
  abusive: boolean;
  hard: boolean;
  angry: boolean;
  /** seq of the last abuse or threat message, null when there was none. */
  lastAbuseSeq: number | null;
  /** seq of the last `warning_issued` action, null when no boundary was set. */
  lastWarningSeq: number | null;
  ended: boolean;
  /** The label of the last customer message, null when the customer never wrote. */
  lastCustomerLabel: Label | null;
}

/** A boundary was set, no abuse or threat came after the last one, and the agent did not have to end the contact. */
export function deescalated(f: ContactFacts): boolean {
  return f.lastWarningSeq !== null && !f.ended && (f.lastAbuseSeq === null || f.lastAbuseSeq < f.lastWarningSeq);
}

/** A hard contact that carried on to a calm last customer message. */
export function endedWell(f: ContactFacts): boolean {
  return f.hard && !f.ended && f.lastCustomerLabel !== null && CALM_LABELS.includes(f.lastCustomerLabel);
}

/** What every breakdown row and the totals count. */
export interface Tally {
  contacts: number;
  abusiveContacts: number;
  angryContacts: number;
  hardContacts: number;
  hardContactsEndedWell: number;
  warnedContacts: number;
  deescalatedContacts: number;
}

export function emptyTally(): Tally {
  return {
    contacts: 0,
    abusiveContacts: 0,
    angryContacts: 0,
    hardContacts: 0,
    hardContactsEndedWell: 0,
    warnedContacts: 0,
    deescalatedContacts: 0,
  };
}

/** Adds one contact to a tally (in place). */
export function count(t: Tally, f: ContactFacts): void {
  t.contacts++;
  if (f.abusive) t.abusiveContacts++;
  if (f.angry) t.angryContacts++;
  if (f.hard) t.hardContacts++;
  if (endedWell(f)) t.hardContactsEndedWell++;
  if (f.lastWarningSeq !== null) t.warnedContacts++;
  if (deescalated(f)) t.deescalatedContacts++;
}

/** @example perThousand(1, 3) // 333.33 */
export function perThousand(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 1000 * 100) / whole) / 100;
}

/** @example share(2, 3) // 0.6667 */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 10_000) / whole) / 10_000;
}

/** A tally with its rates, as the API shows it. */
export interface Rates extends Tally {
  abuseRate: number | null;
  frustrationRate: number | null;
  hardContactRate: number | null;
  deescalationSuccess: number | null;
  endedWellShare: number | null;
}

export function ratesOf(t: Tally): Rates {
  return {
    ...t,
    abuseRate: perThousand(t.abusiveContacts, t.contacts),
    frustrationRate: perThousand(t.angryContacts, t.contacts),
    hardContactRate: perThousand(t.hardContacts, t.contacts),
    deescalationSuccess: share(t.deescalatedContacts, t.warnedContacts),
    endedWellShare: share(t.hardContactsEndedWell, t.hardContacts),
  };
}

/** Labels by their place in LABELS, for the facts query's packed "last customer message" value. */
export function labelAt(index: number): Label | null {
  return LABELS[index] ?? null;
}

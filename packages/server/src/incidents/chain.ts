/**
 * @module incidents/chain
 * The incident log's tamper evidence. Every event's hash is an HMAC-SHA256, under a key derived
 * from the server secret, of its place in the organisation's chain, its content and the previous
 * event's hash. Changing, inserting, deleting or reordering a row breaks a link or a hash; deleting
 * the newest rows leaves the chain shorter than the last signed checkpoint of its head (checkpoints
 * are kept in their own table and can be exported and kept elsewhere). Without the key nobody can
 * forge a consistent chain.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const GENESIS = 'genesis';

export interface ChainEvent {
  orgId: string;
  position: number;
  incidentId: string;
  kind: string;
  /** null once purged by retention; `payloadDigest` still commits to what it was. */
  payload: unknown;
  payloadDigest: string;
  actorUserId: string | null;
  createdAt: string;
  prevHash: string;
  hash: string;
}

export interface Checkpoint {
  orgId: string;
  position: number;
  headHash: string;
  createdAt: string;
  signature: string;
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 of the canonical JSON of a payload. @example payloadDigest({}).length // 64 */
export function payloadDigest(payload: unknown): string {
  return createHash('sha256').update(canonicalJson(payload)).digest('hex');
}

/** The two keys, derived so that a checkpoint signature can never pass as an event hash. */
export class ChainKeys {
  private readonly eventKey: Buffer;
  private readonly checkpointKey: Buffer;
  constructor(secret: string) {
    this.eventKey = createHmac('sha256', secret).update('calmline incident events v1').digest();
    this.checkpointKey = createHmac('sha256', secret).update('calmline incident checkpoints v1').digest();
  }

  hashEvent(e: Omit<ChainEvent, 'hash'>): string {
    // The digest, not the content: retention may purge the content and the chain still holds.
    const text = [e.prevHash, e.orgId, e.position, e.incidentId, e.kind, e.actorUserId ?? '', e.createdAt, e.payloadDigest].join('\n');
    return createHmac('sha256', this.eventKey).update(text).digest('hex');
  }

  signCheckpoint(c: Omit<Checkpoint, 'signature'>): string {
    return createHmac('sha256', this.checkpointKey).update([c.orgId, c.position, c.headHash, c.createdAt].join('\n')).digest('hex');
  }
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface ChainReport {
  ok: boolean;
  events: number;
  /** The newest checkpoint whose signature holds, if any. */
  checkpoint: { position: number; headHash: string } | null;
  problems: string[];
}

/**
 * Checks one organisation's chain (events in position order as stored) against its checkpoints.
 * @example verifyChain(keys, events, checkpoints).ok // true when nothing was touched
 */
export function verifyChain(keys: ChainKeys, events: readonly ChainEvent[], checkpoints: readonly Checkpoint[]): ChainReport {
  const problems: string[] = [];
  let prev = GENESIS;
  events.forEach((e, i) => {
    const expected = i + 1;
    if (e.position !== expected)
      problems.push(`event at place ${expected} says position ${e.position}: a row was deleted, inserted or moved`);
    if (!same(e.prevHash, prev)) problems.push(`event ${e.position} does not link to the one before it`);
    const contentHolds = e.payload === null || same(payloadDigest(e.payload), e.payloadDigest);
    if (!contentHolds || !same(keys.hashEvent(e), e.hash)) problems.push(`event ${e.position} was changed after it was written`);
    prev = e.hash;
  });
  let checkpoint: ChainReport['checkpoint'] = null;
  for (const c of [...checkpoints].sort((a, b) => b.position - a.position)) {
    if (!same(keys.signCheckpoint(c), c.signature)) {
      problems.push(`checkpoint at position ${c.position} has a bad signature`);
      continue;
    }
    checkpoint = { position: c.position, headHash: c.headHash };
    break;
  }
  if (checkpoint) {
    const atCheckpoint = events[checkpoint.position - 1];
    if (events.length < checkpoint.position)
      problems.push(`the chain ends at ${events.length} but was signed at ${checkpoint.position}: newest events were deleted`);
    else if (!atCheckpoint || !same(atCheckpoint.hash, checkpoint.headHash))
      problems.push(`event ${checkpoint.position} is not the one that was signed`);
  } else if (events.length > 0) problems.push('no valid checkpoint: the chain head cannot be confirmed');
  return { ok: problems.length === 0, events: events.length, checkpoint, problems };
}

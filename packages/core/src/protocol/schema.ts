/**
 * @module protocol/schema
 * Zod schemas for what crosses a boundary: protocol events arriving from an API or a queue, and
 * states read back from storage. The server builds its request schemas (and OpenAPI) from these,
 * and a stored state that does not validate is rebuilt from its events instead of being trusted.
 */
import { z } from 'zod';
import { LABELS, LANGUAGES } from '../detect/types.js';
import { REGISTERS } from '../conversation/types.js';
import { AGENT_ACTIONS, STEPS, type ProtocolEvent, type ProtocolState } from './types.js';

/** One protocol event. */
export const ProtocolEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('customer_message'), label: z.enum(LABELS), language: z.enum(LANGUAGES) }).strict(),
  z.object({ type: z.literal('agent_message'), text: z.string().max(20_000), replyId: z.string().max(200).optional() }).strict(),
  z.object({ type: z.literal('agent_action'), action: z.enum(AGENT_ACTIONS) }).strict(),
]);

const count = z.number().int().min(0).max(1_000_000);

/** A stored protocol state (version 1). */
export const ProtocolStateSchema = z
  .object({
    version: z.literal(1),
    step: z.enum(STEPS),
    lang: z.enum(LANGUAGES).nullable(),
    register: z.enum(REGISTERS).nullable(),
    level: z.number().int().min(0).max(5),
    warnings: count,
    calmStreak: count,
    threat: z.boolean(),
    crisis: z.boolean(),
    hardMessages: count,
    supervisorCalled: z.boolean(),
    securityCalled: z.boolean(),
    callbackOffered: z.boolean(),
    usedReplies: z.array(z.string().max(200)).max(10_000),
    events: count,
    seed: z.number().int().min(0).max(0xffffffff),
  })
  .strict()
  .refine((s) => s.warnings >= s.level, { message: 'warnings given cannot be fewer than the ladder level', path: ['warnings'] });

/**
 * Validates one event; the error names the field that is wrong.
 * @example parseProtocolEvent({ type: 'agent_action', action: 'warning_issued' }).type // 'agent_action'
 */
export function parseProtocolEvent(input: unknown): ProtocolEvent {
  return ProtocolEventSchema.parse(input);
}

/**
 * Reads a stored state back; `null` when it is not a valid version-1 state (then replay its events).
 * @example readProtocolState(JSON.parse(row.state)) ?? protocol.replay(events)
 */
export function readProtocolState(input: unknown): ProtocolState | null {
  const r = ProtocolStateSchema.safeParse(input);
  return r.success ? r.data : null;
}

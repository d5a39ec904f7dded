/**
 * @module routes/presenters
 * Store objects to API objects: the HTTP responses and the live socket send the same shapes.
 */
import type { Alert, Conversation, LiveEvent, User } from '../store/types.js';

/** The protocol state reduced to what a client shows (the full state is internal). */
export function presentConversation(c: Conversation) {
  const { orgId: _org, protocol, ...rest } = c;
  return {
    ...rest,
    protocol: protocol && {
      step: protocol.step,
      level: protocol.level,
      warnings: protocol.warnings,
      threat: protocol.threat,
      crisis: protocol.crisis,
    },
  };
}

export function presentAlert(a: Alert) {
  const { orgId: _org, ...rest } = a;
  return rest;
}

export function presentUser(u: User, teamIds?: string[]) {
  const { orgId: _org, ...rest } = u;
  return teamIds ? { ...rest, teamIds } : rest;
}

/** A live event as the socket sends it. */
export function presentLiveEvent(e: LiveEvent) {
  return { id: e.id, kind: e.kind, conversationId: e.conversationId, createdAt: e.createdAt, data: e.payload };
}

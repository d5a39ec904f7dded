/**
 * @module store/types
 * Plain objects the repositories return: what the rest of the server works with, never rows.
 */
import type { Analysis, Label, Language, ProtocolState } from '@calmline/core';
import type { Role } from '../auth/roles.js';

export interface Organisation {
  id: string;
  name: string;
  policy: unknown;
  createdAt: string;
}

export interface Team {
  id: string;
  orgId: string;
  name: string;
  createdAt: string;
}

export interface User {
  id: string;
  orgId: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  hasPassword: boolean;
  createdAt: string;
}

/** Who is asking: a signed-in user or an API token, with the teams that scope what they see. */
export interface Actor {
  orgId: string;
  userId: string;
  role: Role;
  teamIds: string[];
  tokenId: string | null;
}

export interface ApiToken {
  id: string;
  orgId: string;
  userId: string;
  name: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const CONVERSATION_STATUSES = ['open', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export interface Conversation {
  id: string;
  orgId: string;
  teamId: string | null;
  channel: string;
  externalId: string;
  language: Language | null;
  agentId: string | null;
  customerRef: string | null;
  contactReason: string | null;
  status: ConversationStatus;
  /** null when the stored state could not be read: rebuild it from the timeline (see stateOf). */
  protocol: ProtocolState | null;
  worstLabel: Label;
  messageCount: number;
  createdAt: string;
  updatedAt: string;
}

export const AUTHORS = ['customer', 'agent'] as const;
export type Author = (typeof AUTHORS)[number];

export interface Message {
  id: string;
  conversationId: string;
  seq: number;
  author: Author;
  externalId: string | null;
  text: string;
  analysis: Analysis | null;
  findings: unknown[] | null;
  replyId: string | null;
  createdAt: string;
}

export interface AgentActionRecord {
  id: string;
  conversationId: string;
  seq: number;
  action: string;
  userId: string | null;
  createdAt: string;
}

/** `exposure`: an agent has had more hard contacts in the policy's window than it allows. */
export const ALERT_KINDS = ['abuse', 'threat', 'self_harm', 'supervisor_requested', 'security_requested', 'exposure'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_SEVERITIES = ['medium', 'high', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
/** Kinds security sees whatever the team. */
export const SECURITY_KINDS: readonly AlertKind[] = ['threat', 'security_requested'];

export interface Alert {
  id: string;
  orgId: string;
  teamId: string | null;
  conversationId: string;
  messageId: string | null;
  kind: AlertKind;
  severity: AlertSeverity;
  status: AlertStatus;
  reason: string;
  createdAt: string;
  updatedAt: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  note: string | null;
}

export interface AuditEntry {
  id: number;
  actorUserId: string | null;
  actorTokenId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: unknown;
  ip: string | null;
  createdAt: string;
}

export const LIVE_KINDS = ['message.analysed', 'conversation.updated', 'alert.raised', 'alert.updated', 'followup.due'] as const;
export type LiveKind = (typeof LIVE_KINDS)[number];

export interface LiveEvent {
  id: number;
  orgId: string;
  kind: LiveKind;
  teamId: string | null;
  conversationId: string | null;
  agentId: string | null;
  security: boolean;
  payload: unknown;
  createdAt: string;
}

/**
 * @module routes/schemas
 * Zod schemas shared by several routes: they validate requests, shape responses and are the
 * OpenAPI document (one source for all three).
 */
import { AGENT_ACTIONS, FINDING_KINDS, LABELS, LANGUAGES, RECOMMENDATIONS, REASONS, STEPS } from '@calmline/core';
import { z } from 'zod';
import { ROLES } from '../auth/roles.js';
import { ALERT_KINDS, ALERT_SEVERITIES, ALERT_STATUSES, AUTHORS, CONVERSATION_STATUSES } from '../store/types.js';
import { ERRORS } from '../http/errors.js';

export const Id = z.uuid().describe('An id');
export const IdParams = z.object({ id: Id });

export const ErrorResponse = z
  .object({
    error: z.object({
      id: z.enum(Object.keys(ERRORS) as [keyof typeof ERRORS, ...(keyof typeof ERRORS)[]]),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .describe('Every error: a stable id, a sentence, sometimes the fields at fault');

export const Evidence = z.object({ start: z.number().int(), end: z.number().int(), category: z.enum(LABELS), rule: z.string() });

export const Analysis = z
  .object({
    label: z.enum(LABELS),
    severity: z.number().int().min(0).max(3),
    language: z.enum(LANGUAGES),
    scores: z.record(z.string(), z.number()),
    evidence: z.array(Evidence),
    masked: z.string(),
    truncated: z.boolean(),
  })
  .describe('What the detector found in a customer message; evidence spans are [start, end) in UTF-16 code units');

export const Finding = z.object({
  kind: z.enum(FINDING_KINDS),
  start: z.number().int(),
  end: z.number().int(),
  message: z.string(),
  better: z.string(),
  rule: z.string(),
});

export const RecommendedAction = z.object({ action: z.enum(RECOMMENDATIONS), reason: z.enum(REASONS), urgent: z.boolean() });
export const Suggestion = z.object({ id: z.string(), situation: z.string(), text: z.string() });

export const ProtocolSummary = z.object({
  step: z.enum(STEPS),
  level: z.number().int(),
  warnings: z.number().int(),
  threat: z.boolean(),
  crisis: z.boolean(),
});

export const Conversation = z.object({
  id: Id,
  teamId: Id.nullable(),
  channel: z.string(),
  externalId: z.string(),
  language: z.enum(LANGUAGES).nullable(),
  agentId: Id.nullable(),
  customerRef: z.string().nullable(),
  contactReason: z.string().nullable(),
  status: z.enum(CONVERSATION_STATUSES),
  worstLabel: z.enum(LABELS),
  messageCount: z.number().int(),
  protocol: ProtocolSummary.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const Message = z.object({
  id: Id,
  seq: z.number().int(),
  author: z.enum(AUTHORS),
  externalId: z.string().nullable(),
  text: z.string(),
  analysis: Analysis.nullable(),
  findings: z.array(Finding).nullable(),
  replyId: z.string().nullable(),
  createdAt: z.string(),
});

export const AgentActionRecord = z.object({
  id: Id,
  seq: z.number().int(),
  action: z.enum(AGENT_ACTIONS),
  userId: Id.nullable(),
  createdAt: z.string(),
});

export const Alert = z.object({
  id: Id,
  teamId: Id.nullable(),
  conversationId: Id,
  messageId: Id.nullable(),
  kind: z.enum(ALERT_KINDS),
  severity: z.enum(ALERT_SEVERITIES),
  status: z.enum(ALERT_STATUSES),
  reason: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  acknowledgedBy: Id.nullable(),
  acknowledgedAt: z.string().nullable(),
  resolvedBy: Id.nullable(),
  resolvedAt: z.string().nullable(),
  note: z.string().nullable(),
});

export const Team = z.object({ id: Id, name: z.string(), createdAt: z.string() });

export const User = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  hasPassword: z.boolean(),
  teamIds: z.array(Id).optional(),
  createdAt: z.string(),
});

/** The errors most routes can answer with, for the OpenAPI document. */
export const COMMON_ERRORS = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  429: ErrorResponse,
} as const;

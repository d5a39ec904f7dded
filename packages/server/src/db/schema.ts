/**
 * @module db/schema
 * The tables as Kysely sees them. One schema for SQLite and PostgreSQL: times are ISO-8601 text
 * (they sort as text), JSON is text, booleans are 0/1 integers, so every query is dialect-neutral.
 */
import type { Generated } from 'kysely';

export interface OrganisationTable {
  id: string;
  name: string;
  /** The organisation's protocol policy as JSON (validated by core's parsePolicy on read). */
  policy: string;
  created_at: string;
}

export interface TeamTable {
  id: string;
  org_id: string;
  name: string;
  created_at: string;
}

export interface UserTable {
  id: string;
  org_id: string;
  email: string;
  name: string;
  role: string;
  /** scrypt hash (see auth/passwords); null until the user sets a password. */
  password_hash: string | null;
  disabled: number;
  created_at: string;
}

export interface TeamMemberTable {
  team_id: string;
  user_id: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie value: a stolen database does not give working sessions. */
  id_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  org_id: string;
  user_id: string;
  name: string;
  /** The role the token acts with: never more than its creator's. */
  role: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ConversationTable {
  id: string;
  org_id: string;
  team_id: string | null;
  channel: string;
  external_id: string;
  language: string | null;
  agent_id: string | null;
  /** Pseudonymous: whatever stable reference the contact platform gives, never a name. */
  customer_ref: string | null;
  contact_reason: string | null;
  status: string;
  /** core's ProtocolState as JSON. */
  protocol_state: string;
  /** The worst label seen so far, for lists and alerts. */
  worst_label: string;
  message_count: number;
  created_at: string;
  updated_at: string;
}

export interface MessageTable {
  id: string;
  org_id: string;
  conversation_id: string;
  /** Order within the conversation, from 1. */
  seq: number;
  author: string;
  /** The sender's own id for the message: a retried ingest is recognised, not stored twice. */
  external_id: string | null;
  text: string;
  label: string | null;
  severity: number | null;
  language: string | null;
  /** Analysis JSON (scores, evidence, masked) for customer messages; coach findings for agent ones. */
  analysis: string | null;
  reply_id: string | null;
  created_at: string;
}

export interface AgentActionTable {
  id: string;
  org_id: string;
  conversation_id: string;
  seq: number;
  action: string;
  user_id: string | null;
  created_at: string;
}

export interface AlertTable {
  id: string;
  org_id: string;
  team_id: string | null;
  conversation_id: string;
  message_id: string | null;
  kind: string;
  severity: string;
  status: string;
  reason: string;
  created_at: string;
  updated_at: string;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  note: string | null;
}

export interface AuditTable {
  id: Generated<number>;
  org_id: string;
  actor_user_id: string | null;
  actor_token_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  details: string | null;
  ip: string | null;
  created_at: string;
}

export interface LiveEventTable {
  /** Increasing: clients catch up with "everything after id N". */
  id: Generated<number>;
  org_id: string;
  kind: string;
  team_id: string | null;
  conversation_id: string | null;
  agent_id: string | null;
  /** Threat events also go to security, whatever the team. */
  security: number;
  payload: string;
  created_at: string;
}

export interface IncidentTable {
  id: string;
  org_id: string;
  conversation_id: string;
  team_id: string | null;
  agent_id: string | null;
  /** 'policy' (opened by the protocol) or 'agent_report' (the agent's "this was not OK" button). */
  opened_by: string;
  conduct: string;
  status: string;
  /** The record's current fields as JSON: a cache of what the events say (verify compares them). */
  fields: string;
  created_at: string;
  updated_at: string;
}

export interface IncidentEventTable {
  id: Generated<number>;
  org_id: string;
  /** Place in the organisation's chain, from 1, without gaps. */
  position: number;
  incident_id: string;
  kind: string;
  /** The event's content as JSON; null once retention purged it (the digest stays). */
  payload: string | null;
  /** SHA-256 of the canonical payload: what the hash covers, so purging content keeps the chain. */
  payload_digest: string;
  actor_user_id: string | null;
  created_at: string;
  /** The previous event's hash ('genesis' for the first): the chain. */
  prev_hash: string;
  /** HMAC-SHA256 under the server secret of this event with prev_hash: see incidents/chain. */
  hash: string;
}

export interface IncidentCheckpointTable {
  id: Generated<number>;
  org_id: string;
  position: number;
  head_hash: string;
  created_at: string;
  signature: string;
}

export interface CustomerBlockTable {
  id: string;
  org_id: string;
  customer_ref: string;
  /** Shown to whoever meets the block, so it is never a mystery. */
  reason: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  lifted_by: string | null;
  lifted_at: string | null;
}

export interface BreakTable {
  id: string;
  org_id: string;
  user_id: string;
  /** 'exposure' (suggested after hard contacts), 'self' or 'lead'. */
  reason: string;
  planned_minutes: number;
  started_at: string;
  ended_at: string | null;
}

export interface DebriefTable {
  id: string;
  org_id: string;
  agent_id: string;
  lead_id: string | null;
  conversation_id: string | null;
  note: string | null;
  /** requested → scheduled → done */
  status: string;
  scheduled_for: string | null;
  requested_by: string;
  created_at: string;
  updated_at: string;
}

export interface FollowUpTable {
  id: string;
  org_id: string;
  user_id: string;
  conversation_id: string | null;
  /** What was promised to the customer. */
  text: string;
  due_at: string;
  reminded_at: string | null;
  done_at: string | null;
  created_at: string;
}

export interface WebhookTable {
  id: string;
  org_id: string;
  url: string;
  /** 'generic', 'slack' or 'teams': the shape of the body. */
  format: string;
  /** JSON list of event kinds delivered (alert.raised, alert.updated, incident.opened, webhook.test). */
  events: string;
  /** Signs every delivery (HMAC-SHA256); shown once when the webhook is created; stored sealed (auth/sealed, `v1.…`). */
  secret: string;
  disabled: number;
  created_at: string;
}

export interface OutboxTable {
  id: Generated<number>;
  org_id: string;
  webhook_id: string;
  /** Stable per event, sent as x-calmline-event-id so receivers can drop repeats (delivery is at least once). */
  event_id: string;
  event_kind: string;
  payload: string;
  attempts: number;
  next_attempt_at: string;
  delivered_at: string | null;
  dead: number;
  last_error: string | null;
  created_at: string;
}

export interface WebhookDeliveryTable {
  id: Generated<number>;
  outbox_id: number;
  webhook_id: string;
  attempt: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  created_at: string;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface IntegrationTable {
  id: string;
  org_id: string;
  /** 'generic', 'zendesk' or 'twilio'. */
  kind: string;
  name: string;
  /** The HMAC key (for Twilio the account's auth token): stored sealed (auth/sealed, `v1.…`) to verify signatures, never returned by the API. */
  secret: string;
  /** The account inbound messages are ingested as (its role and teams scope them). */
  acting_user_id: string;
  team_id: string | null;
  created_at: string;
  disabled: number;
}

export interface TrainingSessionTable {
  id: string;
  org_id: string;
  user_id: string;
  scenario_id: string;
  seed: number;
  /** core's SimState as JSON: the transcript, the mood and the agent's inputs (replayable from the seed). */
  state: string;
  /** 'active', 'paused' or 'finished'. */
  status: string;
  outcome: string | null;
  score: number | null;
  passed: number | null;
  /** Customer lines written by the local model (when one is configured) instead of the script. */
  free_text: number;
  /** Lines the model failed to write, so the scripted line stood in. */
  model_fallbacks: Generated<number>;
  cohort_id: string | null;
  assignment_id: string | null;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface CohortTable {
  id: string;
  org_id: string;
  name: string;
  coach_id: string;
  /** The readiness rule as JSON: { passes, minScore, minDifficulty, requiredScenarios }. */
  readiness: string;
  created_at: string;
  closed_at: string | null;
}

export interface CohortMemberTable {
  cohort_id: string;
  user_id: string;
  added_at: string;
  /** Set when the coach signs the recruit off for live contacts. */
  signed_off_at: string | null;
  signed_off_by: string | null;
}

export interface AssignmentTable {
  id: string;
  cohort_id: string;
  scenario_id: string;
  due_at: string | null;
  created_at: string;
}

export interface ReviewTable {
  id: string;
  org_id: string;
  /** 'conversation' or 'simulation'; the subject's agent and teams are read from the subject itself. */
  subject_kind: string;
  subject_id: string;
  author_id: string;
  summary: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReviewNoteTable {
  id: string;
  review_id: string;
  /** Index of the transcript turn the note is about, from 0. */
  turn: number;
  /** 'would_have_said', 'comment' or 'well_done'. */
  kind: string;
  text: string;
  created_at: string;
  updated_at: string;
}

export interface LibraryReplyTable {
  id: string;
  org_id: string;
  lang: string;
  /** One of core's SITUATIONS, or 'other'. */
  situation: string;
  text: string;
  /** When the reply fits (the sharer's words). */
  context: string | null;
  /** The transcript turn the reply came from, when it came from one. */
  source_kind: string | null;
  source_id: string | null;
  source_turn: number | null;
  shared_by: string;
  /** The sharer's team when they shared it; the library itself is organisation-wide. */
  team_id: string | null;
  created_at: string;
  removed_at: string | null;
  removed_by: string | null;
}

export interface ImprovementProjectTable {
  id: string;
  org_id: string;
  name: string;
  /** What is wrong, in the owner's words. */
  problem: string;
  /** abuse_rate, frustration_rate, deescalation_success, ended_well or hard_contacts (analytics/projects). */
  metric: string;
  /** JSON: { channel?, teamId?, reason?, lang? }, the contacts the metric counts. */
  filter: string;
  /** null when it could not be computed (no contacts before the start) and none was given. */
  baseline: number | null;
  /** 1 when the owner gave the baseline; 0 when it was computed from the window before the start. */
  baseline_given: number;
  target: number;
  starts_at: string;
  ends_at: string;
  /** active or closed */
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  closed_by: string | null;
  closed_at: string | null;
}

export interface DB {
  organisations: OrganisationTable;
  teams: TeamTable;
  users: UserTable;
  team_members: TeamMemberTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  conversations: ConversationTable;
  messages: MessageTable;
  agent_actions: AgentActionTable;
  alerts: AlertTable;
  audit_log: AuditTable;
  live_events: LiveEventTable;
  settings: SettingTable;
  incidents: IncidentTable;
  incident_events: IncidentEventTable;
  incident_checkpoints: IncidentCheckpointTable;
  customer_blocks: CustomerBlockTable;
  breaks: BreakTable;
  debriefs: DebriefTable;
  follow_ups: FollowUpTable;
  webhooks: WebhookTable;
  outbox: OutboxTable;
  webhook_deliveries: WebhookDeliveryTable;
  integrations: IntegrationTable;
  reviews: ReviewTable;
  review_notes: ReviewNoteTable;
  library_replies: LibraryReplyTable;
  training_sessions: TrainingSessionTable;
  cohorts: CohortTable;
  cohort_members: CohortMemberTable;
  assignments: AssignmentTable;
  improvement_projects: ImprovementProjectTable;
}

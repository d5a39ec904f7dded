/**
 * @module auth/roles
 * Roles and what each may do. Every route names one permission (or `public`); this table is the
 * only place that says which roles hold it, and the route-table test checks every route against it.
 */
export const ROLES = ['agent', 'lead', 'security', 'trainer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** Read one's own account. */
  'me:read': ['agent', 'lead', 'security', 'trainer', 'analyst', 'admin'],
  /** Send customer and agent messages into a conversation and have them analysed. */
  'messages:ingest': ['agent', 'lead', 'admin'],
  /** Have a draft checked by the coach. */
  'drafts:check': ['agent', 'lead', 'trainer', 'admin'],
  /** Conversations and their timelines, scoped: agents their own, leads their teams', security threats. */
  'conversations:read': ['agent', 'lead', 'security', 'analyst', 'admin'],
  /** Warnings, callback offers, ending, calling for help. */
  'conversations:act': ['agent', 'lead', 'admin'],
  'alerts:read': ['agent', 'lead', 'security', 'admin'],
  'alerts:update': ['lead', 'security', 'admin'],
  /** The live socket: what arrives depends on the role. */
  'live:subscribe': ['agent', 'lead', 'security', 'admin'],
  /** The organisation's name and protocol policy. */
  'organisation:read': ['agent', 'lead', 'security', 'trainer', 'analyst', 'admin'],
  'organisation:manage': ['admin'],
  /** Incident records: agents their own, leads their teams', security and admins all. */
  'incidents:read': ['agent', 'lead', 'security', 'admin'],
  /** Fill in, review and close incident records. */
  'incidents:update': ['lead', 'security', 'admin'],
  /** The agent's "this was not OK" button. */
  'incidents:report': ['agent', 'lead'],
  /** Check the whole incident chain and export its signed head. */
  'incidents:verify': ['security', 'admin'],
  /** See whether a customer is blocked (agents meet blocks in their conversations). */
  'blocks:read': ['agent', 'lead', 'security', 'admin'],
  /** Block a customer for a time, or lift a block: governed, audited. */
  'blocks:manage': ['lead', 'security', 'admin'],
  /** One's own exposure, breaks, debrief requests and follow-ups. */
  'wellbeing:self': ['agent', 'lead', 'security', 'trainer', 'analyst', 'admin'],
  /** The team view: who has had a hard day, who is on a break, open debriefs; scheduling debriefs. */
  'wellbeing:team': ['lead', 'admin'],
  /** Outbound webhooks (Slack, Teams, generic) and their delivery log. */
  'webhooks:manage': ['admin'],
  'teams:read': ['agent', 'lead', 'security', 'trainer', 'analyst', 'admin'],
  'teams:manage': ['admin'],
  'users:read': ['lead', 'security', 'admin'],
  'users:manage': ['admin'],
  'tokens:manage': ['admin'],
  /** Inbound integrations (generic webhook, Zendesk, Twilio) and their signing secrets. */
  'integrations:manage': ['admin'],
  'audit:read': ['admin'],
  /** Practise in the simulator: the scenario list, one's own sessions and report cards, one's cohort progress. */
  'training:practise': ['agent', 'lead', 'trainer', 'admin'],
  /** Run cohorts: recruits, assignments, their sessions and readiness; signing a recruit off for live contacts. */
  'training:coach': ['trainer', 'lead', 'admin'],
  /** Annotate transcripts one may read (real or simulated) and read the reviews of them; share exemplary replies. */
  'reviews:write': ['agent', 'lead', 'trainer', 'admin'],
  /** The team's library of exemplary replies. */
  'library:read': ['agent', 'lead', 'trainer', 'analyst', 'admin'],
  /** Remove a reply from the library. */
  'library:manage': ['lead', 'trainer', 'admin'],
  /** Abuse rates, de-escalation success, why customers get angry; improvement projects. */
  'analytics:read': ['lead', 'analyst', 'admin'],
  /** Start, change and close improvement projects. */
  'analytics:manage': ['analyst', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** @example can('agent', 'alerts:update') // false */
export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Every permission the role holds, e.g. for the web UI to show only what the user may do. */
export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}

/** Roles that see every team of the organisation (the others are scoped to their teams or themselves). */
export const ORG_WIDE: readonly Role[] = ['admin', 'analyst'];

/**
 * Which role a token acting for a user may have: the user's own, or any role when the user is an
 * admin (an admin's integration token can be a mere agent). Checked when the token is created and
 * on every use, so demoting a user demotes their tokens.
 * @example mayGrant('lead', 'admin') // false
 */
export function mayGrant(userRole: Role, tokenRole: Role): boolean {
  return userRole === 'admin' || userRole === tokenRole;
}

/**
 * @module live/audience
 * Who hears which live event. Agents: everything about their own conversations. Leads: alerts of
 * their teams (and their own conversations). Security: threats and calls for security, whatever
 * the team. Admins: every alert of the organisation.
 */
import type { Actor, LiveEvent } from '../store/types.js';

/** @example hears(lead, alertEvent) // true when the alert's team is one of the lead's */
export function hears(actor: Actor, e: LiveEvent): boolean {
  if (e.orgId !== actor.orgId) return false;
  if (e.agentId === actor.userId) return true;
  const isAlert = e.kind === 'alert.raised' || e.kind === 'alert.updated';
  if (!isAlert) return false;
  switch (actor.role) {
    case 'admin':
      return true;
    case 'lead':
      return e.teamId !== null && actor.teamIds.includes(e.teamId);
    case 'security':
      return e.security;
    default:
      return false;
  }
}

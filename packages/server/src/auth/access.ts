/**
 * @module auth/access
 * Whether an actor may touch one conversation (the in-memory twin of store/scope, for rows
 * already loaded).
 */
import { ORG_WIDE } from './roles.js';
import type { Actor } from '../store/types.js';

/** @example mayAccess(agent, { orgId, agentId: agent.userId, teamId: null }) // true */
export function mayAccess(actor: Actor, c: { orgId: string; agentId: string | null; teamId: string | null }): boolean {
  if (c.orgId !== actor.orgId) return false;
  if (ORG_WIDE.includes(actor.role)) return true;
  if (c.agentId === actor.userId) return true;
  return actor.role === 'lead' && c.teamId !== null && actor.teamIds.includes(c.teamId);
}

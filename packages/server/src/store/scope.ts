/**
 * @module store/scope
 * What an actor may see, as WHERE clauses: admins and analysts the whole organisation, leads their
 * teams (and their own conversations), security the conversations with threats or a call for
 * security, agents their own conversations.
 */
import type { ExpressionBuilder, ExpressionWrapper, SqlBool } from 'kysely';
import { ORG_WIDE } from '../auth/roles.js';
import type { DB } from '../db/schema.js';
import { SECURITY_KINDS, type Actor } from './types.js';

type ConversationEb = ExpressionBuilder<DB, 'conversations'>;
type AlertEb = ExpressionBuilder<DB, 'alerts'>;

/** Conversations the actor may see. */
export function visibleConversations(actor: Actor) {
  return (eb: ConversationEb): ExpressionWrapper<DB, 'conversations', SqlBool> => {
    const org = eb('conversations.org_id', '=', actor.orgId);
    if (ORG_WIDE.includes(actor.role)) return eb.and([org]);
    const own = eb('conversations.agent_id', '=', actor.userId);
    switch (actor.role) {
      case 'lead':
        return eb.and([org, actor.teamIds.length > 0 ? eb.or([own, eb('conversations.team_id', 'in', actor.teamIds)]) : own]);
      case 'security':
        return eb.and([
          org,
          eb.exists(
            eb
              .selectFrom('alerts')
              .select('alerts.id')
              .whereRef('alerts.conversation_id', '=', 'conversations.id')
              .where('alerts.kind', 'in', SECURITY_KINDS),
          ),
        ]);
      default:
        return eb.and([org, own]);
    }
  };
}

/** Alerts the actor may see. */
export function visibleAlerts(actor: Actor) {
  return (eb: AlertEb): ExpressionWrapper<DB, 'alerts', SqlBool> => {
    const org = eb('alerts.org_id', '=', actor.orgId);
    if (ORG_WIDE.includes(actor.role)) return eb.and([org]);
    const ownConversation = eb(
      'alerts.conversation_id',
      'in',
      eb.selectFrom('conversations').select('conversations.id').where('conversations.agent_id', '=', actor.userId),
    );
    switch (actor.role) {
      case 'lead':
        return eb.and([
          org,
          actor.teamIds.length > 0 ? eb.or([eb('alerts.team_id', 'in', actor.teamIds), ownConversation]) : ownConversation,
        ]);
      case 'security':
        return eb.and([org, eb('alerts.kind', 'in', SECURITY_KINDS)]);
      default:
        return eb.and([org, ownConversation]);
    }
  };
}

/**
 * @module db/migrations
 * Every migration, by name. Names are timestamps, so they apply in the order they were written;
 * each file is one concern with `up` and `down`, the same on SQLite and PostgreSQL.
 */
import type { Migration } from 'kysely';
import type { DialectName } from './dialect.js';
import * as organisations from './20261122100000_organisations_teams_users.js';
import * as sessions from './20261122100100_sessions_api_tokens.js';
import * as conversations from './20261122100200_conversations_messages.js';
import * as alerts from './20261122100300_alerts.js';
import { auditLog } from './20261122100400_audit_log.js';
import { liveEvents } from './20261122100500_live_events.js';
import * as settings from './20261122100600_settings.js';
import { incidents } from './20261122110000_incidents.js';
import * as customerBlocks from './20261122120000_customer_blocks.js';
import * as wellbeing from './20261122130000_wellbeing.js';
import * as integrations from './20261122140000_integrations.js';
import { webhooks } from './20261122150000_webhooks.js';
import * as liveEventsByConversation from './20261122160000_live_events_by_conversation.js';
import * as improvementProjects from './20261122170000_improvement_projects.js';
import * as analyticsIndexes from './20261122170010_analytics_indexes.js';
import * as reviews from './20261122170100_reviews.js';
import * as training from './20261122170200_training.js';

export type { DialectName } from './dialect.js';

/** @example Object.keys(allMigrations('sqlite'))[0] // '20261122100000_organisations_teams_users' */
export function allMigrations(dialect: DialectName): Record<string, Migration> {
  return {
    '20261122100000_organisations_teams_users': organisations,
    '20261122100100_sessions_api_tokens': sessions,
    '20261122100200_conversations_messages': conversations,
    '20261122100300_alerts': alerts,
    '20261122100400_audit_log': auditLog(dialect),
    '20261122100500_live_events': liveEvents(dialect),
    '20261122100600_settings': settings,
    '20261122110000_incidents': incidents(dialect),
    '20261122120000_customer_blocks': customerBlocks,
    '20261122130000_wellbeing': wellbeing,
    '20261122140000_integrations': integrations,
    '20261122150000_webhooks': webhooks(dialect),
    '20261122160000_live_events_by_conversation': liveEventsByConversation,
    '20261122170000_improvement_projects': improvementProjects,
    '20261122170010_analytics_indexes': analyticsIndexes,
    '20261122170100_reviews': reviews,
    '20261122170200_training': training,
  };
}

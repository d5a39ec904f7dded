/**
 * @module store/AnalyticsRepository
 * Reads for the analytics: the per-conversation facts (analytics/factsQuery) and the customer
 * messages whose words the root-cause report counts. Read-only, scoped to what the actor may see.
 */
import type { Label } from '@calmline/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ContactFacts } from '../analytics/definitions.js';
import { UNKNOWN_LANGUAGE } from '../analytics/definitions.js';
import { contactsWhere, factsQuery, toFacts, type ContactFilter, type FactsWindow } from '../analytics/factsQuery.js';
import type { TermMessage } from '../analytics/terms.js';
import type { Actor } from './types.js';

/** Messages whose words are counted: angry ones, and calm ones to compare them with. */
const TERM_LABELS: Label[] = ['none', 'frustration', 'profanity', 'abuse', 'threat'];

export class AnalyticsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** One row per conversation created in the window that the actor may see. */
  async facts(actor: Actor, window: FactsWindow, filter: ContactFilter = {}): Promise<ContactFacts[]> {
    const rows = await factsQuery(this.db, actor, window, filter).execute();
    return rows.map(toFacts);
  }

  /** Customer messages of those conversations, with their label, language and stored analysis. */
  async termMessages(actor: Actor, window: FactsWindow, filter: ContactFilter = {}): Promise<TermMessage[]> {
    const q = this.db
      .selectFrom('messages')
      .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
      .where(contactsWhere(actor, window, filter))
      .where('messages.author', '=', 'customer')
      .where('messages.label', 'in', TERM_LABELS);
    const rows = await q
      .select((eb) => [
        'messages.conversation_id',
        'messages.label',
        'messages.language',
        'messages.text',
        // Evidence is only removed from angry messages: a calm one has no insult to remove, and
        // not reading its analysis halves what this query moves.
        eb.case().when('messages.label', '=', 'none').then(null).else(eb.ref('messages.analysis')).end().as('analysis'),
        'conversations.language as conversation_language',
      ])
      .execute();
    return rows.map((r) => ({
      conversationId: r.conversation_id,
      label: r.label as Label,
      language: r.language ?? r.conversation_language ?? UNKNOWN_LANGUAGE,
      text: r.text,
      analysis: r.analysis,
    }));
  }
}

/**
 * @module store/LibraryRepository
 * The organisation's library of exemplary replies. Removing a reply keeps its row (who removed it
 * and when), so a shared line never silently disappears from the record.
 */
import type { Kysely, Selectable } from 'kysely';
import { SITUATIONS, type Language } from '@calmline/core';
import type { DB, LibraryReplyTable } from '../db/schema.js';
import { newId, now } from './ids.js';
import type { SubjectKind } from './ReviewRepository.js';

/** What a reply is for: core's situations (the same words the suggested replies use), or something else. */
export const LIBRARY_SITUATIONS = [...SITUATIONS, 'other'] as const;
export type LibrarySituation = (typeof LIBRARY_SITUATIONS)[number];

export interface LibraryReply {
  id: string;
  orgId: string;
  lang: Language;
  situation: LibrarySituation;
  text: string;
  context: string | null;
  /** The transcript turn it came from, when it came from one. */
  source: { kind: SubjectKind; id: string; turn: number } | null;
  sharedBy: string;
  teamId: string | null;
  createdAt: string;
}

export type NewLibraryReply = Omit<LibraryReply, 'id' | 'createdAt'>;

/** How many replies one search reads at most (the text match runs here, Unicode-aware on both databases). */
const SCAN_LIMIT = 5000;

const present = (r: Selectable<LibraryReplyTable>): LibraryReply => ({
  id: r.id,
  orgId: r.org_id,
  lang: r.lang as Language,
  situation: r.situation as LibrarySituation,
  text: r.text,
  context: r.context,
  source:
    r.source_kind && r.source_id && r.source_turn !== null
      ? { kind: r.source_kind as SubjectKind, id: r.source_id, turn: Number(r.source_turn) }
      : null,
  sharedBy: r.shared_by,
  teamId: r.team_id,
  createdAt: r.created_at,
});

/** Lower case, compatibility forms folded: "Ｃａｌｍ" and "calm" match. */
const fold = (s: string) => s.normalize('NFKC').toLocaleLowerCase();

export class LibraryRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async add(r: NewLibraryReply): Promise<LibraryReply> {
    const row = {
      id: newId(),
      org_id: r.orgId,
      lang: r.lang,
      situation: r.situation,
      text: r.text,
      context: r.context,
      source_kind: r.source?.kind ?? null,
      source_id: r.source?.id ?? null,
      source_turn: r.source?.turn ?? null,
      shared_by: r.sharedBy,
      team_id: r.teamId,
      created_at: now(),
      removed_at: null,
      removed_by: null,
    };
    await this.db.insertInto('library_replies').values(row).execute();
    return present(row);
  }

  /** The reply, unless it was removed. */
  async get(orgId: string, id: string): Promise<LibraryReply | undefined> {
    const row = await this.db
      .selectFrom('library_replies')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    return row && present(row);
  }

  /** A reply with exactly this text in this language that is still in the library. */
  async sameText(orgId: string, lang: Language, text: string): Promise<LibraryReply | undefined> {
    const row = await this.db
      .selectFrom('library_replies')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('lang', '=', lang)
      .where('text', '=', text)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    return row && present(row);
  }

  /**
   * Replies still in the library, newest first. `q` matches words in the text or the context,
   * ignoring case in every script (SQLite's lower() folds ASCII only, so the match is made here).
   */
  async search(
    orgId: string,
    filter: { lang?: Language | undefined; situation?: LibrarySituation | undefined; q?: string | undefined; limit: number },
  ): Promise<LibraryReply[]> {
    let query = this.db.selectFrom('library_replies').selectAll().where('org_id', '=', orgId).where('removed_at', 'is', null);
    if (filter.lang) query = query.where('lang', '=', filter.lang);
    if (filter.situation) query = query.where('situation', '=', filter.situation);
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(filter.q ? SCAN_LIMIT : filter.limit)
      .execute();
    const words = filter.q ? fold(filter.q).split(/\s+/).filter(Boolean) : [];
    const matches = (r: Selectable<LibraryReplyTable>) => {
      const hay = fold(`${r.text}\n${r.context ?? ''}`);
      return words.every((w) => hay.includes(w));
    };
    return rows.filter(matches).slice(0, filter.limit).map(present);
  }

  /** Takes the reply out of the library; false when there was none to remove. */
  async remove(orgId: string, id: string, by: string): Promise<boolean> {
    const r = await this.db
      .updateTable('library_replies')
      .set({ removed_at: now(), removed_by: by })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }
}

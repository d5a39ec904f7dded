/**
 * @module routes/reviews/present
 * Reviews, notes and library replies as the API shows them: with people's names, because most roles
 * may not list the organisation's users and a review reads as "Lee wrote…", not as an id.
 */
import type { z } from 'zod';
import type { AppContext } from '../../http/context.js';
import type { LibraryReply as StoredReply } from '../../store/LibraryRepository.js';
import type { ReviewWithNotes } from '../../store/ReviewRepository.js';
import type { LibraryReply, Review } from './schema.js';

/** Names of these users of the organisation (a missing one reads as an empty name). */
export async function namesOf(ctx: AppContext, orgId: string, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const unique = [...new Set([...ids].filter((id): id is string => id !== null))];
  const users = await Promise.all(unique.map((id) => ctx.store.users.get(orgId, id)));
  return new Map(unique.map((id, i) => [id, users[i]?.name ?? '']));
}

export function presentReview(r: ReviewWithNotes, names: Map<string, string>): z.infer<typeof Review> {
  return {
    id: r.id,
    subject: r.subject,
    author: { id: r.authorId, name: names.get(r.authorId) ?? '' },
    summary: r.summary,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    notes: r.notes.map((n) => ({ ...n, authorId: r.authorId })),
  };
}

export function presentReply(r: StoredReply, names: Map<string, string>): z.infer<typeof LibraryReply> {
  const { orgId: _org, sharedBy, ...rest } = r;
  return { ...rest, sharedBy: { id: sharedBy, name: names.get(sharedBy) ?? '' } };
}

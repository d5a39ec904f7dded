/**
 * @module reviews/access
 * Who may read a review: its author always; admins every review; an agent those of their own
 * contacts; a lead those of their teams' contacts (and their own); a trainer those of simulated
 * sessions. Seeing the transcript is required too, which the transcript loaders decide.
 */
import { ORG_WIDE } from '../auth/roles.js';
import type { Review } from '../store/ReviewRepository.js';
import type { Actor } from '../store/types.js';
import type { Transcript } from './transcripts.js';

/**
 * @param transcript the subject as the actor sees it, or null when they may not see it.
 * @example mayReadReview(lead, review, transcript) // true when the transcript is of the lead's team
 */
export function mayReadReview(actor: Actor, review: Pick<Review, 'authorId'>, transcript: Transcript | null): boolean {
  if (review.authorId === actor.userId) return true;
  if (!transcript) return false;
  if (ORG_WIDE.includes(actor.role)) return true;
  if (transcript.agentId === actor.userId) return true;
  if (actor.role === 'lead') return transcript.teamIds.some((t) => actor.teamIds.includes(t));
  if (actor.role === 'trainer') return transcript.kind === 'simulation';
  return false;
}

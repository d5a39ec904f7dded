/**
 * Names for the shapes of the review and library routes, taken from the generated API types.
 */
import type { Reply } from '../../api/types';

export type SubjectView = Reply<'/api/reviews/subjects/{kind}/{id}'>;
export type Transcript = SubjectView['transcript'];
export type TranscriptTurn = Transcript['turns'][number];
export type SubjectKind = Transcript['kind'];
export type AutomaticReview = SubjectView['automatic'];
export type CriterionResult = AutomaticReview['criteria'][number];
export type Finding = AutomaticReview['findings'][number]['findings'][number];
export type Review = SubjectView['reviews'][number];
export type Note = Review['notes'][number];
export type NoteKind = Note['kind'];
export type Person = Review['author'];
/** One row of GET /api/reviews */
export type ReviewListItem = Reply<'/api/reviews'>['reviews'][number];
export type LibraryReply = Reply<'/api/library'>['replies'][number];
export type Situation = LibraryReply['situation'];

export const NOTE_KINDS = ['would_have_said', 'comment', 'well_done'] as const satisfies readonly NoteKind[];

/** core's SITUATIONS plus 'other', in the order a conversation meets them (the picker's order). */
export const SITUATIONS = [
  'acknowledge',
  'restate_confirm',
  'help_boundary',
  'final_boundary',
  'end_contact',
  'hand_over',
  'threat_response',
  'crisis_response',
  'closing_recap',
  'follow_up',
  'other',
] as const satisfies readonly Situation[];

/** The details of a 400 not_exemplary: what the coach found in the reply. */
export interface NotExemplaryDetails {
  findings: Pick<Finding, 'kind' | 'start' | 'end' | 'message' | 'better'>[];
}

/** Where a review of this subject lives in the UI. */
export const reviewPath = (kind: SubjectKind, id: string) => `/reviews/${kind}/${id}`;

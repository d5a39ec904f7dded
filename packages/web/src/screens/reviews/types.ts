/**
 * Shapes of the review and library routes, written by hand to match the server's Zod schemas
 * (packages/server/src/routes/reviews/schema.ts) until the generated schema.d.ts includes them.
 */
import type { Language } from '../../api/types';

export type SubjectKind = 'conversation' | 'simulation';
export const NOTE_KINDS = ['would_have_said', 'comment', 'well_done'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** core's SITUATIONS plus 'other', in the order a conversation meets them. */
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
] as const;
export type Situation = (typeof SITUATIONS)[number];

export interface Person {
  id: string;
  name: string;
}

export interface TranscriptTurn {
  index: number;
  role: 'customer' | 'agent' | 'action';
  text: string | null;
  action?: string;
  label?: string;
  /** Customer text with the abusive words masked, when there were any. */
  masked?: string;
  at?: string;
}

export interface Transcript {
  kind: SubjectKind;
  id: string;
  lang: Language;
  agentId: string | null;
  agentName: string | null;
  teamIds: string[];
  turns: TranscriptTurn[];
}

export interface CriterionResult {
  criterion: string;
  /** null when it does not apply. */
  met: boolean | null;
  turns: number[];
}

export interface Finding {
  kind: string;
  start: number;
  end: number;
  message: string;
  better: string;
  rule: string;
}

export interface AutomaticReview {
  lang: Language;
  score: number;
  criteria: CriterionResult[];
  findings: { turn: number; findings: Finding[] }[];
}

export interface Note {
  id: string;
  reviewId: string;
  authorId: string;
  turn: number;
  kind: NoteKind;
  text: string;
  createdAt: string;
  updatedAt: string;
}

export interface Review {
  id: string;
  subject: { kind: SubjectKind; id: string };
  author: Person;
  summary: string | null;
  createdAt: string;
  updatedAt: string;
  notes: Note[];
}

/** GET /api/reviews/subjects/{kind}/{id} */
export interface SubjectView {
  transcript: Transcript;
  automatic: AutomaticReview;
  reviews: Review[];
}

/** One row of GET /api/reviews */
export interface ReviewListItem {
  id: string;
  subject: {
    kind: SubjectKind;
    id: string;
    lang: Language | null;
    agentId: string | null;
    agentName: string | null;
    teamIds: string[];
    startedAt: string | null;
    /** null when the reader no longer sees the subject. */
    turnCount: number | null;
  };
  author: Person;
  summary: string | null;
  noteCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface LibraryReply {
  id: string;
  lang: Language;
  situation: Situation;
  text: string;
  context: string | null;
  source: { kind: SubjectKind; id: string; turn: number } | null;
  sharedBy: Person;
  teamId: string | null;
  createdAt: string;
}

/** The details of a 400 not_exemplary: what the coach found in the reply. */
export interface NotExemplaryDetails {
  findings: Pick<Finding, 'kind' | 'start' | 'end' | 'message' | 'better'>[];
}

/** Where a review of this subject lives in the UI. */
export const reviewPath = (kind: SubjectKind, id: string) => `/reviews/${kind}/${id}`;

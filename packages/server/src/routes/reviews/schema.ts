/**
 * @module routes/reviews/schema
 * The shapes of the review and library routes: they validate requests, shape responses and are
 * the OpenAPI document. The web UI's hand-written types (screens/reviews/types.ts) mirror them.
 */
import { CRITERIA, LANGUAGES } from '@calmline/core';
import { z } from 'zod';
import { LIBRARY_SITUATIONS } from '../../store/LibraryRepository.js';
import { NOTE_KINDS, SUBJECT_KINDS } from '../../store/ReviewRepository.js';
import { Finding, Id } from '../schemas.js';

export const SubjectParams = z.object({ kind: z.enum(SUBJECT_KINDS), id: Id });

export const Person = z.object({ id: Id, name: z.string() }).describe('A colleague, by name');

export const TranscriptTurn = z.object({
  index: z.number().int().describe('From 0; notes and criteria point at turns by this index'),
  role: z.enum(['customer', 'agent', 'action']),
  text: z.string().nullable().describe('What was said, verbatim (null for actions)'),
  action: z.string().optional().describe('For actions: warning_issued, contact_ended…'),
  label: z.string().optional().describe("For customer turns: the detector's label at the time"),
  masked: z.string().optional().describe('For customer turns with abusive words: the text with them masked, for shielding'),
  at: z.string().optional(),
});

export const Transcript = z.object({
  kind: z.enum(SUBJECT_KINDS),
  id: Id,
  lang: z.enum(LANGUAGES),
  agentId: Id.nullable(),
  agentName: z.string().nullable(),
  teamIds: z.array(Id),
  turns: z.array(TranscriptTurn),
});

export const AutomaticReview = z
  .object({
    lang: z.enum(LANGUAGES),
    score: z.number().describe('Share of the applicable criteria met, 0–1'),
    criteria: z.array(
      z.object({
        criterion: z.enum(CRITERIA),
        met: z.boolean().nullable().describe('null when it does not apply'),
        turns: z.array(z.number().int()).describe('Turns that show it (for avoided_habits: the turns with a problem)'),
      }),
    ),
    findings: z.array(z.object({ turn: z.number().int(), findings: z.array(Finding) })),
  })
  .describe("Calmline's own review of the transcript against the conversation practices");

export const Note = z.object({
  id: Id,
  reviewId: Id,
  authorId: Id,
  turn: z.number().int(),
  kind: z.enum(NOTE_KINDS),
  text: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const Review = z.object({
  id: Id,
  subject: z.object({ kind: z.enum(SUBJECT_KINDS), id: Id }),
  author: Person,
  summary: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  notes: z.array(Note),
});

export const SubjectView = z.object({
  transcript: Transcript,
  automatic: AutomaticReview,
  reviews: z.array(Review).describe('Every human review of it you may see, oldest first'),
});

export const ReviewListItem = z.object({
  id: Id,
  subject: z.object({
    kind: z.enum(SUBJECT_KINDS),
    id: Id,
    lang: z.enum(LANGUAGES).nullable(),
    agentId: Id.nullable(),
    agentName: z.string().nullable(),
    teamIds: z.array(Id),
    startedAt: z.string().nullable(),
    turnCount: z.number().int().nullable().describe('null when you no longer see the subject (your own review of it stays listed)'),
  }),
  author: Person,
  summary: z.string().nullable(),
  noteCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const NoteBody = z.object({
  turn: z.number().int().min(0),
  kind: z.enum(NOTE_KINDS),
  text: z.string().trim().min(1).max(2000),
});

export const LibraryReply = z.object({
  id: Id,
  lang: z.enum(LANGUAGES),
  situation: z.enum(LIBRARY_SITUATIONS),
  text: z.string(),
  context: z.string().nullable(),
  source: z.object({ kind: z.enum(SUBJECT_KINDS), id: Id, turn: z.number().int() }).nullable(),
  sharedBy: Person,
  teamId: Id.nullable(),
  createdAt: z.string(),
});

export const LibraryBody = z.object({
  lang: z.enum(LANGUAGES),
  situation: z.enum(LIBRARY_SITUATIONS),
  text: z.string().trim().min(5).max(600),
  context: z.string().trim().max(500).optional().describe('When the reply fits, in your words'),
  source: z
    .object({ kind: z.enum(SUBJECT_KINDS), id: Id, turn: z.number().int().min(0) })
    .optional()
    .describe('The agent turn the reply answers (your alternative) or is (the line as said)'),
});

/**
 * @module simulate/scenario
 * A training scenario as validated data: who the simulated customer is, what their problem is,
 * how upset they start, what makes them angrier or calmer, and the lines they say in each mood.
 * Scenarios live in packages/core/data/scenarios/*.json and are packed by scripts/pack-scenarios.ts.
 */
import { z } from 'zod';
import { LANGUAGES } from '../detect/types.js';
import { REGISTERS } from '../conversation/types.js';
import { AGENT_ACTIONS } from '../protocol/types.js';

/** Mood bands, from calm to hostile. The customer's mood is a number 0–100; each band is 25 wide. */
export const MOODS = ['calm', 'irritated', 'angry', 'hostile'] as const;
export type Mood = (typeof MOODS)[number];

/** What makes a simulated customer angrier (each read from the draft coach's findings on the agent's reply). */
export const ESCALATORS = [
  'dismissal',
  'negative_phrasing',
  'transfer',
  'broken_promise',
  'blaming',
  'lecturing',
  'sarcasm',
  'shouting',
  'repetition',
  'no_acknowledgement',
  'agent_profanity',
  'premature_fault',
] as const;
export type Escalator = (typeof ESCALATORS)[number];

/** What calms them (each read from the coach's practice cues on the agent's reply, or an action). */
export const CALMERS = ['acknowledgement', 'restating', 'ownership', 'boundary', 'solution', 'agreement', 'recap', 'callback'] as const;
export type Calmer = (typeof CALMERS)[number];

/** Content a trainee is told about before starting. */
export const CONTENT_NOTES = ['anger', 'profanity', 'abuse', 'threat', 'self_harm'] as const;
export type ContentNote = (typeof CONTENT_NOTES)[number];

/** Where a scenario is set. */
export const SECTORS = ['bank', 'telecom', 'delivery', 'airline', 'shop', 'utility', 'public_office', 'insurance'] as const;

const lines = z.array(z.string().trim().min(2).max(600)).min(1);
const weights = <K extends string>(keys: readonly [K, ...K[]]) => z.partialRecord(z.enum(keys), z.number().int().min(0).max(60));

export const ScenarioSchema = z
  .object({
    /** Stable id, e.g. `en-bank-blocked-card`; also the file name. */
    id: z.string().regex(/^[a-z]{2}-[a-z0-9-]{3,60}$/, 'an id like en-bank-blocked-card'),
    /** The customer's (and the conversation's) language. */
    lang: z.enum(LANGUAGES),
    /** The register the customer expects (Sie/du, вы/ты…); omit where the language has none. */
    register: z.enum(REGISTERS).optional(),
    sector: z.enum(SECTORS),
    /** A contact reason as the analytics use them, e.g. `card_blocked`. */
    contactReason: z.string().regex(/^[a-z_]{3,40}$/),
    /** Shown in the scenario list, in the scenario's language. */
    title: z.string().trim().min(3).max(120),
    /** What the trainee is told before starting: the situation, what a good outcome is (scenario language). */
    brief: z.string().trim().min(10).max(800),
    persona: z.object({
      name: z.string().trim().min(1).max(60),
      /** One or two sentences on who they are and how they talk (scenario language). */
      description: z.string().trim().min(10).max(400),
    }),
    /** 1 gentle … 3 hard; orders the list and the readiness rule may ask for a level. */
    difficulty: z.number().int().min(1).max(3),
    contentNotes: z.array(z.enum(CONTENT_NOTES)).min(1),
    /** Mood at the start, 0 calm … 100 hostile. */
    startMood: z.number().int().min(0).max(100),
    /** Points each escalator adds to the mood. */
    escalators: weights(ESCALATORS),
    /** Points each calmer takes off. */
    calmers: weights(CALMERS),
    /**
     * How the customer takes a boundary (a warning or a boundary line) while hostile: the chance, 0–1,
     * that they stop the abuse. The seed decides, so a replay takes it the same way.
     */
    respectsBoundary: z.number().min(0).max(1).default(0.7),
    /** The agent turns before the simulation stops at the turn limit. */
    turnLimit: z.number().int().min(4).max(30).default(12),
    /** Review score (0–1) a session needs to pass, besides its outcome. */
    passScore: z.number().min(0).max(1).default(0.7),
    /** Actions a good handling takes (e.g. `supervisor_called` in a crisis) and ones it must not. */
    expectedActions: z.array(z.enum(AGENT_ACTIONS)).default([]),
    forbiddenActions: z.array(z.enum(AGENT_ACTIONS)).default([]),
    lines: z.object({
      /** The first message; the customer's mood band at the start picks nothing here: one pool. */
      opening: lines,
      /** Ordinary replies per mood band while the problem is open. Hostile lines carry the scenario's abuse or threat. */
      calm: lines,
      irritated: lines,
      angry: lines,
      hostile: lines,
      /** After a solution is offered but before they agree (any mood below hostile). */
      considering: lines,
      /** When they accept and the problem is settled. */
      accept: lines,
      /** Their answer to "anything else?" once settled. */
      nothingElse: lines,
      /** After a boundary, when they take it (abuse stops) and when they do not. */
      boundaryTaken: lines,
      boundaryIgnored: lines,
      /** When the agent ends the contact. */
      ended: lines,
      /**
       * A disclosure the scenario is about (a self-harm statement, a threat), said once when the mood
       * first reaches `at` (0–100) or at the given agent turn, whichever comes first.
       */
      disclosure: z.object({ at: z.number().int().min(0).max(100), turn: z.number().int().min(1).max(30), lines }).optional(),
    }),
  })
  .strict();

export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;

/** A schema error as one sentence naming the field, e.g. `lines.hostile: Too small…`. */
export function scenarioIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}

/** The band a mood number falls in. @example moodBand(60) // 'angry' */
export function moodBand(mood: number): Mood {
  return MOODS[Math.min(3, Math.max(0, Math.floor(mood / 25)))]!;
}

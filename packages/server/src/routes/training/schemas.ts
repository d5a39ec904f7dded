/**
 * @module routes/training/schemas
 * The training API's shapes and the presenters that fill them. The customer's mood is shown as a
 * band (calm, irritated, angry, hostile), never as the number: a trainee reads the person, not a
 * gauge to game.
 */
import {
  AGENT_ACTIONS,
  CALMERS,
  CONTENT_NOTES,
  CRITERIA,
  ESCALATORS,
  LABELS,
  LANGUAGES,
  MOODS,
  moodBand,
  SECTORS,
  SIM_OUTCOMES,
  type ReportCard,
  type Scenario,
  type SimStep,
} from '@calmline/core';
import { z } from 'zod';
import { SESSION_STATUSES, type SessionSummary, type TrainingSession } from '../../store/TrainingRepository.js';
import type { Voice } from '../../training/sessionRunner.js';
import { Finding, Id } from '../schemas.js';

/** Content a trainee must acknowledge before the session starts (the UI shows the note first). */
export const ACKNOWLEDGED_NOTES: readonly (typeof CONTENT_NOTES)[number][] = ['abuse', 'threat', 'self_harm'];

export const ScenarioItem = z.object({
  id: z.string(),
  lang: z.enum(LANGUAGES),
  title: z.string(),
  brief: z.string(),
  persona: z.object({ name: z.string(), description: z.string() }),
  sector: z.enum(SECTORS),
  contactReason: z.string(),
  difficulty: z.number().int(),
  contentNotes: z.array(z.enum(CONTENT_NOTES)),
  /** Whether starting needs `acknowledgedContent: true`. */
  needsAcknowledgement: z.boolean(),
  turnLimit: z.number().int(),
});

export const TurnSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('customer'), text: z.string(), band: z.enum(MOODS), label: z.enum(LABELS) }),
  z.object({ role: z.literal('agent'), text: z.string() }),
  z.object({ role: z.literal('action'), action: z.enum(AGENT_ACTIONS) }),
]);

const CriterionName = z.enum([...CRITERIA, 'expected_action', 'forbidden_action']);

export const ReportCardSchema = z.object({
  outcome: z.enum(SIM_OUTCOMES).nullable(),
  passed: z.boolean(),
  score: z.number(),
  passScore: z.number(),
  criteria: z.array(
    z.object({
      criterion: CriterionName,
      action: z.enum(AGENT_ACTIONS).optional(),
      met: z.boolean().nullable(),
      turns: z.array(z.number().int()),
    }),
  ),
  findings: z.array(z.object({ turn: z.number().int(), findings: z.array(Finding) })),
  advice: z.array(z.object({ criterion: CriterionName, action: z.enum(AGENT_ACTIONS).optional(), example: z.string().optional() })),
  /** The customer's mood band after each of their lines. */
  moods: z.array(z.enum(MOODS)),
});

export const SessionSummarySchema = z.object({
  id: Id,
  userId: Id,
  scenarioId: z.string(),
  title: z.string(),
  lang: z.enum(LANGUAGES),
  difficulty: z.number().int(),
  status: z.enum(SESSION_STATUSES),
  outcome: z.enum(SIM_OUTCOMES).nullable(),
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
  freeText: z.boolean(),
  cohortId: Id.nullable(),
  assignmentId: Id.nullable(),
  startedAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const SessionSchema = SessionSummarySchema.extend({
  seed: z.number().int(),
  band: z.enum(MOODS),
  turns: z.array(TurnSchema),
  /** Customer lines the local model failed to write (the scripted line stood in). */
  modelFallbacks: z.number().int(),
  report: ReportCardSchema.nullable().describe('Once the session has finished'),
});

export const StepSchema = z.object({
  customer: z.string().nullable().describe("The customer's answer (null when the contact was ended)"),
  bandBefore: z.enum(MOODS),
  bandAfter: z.enum(MOODS),
  escalators: z.array(z.enum(ESCALATORS)).describe('What in the reply made the customer angrier'),
  calmers: z.array(z.enum(CALMERS)).describe('What calmed them'),
  findings: z.array(Finding).describe("The draft coach's findings on the reply"),
  voice: z
    .enum(['script', 'model', 'fallback'])
    .describe('Who worded the answer: the script, the local model, or the script because the model failed'),
});

export function presentScenario(s: Scenario): z.infer<typeof ScenarioItem> {
  return {
    id: s.id,
    lang: s.lang,
    title: s.title,
    brief: s.brief,
    persona: s.persona,
    sector: s.sector,
    contactReason: s.contactReason,
    difficulty: s.difficulty,
    contentNotes: s.contentNotes,
    needsAcknowledgement: s.contentNotes.some((n) => ACKNOWLEDGED_NOTES.includes(n)),
    turnLimit: s.turnLimit,
  };
}

export function presentSummary(s: SessionSummary, scenario: Scenario | undefined): z.infer<typeof SessionSummarySchema> {
  return {
    id: s.id,
    userId: s.userId,
    scenarioId: s.scenarioId,
    // A scenario withdrawn since keeps its sessions readable under its id.
    title: scenario?.title ?? s.scenarioId,
    lang: scenario?.lang ?? 'en',
    difficulty: scenario?.difficulty ?? 0,
    status: s.status,
    outcome: s.outcome,
    score: s.score,
    passed: s.passed,
    freeText: s.freeText,
    cohortId: s.cohortId,
    assignmentId: s.assignmentId,
    startedAt: s.startedAt,
    updatedAt: s.updatedAt,
    finishedAt: s.finishedAt,
  };
}

export function presentReport(card: ReportCard): z.infer<typeof ReportCardSchema> {
  return {
    outcome: card.outcome,
    passed: card.passed,
    score: card.score,
    passScore: card.passScore,
    criteria: card.criteria,
    findings: card.findings,
    advice: card.advice,
    moods: card.moods.map(moodBand),
  };
}

export function presentSession(
  s: TrainingSession,
  scenario: Scenario | undefined,
  report: ReportCard | null,
): z.infer<typeof SessionSchema> {
  return {
    ...presentSummary(s, scenario),
    seed: s.seed,
    band: moodBand(s.state.mood),
    turns: s.state.turns.map((t) =>
      t.role === 'customer' ? { role: 'customer', text: t.text, band: moodBand(t.mood), label: t.label } : t,
    ),
    modelFallbacks: s.modelFallbacks,
    report: report && presentReport(report),
  };
}

export function presentStep(step: SimStep, voice: Voice): z.infer<typeof StepSchema> {
  return {
    customer: step.customer,
    bandBefore: moodBand(step.moodBefore),
    bandAfter: moodBand(step.moodAfter),
    escalators: step.escalators,
    calmers: step.calmers,
    findings: step.findings,
    voice,
  };
}

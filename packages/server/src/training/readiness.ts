/**
 * @module training/readiness
 * Whether a recruit is ready for live contacts, from their finished sessions and their cohort's
 * rule. Pure, so the coach's screen, the recruit's own page and the sign-off check cannot disagree.
 */
import type { ReadinessRule, SessionSummary } from '../store/TrainingRepository.js';

export interface Readiness {
  /** Meets the rule (the coach may sign them off). */
  ready: boolean;
  /** Passes that count: passed, at or above the rule's score and difficulty. */
  passes: number;
  passesNeeded: number;
  /** Required scenarios not yet passed at the rule's score. */
  missingScenarios: string[];
  finishedSessions: number;
  /** The best score of any finished session, 0–1 (null before the first). */
  bestScore: number | null;
}

/** Whether a finished session passed at the rule's score. */
const passedWell = (s: SessionSummary, rule: ReadinessRule) =>
  s.status === 'finished' && s.passed === true && s.score !== null && s.score >= rule.minScore;

/**
 * @example readiness(sessions, { passes: 3, minScore: 0.7, minDifficulty: 2, requiredScenarios: [] }, id => 2).ready
 */
export function readiness(
  sessions: readonly SessionSummary[],
  rule: ReadinessRule,
  difficultyOf: (scenarioId: string) => number | undefined,
): Readiness {
  const finished = sessions.filter((s) => s.status === 'finished');
  const good = finished.filter((s) => passedWell(s, rule));
  const passes = good.filter((s) => (difficultyOf(s.scenarioId) ?? 0) >= rule.minDifficulty).length;
  const passedIds = new Set(good.map((s) => s.scenarioId));
  const missingScenarios = rule.requiredScenarios.filter((id) => !passedIds.has(id));
  const scores = finished.flatMap((s) => (s.score === null ? [] : [s.score]));
  return {
    ready: passes >= rule.passes && missingScenarios.length === 0,
    passes,
    passesNeeded: rule.passes,
    missingScenarios,
    finishedSessions: finished.length,
    bestScore: scores.length > 0 ? Math.max(...scores) : null,
  };
}

/**
 * What is still missing, as one sentence for the coach (the not_ready answer).
 * @example whatIsMissing({ passes: 1, passesNeeded: 3, missingScenarios: [] … }) // 'They have 1 of the 3 passes …'
 */
export function whatIsMissing(r: Readiness, rule: ReadinessRule): string {
  const parts: string[] = [];
  if (r.passes < r.passesNeeded)
    parts.push(
      `they have ${r.passes} of the ${r.passesNeeded} passes needed (difficulty ${rule.minDifficulty} or harder, score ${Math.round(rule.minScore * 100)}% or more)`,
    );
  if (r.missingScenarios.length > 0) parts.push(`they have not yet passed ${r.missingScenarios.join(', ')}`);
  return `This recruit is not ready yet: ${parts.join('; ')}.`;
}

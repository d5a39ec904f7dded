/**
 * @module review/ConversationReviewer
 * Scores a whole transcript against the conversation practices of PRODUCT.md, each criterion with
 * the turns that show it. The simulator's report card and the review screens are built on this.
 */
import type { Detector } from '../detect/Detector.js';
import type { Label, Language } from '../detect/types.js';
import type { Cue, Register } from '../conversation/types.js';
import type { AgentAction } from '../protocol/types.js';
import { isUpset, type DraftCoach } from '../coach/DraftCoach.js';
import type { CustomerMessage, Finding } from '../coach/types.js';

/** One turn of a transcript. */
export type Turn =
  { role: 'customer'; text: string; label?: Label | undefined } | { role: 'agent'; text: string } | { role: 'action'; action: AgentAction };

/** The criteria, in the order a good conversation meets them. */
export const CRITERIA = [
  'acknowledged',
  'restated_and_confirmed',
  'proposed_solution',
  'sought_agreement',
  'recapped',
  'asked_anything_else',
  'boundary_before_ending',
  'avoided_habits',
] as const;
export type Criterion = (typeof CRITERIA)[number];

/** How one criterion went. */
export interface CriterionResult {
  criterion: Criterion;
  /** `null` when it does not apply (no upset customer to acknowledge, no ending to justify). */
  met: boolean | null;
  /** Turn indexes that show it: where it was met, or, for avoided_habits, where it was not. */
  turns: number[];
}

/** The review of one transcript. */
export interface Review {
  lang: Language;
  criteria: CriterionResult[];
  /** The coach's findings on each agent turn, by turn index. */
  findings: { turn: number; findings: Finding[] }[];
  /** Share of applicable criteria met, 0–1. */
  score: number;
}

/** A cue-based criterion: met when some agent turn has all the cues (restate + confirm may be in two turns). */
const CUE_CRITERIA: { criterion: Criterion; cues: Cue[] }[] = [
  { criterion: 'proposed_solution', cues: ['solution'] },
  { criterion: 'sought_agreement', cues: ['agreement'] },
  { criterion: 'recapped', cues: ['recap'] },
  { criterion: 'asked_anything_else', cues: ['anything_else'] },
];

export class ConversationReviewer {
  constructor(
    private readonly coach: DraftCoach,
    private readonly detector: Detector,
  ) {}

  /**
   * Reviews a transcript in `lang`; customer turns without a label are analysed first.
   * @example reviewer.review(turns, 'en').criteria.find(c => c.criterion === 'recapped')?.met
   */
  review(turns: readonly Turn[], lang: Language, register?: Register): Review {
    const cues = new Map<number, Set<Cue>>();
    const findings: { turn: number; findings: Finding[] }[] = [];
    const previous: string[] = [];
    let lastCustomer: CustomerMessage | undefined;
    let upsetSeen = false;
    const abuseAt: number[] = [];
    turns.forEach((turn, i) => {
      if (turn.role === 'customer') {
        // A label given with the transcript (a reviewer's or the live one) wins over re-analysis.
        const a = turn.label === undefined ? this.detector.analyze(turn.text, { lang }) : undefined;
        lastCustomer = a ? { label: a.label, scores: a.scores, text: turn.text } : { label: turn.label!, text: turn.text };
        if (isUpset(lastCustomer)) upsetSeen = true;
        if (lastCustomer.label === 'abuse' || lastCustomer.label === 'threat') abuseAt.push(i);
      } else if (turn.role === 'agent') {
        const seen = this.coach.inspect(turn.text, { lang, register, customer: lastCustomer, previous });
        cues.set(i, seen.cues);
        findings.push({ turn: i, findings: seen.findings });
        previous.push(turn.text);
        lastCustomer = undefined;
      }
    });
    const withCue = (cue: Cue): number[] => [...cues].filter(([, set]) => set.has(cue)).map(([i]) => i);

    const criteria: CriterionResult[] = [];
    const ack = withCue('ack');
    criteria.push({ criterion: 'acknowledged', met: upsetSeen ? ack.length > 0 : null, turns: ack });
    const restate = withCue('restate');
    const confirm = withCue('confirm');
    // The confirmation question may come in the same turn or the next agent turn.
    const restated = restate.filter((r) => confirm.some((c) => c >= r && c <= nextAgentTurn(turns, r)));
    criteria.push({
      criterion: 'restated_and_confirmed',
      met: restated.length > 0,
      turns: restated.flatMap((r) => [r, ...confirm.filter((c) => c > r && c <= nextAgentTurn(turns, r))]),
    });
    for (const { criterion, cues: wanted } of CUE_CRITERIA) {
      const at = wanted.flatMap(withCue);
      criteria.push({ criterion, met: at.length > 0, turns: at });
    }
    const ended = turns.findIndex((t) => t.role === 'action' && t.action === 'contact_ended');
    if (ended >= 0 && abuseAt.some((a) => a < ended)) {
      const boundary = withCue('boundary').filter((i) => i < ended);
      const warned = turns.slice(0, ended).some((t) => t.role === 'action' && t.action === 'warning_issued');
      criteria.push({ criterion: 'boundary_before_ending', met: boundary.length > 0 || warned, turns: boundary });
    } else criteria.push({ criterion: 'boundary_before_ending', met: null, turns: [] });
    const bad = findings.filter((f) => f.findings.length > 0).map((f) => f.turn);
    criteria.push({ criterion: 'avoided_habits', met: findings.length > 0 ? bad.length === 0 : null, turns: bad });

    const applicable = criteria.filter((c) => c.met !== null);
    const score = applicable.length === 0 ? 0 : applicable.filter((c) => c.met).length / applicable.length;
    return { lang, criteria, findings, score };
  }
}

/** Index of the next agent turn after `i` (or `i` itself when there is none). */
function nextAgentTurn(turns: readonly Turn[], i: number): number {
  for (let j = i + 1; j < turns.length; j++) if (turns[j]!.role === 'agent') return j;
  return i;
}

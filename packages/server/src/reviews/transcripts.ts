/**
 * @module reviews/transcripts
 * Everything a review can be about, as one shape: a transcript of numbered turns. Each kind of
 * subject has a loader that answers only what the actor may see; the review routes, the list and
 * the library's sources all go through TRANSCRIPT_LOADERS, so a new kind of subject (the training
 * simulator's sessions) is one line in that map.
 */
import { AGENT_ACTIONS, type AgentAction, type Label, type Language, type Turn } from '@calmline/core';
import type { AppContext } from '../http/context.js';
import { AppError } from '../http/errors.js';
import type { NoteKind, SubjectKind } from '../store/ReviewRepository.js';
import type { Actor } from '../store/types.js';
import { loadSimulation } from '../training/transcript.js';

export { SUBJECT_KINDS, type SubjectKind } from '../store/ReviewRepository.js';

/** One turn: what the customer or the agent said, or an action the agent took. `index` counts from 0. */
export interface TranscriptTurn {
  index: number;
  role: 'customer' | 'agent' | 'action';
  /** null for actions. */
  text: string | null;
  /** For actions: core's AgentAction (warning_issued, contact_ended…). */
  action?: string;
  /** For customer turns: the label the detector gave it at the time. */
  label?: string;
  /** For customer turns whose abusive words the detector masked: the masked text (the screen shields with it, as the console does). */
  masked?: string;
  at?: string;
}

export interface Transcript {
  kind: SubjectKind;
  id: string;
  lang: Language;
  /** Whose contact it was (the agent, or the trainee in the simulator). */
  agentId: string | null;
  /** The teams it belongs to: their leads see its reviews. */
  teamIds: string[];
  turns: TranscriptTurn[];
}

/** The transcript, or null when there is none with this id or the actor may not see it (both answer 404). */
export type TranscriptLoader = (ctx: AppContext, actor: Actor, id: string) => Promise<Transcript | null>;

/** A conversation as it happened: messages and actions in the order the protocol saw them. */
const loadConversation: TranscriptLoader = async (ctx, actor, id) => {
  const c = await ctx.store.conversations.visible(actor, id);
  if (!c) return null;
  const [messages, actions] = await Promise.all([ctx.store.conversations.messages(c.id), ctx.store.conversations.actions(c.id)]);
  // Messages and actions share one sequence (the protocol's event count), so seq orders them together.
  const events = [
    ...messages.map((m) => ({ seq: m.seq, at: m.createdAt, turn: fromMessage(m) })),
    ...actions.map((a) => ({ seq: a.seq, at: a.createdAt, turn: { role: 'action' as const, text: null, action: a.action } })),
  ].sort((x, y) => x.seq - y.seq || x.at.localeCompare(y.at));
  const lang = c.language ?? messages.find((m) => m.analysis)?.analysis?.language ?? 'en';
  return {
    kind: 'conversation',
    id: c.id,
    lang,
    agentId: c.agentId,
    teamIds: c.teamId ? [c.teamId] : [],
    turns: events.map((e, index) => ({ index, ...e.turn, at: e.at })),
  };
};

/** Customer text is stored verbatim, as the timeline gives it; the masked form travels alongside for shielding. */
function fromMessage(m: Awaited<ReturnType<AppContext['store']['conversations']['messages']>>[number]): Omit<TranscriptTurn, 'index'> {
  if (m.author === 'agent') return { role: 'agent', text: m.text };
  const a = m.analysis;
  return { role: 'customer', text: m.text, ...(a ? { label: a.label } : {}), ...(a && a.masked !== m.text ? { masked: a.masked } : {}) };
}

/** The loaders by kind. The simulator adds `simulation` here. */
export const TRANSCRIPT_LOADERS: Partial<Record<SubjectKind, TranscriptLoader>> = {
  conversation: loadConversation,
  simulation: loadSimulation,
};

const NOT_FOUND: Record<SubjectKind, string> = {
  conversation: 'No conversation with this id is visible to you.',
  simulation: 'No simulated session with that id.',
};

/**
 * The transcript the actor may see, or a 404 (also when no loader handles the kind yet).
 * @example const t = await loadTranscript(ctx, actor, 'conversation', id); t.turns[0].role
 */
export async function loadTranscript(ctx: AppContext, actor: Actor, kind: SubjectKind, id: string): Promise<Transcript> {
  const loader = TRANSCRIPT_LOADERS[kind];
  const transcript = loader ? await loader(ctx, actor, id) : null;
  if (!transcript) throw new AppError('not_found', NOT_FOUND[kind]);
  return transcript;
}

/** Notes that praise or replace what the agent said belong on the agent's turns. */
const AGENT_TURN_KINDS: readonly NoteKind[] = ['would_have_said', 'well_done'];

/**
 * The turn exists and fits the kind of note (or, for `library`, is an agent's reply to share), or a
 * 400 that says why not.
 * @example checkTurn(transcript, 0, 'would_have_said') // throws invalid_turn when turn 0 is the customer's
 */
export function checkTurn(transcript: Transcript, turn: number, kind: NoteKind | 'library'): void {
  const t = transcript.turns[turn];
  if (!t)
    throw new AppError('invalid_turn', `This transcript has no turn ${turn}: its ${transcript.turns.length} turns are numbered from 0.`);
  if ((kind === 'library' || AGENT_TURN_KINDS.includes(kind)) && t.role !== 'agent')
    throw new AppError(
      'invalid_turn',
      `Turn ${turn} is ${t.role === 'customer' ? "the customer's message" : 'an action'}, not an agent's reply: this note goes on an agent's reply.`,
    );
}

/** The transcript as core's reviewer reads it; indexes stay the same (every turn is kept, in order). */
export function reviewerTurns(transcript: Transcript): Turn[] {
  return transcript.turns.map((t): Turn => {
    if (t.role === 'action') return { role: 'action', action: isAgentAction(t.action) ? t.action : 'supervisor_joined' };
    if (t.role === 'agent') return { role: 'agent', text: t.text ?? '' };
    return { role: 'customer', text: t.text ?? '', label: t.label as Label | undefined };
  });
}

function isAgentAction(a: string | undefined): a is AgentAction {
  return (AGENT_ACTIONS as readonly string[]).includes(a ?? '');
}

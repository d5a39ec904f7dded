/**
 * @module training/transcript
 * A simulator session as a reviewable transcript (peer review of simulated conversations). Only
 * those who may read the trainee's practice see it: the trainee, their cohort's coach, a lead of one
 * of their teams, admins (training/access); for anyone else it does not exist.
 */
import { scenarioById } from '@calmline/core';
import type { Transcript, TranscriptLoader, TranscriptTurn } from '../reviews/transcripts.js';
import { mayViewTrainee } from './access.js';

/** @example await loadSimulation(ctx, coach, sessionId) // { kind: 'simulation', turns: [...] } */
export const loadSimulation: TranscriptLoader = async (ctx, actor, id): Promise<Transcript | null> => {
  const session = await ctx.store.training.session(actor.orgId, id);
  if (!session || !(await mayViewTrainee(ctx.store, actor, session.userId))) return null;
  const lang = scenarioById(session.scenarioId)?.lang ?? 'en';
  const turns = session.state.turns.map((t, index): TranscriptTurn => {
    if (t.role === 'action') return { index, role: 'action', text: null, action: t.action };
    if (t.role === 'agent') return { index, role: 'agent', text: t.text };
    // The abusive lines are shielded on screen as in the console: the masked text travels alongside.
    const { masked } = ctx.engine.detector.analyze(t.text, { lang });
    return { index, role: 'customer', text: t.text, label: t.label, ...(masked !== t.text ? { masked } : {}) };
  });
  return {
    kind: 'simulation',
    id: session.id,
    lang,
    agentId: session.userId,
    teamIds: await ctx.store.teams.teamIdsOf(session.userId),
    turns,
  };
};

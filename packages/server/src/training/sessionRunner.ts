/**
 * @module training/sessionRunner
 * Plays simulator sessions for the routes: loads the scenario and the stored state, lets core's
 * Simulator take the turn, asks the local model for the customer's words when the session has free
 * text, and stores the new state in one transaction per turn. The engine's work and the model's
 * (up to its timeout) happen before the transaction, so the database writer is never held while a
 * model thinks; the transaction then checks nobody played another turn in between.
 */
import {
  customerPrompt,
  reportCard,
  scenarioById,
  SimulationError,
  Simulator,
  withCustomerText,
  type AgentAction,
  type ReportCard,
  type Scenario,
  type SimState,
  type SimStep,
} from '@calmline/core';
import type { Engine } from '../commands/Engine.js';
import { AppError } from '../http/errors.js';
import { now } from '../store/ids.js';
import type { Store } from '../store/Store.js';
import type { SessionStatus, TrainingSession } from '../store/TrainingRepository.js';
import type { Actor } from '../store/types.js';
import type { CustomerModel } from './localModel.js';

/** Who wrote the customer's last line. */
export type Voice = 'script' | 'model' | 'fallback';

export interface PlayedTurn {
  session: TrainingSession;
  step: SimStep;
  voice: Voice;
}

export class SessionRunner {
  private readonly simulators = new Map<string, Simulator>();

  constructor(
    private readonly store: Store,
    private readonly engine: Engine,
    /** The free-text customer, when a model is configured. */
    readonly model: CustomerModel | undefined,
  ) {}

  scenario(id: string): Scenario {
    const scenario = scenarioById(id);
    if (!scenario) throw new AppError('not_found', `There is no training scenario ${id}.`);
    return scenario;
  }

  async start(
    actor: Actor,
    s: { scenario: Scenario; seed: number; freeText: boolean; cohortId: string | null; assignmentId: string | null },
  ): Promise<{ session: TrainingSession; voice: Voice }> {
    let state = this.simulator(s.scenario).start(s.seed);
    // The opening line is a customer line too: in a free-text session the model words it.
    const { state: voiced, voice } = await this.voice(s.scenario, state, s.freeText);
    state = voiced;
    const session = await this.store.training.createSession({
      orgId: actor.orgId,
      userId: actor.userId,
      scenarioId: s.scenario.id,
      seed: s.seed,
      state,
      freeText: s.freeText,
      cohortId: s.cohortId,
      assignmentId: s.assignmentId,
    });
    if (voice === 'fallback') await this.store.training.updateSession(session.id, { addFallbacks: 1 });
    return { session: { ...session, modelFallbacks: voice === 'fallback' ? 1 : 0 }, voice };
  }

  /** The trainee's reply. */
  reply(actor: Actor, id: string, text: string): Promise<PlayedTurn> {
    return this.play(actor, id, (sim, state) => sim.reply(state, text));
  }

  /** The trainee's action (a warning, ending the contact, calling a supervisor…). */
  act(actor: Actor, id: string, action: AgentAction): Promise<PlayedTurn> {
    return this.play(actor, id, (sim, state) => sim.act(state, action), action === 'contact_ended');
  }

  /** Pauses or resumes: a paused session refuses turns until it is resumed. */
  async setPaused(actor: Actor, id: string, paused: boolean): Promise<TrainingSession> {
    return this.store.transaction(async (tx) => {
      const session = await this.owned(tx, actor, id);
      if (session.status === 'finished') throw new AppError('session_finished');
      const wanted: SessionStatus = paused ? 'paused' : 'active';
      if (session.status === wanted)
        throw new AppError('invalid_transition', paused ? 'This session is already paused.' : 'This session is not paused.');
      await tx.training.updateSession(id, { status: wanted });
      return { ...session, status: wanted };
    });
  }

  /** The trainee leaves: the session ends as `exited` and gets its report card. */
  async exit(actor: Actor, id: string): Promise<TrainingSession> {
    return this.store.transaction(async (tx) => {
      const session = await this.owned(tx, actor, id);
      if (session.status === 'finished') throw new AppError('session_finished');
      const scenario = this.scenario(session.scenarioId);
      const state = this.simulator(scenario).exit(session.state);
      const change = this.finish(scenario, state);
      await tx.training.updateSession(id, change);
      return { ...session, ...change, state };
    });
  }

  /** The report card of a finished session (null while it runs). */
  report(session: TrainingSession): ReportCard | null {
    if (session.status !== 'finished') return null;
    return reportCard(this.scenario(session.scenarioId), session.state, this.engine.reviewer);
  }

  private async play(
    actor: Actor,
    id: string,
    turn: (sim: Simulator, state: SimState) => SimStep,
    /** The customer has nothing more to say (the agent ended the contact): no model call. */
    silent = false,
  ): Promise<PlayedTurn> {
    const before = await this.store.training.session(actor.orgId, id);
    if (!before) throw new AppError('not_found', 'There is no training session with this id.');
    if (before.userId !== actor.userId) throw new AppError('not_yours');
    if (before.status === 'paused') throw new AppError('session_paused');
    if (before.status === 'finished') throw new AppError('session_finished');
    const scenario = this.scenario(before.scenarioId);
    let step: SimStep;
    try {
      step = turn(this.simulator(scenario), before.state);
    } catch (err) {
      if (!(err instanceof SimulationError)) throw err;
      throw err.code === 'finished' ? new AppError('session_finished') : new AppError('invalid_reply', err.message);
    }
    let voice: Voice = 'script';
    if (step.customer !== null && !silent) {
      const voiced = await this.voice(scenario, step.state, before.freeText);
      voice = voiced.voice;
      if (voice === 'model') {
        const last = voiced.state.turns[voiced.state.turns.length - 1];
        step = { ...step, state: voiced.state, customer: last?.role === 'customer' ? last.text : step.customer };
      }
    }
    const played = step.state;
    const change = {
      state: played,
      ...(played.outcome !== null ? this.finish(scenario, played) : {}),
      ...(voice === 'fallback' ? { addFallbacks: 1 } : {}),
    };
    const session = await this.store.transaction(async (tx) => {
      const current = await tx.training.session(actor.orgId, id, true);
      // Another turn (a second tab, a double click) was stored while this one was being played.
      if (!current || current.state.inputs.length !== before.state.inputs.length || current.status !== before.status)
        throw new AppError('conflict', 'Another turn of this session was played at the same moment; reload the session and carry on.');
      await tx.training.updateSession(id, change);
      return { ...current, ...change, modelFallbacks: current.modelFallbacks + (change.addFallbacks ?? 0) };
    });
    return { session, step, voice };
  }

  /** The fields of a session that has just ended. */
  private finish(scenario: Scenario, state: SimState) {
    const card = reportCard(scenario, state, this.engine.reviewer);
    return { state, status: 'finished' as const, outcome: state.outcome, score: card.score, passed: card.passed, finishedAt: now() };
  }

  /** The customer's last line in the model's words, when the session has free text and a model answers. */
  private async voice(scenario: Scenario, state: SimState, freeText: boolean): Promise<{ state: SimState; voice: Voice }> {
    if (!freeText || !this.model) return { state, voice: 'script' };
    const line = await this.model.write(customerPrompt(scenario, state));
    return line === null ? { state, voice: 'fallback' } : { state: withCustomerText(state, line), voice: 'model' };
  }

  /** Loads a session of the actor's in a transaction (locked on PostgreSQL). */
  private async owned(tx: Store, actor: Actor, id: string): Promise<TrainingSession> {
    const session = await tx.training.session(actor.orgId, id, true);
    if (!session) throw new AppError('not_found', 'There is no training session with this id.');
    if (session.userId !== actor.userId) throw new AppError('not_yours');
    return session;
  }

  private simulator(scenario: Scenario): Simulator {
    let sim = this.simulators.get(scenario.id);
    if (!sim)
      this.simulators.set(scenario.id, (sim = new Simulator(scenario, { coach: this.engine.coach, detector: this.engine.detector })));
    return sim;
  }
}

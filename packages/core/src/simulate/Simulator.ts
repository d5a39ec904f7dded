/**
 * @module simulate/Simulator
 * A simulated difficult customer. Each agent reply is read by the draft coach: its findings
 * (dismissal, negative phrasing, a transfer without ownership…) make the customer angrier by the
 * scenario's weights, its practice cues (acknowledgement, restating, ownership, a solution…) calm
 * them. The customer answers from the scenario's lines for the mood they are in. Everything random
 * comes from a seeded generator kept in the state, so a session replays exactly from its seed and
 * the trainee's inputs, and two trainees given the same seed meet the same customer.
 */
import type { Detector } from '../detect/Detector.js';
import type { DraftCoach } from '../coach/DraftCoach.js';
import type { CustomerMessage, Finding } from '../coach/types.js';
import type { Label } from '../detect/types.js';
import type { Cue, FindingKind } from '../conversation/types.js';
import type { AgentAction } from '../protocol/types.js';
import { moodBand, type Calmer, type Escalator, type Scenario } from './scenario.js';
import type { SimInput, SimState, SimStep, SimTurn } from './types.js';

/** Why a turn was refused: the session is over, or the input is not a reply. */
export class SimulationError extends Error {
  constructor(
    readonly code: 'finished' | 'invalid_input',
    message: string,
  ) {
    super(message);
    this.name = 'SimulationError';
  }
}

/** Which escalator each kind of coach finding stands for. */
const ESCALATOR_OF: Record<FindingKind, Escalator> = {
  negative_phrasing: 'negative_phrasing',
  over_promise: 'broken_promise',
  premature_fault: 'premature_fault',
  lecturing: 'lecturing',
  dismissive: 'dismissal',
  blaming: 'blaming',
  sarcasm: 'sarcasm',
  transfer_without_ownership: 'transfer',
  agent_profanity: 'agent_profanity',
  shouting: 'shouting',
  missing_acknowledgement: 'no_acknowledgement',
  repetition: 'repetition',
};

/** Which calmer each practice cue stands for ("I checked" is ownership; a confirmation question goes with restating). */
const CALMER_OF: Partial<Record<Cue, Calmer>> = {
  ack: 'acknowledgement',
  restate: 'restating',
  confirm: 'restating',
  ownership: 'ownership',
  checked: 'ownership',
  boundary: 'boundary',
  solution: 'solution',
  agreement: 'agreement',
  recap: 'recap',
};

/** A weight the scenario leaves out. */
const DEFAULT_WEIGHT = 10;
/** A reply that neither helps nor hurts still costs patience while the problem is open. */
const IDLE_DRIFT = 4;
/** Where a hostile customer lands after taking a boundary: angry, no longer abusive. */
const AFTER_BOUNDARY = 62;
/** Mood below which a customer with a solution on the table can agree. */
const CAN_SETTLE = 40;
const HOSTILE = 75;
/** From irritated up, a customer is upset whatever their words. */
const UPSET = 25;
const MAX_REPLY = 2000;

/** mulberry32: small, fast, good enough to pick lines; returns the next state and a number in [0, 1). */
function draw(rng: number): [number, number] {
  const s = (rng + 0x6d2b79f5) | 0;
  let t = Math.imul(s ^ (s >>> 15), 1 | s);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return [s, ((t ^ (t >>> 14)) >>> 0) / 4294967296];
}

export interface SimulatorDeps {
  coach: DraftCoach;
  detector: Detector;
}

export class Simulator {
  constructor(
    readonly scenario: Scenario,
    private readonly deps: SimulatorDeps,
  ) {}

  /**
   * A new session: the customer's opening line is the first turn.
   * @example sim.start(42).turns[0]?.role // 'customer'
   */
  start(seed: number): SimState {
    const state: SimState = {
      version: 1,
      scenarioId: this.scenario.id,
      seed: seed >>> 0,
      rng: seed >>> 0,
      mood: this.scenario.startMood,
      turns: [],
      inputs: [],
      agentTurns: 0,
      solutionOffered: false,
      settled: false,
      disclosed: false,
      boundaryTaken: null,
      used: [],
      calmed: {},
      outcome: null,
    };
    this.customerSays(state, this.say(state, this.scenario.lines.opening));
    return state;
  }

  /**
   * The agent sends `text`; the customer answers. `customerText` replaces the scripted answer (a
   * local model writing the customer's words); mood and outcome are still the engine's.
   * @example sim.reply(sim.start(1), 'I am sorry this happened, let me fix it.').moodAfter
   */
  reply(previous: SimState, text: string, options: { customerText?: string } = {}): SimStep {
    const trimmed = text.trim();
    if (trimmed.length === 0) throw new SimulationError('invalid_input', 'A reply needs some text.');
    if (trimmed.length > MAX_REPLY) throw new SimulationError('invalid_input', `A reply may be at most ${MAX_REPLY} characters.`);
    const state = this.open(previous);
    state.inputs.push({ kind: 'reply', text });
    const moodBefore = state.mood;
    const { findings, cues } = this.deps.coach.inspect(text, {
      lang: this.scenario.lang,
      register: this.scenario.register,
      customer: this.lastCustomer(state),
      previous: state.turns.flatMap((t) => (t.role === 'agent' ? [t.text] : [])),
    });
    state.turns.push({ role: 'agent', text });
    state.agentTurns++;

    const escalators = unique(findings.map((f) => ESCALATOR_OF[f.kind]));
    let calmers = unique([...cues].flatMap((c) => CALMER_OF[c] ?? []));
    // A boundary is for abuse; read to a customer who is only upset, it is a lecture.
    const boundary = calmers.includes('boundary');
    if (boundary && moodBefore < HOSTILE) {
      calmers = calmers.filter((c) => c !== 'boundary');
      if (!escalators.includes('lecturing')) escalators.push('lecturing');
    }
    this.move(state, escalators, calmers);
    if (calmers.includes('solution')) state.solutionOffered = true;

    let line: string;
    if (boundary && moodBefore >= HOSTILE) line = this.boundaryAnswer(state);
    else line = this.answer(state, cues.has('agreement') || cues.has('recap'), cues.has('anything_else'));
    if (options.customerText?.trim()) line = options.customerText.trim();
    this.customerSays(state, line);
    if (state.outcome === null && state.agentTurns >= this.scenario.turnLimit) state.outcome = 'turn_limit';
    return this.step(state, line, moodBefore, escalators, calmers, findings);
  }

  /**
   * The agent takes an action. A warning is a boundary; a callback offer an alternative; ending
   * closes the session; calling a supervisor or security happens out of the customer's sight.
   * @example sim.act(state, 'contact_ended').state.outcome // 'ended'
   */
  act(previous: SimState, action: AgentAction, options: { customerText?: string } = {}): SimStep {
    const state = this.open(previous);
    state.inputs.push({ kind: 'action', action });
    state.turns.push({ role: 'action', action });
    const moodBefore = state.mood;
    let line: string | null = null;
    let escalators: Escalator[] = [];
    let calmers: Calmer[] = [];
    switch (action) {
      case 'contact_ended':
        state.outcome = 'ended';
        line = this.say(state, this.scenario.lines.ended);
        break;
      case 'warning_issued':
        if (moodBefore >= HOSTILE) line = this.boundaryAnswer(state);
        else {
          escalators = ['lecturing'];
          this.move(state, escalators, calmers);
          line = this.answer(state, false, false);
        }
        break;
      case 'callback_offered':
        calmers = ['callback'];
        this.move(state, escalators, calmers);
        state.solutionOffered = true;
        line = this.answer(state, false, false);
        break;
      default:
        // Supervisor or security called, a supervisor joined: the customer does not see it.
        break;
    }
    if (line !== null) {
      if (options.customerText?.trim() && action !== 'contact_ended') line = options.customerText.trim();
      this.customerSays(state, line);
    }
    return this.step(state, line, moodBefore, escalators, calmers, []);
  }

  /** The trainee leaves the session. */
  exit(previous: SimState): SimState {
    const state = this.open(previous);
    state.outcome = 'exited';
    return state;
  }

  /**
   * Rebuilds a session from its seed and inputs; the same inputs give the same transcript.
   * @example sim.replay(s.seed, s.inputs).turns // deep-equals s.turns
   */
  replay(seed: number, inputs: readonly SimInput[]): SimState {
    let state = this.start(seed);
    for (const input of inputs) {
      if (state.outcome !== null) break;
      state = input.kind === 'reply' ? this.reply(state, input.text).state : this.act(state, input.action).state;
    }
    return state;
  }

  /** A copy to change, refused once the session is over. */
  private open(state: SimState): SimState {
    if (state.scenarioId !== this.scenario.id) throw new SimulationError('invalid_input', 'This session belongs to another scenario.');
    if (state.outcome !== null) throw new SimulationError('finished', 'This session has ended.');
    return JSON.parse(JSON.stringify(state)) as SimState; // plain JSON by design
  }

  /** Applies escalators and calmers; a calmer used again counts half as much each time. */
  private move(state: SimState, escalators: readonly Escalator[], calmers: readonly Calmer[]): void {
    let delta = 0;
    for (const e of escalators) delta += this.scenario.escalators[e] ?? DEFAULT_WEIGHT;
    for (const c of calmers) {
      const times = state.calmed[c] ?? 0;
      delta -= (this.scenario.calmers[c] ?? DEFAULT_WEIGHT) / 2 ** times;
      state.calmed[c] = times + 1;
    }
    if (escalators.length === 0 && calmers.length === 0 && !state.settled) delta = IDLE_DRIFT;
    state.mood = Math.round(Math.min(100, Math.max(0, state.mood + delta)));
  }

  /** What the customer says to an ordinary reply, in order of what matters most to them. */
  private answer(state: SimState, soughtAgreement: boolean, askedAnythingElse: boolean): string {
    const { lines } = this.scenario;
    const disclosure = lines.disclosure;
    if (disclosure && !state.disclosed && (state.mood >= disclosure.at || state.agentTurns >= disclosure.turn)) {
      state.disclosed = true;
      return this.say(state, disclosure.lines);
    }
    if (state.settled && askedAnythingElse) {
      state.outcome = 'resolved';
      return this.say(state, lines.nothingElse);
    }
    if (state.settled) return this.say(state, lines.calm);
    if (state.solutionOffered && state.mood < CAN_SETTLE && (soughtAgreement || state.mood < 25)) {
      state.settled = true;
      return this.say(state, lines.accept);
    }
    if (state.solutionOffered && state.mood < HOSTILE) return this.say(state, lines.considering);
    return this.say(state, lines[moodBand(state.mood)]);
  }

  /** A hostile customer meets a boundary: the seed decides whether they take it. */
  private boundaryAnswer(state: SimState): string {
    const [rng, x] = draw(state.rng);
    state.rng = rng;
    const taken = x < this.scenario.respectsBoundary;
    state.boundaryTaken = taken;
    if (!taken) return this.say(state, this.scenario.lines.boundaryIgnored);
    state.mood = Math.min(state.mood, AFTER_BOUNDARY);
    return this.say(state, this.scenario.lines.boundaryTaken);
  }

  /** A line from the pool, one not said yet while there is one. */
  private say(state: SimState, pool: readonly string[]): string {
    const fresh = pool.filter((l) => !state.used.includes(l));
    const from = fresh.length > 0 ? fresh : pool;
    const [rng, x] = draw(state.rng);
    state.rng = rng;
    const line = from[Math.floor(x * from.length)]!;
    state.used.push(line);
    return line;
  }

  /** Adds the customer's line with the detector's reading of it. */
  private customerSays(state: SimState, text: string): void {
    const { label } = this.deps.detector.analyze(text, { lang: this.scenario.lang });
    state.turns.push({ role: 'customer', text, mood: state.mood, label: upsetLabel(label, state.mood) });
  }

  private lastCustomer(state: SimState): CustomerMessage | undefined {
    let last: SimTurn | undefined;
    for (const t of state.turns) if (t.role === 'customer') last = t;
    return last?.role === 'customer' ? { label: last.label, text: last.text } : undefined;
  }

  private step(
    state: SimState,
    customer: string | null,
    moodBefore: number,
    escalators: Escalator[],
    calmers: Calmer[],
    findings: Finding[],
  ): SimStep {
    return { state, customer, moodBefore, moodAfter: state.mood, band: moodBand(state.mood), escalators, calmers, findings };
  }
}

/**
 * The simulator knows how upset its customer is: a line the detector reads as plain ("Fine. How long
 * will this take?") said by an angry customer is frustration, so the coach expects acknowledgement.
 */
function upsetLabel(label: Label, mood: number): Label {
  return label === 'none' && mood >= UPSET ? 'frustration' : label;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * The simulated customer: good handling calms them and ends resolved with a passing report card;
 * dismissal makes them hostile and abusive; a boundary is taken or not as the seed decides, the same
 * way on every replay; the scenario's disclosure comes when it should; a finished session refuses
 * more turns.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCoach } from '../coach/createCoach.js';
import { createDetector } from '../detect/createDetector.js';
import { AGENT_ACTIONS } from '../protocol/types.js';
import { ConversationReviewer } from '../review/ConversationReviewer.js';
import { reportCard } from './reportCard.js';
import { ScenarioSchema, type Scenario } from './scenario.js';
import { scenarioById, shippedScenarios } from './scenarios.js';
import { Simulator, SimulationError } from './Simulator.js';
import type { SimInput, SimState } from './types.js';

const detector = createDetector();
const coach = createCoach(detector);
const reviewer = new ConversationReviewer(coach, detector);
const card = scenarioById('en-bank-blocked-card')!;
const simOf = (s: Scenario) => new Simulator(s, { coach, detector });

const GOOD = [
  "I'm so sorry your card was declined while you're abroad, that's really stressful.",
  'I understand how stressful that is. So your debit card was blocked after the payment in Lisbon, is that right?',
  "I'm sorry about the hassle. I've checked your account: the block came from our fraud check, and I can unblock it right now after two quick security questions.",
  'Does that work for you?',
  'To recap: the card is unblocked and you can pay at the hotel tonight. Is there anything else I can help you with?',
];
const RUDE = ['Calm down, sir.', "That's not our policy, we can't do anything about it.", 'You should have told us you were travelling.'];

function play(sim: Simulator, seed: number, inputs: readonly SimInput[]): SimState {
  let state = sim.start(seed);
  for (const input of inputs) {
    if (state.outcome !== null) break;
    state = input.kind === 'reply' ? sim.reply(state, input.text).state : sim.act(state, input.action).state;
  }
  return state;
}
const replies = (texts: readonly string[]): SimInput[] => texts.map((text) => ({ kind: 'reply', text }));

describe('the simulated customer', () => {
  it('calms down under good handling and the session ends resolved with a passing report card', () => {
    const sim = simOf(card);
    const state = play(sim, 7, replies(GOOD));
    expect(state.outcome).toBe('resolved');
    const moods = state.turns.flatMap((t) => (t.role === 'customer' ? [t.mood] : []));
    expect(moods[moods.length - 1]).toBeLessThan(card.startMood);
    const rc = reportCard(card, state, reviewer);
    expect(rc.passed).toBe(true);
    const met = (name: string) => rc.criteria.find((c) => c.criterion === name);
    expect(met('acknowledged')).toMatchObject({ met: true, turns: expect.arrayContaining([1]) });
    expect(met('proposed_solution')?.met).toBe(true);
    expect(met('asked_anything_else')).toMatchObject({ met: true, turns: [9] });
    expect(rc.moods).toEqual(moods);
  });

  it('turns hostile and abusive when dismissed, and ending without a boundary fails the session', () => {
    const sim = simOf(card);
    let state = sim.start(7);
    const steps = RUDE.map((text) => {
      const step = sim.reply(state, text);
      state = step.state;
      return step;
    });
    expect(steps[0]!.escalators).toContain('dismissal');
    expect(steps[1]!.escalators).toContain('negative_phrasing');
    expect(steps[2]!.band).toBe('hostile');
    // The hostile lines are abuse, as the live detector reads them.
    expect(detector.analyze(steps[2]!.customer!, { lang: 'en' }).label).toBe('abuse');
    state = sim.act(state, 'contact_ended').state;
    expect(state.outcome).toBe('ended');
    const rc = reportCard(card, state, reviewer);
    expect(rc.passed).toBe(false);
    expect(rc.criteria.find((c) => c.criterion === 'boundary_before_ending')?.met).toBe(false);
    // What would have done better: a boundary line in the customer's language.
    expect(rc.advice.find((a) => a.criterion === 'boundary_before_ending')?.example).toMatch(/\w/);
    expect(rc.findings.flatMap((f) => f.findings.map((x) => x.kind))).toContain('dismissive');
  });

  it('takes or ignores a boundary as the seed decides, the same way on every replay', () => {
    const sim = simOf(card);
    const outcomes = new Set<boolean>();
    for (let seed = 1; seed <= 30 && outcomes.size < 2; seed++) {
      const inputs: SimInput[] = [...replies(RUDE), { kind: 'action', action: 'warning_issued' }];
      const state = play(sim, seed, inputs);
      expect(state.boundaryTaken).not.toBeNull();
      outcomes.add(state.boundaryTaken!);
      if (state.boundaryTaken) expect(state.mood).toBeLessThan(75);
      expect(sim.replay(seed, state.inputs)).toEqual(state);
    }
    expect(outcomes).toEqual(new Set([true, false]));
  });

  it('says the disclosure once when the mood reaches it, and a crisis scenario fails if the agent ends the contact', () => {
    const crisis = shippedScenarios().find((s) => s.lines.disclosure && s.forbiddenActions.includes('contact_ended'));
    expect(crisis, 'a shipped self-harm scenario').toBeDefined();
    const sim = simOf(crisis!);
    let state = sim.start(3);
    let said = 0;
    for (let i = 0; i < 8 && state.outcome === null; i++) {
      const step = sim.act(state, 'warning_issued'); // a lecture to someone in distress: the mood climbs
      state = step.state;
      if (step.customer && crisis!.lines.disclosure!.lines.includes(step.customer)) said++;
    }
    expect(said).toBe(1);
    state = sim.act(state, 'contact_ended').state;
    const rc = reportCard(crisis!, state, reviewer);
    expect(rc.passed).toBe(false);
    expect(rc.criteria.find((c) => c.criterion === 'forbidden_action')).toMatchObject({ action: 'contact_ended', met: false });
  });

  it('refuses empty replies and any turn after the end, and stops at the turn limit', () => {
    const sim = simOf(ScenarioSchema.parse({ ...card, turnLimit: 4 }));
    const start = sim.start(1);
    expect(() => sim.reply(start, '   ')).toThrow(SimulationError);
    const state = play(sim, 1, replies(['Hello.', 'One moment.', 'Still checking.', 'Nearly there.']));
    expect(state.outcome).toBe('turn_limit');
    expect(() => sim.reply(state, 'Hello?')).toThrow(expect.objectContaining({ code: 'finished' }));
    expect(sim.exit(start).outcome).toBe('exited');
    // The caller's state is never changed in place.
    expect(start.turns).toHaveLength(1);
  });

  it('never leaves an invalid state, whatever the trainee does', () => {
    const sim = simOf(card);
    const input = fc.oneof(
      fc.constantFrom(...GOOD, ...RUDE, 'ok', 'I CAN NOT HELP!!!').map((text): SimInput => ({ kind: 'reply', text })),
      fc.constantFrom(...AGENT_ACTIONS).map((action): SimInput => ({ kind: 'action', action })),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.array(input, { maxLength: 16 }), (seed, inputs) => {
        const state = play(sim, seed, inputs);
        expect(state.mood).toBeGreaterThanOrEqual(0);
        expect(state.mood).toBeLessThanOrEqual(100);
        expect(JSON.parse(JSON.stringify(state))).toEqual(state);
        expect(sim.replay(seed, state.inputs)).toEqual(state);
        const rc = reportCard(card, state, reviewer);
        expect(rc.score).toBeGreaterThanOrEqual(0);
        expect(rc.score).toBeLessThanOrEqual(1);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the shipped scenarios', () => {
  const all = shippedScenarios();

  it('are at least 16 across at least 6 languages, with abusive, threatening and self-harm ones', () => {
    expect(all.length).toBeGreaterThanOrEqual(16);
    expect(new Set(all.map((s) => s.lang)).size).toBeGreaterThanOrEqual(6);
    for (const note of ['abuse', 'threat', 'self_harm'] as const)
      expect(all.filter((s) => s.contentNotes.includes(note)).length, note).toBeGreaterThanOrEqual(3);
  });

  it.each(all.map((s) => [s.id, s] as const))('%s says what its content note promises', (_id, s) => {
    const labels = (lines: readonly string[]) => lines.map((l) => detector.analyze(l, { lang: s.lang }).label);
    // The trainee is warned about what comes; the detector must agree the warning is needed.
    if (s.contentNotes.includes('abuse')) expect(labels([...s.lines.hostile, ...s.lines.boundaryIgnored])).toContain('abuse');
    if (s.contentNotes.includes('threat')) expect(labels([...s.lines.hostile, ...(s.lines.disclosure?.lines ?? [])])).toContain('threat');
    if (s.contentNotes.includes('self_harm')) expect(labels(s.lines.disclosure?.lines ?? [])).toContain('self_harm');
    // Settled customers are not abusive.
    expect(labels([...s.lines.accept, ...s.lines.nothingElse]).filter((l) => l === 'abuse' || l === 'threat')).toEqual([]);
  });
});

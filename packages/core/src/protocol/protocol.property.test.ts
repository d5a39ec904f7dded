import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LABELS, LANGUAGES } from '../detect/types.js';
import { parsePolicy } from '../policy/schema.js';
import { createProtocol, shippedReplyLibrary } from './createProtocol.js';
import { parseProtocolEvent, readProtocolState } from './schema.js';
import { AGENT_ACTIONS, STEPS, type ProtocolEvent, type ProtocolState } from './types.js';

const lib = shippedReplyLibrary();
const someReplyIds = LANGUAGES.flatMap((l) =>
  lib
    .lines(l, 'help_boundary', 'formal')
    .slice(0, 1)
    .map((r) => r.id),
);

const event: fc.Arbitrary<ProtocolEvent> = fc.oneof(
  fc.record({ type: fc.constant('customer_message' as const), label: fc.constantFrom(...LABELS), language: fc.constantFrom(...LANGUAGES) }),
  fc.record({ type: fc.constant('agent_action' as const), action: fc.constantFrom(...AGENT_ACTIONS) }),
  fc.record({
    type: fc.constant('agent_message' as const),
    text: fc.string(),
    replyId: fc.option(fc.constantFrom(...someReplyIds, 'no.such.id'), { nil: undefined }),
  }),
);

const policy = fc.record({
  warningsBeforeEnd: fc.integer({ min: 1, max: 5 }),
  profanity: fc.constantFrom('ignore', 'address', 'ladder'),
  afterFinalWarning: fc.constantFrom('end', 'hand_over'),
  calmMessagesToStepDown: fc.integer({ min: 1, max: 5 }),
  threat: fc.record({ endAllowedImmediately: fc.boolean(), alertSecurity: fc.boolean(), alertSupervisor: fc.boolean() }),
});

/** What must hold for any state, whatever happened before. */
function checkInvariants(s: ProtocolState, max: number): void {
  expect(STEPS).toContain(s.step);
  expect(s.level).toBeGreaterThanOrEqual(0);
  expect(s.level).toBeLessThanOrEqual(max);
  expect(s.warnings).toBeGreaterThanOrEqual(s.level);
  expect(s.calmStreak).toBeGreaterThanOrEqual(0);
  if (s.step === 'warned') expect(s.level > 0 && s.level < max).toBe(true);
  if (s.step === 'final_warning') expect(s.level).toBe(max);
  if (s.step === 'ending_recommended') expect(s.level === max || s.threat).toBe(true);
  expect(new Set(s.usedReplies).size).toBe(s.usedReplies.length);
}

describe('protocol under any sequence of events', () => {
  it('never throws, keeps a valid state, never re-suggests a used line, never ends a crisis, and replays exactly', () => {
    fc.assert(
      fc.property(policy, fc.array(event, { maxLength: 40 }), fc.nat(), (raw, events, seed) => {
        const pol = parsePolicy(raw);
        const p = createProtocol(pol);
        let state = p.start({ seed });
        let ended = false;
        for (const e of events) {
          const o = p.step(state, e);
          checkInvariants(o.state, pol.warningsBeforeEnd);
          // What the server stores reads back as the same state; what it receives parses.
          expect(readProtocolState(JSON.parse(JSON.stringify(o.state)))).toEqual(o.state);
          expect(parseProtocolEvent(e)).toEqual(e);
          for (const s of o.suggestions) expect(state.usedReplies).not.toContain(s.id);
          if (o.state.crisis) expect(o.actions.map((a) => a.action)).not.toContain('end_contact');
          if (ended) expect(o.state.step).toBe('ended');
          ended = o.state.step === 'ended';
          state = o.state;
        }
        expect(p.replay(events, { seed })).toEqual(state);
      }),
      { numRuns: 400 },
    );
  });
});

describe('protocol data from outside', () => {
  it('rejects a malformed event with the field that is wrong, and a damaged stored state', () => {
    expect(() => parseProtocolEvent({ type: 'agent_action', action: 'dance' })).toThrow(/action/);
    expect(() => parseProtocolEvent({ type: 'customer_message', label: 'abuse', language: 'xx' })).toThrow(/language/);
    const state = createProtocol().start({ lang: 'en' });
    expect(readProtocolState(state)).toEqual(state);
    expect(readProtocolState({ ...state, level: 2, warnings: 1 })).toBeNull();
    expect(readProtocolState({ ...state, step: 'angry' })).toBeNull();
    expect(readProtocolState('{}')).toBeNull();
  });
});

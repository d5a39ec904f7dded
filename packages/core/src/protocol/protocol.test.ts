import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Label, type Language } from '../detect/types.js';
import { parsePolicy, CRISIS_PLACEHOLDERS } from '../policy/schema.js';
import { createProtocol, shippedReplyLibrary } from './createProtocol.js';
import type { ProtocolEvent, ProtocolOutput, ProtocolState } from './types.js';

const customer = (label: Label, language: Language): ProtocolEvent => ({ type: 'customer_message', label, language });
const warned: ProtocolEvent = { type: 'agent_action', action: 'warning_issued' };
const actionsOf = (o: ProtocolOutput): string[] => o.actions.map((a) => a.action);

/** Runs events one by one, keeping every output. */
function run(events: ProtocolEvent[], policy = parsePolicy({}), lang?: Language): ProtocolOutput[] {
  const p = createProtocol(policy);
  let state: ProtocolState = p.start({ lang, seed: 11 });
  return events.map((e) => {
    const o = p.step(state, e, { agentName: 'Sam', callbackWindow: '14:00–16:00' });
    state = o.state;
    return o;
  });
}

describe.each(LANGUAGES)('the whole ladder and back down in %s', (lang) => {
  it('climbs with warnings, recommends ending, and steps back down as the customer calms', () => {
    const events: ProtocolEvent[] = [
      customer('frustration', lang), // 0 empathy
      customer('abuse', lang), // 1 first boundary
      warned, // 2
      customer('abuse', lang), // 3 final boundary + callback
      warned, // 4
      customer('abuse', lang), // 5 end recommended
      customer('none', lang),
      customer('frustration', lang),
      customer('none', lang), // 8 back to final warning
      customer('none', lang),
      customer('none', lang),
      customer('none', lang), // 11 back to warned
      customer('none', lang),
      customer('none', lang),
      customer('none', lang), // 14 back to de-escalating
    ];
    const out = run(events);
    expect(out[0]!.state.step).toBe('de_escalating');
    expect(out[0]!.suggestions.map((s) => s.situation)).toEqual(expect.arrayContaining(['acknowledge', 'restate_confirm']));
    expect(actionsOf(out[1]!)).toEqual(['issue_warning']);
    expect(out[1]!.suggestions.every((s) => s.situation === 'help_boundary')).toBe(true);
    expect(out[2]!.state).toMatchObject({ step: 'warned', level: 1, warnings: 1 });
    expect(actionsOf(out[3]!)).toEqual(['issue_warning', 'offer_callback']);
    expect(out[3]!.suggestions.every((s) => s.situation === 'final_boundary')).toBe(true);
    expect(out[4]!.state).toMatchObject({ step: 'final_warning', level: 2 });
    expect(actionsOf(out[5]!)).toEqual(['end_contact']);
    expect(out[5]!.state.step).toBe('ending_recommended');
    expect(out[5]!.suggestions.every((s) => s.situation === 'end_contact')).toBe(true);
    expect(out[8]!.state.step).toBe('final_warning');
    expect(out[11]!.state).toMatchObject({ step: 'warned', level: 1 });
    expect(out[14]!.state).toMatchObject({ step: 'de_escalating', level: 0, warnings: 2 });
    // Every suggestion is in the conversation's language, with the context's values filled in.
    for (const o of out) for (const s of o.suggestions) expect(s.id.startsWith(`${lang}.`)).toBe(true);
    const callback = out[3]!.suggestions.map((s) => s.text).join(' ');
    expect(callback).not.toContain('{callback_window}');
  });

  it('sends threats to supervisor and security at once and allows ending without warnings', () => {
    const [o] = run([customer('threat', lang)]);
    expect(o!.actions).toEqual([
      { action: 'call_supervisor', reason: 'threat', urgent: true },
      { action: 'call_security', reason: 'threat', urgent: true },
      { action: 'end_contact', reason: 'threat', urgent: true },
    ]);
    expect(o!.state).toMatchObject({ step: 'ending_recommended', threat: true });
    expect(o!.suggestions[0]!.situation).toBe('threat_response');
  });

  it('starts the crisis protocol for self-harm, gives the crisis resource and never recommends ending', () => {
    const out = run([
      customer('self_harm', lang),
      customer('abuse', lang),
      warned,
      customer('abuse', lang),
      warned,
      customer('abuse', lang),
    ]);
    expect(actionsOf(out[0]!)).toEqual(['start_crisis_protocol', 'call_supervisor']);
    const crisisLines = out[0]!.suggestions.filter((s) => s.situation === 'crisis_response');
    expect(crisisLines.length).toBeGreaterThan(0);
    expect(crisisLines.some((s) => s.text.includes(CRISIS_PLACEHOLDERS[lang]))).toBe(true);
    for (const o of out) expect(actionsOf(o)).not.toContain('end_contact');
    for (const o of out.slice(1)) if (o.suggestions.length > 0) expect(o.suggestions[0]!.situation).toBe('crisis_response');
    expect(out[5]!.suggestions.map((s) => s.situation)).toContain('hand_over');
  });
});

describe('policy variants', () => {
  it('hands over instead of ending when the policy says so', () => {
    const out = run([customer('abuse', 'de'), warned, warned, customer('abuse', 'de')], parsePolicy({ afterFinalWarning: 'hand_over' }));
    expect(actionsOf(out[3]!)).toEqual(['call_supervisor']);
    expect(out[3]!.suggestions.every((s) => s.situation === 'hand_over')).toBe(true);
  });

  it.each([
    ['ignore', [], 'de_escalating'],
    ['address', [], 'de_escalating'],
    ['ladder', ['issue_warning'], 'normal'],
  ] as const)('profanity policy "%s"', (profanity, actions, step) => {
    const [o] = run([customer('profanity', 'en')], parsePolicy({ profanity }));
    expect(actionsOf(o!)).toEqual(actions);
    expect(o!.state.step).toBe(step);
  });

  it('with one warning, the first warning is already the final one', () => {
    const out = run([customer('abuse', 'fr'), warned, customer('abuse', 'fr')], parsePolicy({ warningsBeforeEnd: 1 }));
    expect(actionsOf(out[0]!)).toEqual(['issue_warning', 'offer_callback']);
    expect(out[1]!.state.step).toBe('final_warning');
    expect(actionsOf(out[2]!)).toEqual(['end_contact']);
  });

  it('keeps threats on the ladder when the policy does not allow ending at once', () => {
    const [o] = run([customer('threat', 'pl')], parsePolicy({ threat: { endAllowedImmediately: false, alertSecurity: false } }));
    expect(actionsOf(o!)).toEqual(['call_supervisor', 'issue_warning']);
  });
});

describe('suggested replies', () => {
  it('never suggests a line the agent already sent, and sending a boundary line counts as a warning', () => {
    const p = createProtocol();
    let state = p.start({ lang: 'en' });
    const first = p.step(state, customer('abuse', 'en'));
    const chosen = first.suggestions[0]!;
    state = p.step(first.state, { type: 'agent_message', text: chosen.text, replyId: chosen.id }).state;
    expect(state).toMatchObject({ step: 'warned', warnings: 1, usedReplies: [chosen.id] });
    // Back down and up again: the same situation, never the used line.
    for (let i = 0; i < 3; i++) state = p.step(state, customer('none', 'en')).state;
    const again = p.step(state, customer('abuse', 'en'));
    expect(again.suggestions.length).toBeGreaterThan(0);
    expect(again.suggestions.map((s) => s.id)).not.toContain(chosen.id);
  });

  it('uses the register of the policy, and varies wording between conversations', () => {
    const lib = shippedReplyLibrary();
    const informal = createProtocol(parsePolicy({ register: { de: 'informal' } }));
    const o = informal.step(informal.start({ lang: 'de' }), customer('frustration', 'de'));
    for (const s of o.suggestions) expect(lib.get(s.id)!.register).not.toBe('formal');
    const p = createProtocol();
    const texts = new Set(
      [1, 2, 3, 4, 5].map((seed) => p.step(p.start({ lang: 'en', seed }), customer('frustration', 'en')).suggestions[0]!.text),
    );
    expect(texts.size).toBeGreaterThan(1);
  });

  it('takes the language of the first customer message when none was given', () => {
    const p = createProtocol();
    const o = p.step(p.start(), customer('frustration', 'uk'));
    expect(o.state.lang).toBe('uk');
    expect(o.suggestions[0]!.id.startsWith('uk.')).toBe(true);
  });

  it('suggests a break when a hard contact ends, and ignores messages after the end', () => {
    const out = run([customer('abuse', 'es'), { type: 'agent_action', action: 'contact_ended' }, customer('abuse', 'es')]);
    expect(actionsOf(out[1]!)).toEqual(['suggest_break']);
    expect(out[2]!.state.step).toBe('ended');
    expect(out[2]!.actions).toEqual([]);
  });
});

describe('handing over', () => {
  it('stays handed over when the customer calms down afterwards', () => {
    const joined: ProtocolEvent = { type: 'agent_action', action: 'supervisor_joined' };
    const out = run([customer('abuse', 'en'), warned, joined, customer('none', 'en'), customer('none', 'en'), customer('none', 'en')]);
    expect(out[out.length - 1]!.state).toMatchObject({ step: 'handed_over', level: 1 });
  });
});

describe('state', () => {
  it('survives JSON and is rebuilt exactly by replaying the events', () => {
    const events = [customer('frustration', 'zh'), customer('abuse', 'zh'), warned, customer('none', 'zh'), customer('self_harm', 'zh')];
    const out = run(events, parsePolicy({}), 'zh');
    const last = out[out.length - 1]!.state;
    expect(JSON.parse(JSON.stringify(last))).toEqual(last);
    expect(createProtocol().replay(events, { lang: 'zh', seed: 11 })).toEqual(last);
  });
});

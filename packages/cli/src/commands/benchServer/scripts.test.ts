/**
 * The conversations the server bench plays must make the server do what real traffic makes it do:
 * in all ten languages, the customer's abusive and threatening lines must raise alerts and the
 * others must not; the agent's replies go through the draft coach, which must flag the dismissive
 * and the blaming reply and leave the polite ones alone; and the pool must keep 500 conversations
 * going at once, customer and agent taking turns, with about one in ten turning abusive.
 */
import { createCoach, createDetector } from '@calmline/core';
import { describe, expect, it } from 'vitest';
import {
  AGENT_BLAMING,
  AGENT_DISMISSIVE,
  ConversationPool,
  conversationScript,
  LINES,
  MESSAGES_PER_SCRIPT,
  SCRIPT_LANGUAGES,
  SCRIPT_LENGTH,
} from './scripts.js';

const ALL_LANGUAGES = ['en', 'ru', 'pl', 'zh', 'he', 'uk', 'de', 'es', 'fr', 'ar'];

describe('script lines', () => {
  const detector = createDetector();
  const coach = createCoach(detector);

  it('cover the ten languages Calmline supports, each with 8 calm, 2 abuse, 2 threat and 8 agent lines', () => {
    expect(new Set(SCRIPT_LANGUAGES)).toEqual(new Set(ALL_LANGUAGES));
    for (const lang of SCRIPT_LANGUAGES) {
      const l = LINES[lang];
      expect([l.calm.length, l.abuse.length, l.threat.length, l.agent.length], lang).toEqual([8, 2, 2, 8]);
      // Every line is its own: no language borrowed another's line.
      expect(new Set([...l.calm, ...l.abuse, ...l.threat, ...l.agent]).size, lang).toBe(20);
    }
  });

  it.each(SCRIPT_LANGUAGES)('%s: abuse lines are labelled abuse, threats threat, the rest never alert', (lang) => {
    for (const text of LINES[lang].abuse) expect(detector.analyze(text, { lang }).label, text).toBe('abuse');
    for (const text of LINES[lang].threat) expect(detector.analyze(text, { lang }).label, text).toBe('threat');
    for (const text of LINES[lang].calm) expect(['none', 'frustration'], text).toContain(detector.analyze(text, { lang }).label);
  });

  it.each(SCRIPT_LANGUAGES)('%s: the coach flags the dismissive and the blaming reply and passes the polite ones', (lang) => {
    const agent = LINES[lang].agent;
    const kinds = (text: string) => coach.check(text, { lang }).map((f) => f.kind);
    const dismissive = agent[AGENT_DISMISSIVE]!;
    expect(kinds(dismissive), dismissive).toContain('dismissive');
    // "You should have checked the address" points at the customer's mistake as a telling-off:
    // the coach files it as lecturing or blaming.
    const blaming = agent[AGENT_BLAMING]!;
    expect(kinds(blaming), blaming).not.toEqual([]);
    expect(
      kinds(blaming).every((k) => k === 'blaming' || k === 'lecturing'),
      `${blaming}: ${kinds(blaming).join(', ')}`,
    ).toBe(true);
    const polite = agent.filter((_, i) => i !== AGENT_DISMISSIVE && i !== AGENT_BLAMING);
    expect(polite).toHaveLength(6);
    const flagged = polite.filter((text) => kinds(text).length > 0);
    expect(flagged.length, `flagged: ${flagged.join(' | ')}`).toBeLessThanOrEqual(1);
  });
});

interface Body {
  conversation: { channel: string; externalId: string; language: string; teamId?: string };
  author: string;
  text: string;
  externalId: string;
}

describe('conversationScript', () => {
  it('alternates customer and agent, customer first and last, with the customer lines of the script', () => {
    for (const lang of SCRIPT_LANGUAGES) {
      for (const variant of [0, 5, 11]) {
        const script = conversationScript(lang, false, variant);
        expect(script).toHaveLength(MESSAGES_PER_SCRIPT);
        expect(script.map((l) => l.author)).toEqual(script.map((_, i) => (i % 2 === 0 ? 'customer' : 'agent')));
        const customer = script.filter((l) => l.author === 'customer');
        expect(customer).toHaveLength(SCRIPT_LENGTH);
        expect(customer.map((l) => l.text)).toEqual(customer.map((_, i) => LINES[lang].calm[(i + variant) % 8]));
        for (const l of script) expect(l.kind === 'agent').toBe(l.author === 'agent');
        for (const l of script.filter((x) => x.author === 'agent')) expect(LINES[lang].agent).toContain(l.text);
      }
    }
  });

  it('an abusive script insults first and threatens later, so each raises two alerts of different kinds', () => {
    const kinds = conversationScript('de', true, 0).map((l) => l.kind);
    expect(kinds.indexOf('abuse')).toBeGreaterThan(0);
    expect(kinds.indexOf('threat')).toBeGreaterThan(kinds.indexOf('abuse'));
    expect(
      conversationScript('de', true, 0)
        .filter((l) => l.kind === 'abuse' || l.kind === 'threat')
        .every((l) => l.author === 'customer'),
    ).toBe(true);
    expect(conversationScript('de', false, 0).every((l) => l.kind === (l.author === 'agent' ? 'agent' : 'calm'))).toBe(true);
  });
});

describe('ConversationPool', () => {
  it('keeps `size` conversations going, customer and agent taking turns in script order, with fresh ones replacing finished ones', () => {
    const pool = new ConversationPool({ size: 500, prefix: 'p', seed: 1, teamId: 'team-1' });
    const seen = new Map<string, { n: number; author: string }[]>();
    const first = new Set<string>();
    const authors: Record<string, number> = {};
    for (let i = 0; i < 30_000; i++) {
      const m = pool.next();
      const body = JSON.parse(m.body) as Body;
      expect(body.conversation.teamId).toBe('team-1');
      expect(body.author).toBe(m.line.author);
      expect(body.text).toBe(m.line.text);
      authors[body.author] = (authors[body.author] ?? 0) + 1;
      if (i < 500) first.add(body.conversation.externalId);
      const n = Number(/-m(\d+)$/.exec(body.externalId)![1]);
      expect(body.externalId).toBe(`${body.conversation.externalId}-m${n}`);
      const messages = seen.get(body.conversation.externalId) ?? [];
      if (messages.length === 0) seen.set(body.conversation.externalId, messages);
      messages.push({ n, author: body.author });
    }
    expect(first.size).toBe(500);
    expect(Object.keys(authors).sort()).toEqual(['agent', 'customer']);
    // 8 customer lines to 7 replies.
    expect(authors.agent! / authors.customer!).toBeGreaterThan(0.8);
    expect(authors.agent! / authors.customer!).toBeLessThan(0.95);
    for (const [id, messages] of seen) {
      const numbers = messages.map((m) => m.n);
      // Message numbers run on by one from where the conversation starts (0 for all but the
      // first conversations of the slots, which start part-way through so openings are spread out).
      expect(numbers, id).toEqual(numbers.map((_, k) => numbers[0]! + k));
      expect(numbers[0]! % 2, id).toBe(0);
      expect(numbers.at(-1)!, id).toBeLessThan(MESSAGES_PER_SCRIPT);
      // Even message numbers are the customer's, odd ones the agent's: the customer opens.
      expect(
        messages.map((m) => m.author),
        id,
      ).toEqual(messages.map((m) => (m.n % 2 === 0 ? 'customer' : 'agent')));
    }
    // 30,000 messages over 15-message scripts: about 2,000 conversations in all.
    expect(seen.size).toBeGreaterThan(1900);
    const started = [...seen.values()].filter((m) => m[0]!.n === 0);
    expect(started.length).toBeGreaterThan(1400);
  });

  it('turns about one conversation in ten abusive, in all ten languages, and abusive ones go on to threaten', () => {
    const pool = new ConversationPool({ size: 500, prefix: 'p', seed: 7 });
    const kinds = new Map<string, Set<string>>();
    const languages = new Map<string, number>();
    for (let i = 0; i < 60_000; i++) {
      const m = pool.next();
      const body = JSON.parse(m.body) as Body;
      if (!kinds.has(m.conversationExternalId))
        languages.set(body.conversation.language, (languages.get(body.conversation.language) ?? 0) + 1);
      kinds.set(m.conversationExternalId, (kinds.get(m.conversationExternalId) ?? new Set()).add(m.line.kind));
    }
    const complete = [...kinds.values()].filter((k) => k.has('calm'));
    const abusive = complete.filter((k) => k.has('abuse'));
    expect(abusive.length / complete.length).toBeGreaterThan(0.07);
    expect(abusive.length / complete.length).toBeLessThan(0.13);
    expect(abusive.filter((k) => k.has('threat')).length / abusive.length).toBeGreaterThan(0.8);
    expect(new Set(languages.keys())).toEqual(new Set(ALL_LANGUAGES));
    // Picked uniformly: about a tenth of the ~4,000 conversations each.
    for (const [lang, count] of languages) expect(count / kinds.size, lang).toBeGreaterThan(0.07);
    for (const [lang, count] of languages) expect(count / kinds.size, lang).toBeLessThan(0.13);
  });

  it('plays the same conversations for the same seed, and others for another', () => {
    const a = new ConversationPool({ size: 10, prefix: 'x', seed: 3 });
    const b = new ConversationPool({ size: 10, prefix: 'x', seed: 3 });
    const c = new ConversationPool({ size: 10, prefix: 'x', seed: 4 });
    const fromA: string[] = [];
    const fromC: string[] = [];
    for (let i = 0; i < 300; i++) {
      const body = a.next().body;
      fromA.push(body);
      expect(body).toBe(b.next().body);
      fromC.push(c.next().body);
    }
    expect(fromC).not.toEqual(fromA);
  });
});

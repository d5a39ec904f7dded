/**
 * The conversations the server bench plays must make the server do what the issue measures: the
 * abusive and threatening lines must raise alerts (in every language), the others must not, and
 * the pool must keep 500 conversations going at once with about one in ten turning abusive.
 */
import { createDetector } from '@calmline/core';
import { describe, expect, it } from 'vitest';
import { ConversationPool, conversationScript, LINES, SCRIPT_LANGUAGES, SCRIPT_LENGTH } from './scripts.js';

describe('script lines', () => {
  const detector = createDetector();

  it.each(SCRIPT_LANGUAGES)('%s: abuse lines are labelled abuse, threats threat, the rest never alert', (lang) => {
    for (const text of LINES[lang].abuse) expect(detector.analyze(text, { lang }).label, text).toBe('abuse');
    for (const text of LINES[lang].threat) expect(detector.analyze(text, { lang }).label, text).toBe('threat');
    for (const text of LINES[lang].calm) expect(['none', 'frustration'], text).toContain(detector.analyze(text, { lang }).label);
  });
});

interface Body {
  conversation: { channel: string; externalId: string; language: string; teamId?: string };
  author: string;
  text: string;
  externalId: string;
}

describe('ConversationPool', () => {
  it('keeps `size` conversations going, each message of one in script order, with fresh ones replacing finished ones', () => {
    const pool = new ConversationPool({ size: 500, prefix: 'p', seed: 1, teamId: 'team-1' });
    const seen = new Map<string, number[]>();
    const first = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const m = pool.next();
      const body = JSON.parse(m.body) as Body;
      expect(body.conversation.teamId).toBe('team-1');
      expect(body.author).toBe('customer');
      if (i < 500) first.add(body.conversation.externalId);
      const n = Number(/-m(\d+)$/.exec(body.externalId)![1]);
      seen.set(body.conversation.externalId, [...(seen.get(body.conversation.externalId) ?? []), n]);
    }
    expect(first.size).toBe(500);
    for (const positions of seen.values()) {
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(positions.length).toBeLessThanOrEqual(SCRIPT_LENGTH);
    }
    // 20,000 messages over 8-message scripts: about 2,500 conversations in all.
    expect(seen.size).toBeGreaterThan(2400);
  });

  it('turns about one conversation in ten abusive, in all four languages, and abusive ones go on to threaten', () => {
    const pool = new ConversationPool({ size: 500, prefix: 'p', seed: 7 });
    const kinds = new Map<string, Set<string>>();
    const languages = new Set<string>();
    for (let i = 0; i < 40_000; i++) {
      const m = pool.next();
      languages.add((JSON.parse(m.body) as Body).conversation.language);
      kinds.set(m.conversationExternalId, (kinds.get(m.conversationExternalId) ?? new Set()).add(m.line.kind));
    }
    const complete = [...kinds.values()];
    const abusive = complete.filter((k) => k.has('abuse'));
    expect(abusive.length / complete.length).toBeGreaterThan(0.07);
    expect(abusive.length / complete.length).toBeLessThan(0.13);
    expect(languages).toEqual(new Set(['en', 'de', 'ru', 'es']));
  });

  it('an abusive script insults first and threatens later, so each raises two alerts of different kinds', () => {
    const kinds = conversationScript('de', true, 0).map((l) => l.kind);
    expect(kinds.indexOf('abuse')).toBeGreaterThan(0);
    expect(kinds.indexOf('threat')).toBeGreaterThan(kinds.indexOf('abuse'));
    expect(conversationScript('de', false, 0).every((l) => l.kind === 'calm')).toBe(true);
  });

  it('plays the same conversations for the same seed', () => {
    const a = new ConversationPool({ size: 10, prefix: 'x', seed: 3 });
    const b = new ConversationPool({ size: 10, prefix: 'x', seed: 3 });
    for (let i = 0; i < 200; i++) expect(a.next().body).toBe(b.next().body);
  });
});

/**
 * The browser entry: one language loaded reads drafts and messages exactly as Node's entry (all
 * languages) does, refuses a language it has not loaded with an error that says what to do, and
 * imports no language data until asked (so a bundler can split each language into its own chunk).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCoach as fullCoach } from '../coach/createCoach.js';
import { draftContext, parseDraftLines, type DraftRecord } from '../coach/drafts.js';
import { createDetector as fullDetector } from '../detect/createDetector.js';
import { createProtocol as fullProtocol } from '../protocol/createProtocol.js';
import * as lazy from './index.js';

const tune = fileURLToPath(new URL('../../../../corpus/drafts/tune/', import.meta.url));
const german: DraftRecord[] = readdirSync(tune)
  .filter((f) => /^de(-\d+)?\.jsonl$/.test(f))
  .flatMap((f) => parseDraftLines(readFileSync(join(tune, f), 'utf8')).records);
const full = fullDetector();

describe('@calmline/core/lazy', () => {
  it('refuses to work before a language is loaded, naming the language and the fix', () => {
    expect(lazy.loadedLanguages()).toEqual([]);
    const coach = lazy.createCoach();
    const check = () => coach.check('Beruhigen Sie sich doch.', { lang: 'de' });
    expect(check).toThrow(lazy.LanguageNotLoadedError);
    expect(check).toThrow("language data not loaded for 'de': await loadLanguages(['de'])");
    expect(() => lazy.createDetector()).toThrow(/await loadModel\(\)/);
  });

  it('rejects an unknown language code', async () => {
    await expect(lazy.loadLanguages(['de', 'xx'])).rejects.toThrow('unknown language "xx"');
  });

  it('with German loaded, coaches every German tuning draft exactly as the full entry', async () => {
    await lazy.loadLanguages(['de']);
    expect(lazy.loadedLanguages()).toEqual(['de']);
    expect(german.length).toBeGreaterThan(200);
    const coach = lazy.createCoach();
    const reference = fullCoach(full);
    let flagged = 0;
    for (const r of german) {
      const ctx = draftContext(r, r.customer !== undefined ? full.analyze(r.customer, { lang: 'de' }) : undefined);
      const findings = coach.check(r.draft, ctx);
      expect(findings, r.id).toEqual(reference.check(r.draft, ctx));
      if (findings.length > 0) flagged++;
    }
    // Equal because both find things, not because both find nothing.
    expect(flagged).toBeGreaterThan(german.length / 2);
  });

  it('refuses a Chinese draft while only German is loaded', () => {
    const coach = lazy.createCoach();
    expect(() => coach.check('你冷静一下', { lang: 'zh' })).toThrow("language data not loaded for 'zh'");
    expect(() =>
      lazy
        .createProtocol()
        .step(lazy.createProtocol().start({ lang: 'zh', seed: 1 }), { type: 'customer_message', label: 'abuse', language: 'zh' }),
    ).toThrow(lazy.LanguageNotLoadedError);
  });

  it('analyses customer messages and plays the protocol as the full entry once their languages are loaded', async () => {
    const messages = german.flatMap((r) => (r.customer !== undefined ? [r.customer] : []));
    const need = lazy.languagesFor(messages, { lang: 'de' });
    expect(need).toContain('de');
    expect(need).not.toContain('zh');
    await Promise.all([lazy.loadLanguages(need), lazy.loadModel()]);
    const detector = lazy.createDetector();
    const labels = new Set<string>();
    for (const m of messages) {
      const a = detector.analyze(m, { lang: 'de' });
      expect(a, m).toEqual(full.analyze(m, { lang: 'de' }));
      labels.add(a.label);
    }
    expect(labels.size).toBeGreaterThanOrEqual(3);

    const mine = lazy.createProtocol();
    const theirs = fullProtocol();
    let a = mine.start({ lang: 'de', seed: 7 });
    let b = theirs.start({ lang: 'de', seed: 7 });
    for (const label of ['frustration', 'abuse', 'abuse'] as const) {
      const x = mine.step(a, { type: 'customer_message', label, language: 'de' });
      const y = theirs.step(b, { type: 'customer_message', label, language: 'de' });
      expect(x).toEqual(y);
      expect(x.suggestions.length).toBeGreaterThan(0);
      a = x.state;
      b = y.state;
    }
  });

  it('imports no language data or model statically (each stays its own chunk in a bundle)', () => {
    const src = fileURLToPath(new URL('..', import.meta.url));
    const seen = new Set<string>();
    const queue = [join(src, 'lazy', 'index.ts')];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      // Static imports and re-exports only; import('…') is the lazy part.
      for (const m of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)\.js'/gms))
        queue.push(resolve(dirname(file), `${m[1]}.ts`));
    }
    const data = [...seen].map((f) => f.slice(src.length)).filter((f) => /(^|\/)_/.test(f));
    expect(data).toEqual(['detect/packs/_compiled/always.ts']);
    expect(seen.size).toBeGreaterThan(20);
  });
});

/**
 * The coach skips the detector's lexicon pass on drafts the rude-word screen lets through. These
 * tests hold it to reading exactly what the detector's full rule pass reads, on every message of
 * the training corpus (thousands of insults and swear words in ten languages, masked, spaced out
 * and transliterated ones included) and every tuning draft.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMPILED_PACKS } from '../detect/packs/_compiled.js';
import { createDetector } from '../detect/createDetector.js';
import { isLanguage, type Evidence, type Language } from '../detect/types.js';
import { CueMatcher } from '../conversation/CueMatcher.js';
import { shippedConversationPack } from '../conversation/registry.js';
import { packWords } from './createCoach.js';
import { readDraft } from './readDraft.js';
import { rudeScreens, type RudeEntry } from './rudeScreen.js';

const corpus = fileURLToPath(new URL('../../../../corpus/', import.meta.url));
const detector = createDetector();
const screens = rudeScreens(COMPILED_PACKS);
const [prefixes] = packWords();
const matchers = new Map<Language, CueMatcher<RudeEntry[]>>();
function matcher(lang: Language): CueMatcher<RudeEntry[]> {
  let m = matchers.get(lang);
  if (!m) {
    const screen = screens(lang);
    matchers.set(lang, (m = new CueMatcher(shippedConversationPack(lang).cues, prefixes[lang] ?? [], (w) => screen.word(w))));
  }
  return m;
}

const RUDE = new Set(['profanity', 'abuse']);
const rude = (evidence: Evidence[]): string[] =>
  evidence.filter((e) => RUDE.has(e.category)).map((e) => `${e.category}:${e.rule}@${e.start}-${e.end}`);

/** What the coach reads, and what the detector's full rule pass reads, of one text. */
function both(text: string, lang: Language): { screened: string[]; full: string[]; skipped: boolean } {
  const m = matcher(lang);
  const read = readDraft(text, lang, detector, m, screens(lang));
  const full = detector.ruleEvidence(text, { lang, strictLanguage: true });
  expect(read.normalised.tokens.map((t) => t.text)).toEqual(full.normalised.tokens.map((t) => t.text));
  return { screened: rude(read.evidence), full: rude(full.evidence), skipped: read.skipped };
}

function jsonl(file: string): { lang: string; text?: string; draft?: string }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { lang: string; text?: string; draft?: string });
}

describe('readDraft', () => {
  it('finds every insult and swear word of the training messages that the full rule pass finds', () => {
    let rudeMessages = 0;
    let checked = 0;
    for (const m of jsonl(join(corpus, 'train.jsonl'))) {
      if (!isLanguage(m.lang) || m.text === undefined) continue;
      const { screened, full } = both(m.text, m.lang);
      expect(screened, `${m.lang}: ${m.text}`).toEqual(full);
      if (full.length > 0) rudeMessages++;
      checked++;
    }
    expect(checked).toBeGreaterThan(10_000);
    expect(rudeMessages).toBeGreaterThan(2_000);
  });

  it('reads the tuning drafts as the full rule pass does, and skips the lexicon pass on most', () => {
    const dir = join(corpus, 'drafts', 'tune');
    let drafts = 0;
    let skipped = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl')))
      for (const d of jsonl(join(dir, f))) {
        if (!isLanguage(d.lang) || d.draft === undefined) continue;
        const r = both(d.draft, d.lang);
        expect(r.screened, `${d.lang}: ${d.draft}`).toEqual(r.full);
        drafts++;
        if (r.skipped) skipped++;
      }
    expect(drafts).toBeGreaterThan(2_000);
    expect(skipped / drafts).toBeGreaterThan(0.8);
  });

  it.each([
    ['en', 'Look, you f*cking idiot, I fixed it.', true],
    ['en', 'This sh1t system crashed again, sorry.', true],
    ['en', 'Stop being a f u c k i n g pain.', true],
    ['en', 'Go to hell with your complaint.', true],
    ['ru', 'Да пошли вы на хер со своим заказом.', true],
    ['ru', 'Ты идиoт, вот ты кто.', true],
    ['uk', 'Ви що, дурні? Я ж написав.', true],
    ['pl', 'Kurwa, znowu ten sam błąd, przepraszam.', true],
    ['de', 'Sie sind echt ein Vollidiot.', true],
    ['es', 'Joder, qué pesado es usted.', true],
    ['fr', 'Vous êtes vraiment un connard.', true],
    ['he', 'אתה מטומטם או מה?', true],
    ['he', 'והמטומטם הזה שוב התקשר.', true],
    ['ar', 'انت غبي ولا شو؟', true],
    ['ar', 'والغبي هذا ما يفهم.', true],
    ['zh', '你这个傻逼，听不懂吗？', true],
    ['zh', '请稍等，我帮您查一下。', false],
    ['en', 'Thank you for waiting, I have refunded the order.', false],
    ['de', 'Danke für Ihre Geduld, die Erstattung ist unterwegs.', false],
  ] as const)('%s: %s', (lang, text, isRude) => {
    const { screened, full, skipped } = both(text, lang);
    expect(screened).toEqual(full);
    expect(full.length > 0).toBe(isRude);
    if (!isRude) expect(skipped).toBe(true);
  });
});

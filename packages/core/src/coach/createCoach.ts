/**
 * @module coach/createCoach
 * Builds the draft coach on the shipped conversation packs.
 */
import type { Detector } from '../detect/Detector.js';
import { createDetector } from '../detect/createDetector.js';
import { COMPILED_PACKS } from '../detect/packs/_compiled.js';
import { foldWord } from '../detect/packs/compile.js';
import { Tag } from '../detect/packs/tags.js';
import type { Language } from '../detect/types.js';
import { shippedConversationPack } from '../conversation/registry.js';
import { DraftCoach } from './DraftCoach.js';

/**
 * A coach for all shipped languages. Pass the detector you already have to share it.
 * @example createCoach().check('We don\'t do refunds.', { lang: 'en' })[0]?.kind // 'negative_phrasing'
 */
export function createCoach(detector: Detector = createDetector()): DraftCoach {
  return new DraftCoach(shippedConversationPack, detector, ...packWords());
}

/**
 * Clitic prefixes and negation words per language, from the detection packs (the coach reads the
 * same languages the same way). English "n't" is split off by the tokeniser as "t".
 * @example packWords()[1].en?.has('not') // true
 */
export function packWords(): [Partial<Record<Language, string[]>>, Partial<Record<Language, Set<string>>>] {
  const prefixes: Partial<Record<Language, string[]>> = {};
  const negations: Partial<Record<Language, Set<string>>> = {};
  for (const p of COMPILED_PACKS) {
    // Compiled prefixes are folded already (compilePack).
    if (p.prefixes.length > 0) prefixes[p.lang] = p.prefixes;
    const words = p.entries.filter((e) => e[1] & Tag.neg && !e[0].includes(' ')).flatMap((e) => foldWord(e[0]));
    negations[p.lang] = new Set(p.lang === 'en' ? [...words, 't'] : words);
  }
  return [prefixes, negations];
}

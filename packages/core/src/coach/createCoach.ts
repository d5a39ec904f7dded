/**
 * @module coach/createCoach
 * Builds the draft coach on the shipped conversation packs.
 */
import type { Detector } from '../detect/Detector.js';
import { createDetector } from '../detect/createDetector.js';
import { COMPILED_PACKS } from '../detect/packs/_compiled.js';
import type { Language } from '../detect/types.js';
import { shippedConversationPack } from '../conversation/registry.js';
import { DraftCoach } from './DraftCoach.js';
import { packWordsOf } from './packWords.js';
import { rudeScreens } from './rudeScreen.js';

/**
 * A coach for all shipped languages. Pass the detector you already have to share it (one on the
 * shipped packs: the coach takes the words it screens drafts with from them).
 * @example createCoach().check('We don\'t do refunds.', { lang: 'en' })[0]?.kind // 'negative_phrasing'
 */
export function createCoach(detector: Detector = createDetector()): DraftCoach {
  return new DraftCoach(shippedConversationPack, detector, ...packWords(), rudeScreens(COMPILED_PACKS));
}

/**
 * Clitic prefixes and negation words per language, from the shipped detection packs.
 * @example packWords()[1].en?.has('not') // true
 */
export function packWords(): [Partial<Record<Language, string[]>>, Partial<Record<Language, Set<string>>>] {
  return packWordsOf(COMPILED_PACKS);
}

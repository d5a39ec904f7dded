/**
 * @module coach/createCoach
 * Builds the draft coach on the shipped conversation packs.
 */
import type { Detector } from '../detect/Detector.js';
import { createDetector } from '../detect/createDetector.js';
import { COMPILED_PACKS } from '../detect/packs/_compiled.js';
import { foldWord } from '../detect/packs/compile.js';
import type { Language } from '../detect/types.js';
import { shippedConversationPack } from '../conversation/registry.js';
import { DraftCoach } from './DraftCoach.js';

/**
 * A coach for all shipped languages. Pass the detector you already have to share it.
 * @example createCoach().check('We don\'t do refunds.', { lang: 'en' })[0]?.kind // 'negative_phrasing'
 */
export function createCoach(detector: Detector = createDetector()): DraftCoach {
  const prefixes: Partial<Record<Language, string[]>> = {};
  for (const p of COMPILED_PACKS) if (p.prefixes.length > 0) prefixes[p.lang] = p.prefixes.flatMap((x) => foldWord(x));
  return new DraftCoach(shippedConversationPack, detector, prefixes);
}

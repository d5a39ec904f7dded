/**
 * @module coach/packWords
 * The words the coach borrows from the detection packs, for whichever packs a process has (all of
 * them in Node, the loaded ones in the browser).
 */
import { foldWord, type CompiledPack } from '../detect/packs/compile.js';
import { Tag } from '../detect/packs/tags.js';
import type { Language } from '../detect/types.js';

/**
 * Clitic prefixes and negation words per language, from the detection packs (the coach reads the
 * same languages the same way). English "n't" is split off by the tokeniser as "t".
 * @example packWordsOf(COMPILED_PACKS)[1].en?.has('not') // true
 */
export function packWordsOf(packs: readonly CompiledPack[]): [Partial<Record<Language, string[]>>, Partial<Record<Language, Set<string>>>] {
  const prefixes: Partial<Record<Language, string[]>> = {};
  const negations: Partial<Record<Language, Set<string>>> = {};
  for (const p of packs) {
    // Compiled prefixes are folded already (compilePack).
    if (p.prefixes.length > 0) prefixes[p.lang] = p.prefixes;
    const words = p.entries.filter((e) => e[1] & Tag.neg && !e[0].includes(' ')).flatMap((e) => foldWord(e[0]));
    negations[p.lang] = new Set(p.lang === 'en' ? [...words, 't'] : words);
  }
  return [prefixes, negations];
}

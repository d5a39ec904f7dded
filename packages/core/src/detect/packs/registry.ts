/**
 * @module detect/packs/registry
 * Loads the language packs in one explicit, tested order (LANGUAGES in types.ts) with ids that
 * do not collide across packs.
 */
import { LANGUAGES } from '../types.js';
import { compilePack, fromCompiled, type CompiledPack, type Pack, type PackSource } from './compile.js';

/**
 * Compiles pack sources in the order of LANGUAGES; a language without a source is an error, so a
 * missing folder cannot silently switch a language off.
 * @example loadPacks(PACK_SOURCES).map(p => p.lang) // ['en', 'ru', …]
 */
export function loadPacks(sources: readonly PackSource[]): Pack[] {
  return inLanguageOrder(sources, compilePack);
}

/**
 * Loads packs compiled at build time (the shipped ones), in the order of LANGUAGES.
 * @example loadCompiledPacks(COMPILED_PACKS).length // 10
 */
export function loadCompiledPacks(compiled: readonly CompiledPack[]): Pack[] {
  return inLanguageOrder(compiled, fromCompiled);
}

/** Builds one pack per language in LANGUAGES order, with entry ids that do not collide across packs. */
function inLanguageOrder<T extends { lang: string }>(items: readonly T[], build: (item: T, firstId: number) => Pack): Pack[] {
  const packs: Pack[] = [];
  let nextId = 0;
  for (const lang of LANGUAGES) {
    const item = items.find((p) => p.lang === lang);
    if (!item) throw new Error(`no language pack for "${lang}"`);
    const pack = build(item, nextId);
    nextId += pack.entries.length;
    packs.push(pack);
  }
  return packs;
}

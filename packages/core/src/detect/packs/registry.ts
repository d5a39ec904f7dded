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
  const packs: Pack[] = [];
  let nextId = 0;
  for (const lang of LANGUAGES) {
    const src = sources.find((s) => s.lang === lang);
    if (!src) throw new Error(`no language pack for "${lang}"`);
    const pack = compilePack(src, nextId);
    nextId += pack.entries.length;
    packs.push(pack);
  }
  return packs;
}

/**
 * Loads packs compiled at build time (the shipped ones), in the order of LANGUAGES.
 * @example loadCompiledPacks(COMPILED_PACKS).length // 10
 */
export function loadCompiledPacks(compiled: readonly CompiledPack[]): Pack[] {
  const packs: Pack[] = [];
  let nextId = 0;
  for (const lang of LANGUAGES) {
    const c = compiled.find((p) => p.lang === lang);
    if (!c) throw new Error(`no language pack for "${lang}"`);
    const pack = fromCompiled(c, nextId);
    nextId += pack.entries.length;
    packs.push(pack);
  }
  return packs;
}

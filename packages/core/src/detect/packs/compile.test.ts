import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../types.js';
import { compilePack, lexiconBody, parsePattern, PackSyntaxError, ItemKind } from './compile.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCompiledPacks, loadPacks } from './registry.js';
import { PACK_SOURCES } from './_data.js';
import { COMPILED_PACKS } from './_compiled.js';

const src = (lexicon: string) => ({ lang: 'en' as const, lexicon, stopwords: '', prefixes: '' });

describe('pack compiler', () => {
  it.each([
    ['idiot', [ItemKind.Exact]],
    ['idiot*', [ItemKind.Prefix]],
    ['*idiot', [ItemKind.Suffix]],
    ['*fuck*', [ItemKind.Infix]],
    ['i ~ kill you', [ItemKind.Exact, ItemKind.Gap, ItemKind.Exact, ItemKind.Exact]],
    ['傻逼', [ItemKind.Infix]],
  ])('parses %s', (pattern, kinds) => {
    const items = parsePattern(pattern);
    expect(Array.isArray(items) && items.map((i) => i.kind)).toEqual(kinds);
  });

  it.each([
    ['unknown tag', 'idiot\tinsultt\t2\tx', /2:7: unknown tag "insultt"/],
    ['bad severity', 'idiot\tinsult\t7\tx', /severity must be 0–3/],
    ['too few fields', 'idiot', /expected pattern<TAB>tags/],
    ['star inside a word', 'id*ot\tinsult\t2\tx', /may only stand at the start or end/],
    ['duplicate pattern', 'idiot\tinsult\t2\tx\nIdiot\tinsult\t2\ty', /3:1: duplicate pattern "Idiot" \(first on line 2\)/],
  ])('rejects a %s with file:line:column', (_name, line, message) => {
    const bad = `# header\n${line}`;
    expect(() => compilePack(src(bad), 0)).toThrow(PackSyntaxError);
    expect(() => compilePack(src(bad), 0)).toThrow(message);
  });

  it('merges two spellings that fold to the same pattern, keeping every tag and the higher severity', () => {
    const pack = compilePack(src('crétin\tinsult\t2\tx\ncretin\tinsult_adj\t3\ty'), 0);
    expect(pack.entries).toHaveLength(1);
    expect(pack.entries[0]!.severity).toBe(3);
  });

  it('loads the shipped packs in the documented order, with unique ids', () => {
    const packs = loadPacks(PACK_SOURCES);
    expect(packs.map((p) => p.lang)).toEqual([...LANGUAGES]);
    const ids = packs.flatMap((p) => p.entries.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of packs) expect(p.entries.length, p.lang).toBeGreaterThan(200);
  });

  it('refuses to load when a language pack is missing', () => {
    expect(() => loadPacks(PACK_SOURCES.filter((p) => p.lang !== 'he'))).toThrow(/no language pack for "he"/);
  });

  it('the compiled packs the runtime loads are exactly the compiled sources', () => {
    const strip = (packs: ReturnType<typeof loadPacks>) =>
      packs.map((p) => ({ ...p, entries: p.entries.map((e) => ({ ...e, items: e.items.map((i) => ({ ...i })) })) }));
    expect(strip(loadCompiledPacks(COMPILED_PACKS))).toEqual(strip(loadPacks(PACK_SOURCES)));
  });

  it('the generated packs are up to date with data/lexicons (run npm run pack:lexicons)', () => {
    for (const src of PACK_SOURCES) {
      const file = fileURLToPath(new URL(`../../../data/lexicons/${src.lang}/lexicon.tsv`, import.meta.url));
      const tsv = lexiconBody(readFileSync(file, 'utf8'));
      expect(src.lexicon, src.lang).toBe(tsv);
    }
  });
});

/**
 * The packed lexicons match their sources, file by file: a pattern edited without re-packing
 * would never be matched (and the browser's per-language chunks would drift from what Node loads).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPacks } from '../packages/core/src/detect/packs/registry.js';
import { LANGUAGES } from '../packages/core/src/detect/types.js';
import { readPackSources, renderPackFiles } from './pack-lexicons.js';

describe('pack:lexicons', () => {
  it('has packed every language folder as it stands', () => {
    const sources = readPackSources();
    const files = renderPackFiles(sources, loadPacks(sources));
    // _data.ts, _compiled.ts, always.ts and one module per language.
    expect(files.size).toBe(LANGUAGES.length + 3);
    for (const [path, text] of files) expect(readFileSync(path, 'utf8') === text, `${path}: run npm run pack:lexicons`).toBe(true);
  });
});

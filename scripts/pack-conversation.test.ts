/**
 * The packed conversation data match their .tsv sources, file by file: a reply or cue edited
 * without re-packing would never reach agents (and the browser's per-language chunks would drift
 * from what Node loads).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../packages/core/src/detect/types.js';
import { readConversationSource, renderConversationData } from './pack-conversation.js';

describe('pack:conversation', () => {
  it('has packed every language folder as it stands', () => {
    const files = renderConversationData(LANGUAGES.map(readConversationSource));
    expect(files.size).toBe(LANGUAGES.length + 1);
    for (const [path, text] of files) expect(readFileSync(path, 'utf8') === text, `${path}: run npm run pack:conversation`).toBe(true);
  });
});

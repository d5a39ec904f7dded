/**
 * TrieLinks answers like the Map it replaced in the tries: the detector's matcher walks its
 * children in insertion order when a masked letter may stand for any of them.
 */
import { describe, expect, it } from 'vitest';
import { TrieLinks } from './TrieLinks.js';

describe('TrieLinks', () => {
  it('answers get, has, size and values like a Map, in insertion order', () => {
    const links = new TrieLinks<string>();
    const map = new Map<number, string>();
    expect(links.size).toBe(0);
    expect(links.get(97)).toBeUndefined();
    expect(links.has(-1)).toBe(false);
    expect([...links.values()]).toEqual([]);
    for (const [code, node] of [
      [98, 'b'],
      [97, 'a'],
      [99, 'c'],
      [97, 'A'],
      [98, 'B'],
    ] as const) {
      links.set(code, node);
      map.set(code, node);
      expect(links.size).toBe(map.size);
      expect([...links.values()]).toEqual([...map.values()]);
    }
    for (const code of [96, 97, 98, 99, 100, Number.NaN]) {
      expect(links.get(code)).toBe(map.get(code));
      expect(links.has(code)).toBe(map.has(code));
    }
  });
});

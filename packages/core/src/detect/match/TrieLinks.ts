/**
 * @module detect/match/TrieLinks
 * The children of one character-trie node, with the part of Map's interface the tries use. Most
 * nodes of a word trie have one child or none, and a Map per node costs about 150 bytes more than
 * two fields: across the detector's and the coach's tries (some 90,000 nodes once every language is
 * compiled) that was over 10 MB. The first child is kept inline; a Map holds the others, in
 * insertion order after it, so iteration order is Map's.
 */
export class TrieLinks<N> {
  private code = -1;
  private first: N | undefined = undefined;
  private more: Map<number, N> | null = null;

  get size(): number {
    return this.first === undefined ? 0 : 1 + (this.more === null ? 0 : this.more.size);
  }

  get(code: number): N | undefined {
    if (code === this.code) return this.first;
    return this.more === null ? undefined : this.more.get(code);
  }

  has(code: number): boolean {
    return (code === this.code && this.first !== undefined) || (this.more !== null && this.more.has(code));
  }

  set(code: number, node: N): this {
    if (this.first === undefined || code === this.code) {
      this.code = code;
      this.first = node;
    } else (this.more ??= new Map()).set(code, node);
    return this;
  }

  *values(): IterableIterator<N> {
    if (this.first === undefined) return;
    yield this.first;
    if (this.more !== null) yield* this.more.values();
  }
}

/**
 * @module detect/packs/tags
 * The closed set of lexicon tags (see data/lexicons/README.md), as bit flags so a token's tags
 * combine with one OR.
 */
export const TAG_NAMES = [
  'prof',
  'insult',
  'insult_adj',
  'slur',
  'dehuman',
  'directed',
  'harass',
  'intimidate',
  'harm',
  'weapon',
  'threat',
  'selfharm',
  'selfref',
  'p1',
  'p2',
  'p2poss',
  'staff',
  'place',
  'fut',
  'neg',
  'escalate',
  'frust',
  'idiom',
  'allow',
  'quote',
  'self',
  'death',
  'body',
  'p3',
  'global',
  'own',
] as const;
export type TagName = (typeof TAG_NAMES)[number];

/**
 * Bit for each tag.
 * @example (entry.tags & Tag.harm) !== 0
 */
export const Tag = Object.fromEntries(TAG_NAMES.map((name, i) => [name, 1 << i])) as Record<TagName, number>;

/** Tags that carry meaning on their own (an idiom or allow-word cancels them inside its span). */
export const CONTENT_TAGS =
  Tag.prof |
  Tag.insult |
  Tag.insult_adj |
  Tag.slur |
  Tag.dehuman |
  Tag.directed |
  Tag.harass |
  Tag.intimidate |
  Tag.harm |
  Tag.weapon |
  Tag.threat |
  Tag.selfharm |
  Tag.death |
  Tag.body;

/** Tags whose words are starred out in the masked text. */
export const MASKED_TAGS = Tag.prof | Tag.insult | Tag.slur | Tag.dehuman | Tag.directed | Tag.harass;

/**
 * Parses a comma-separated tag list; returns the unknown name on failure.
 * @example parseTags('harm,p1') // { bits: Tag.harm | Tag.p1 }
 */
export function parseTags(list: string): { bits: number } | { unknown: string } {
  let bits = 0;
  for (const raw of list.split(',')) {
    const name = raw.trim();
    const bit = (Tag as Record<string, number>)[name];
    if (bit === undefined) return { unknown: name };
    bits |= bit;
  }
  return { bits };
}

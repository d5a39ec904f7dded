/**
 * Shows where the structure rules miss on the TRAINING split, with the tokens and matches behind
 * each miss, so lexicon writers can see which constructions a language pack lacks. It reads the
 * lexicon folders directly (no need to regenerate _data.ts) and never opens corpus/test.jsonl.
 *
 *   npx tsx scripts/lexicon-misses.ts --lang he [--label threat] [--limit 40] [--fp]
 *
 * --fp lists false alarms instead: messages the rules flag as a more severe label than the gold one.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  Detector,
  lexiconBody,
  loadPacks,
  LANGUAGES,
  TAG_NAMES,
  evaluate,
  formatReport,
  PRECEDENCE,
  type Label,
  type Language,
} from '../packages/core/src/index.js';

const { values } = parseArgs({
  options: { lang: { type: 'string' }, label: { type: 'string' }, limit: { type: 'string' }, fp: { type: 'boolean' } },
});
const root = join(import.meta.dirname, '..', 'packages', 'core', 'data', 'lexicons');
const read = (l: string, f: string): string => (existsSync(join(root, l, f)) ? readFileSync(join(root, l, f), 'utf8') : '');
const sources = LANGUAGES.map((lang) => ({
  lang,
  lexicon: lexiconBody(read(lang, 'lexicon.tsv')),
  stopwords: read(lang, 'stopwords.txt'),
  prefixes: read(lang, 'prefixes.txt'),
}));
const detector = new Detector({ packs: loadPacks(sources) });
const rows = readFileSync(join(import.meta.dirname, '..', 'corpus', 'train.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { id: string; lang: Language; label: Label; text: string; case: string })
  .filter((r) => !values.lang || r.lang === values.lang);
const tags = (b: number): string => TAG_NAMES.filter((_, i) => b & (1 << i)).join(',');
const scored = rows.map((r) => ({ r, a: detector.analyze(r.text, { lang: r.lang }) }));
console.log(formatReport(evaluate(scored.map(({ r, a }) => ({ gold: r.label, predicted: a.label, lang: r.lang })))));
console.log('');
let shown = 0;
for (const { r, a } of scored) {
  if (values.label && r.label !== values.label) continue;
  const wrong = values.fp
    ? PRECEDENCE.indexOf(a.label) < PRECEDENCE.indexOf(r.label)
    : PRECEDENCE.indexOf(a.label) > PRECEDENCE.indexOf(r.label);
  if (!wrong) continue;
  const t = detector.trace(r.text, { lang: r.lang });
  console.log(`${r.id} [${r.label}/${r.case}] → ${a.label}: ${r.text}`);
  console.log(`   tokens: ${t.normalised.tokens.map((x) => x.text).join(' ')}`);
  console.log(`   matches: ${t.matches.map((m) => `${m.entry.pattern}{${tags(m.entry.tags)}}`).join(' | ') || '(none)'}`);
  if (++shown >= Number(values.limit ?? 40)) break;
}

/**
 * Runs the draft coach on the TUNING drafts (corpus/drafts/tune/<lang>.jsonl and <lang>-N.jsonl) with the conversation
 * pack read fresh from packages/core/data/conversation/<lang>/ (no build step), and prints what it
 * gets wrong. For the people writing cue lists; it never reads the held-out test drafts.
 *
 *   npx tsx scripts/coach-tune.ts --lang de [--all]     (--all also lists the drafts it gets right)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compileConversationPack } from '../packages/core/src/conversation/compile.js';
import { DraftCoach } from '../packages/core/src/coach/DraftCoach.js';
import { draftContext, parseDraftLines, scoreDrafts, type DraftRecord } from '../packages/core/src/coach/drafts.js';
import { evaluateCoach, formatCoachReport } from '../packages/core/src/coach/evaluate.js';
import { createDetector } from '../packages/core/src/detect/createDetector.js';
import { packWords } from '../packages/core/src/coach/createCoach.js';
import { isLanguage } from '../packages/core/src/detect/types.js';
import { readConversationSource } from './pack-conversation.js';

const { values } = parseArgs({ options: { lang: { type: 'string' }, all: { type: 'boolean' } } });
if (!isLanguage(values.lang)) throw new Error('usage: npx tsx scripts/coach-tune.ts --lang <code> [--all]');
const lang = values.lang;
const pack = compileConversationPack(readConversationSource(lang)); // format errors point at file:line
const detector = createDetector();
const [prefixes, negations] = packWords();
const coach = new DraftCoach([pack], detector, prefixes, negations);

// Every tuning file of the language: <lang>.jsonl (the cue writers' own) and <lang>-N.jsonl (other writers').
const dir = join(import.meta.dirname, '..', 'corpus', 'drafts', 'tune');
const files = readdirSync(dir).filter((f) => f === `${lang}.jsonl` || (f.startsWith(`${lang}-`) && f.endsWith('.jsonl')));
if (files.length === 0) throw new Error(`no tuning drafts for ${lang} in ${dir}`);
const records: DraftRecord[] = [];
for (const f of files.sort()) {
  const read = parseDraftLines(readFileSync(join(dir, f), 'utf8'));
  if (read.errors.length > 0) throw new Error(`tune/${f}:${read.errors[0]!.line}: ${read.errors[0]!.error}`);
  records.push(...read.records);
}
const scored = scoreDrafts(coach, detector, records);
for (const s of scored) {
  const r = records.find((x) => x.id === s.id)!;
  const ok = s.expected.length === s.predicted.length && s.expected.every((k) => s.predicted.includes(k));
  if (ok && !values.all) continue;
  const findings = coach.check(r.draft, draftContext(r, r.customer ? detector.analyze(r.customer, { lang }) : undefined));
  console.log(`${ok ? 'ok  ' : 'DIFF'} ${s.id}  expected [${s.expected.join(', ')}]  got [${s.predicted.join(', ')}]`);
  console.log(`     ${r.draft}`);
  for (const f of findings) console.log(`     · ${f.kind} "${r.draft.slice(f.start, f.end)}" (${f.rule})`);
}
console.log('\n' + formatCoachReport(evaluateCoach(scored)));

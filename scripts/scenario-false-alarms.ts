/**
 * Runs the detector over the simulator's customer lines (packages/core/data/scenarios/*.json) and
 * counts the ordinary ones it flags as abuse, threat or self-harm: a check set of short, everyday
 * customer turns ("No, that's all.") written by other hands than the corpus. Never copy these
 * lines into training data, or the check stops measuring anything.
 *
 *   npx tsx scripts/scenario-false-alarms.ts [--lang uk] [--all]
 *
 * A line is ordinary unless it comes from a pool that carries the scenario's announced content
 * (hostile, boundaryIgnored, disclosure) and the scenario's content notes include that label.
 * Counts: the detector's label (what a user sees), how many of those alarms stand on the classifier
 * alone (no lexicon match behind them, so the model's probability cleared `unsupportedMin`), and
 * where the classifier leans (its most probable label), which the support gate mostly hides but
 * which shows whether the model has learned that short closers are not alarming. --all lists every
 * flagged line and the leaning ones too, instead of five alarms per language.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDetector, LABELS, ScenarioSchema, type Label, type Language } from '../packages/core/src/index.js';

const { values } = parseArgs({ options: { lang: { type: 'string' }, all: { type: 'boolean' } } });
const dir = join(import.meta.dirname, '..', 'packages', 'core', 'data', 'scenarios');
const ALARMS: readonly Label[] = ['abuse', 'threat', 'self_harm'];
/** Pools whose lines may carry the scenario's abuse, threat or self-harm (see simulate/scenario.ts). */
const CHARGED = new Set(['hostile', 'boundaryIgnored', 'disclosure']);

interface Flag {
  scenario: string;
  pool: string;
  text: string;
  label: Label;
  p: number;
  modelOnly: boolean;
}
interface Tally {
  lines: number;
  detector: Flag[];
  model: Flag[];
}

const detector = createDetector();
const tallies = new Map<Language, Tally>();
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const s = ScenarioSchema.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  if (values.lang && s.lang !== values.lang) continue;
  const tally = tallies.get(s.lang) ?? { lines: 0, detector: [], model: [] };
  tallies.set(s.lang, tally);
  const announced = new Set<string>(s.contentNotes);
  for (const [pool, value] of Object.entries(s.lines)) {
    const texts = Array.isArray(value) ? value : value.lines;
    for (const text of texts) {
      const a = detector.analyze(text, { lang: s.lang });
      const top = LABELS.reduce((best, l) => (a.scores[l] > a.scores[best] ? l : best), LABELS[0]);
      // In a charged pool only the labels the scenario does not announce are false alarms.
      const charged = CHARGED.has(pool) && ALARMS.some((l) => announced.has(l));
      const unexpected = (l: Label): boolean => ALARMS.includes(l) && !(charged && announced.has(l));
      const modelOnly = a.evidence.some((e) => e.category === a.label && e.rule.startsWith('model:'));
      if (!charged) tally.lines++;
      if (unexpected(a.label)) tally.detector.push({ scenario: s.id, pool, text, label: a.label, p: a.scores[a.label], modelOnly });
      if (unexpected(top)) tally.model.push({ scenario: s.id, pool, text, label: top, p: a.scores[top], modelOnly: true });
    }
  }
}

const show = (f: Flag, note = ''): string => `    ${f.label} ${f.p.toFixed(2)}  [${f.scenario} ${f.pool}] ${f.text}${note}`;
let lines = 0;
let alarms = 0;
let alone = 0;
let leaning = 0;
console.log('lang  ordinary  alarms  model-only  leaning   (abuse/threat/self_harm)');
for (const [lang, t] of [...tallies].sort((a, b) => a[0].localeCompare(b[0]))) {
  const modelOnly = t.detector.filter((f) => f.modelOnly).length;
  lines += t.lines;
  alarms += t.detector.length;
  alone += modelOnly;
  leaning += t.model.length;
  const cols = [t.lines, t.detector.length, modelOnly, t.model.length].map((n, i) => String(n).padStart([8, 8, 12, 9][i]!));
  console.log(lang.padEnd(6) + cols.join(''));
  for (const f of t.detector.slice(0, values.all ? Infinity : 5)) console.log(show(f, f.modelOnly ? '  (model only)' : ''));
  if (values.all) for (const f of t.model.filter((m) => !t.detector.some((d) => d.text === m.text))) console.log(show(f, '  (leaning)'));
}
const cols = [lines, alarms, alone, leaning].map((n, i) => String(n).padStart([8, 8, 12, 9][i]!));
console.log('all   ' + cols.join(''));
console.log(
  'ordinary: lines not meant to carry abuse/threat/self_harm; alarms also count charged lines flagged with a label the scenario does not announce',
);

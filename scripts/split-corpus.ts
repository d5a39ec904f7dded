/**
 * Splits corpus/messages/<lang>.jsonl into corpus/train.jsonl and corpus/test.jsonl.
 *
 * The split is decided per message by a hash of its id, so it is made once and never moves: adding
 * messages later cannot shift an old message from test into train. About a third goes to test.
 * Nothing that trains, tunes or writes rules may read corpus/test.jsonl.
 *
 * corpus/extra/<lang>.jsonl holds training-only messages written later (2026-11-22, by writers who
 * saw neither the corpus nor the lexicons): they all go to train, so the held-out set is unchanged.
 *
 *   npm run split:corpus
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', 'corpus');
/** Salt fixed at the first split (2026-11-22); changing it would reshuffle the held-out set. */
const SALT = 'calmline-split-v1';
const TEST_PERCENT = 33;

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

const ids = new Set<string>();
/**
 * Every message of the .jsonl files in a corpus folder (none if it is missing), in file order, each
 * with its raw line; an id seen before anywhere in the corpus is an error.
 */
function* messagesIn(folder: string): Generator<{ line: string; id: string; text: string; file: string }> {
  const path = join(dir, folder);
  if (!existsSync(path)) return;
  for (const file of readdirSync(path)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    for (const line of readFileSync(join(path, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const m = JSON.parse(line) as { id: string; text: string };
      if (ids.has(m.id)) throw new Error(`duplicate id ${m.id} in ${folder}/${file}`);
      ids.add(m.id);
      yield { line, id: m.id, text: m.text, file: `${folder}/${file}` };
    }
  }
}

const train: string[] = [];
const test: string[] = [];
for (const m of messagesIn('messages')) (fnv(SALT + m.id) % 100 < TEST_PERCENT ? test : train).push(m.line);
for (const m of messagesIn('extra')) train.push(m.line);
// corpus/fresh/<lang>.jsonl: a second held-out part (2026-11-23), written by writers who saw neither
// the corpus nor the word lists, after the first test part had been looked at many times. It is
// never trained on; a text that is already in training would measure memory, so it is refused.
const fresh: string[] = [];
const trainTexts = new Set(train.map((l) => (JSON.parse(l) as { text: string }).text.trim().toLowerCase()));
for (const m of messagesIn('fresh')) {
  if (trainTexts.has(m.text.trim().toLowerCase())) throw new Error(`${m.file}: ${m.id} is word for word a training message`);
  fresh.push(m.line);
}
writeFileSync(join(dir, 'train.jsonl'), train.join('\n') + '\n');
writeFileSync(join(dir, 'test.jsonl'), test.join('\n') + '\n');
if (fresh.length > 0) writeFileSync(join(dir, 'test-fresh.jsonl'), fresh.join('\n') + '\n');
console.log(`train ${train.length}, test ${test.length}, fresh test ${fresh.length}`);

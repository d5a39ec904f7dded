/**
 * @module commands/eval
 * `calmline eval FILE [--json] [--rules-only] [--errors]`: scores the detector on labelled JSON Lines
 * (`text`, `label`, optional `lang`, `id`).
 */
import { createReadStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { createDetector, evaluate, formatReport, isLabel, isLanguage, type Scored } from '@calmline/core/detect';
import { readRecords } from '../input/records.js';

export interface EvalArgs {
  file: string;
  json?: boolean;
  rulesOnly?: boolean;
  errors?: boolean;
}

/**
 * @example await evalCommand({ file: 'corpus/test.jsonl' }, process.stdout)
 */
export async function evalCommand(args: EvalArgs, stdout: Writable, stderr: Writable): Promise<number> {
  const detector = createDetector({ rulesOnly: args.rulesOnly ?? false });
  const rows: Scored[] = [];
  const wrong: string[] = [];
  let bad = 0;
  for await (const item of readRecords(createReadStream(args.file))) {
    let v: unknown;
    try {
      v = 'json' in item ? JSON.parse(item.json) : 'record' in item ? item.record : null;
    } catch {
      v = null;
    }
    const r = v as { text?: unknown; label?: unknown; lang?: unknown; id?: unknown } | null;
    if (!r || typeof r.text !== 'string' || !isLabel(r.label)) {
      bad++;
      stderr.write(
        `line ${item.line}: skipped, needs a string "text" and a "label" of none, frustration, profanity, abuse, threat or self_harm\n`,
      );
      continue;
    }
    const lang = isLanguage(r.lang) ? r.lang : undefined;
    const a = detector.analyze(r.text, { lang });
    rows.push({ gold: r.label, predicted: a.label, lang: lang ?? a.language, confidence: a.scores[a.label] });
    if (args.errors && a.label !== r.label)
      wrong.push(`${typeof r.id === 'string' || typeof r.id === 'number' ? r.id : item.line}\t${r.label}\t→ ${a.label}\t${r.text}`);
  }
  const report = evaluate(rows);
  stdout.write(args.json ? JSON.stringify(report) + '\n' : formatReport(report) + '\n');
  if (args.errors) stdout.write('\n' + wrong.join('\n') + '\n');
  return bad > 0 && rows.length === 0 ? 1 : 0;
}

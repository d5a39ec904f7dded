/**
 * @module commands/coachEval
 * `calmline coach-eval [PATH…] [--json] [--errors]`: precision and recall of the draft coach per
 * kind on labelled drafts (default: the held-out set, corpus/drafts/test).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import {
  createCoach,
  createDetector,
  evaluateCoach,
  formatCoachReport,
  parseDraftRecord,
  scoreDrafts,
  type DraftRecord,
} from '@calmline/core';

export interface CoachEvalArgs {
  paths: string[];
  json?: boolean;
  errors?: boolean;
}

/** The .jsonl files of the given files and folders, sorted. */
function files(paths: string[]): string[] {
  return paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => f.endsWith('.jsonl'))
          .sort()
          .map((f) => join(p, f))
      : [p],
  );
}

/**
 * @example await coachEvalCommand({ paths: ['corpus/drafts/test'] }, process.stdout, process.stderr)
 */
export function coachEvalCommand(args: CoachEvalArgs, stdout: Writable, stderr: Writable): number {
  const records: DraftRecord[] = [];
  let bad = 0;
  for (const file of files(args.paths)) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line.trim() === '') return;
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          parsed = null;
        }
        const r = parsed === null ? 'not valid JSON' : parseDraftRecord(parsed);
        if (typeof r === 'string') {
          bad++;
          stderr.write(`${file}:${i + 1}: skipped, ${r}\n`);
        } else records.push(r);
      });
  }
  const detector = createDetector();
  const scored = scoreDrafts(createCoach(detector), detector, records);
  const report = evaluateCoach(scored);
  stdout.write(args.json ? JSON.stringify(report) + '\n' : formatCoachReport(report) + '\n');
  if (args.errors && !args.json)
    for (const e of report.errors) stdout.write(`${e.id}\tmissed [${e.missed.join(', ')}]\textra [${e.extra.join(', ')}]\n`);
  return bad > 0 && records.length === 0 ? 1 : 0;
}

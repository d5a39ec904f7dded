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
  parseDraftLines,
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
    const read = parseDraftLines(readFileSync(file, 'utf8'));
    records.push(...read.records);
    for (const e of read.errors) stderr.write(`${file}:${e.line}: skipped, ${e.error}\n`);
    bad += read.errors.length;
  }
  const detector = createDetector();
  const scored = scoreDrafts(createCoach(detector), detector, records);
  const report = evaluateCoach(scored);
  stdout.write(args.json ? JSON.stringify(report) + '\n' : formatCoachReport(report) + '\n');
  if (args.errors && !args.json)
    for (const e of report.errors) stdout.write(`${e.id}\tmissed [${e.missed.join(', ')}]\textra [${e.extra.join(', ')}]\n`);
  return bad > 0 && records.length === 0 ? 1 : 0;
}

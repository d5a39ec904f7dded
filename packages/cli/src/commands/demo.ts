/**
 * @module commands/demo
 * `calmline demo` (what `npm start` runs until the server exists): type a customer message in any
 * of the 10 languages and see its label, evidence and masked text.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createDetector, type Analysis } from '@calmline/core';

const COLOURS: Record<string, string> = {
  none: '\x1b[32m',
  frustration: '\x1b[33m',
  profanity: '\x1b[35m',
  abuse: '\x1b[31m',
  threat: '\x1b[41;97m',
  self_harm: '\x1b[44;97m',
};

/**
 * Formats one analysis for the terminal.
 * @example describe('you idiot', analysis, false)
 */
export function describe(text: string, a: Analysis, colour: boolean): string {
  const c = (s: string): string => (colour ? `${COLOURS[a.label] ?? ''}${s}\x1b[0m` : s);
  const top = Object.entries(a.scores)
    .sort((x, y) => y[1] - x[1])
    .slice(0, 3)
    .map(([l, p]) => `${l} ${(p * 100).toFixed(0)}%`)
    .join(', ');
  const lines = [`  ${c(` ${a.label} `)}  severity ${a.severity}  language ${a.language}  (${top})${a.truncated ? '  [truncated]' : ''}`];
  for (const e of a.evidence) lines.push(`    ${e.category.padEnd(11)} "${text.slice(e.start, e.end)}"  [${e.start},${e.end})  ${e.rule}`);
  lines.push(`  masked: ${a.masked}`);
  return lines.join('\n');
}

export async function demoCommand(stdin: Readable, stdout: Writable, interactive: boolean): Promise<void> {
  const started = performance.now();
  const detector = createDetector();
  const ms = (performance.now() - started).toFixed(0);
  stdout.write(
    `Calmline detection demo — packs and model loaded in ${ms} ms.\n` +
      `Type a customer message in en, ru, pl, zh, he, uk, de, es, fr or ar and press Enter (Ctrl+D to quit).\n` +
      `The web console and API arrive with the server; for files use: npx calmline analyze --input FILE\n\n`,
  );
  const rl = createInterface({ input: stdin, terminal: false });
  if (interactive) stdout.write('> ');
  for await (const line of rl) {
    if (line.trim() !== '') stdout.write(describe(line, detector.analyze(line), interactive) + '\n');
    if (interactive) stdout.write('> ');
  }
}

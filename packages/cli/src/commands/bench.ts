/**
 * @module commands/bench
 * `calmline bench [--quick] [--stream N]`: the speed and memory figures of docs/BENCHMARKS.md, in one
 * run, side by side with a named peer:
 * - cold start (import core, load every pack and the model, first result) and heap after loading,
 *   each in a fresh child process;
 * - single-thread throughput on the mixed 10-language corpus;
 * - the same English messages through `obscenity` (RegExpMatcher, English preset with its
 *   recommended transformers) and through Calmline, which produces all six labels;
 * - with --stream N: `calmline analyze` on an N-line file, lines/s and peak RSS (all cores).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Writable } from 'node:stream';
import { createDetector } from '@calmline/core';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '..', '..', '..', '..');

interface Message {
  text: string;
  lang: string;
}

function loadCorpus(): Message[] {
  const dir = join(repo, 'corpus', 'messages');
  if (!existsSync(dir)) throw new Error(`bench needs the corpus at ${dir}`);
  const out: Message[] = [];
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.jsonl'))
    .sort()) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) if (line.trim()) out.push(JSON.parse(line) as Message);
  }
  return out;
}

/** Runs `fn` over the messages repeatedly for at least `ms`; returns messages per second. */
function rate(messages: string[], ms: number, fn: (s: string) => unknown): number {
  for (let i = 0; i < Math.min(messages.length, 2000); i++) fn(messages[i]!); // warm up the JIT
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (const m of messages) fn(m);
    n += messages.length;
    now = performance.now();
  }
  return (n / (now - start)) * 1000;
}

interface ColdStart {
  importToFirstMs: number;
  processToFirstMs: number;
  heapMB: number;
}

function coldStart(): ColdStart {
  const core = join(repo, 'packages', 'core', 'dist', 'index.js');
  const script = `
    const t0 = performance.now();
    const { createDetector } = await import(${JSON.stringify(core)});
    const d = createDetector();
    d.analyze('Where is my parcel? You useless idiot!');
    const t1 = performance.now();
    globalThis.gc(); globalThis.gc();
    console.log(JSON.stringify({ importToFirstMs: t1 - t0, processToFirstMs: t1, heapMB: process.memoryUsage().heapUsed / 1048576 }));`;
  const runs = [0, 1, 2].map(
    () =>
      JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' })) as ColdStart,
  );
  // The median of three fresh processes: one slow disk read should not decide the figure.
  runs.sort((a, b) => a.importToFirstMs - b.importToFirstMs);
  return runs[1]!;
}

async function streamBench(lines: number, corpus: Message[], out: Writable): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'calmline-bench-'));
  const file = join(dir, 'input.jsonl');
  const ws = createWriteStream(file);
  for (let i = 0; i < lines; i++) {
    const m = corpus[i % corpus.length]!;
    if (!ws.write(JSON.stringify({ id: i, text: m.text }) + '\n')) await new Promise<void>((r) => ws.once('drain', () => r()));
  }
  await new Promise<void>((r) => ws.end(() => r()));
  const bin = join(here, '..', 'bin.js');
  const start = performance.now();
  const child = spawn(process.execPath, [bin, 'analyze', '--input', file], { stdio: ['ignore', 'pipe', 'inherit'] });
  let outLines = 0;
  child.stdout.on('data', (b: Buffer) => {
    for (let i = 0; i < b.length; i++) if (b[i] === 10) outLines++;
  });
  let peak = 0;
  const samples: number[] = [];
  const timer = setInterval(() => {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) {
        const mb = Number(m[1]) / 1024;
        samples.push(mb);
        peak = Math.max(peak, mb);
      }
    } catch {
      /* the process has just exited */
    }
  }, 100);
  await new Promise((r) => child.on('exit', r));
  clearInterval(timer);
  const secs = (performance.now() - start) / 1000;
  rmSync(dir, { recursive: true, force: true });
  const q = Math.floor(samples.length / 4);
  out.write(
    `stream: ${lines.toLocaleString('en')} lines in ${secs.toFixed(1)} s = ${Math.round(lines / secs).toLocaleString('en')} lines/s on all cores; ` +
      `${outLines.toLocaleString('en')} lines out; RSS at 25% ${samples[q]?.toFixed(0)} MB, at 75% ${samples[3 * q]?.toFixed(0)} MB, peak ${peak.toFixed(0)} MB\n`,
  );
}

export async function benchCommand(args: { quick: boolean; stream: number }, out: Writable): Promise<number> {
  const corpus = loadCorpus();
  const ms = args.quick ? 400 : 2500;
  const cold = coldStart();
  out.write(
    `cold start (import + load all packs and model + first result): ${cold.importToFirstMs.toFixed(0)} ms; ${cold.processToFirstMs.toFixed(0)} ms from process start\n`,
  );
  out.write(`heap after loading: ${cold.heapMB.toFixed(1)} MB\n`);
  const detector = createDetector();
  const all = corpus.map((m) => m.text);
  const mixed = rate(all, ms, (s) => detector.analyze(s));
  out.write(`mixed 10-language corpus (${all.length} messages), single thread: ${Math.round(mixed).toLocaleString('en')} messages/s\n`);
  const english = corpus.filter((m) => m.lang === 'en').map((m) => m.text);
  let peer: ((s: string) => unknown) | null = null;
  try {
    const o = await import('obscenity');
    const matcher = new o.RegExpMatcher({ ...o.englishDataset.build(), ...o.englishRecommendedTransformers });
    peer = (s) => matcher.getAllMatches(s);
  } catch {
    out.write('obscenity is not installed (it is a devDependency): peer comparison skipped\n');
  }
  if (peer) {
    // Interleave the two so machine noise hits both alike.
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < 3; i++) {
      ours.push(rate(english, ms / 3, (s) => detector.analyze(s)));
      theirs.push(rate(english, ms / 3, peer));
    }
    const a = Math.max(...ours);
    const b = Math.max(...theirs);
    out.write(
      `English (${english.length} messages), single thread: calmline ${Math.round(a).toLocaleString('en')} msg/s (6 labels), obscenity ${Math.round(b).toLocaleString('en')} msg/s (profanity matches only): ratio ${(a / b).toFixed(2)}×\n`,
    );
  }
  if (args.stream > 0) await streamBench(args.stream, corpus, out);
  return 0;
}

/**
 * @module commands/benchServer/children
 * The processes the server bench runs: the built `calmline serve` and the bare HTTP+SQLite peer,
 * each a child process on a loopback port, with their memory read from /proc. Every child started
 * here is registered so that it is stopped when the bench ends, however it ends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** SIGKILLs whatever is still running when the bench process exits (an exception, Ctrl+C). */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const c of running) c.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      for (const c of running) c.kill('SIGKILL');
      process.exit(130);
    });
}

export interface Child {
  pid: number;
  /** The lines printed so far (the last 200), for error messages. */
  output(): string;
  /** Resolves with the first match of `re` in a line of stdout or stderr. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

export function startChild(args: string[], env: NodeJS.ProcessEnv): Child {
  installExitHook();
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const lines: string[] = [];
  const waiters: { re: RegExp; resolve: (m: RegExpExecArray) => void }[] = [];
  let exited: string | null = null;
  const exitWaiters: ((why: string) => void)[] = [];
  // Both pipes are read to the end: a child blocked on a full pipe would look like a slow server.
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      if (lines.length > 200) lines.shift();
      for (const w of [...waiters]) {
        const m = w.re.exec(line);
        if (m) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(m);
        }
      }
    });
  }
  const gone = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      running.delete(child);
      exited = signal ? `killed by ${signal}` : `exited with code ${code}`;
      for (const w of exitWaiters) w(exited);
      resolve();
    }),
  );
  return {
    pid: child.pid!,
    output: () => lines.join('\n'),
    waitFor(re, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const fail = (why: string) => reject(new Error(`${args.join(' ')}: ${why} before printing ${re}\n${lines.join('\n')}`));
        if (exited) return fail(exited);
        const timer = setTimeout(() => fail(`no answer in ${timeoutMs} ms`), timeoutMs);
        exitWaiters.push((why) => {
          clearTimeout(timer);
          fail(why);
        });
        waiters.push({
          re,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
      });
    },
    async stop(graceMs = 10_000) {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await gone;
      clearTimeout(timer);
    },
  };
}

export interface Memory {
  /** Peak resident set size so far (VmHWM), MB. */
  peakMB: number;
  /** Resident set size now (VmRSS), MB. */
  rssMB: number;
}

/** Memory of a process from /proc/<pid>/status; NaN where it cannot be read (not Linux, process gone). */
export function memoryOf(pid: number): Memory {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { peakMB: kb('VmHWM') / 1024, rssMB: kb('VmRSS') / 1024 };
  } catch {
    return { peakMB: NaN, rssMB: NaN };
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; NaN if unreadable. */
export function cpuSecondsOf(pid: number): number {
  try {
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/**
 * Waits until the process uses less than `share` of a core over half a second (it has worked off
 * the backlog a phase left behind), or `maxMs` passed. Resolves with whether it became quiet.
 */
export async function waitForQuiet(pid: number, maxMs = 20_000, share = 0.15): Promise<boolean> {
  const until = performance.now() + maxMs;
  let last = cpuSecondsOf(pid);
  if (Number.isNaN(last)) return true;
  while (performance.now() < until) {
    await new Promise((r) => setTimeout(r, 500));
    const now = cpuSecondsOf(pid);
    if (now - last < share * 0.5) return true;
    last = now;
  }
  return false;
}

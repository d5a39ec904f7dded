#!/usr/bin/env node
/**
 * @module bin
 * The `calmline` command.
 */
import { parseArgs } from 'node:util';
import { adminLinkCommand } from './commands/adminLink.js';
import { analyzeCommand } from './commands/analyze.js';
import { benchCommand } from './commands/bench.js';
import { benchServerCommand } from './commands/benchServer.js';
import { coachEvalCommand } from './commands/coachEval.js';
import { demoCommand } from './commands/demo.js';
import { evalCommand } from './commands/eval.js';
import { exportCli } from './commands/export.js';
import { importCli } from './commands/import.js';
import { serveCommand } from './commands/serve.js';
import { verifyCommand } from './commands/verify.js';

const HELP = `calmline — detect frustration, profanity, abuse, threats and self-harm in customer messages

usage:
  calmline analyze [--input FILE] [--workers N]   JSON Lines or CSV (with a "text" column) in, JSON Lines out
  calmline eval FILE [--json] [--rules-only] [--errors]
                                                  score labelled JSON Lines (text, label, lang?, id?)
  calmline coach-eval [PATH…] [--json] [--errors]  precision and recall of the draft coach per kind
                                                  (default: the held-out drafts in corpus/drafts/test)
  calmline bench [--quick] [--core] [--stream N]  speed, cold start and memory figures (--core: detector and coach only)
  calmline bench-server [--quick] [--json] [--cpu-prof]  the server under load (SQLite, PostgreSQL, a bare peer)
  calmline serve [--demo] [--port N] [--config FILE]
                                                  run the server (SQLite under ./data, or DATABASE_URL);
                                                  --demo seeds accounts and plays conversations
  calmline admin-link [--email E]                 a new one-time sign-in link for an admin (if the first was lost)
  calmline verify [--json]                        check the incident log's chain (exit 1 if it was tampered with)
  calmline import FILE [--org-admin EMAIL] [--lang L] [--restart]
                                                  transcripts (JSON Lines or CSV) into analysed conversations;
                                                  resumes where it stopped (FILE.calmline-progress)
  calmline export [--out FILE] [--since ISO] [--format jsonl|csv]
                                                  every conversation's messages, in the shape import reads
  calmline demo                                   type messages, see label, evidence and masked text
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'analyze': {
      const { values } = parseArgs({ args: rest, options: { input: { type: 'string', short: 'i' }, workers: { type: 'string' } } });
      const workers = values.workers === undefined ? undefined : Number(values.workers);
      if (workers !== undefined && (!Number.isInteger(workers) || workers < 0))
        throw new UsageError('--workers must be a whole number (0 runs in the main thread)');
      await analyzeCommand(
        { ...(values.input ? { input: values.input } : {}), ...(workers !== undefined ? { workers } : {}) },
        process.stdin,
        process.stdout,
      );
      return 0;
    }
    case 'eval': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { json: { type: 'boolean' }, 'rules-only': { type: 'boolean' }, errors: { type: 'boolean' } },
      });
      if (positionals.length !== 1) throw new UsageError('eval needs exactly one FILE of labelled JSON Lines');
      return evalCommand(
        { file: positionals[0]!, json: values.json ?? false, rulesOnly: values['rules-only'] ?? false, errors: values.errors ?? false },
        process.stdout,
        process.stderr,
      );
    }
    case 'coach-eval': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { json: { type: 'boolean' }, errors: { type: 'boolean' } },
      });
      const paths = positionals.length > 0 ? positionals : ['corpus/drafts/test'];
      return coachEvalCommand({ paths, json: values.json ?? false, errors: values.errors ?? false }, process.stdout, process.stderr);
    }
    case 'bench': {
      const { values } = parseArgs({
        args: rest,
        options: { quick: { type: 'boolean' }, core: { type: 'boolean' }, stream: { type: 'string' } },
      });
      return benchCommand(
        { quick: values.quick ?? false, core: values.core ?? false, stream: values.stream ? Number(values.stream) : 0 },
        process.stdout,
      );
    }
    case 'bench-server': {
      const { values } = parseArgs({
        args: rest,
        options: { quick: { type: 'boolean' }, json: { type: 'boolean' }, 'cpu-prof': { type: 'boolean' } },
      });
      return benchServerCommand(
        { quick: values.quick ?? false, json: values.json ?? false, cpuProf: values['cpu-prof'] ?? false },
        process.stdout,
        process.stderr,
      );
    }
    case 'serve': {
      const { values } = parseArgs({
        args: rest,
        options: { demo: { type: 'boolean' }, port: { type: 'string' }, config: { type: 'string' } },
      });
      return serveCommand({ demo: values.demo ?? false, port: values.port, config: values.config }, process.stdout, process.stderr);
    }
    case 'admin-link': {
      const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, config: { type: 'string' } } });
      return adminLinkCommand({ email: values.email, config: values.config }, process.stdout, process.stderr);
    }
    case 'verify': {
      const { values } = parseArgs({ args: rest, options: { config: { type: 'string' }, json: { type: 'boolean' } } });
      return verifyCommand({ config: values.config, json: values.json ?? false }, process.stdout, process.stderr);
    }
    case 'import':
      return importCli(rest, process.stdout, process.stderr);
    case 'export':
      return exportCli(rest, process.stdout, process.stderr);
    case 'demo':
    case undefined:
      await demoCommand(process.stdin, process.stdout, Boolean(process.stdin.isTTY));
      return 0;
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(HELP);
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    const err = e as Error & { code?: string };
    if (err instanceof UsageError || err.code?.startsWith('ERR_PARSE_ARGS')) process.stderr.write(`calmline: ${err.message}\n\n${HELP}`);
    else if (err.code === 'ENOENT')
      process.stderr.write(`calmline: cannot open ${(err as { path?: string }).path ?? 'the input file'}: no such file\n`);
    else process.stderr.write(`calmline: ${err.stack ?? err.message}\n`);
    process.exitCode = 2;
  },
);

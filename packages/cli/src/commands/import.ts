/**
 * @module commands/import
 * `calmline import FILE [--org-admin EMAIL] [--lang L] [--restart] [--alerts]`: exported transcripts
 * (JSON Lines, or CSV with a header) into conversations, each message analysed and stepped through
 * the protocol by the same MessageIngester the server uses, straight against the server's store,
 * keeping each message's `sent_at`. History is imported quietly (no alerts, incidents or live
 * events) unless --alerts asks for it.
 *
 * Streaming: the file is read record by record. Resumable twice over: every message gets a stable
 * external id (its own `message_id`, or one made of the file name and line number), so whatever
 * was stored is skipped by the ingester; and `<FILE>.calmline-progress` keeps the last line done,
 * so a re-run seeks there instead of re-analysing the whole file. A bad record is reported with its
 * line number and skipped; the run goes on.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { isLanguage, LANGUAGES, type Language } from '@calmline/core/detect';
import { AppError, ChainKeys, Engine, IncidentKeeper, MessageIngester, OrganisationCache, resolveSecret } from '@calmline/server';
import { formatBytes, headDigest, loadProgress, progressPath, ProgressBar, saveProgress, type Counts } from './importExport/progress.js';
import { ImportFormatError, readTranscripts, validateTranscript, type FileShape, type TranscriptRecord } from './importExport/records.js';
import { describe, openOrgStore, StoreProblem, type OpenedStore } from './importExport/store.js';

export interface ImportArgs {
  file: string;
  orgAdmin?: string | undefined;
  /** Language of records that name none (otherwise the detector decides). */
  lang?: Language | undefined;
  restart: boolean;
  /** Raise alerts, incidents and live events as if the messages arrived now (default: history, analysed quietly). */
  alerts?: boolean | undefined;
  config?: string | undefined;
  /** Messages in flight at once (each conversation's own messages still go one after another). */
  concurrency?: number | undefined;
}

type TtyWritable = Writable & { isTTY?: boolean; columns?: number };

/** In flight at once: enough for SQLite's group commit to gather many messages per commit. */
const DEFAULT_CONCURRENCY = 64;
/** How often the progress file is rewritten. */
const SAVE_EVERY_MS = 1000;

/**
 * @example await importCommand({ file: 'chats.jsonl', restart: false }, process.stdout, process.stderr)
 * Exit code: 0 when every record was stored (or already was), 1 when some were bad and skipped,
 * 2 when the import could not run, 130 when interrupted (run it again to resume).
 */
export async function importCommand(args: ImportArgs, out: Writable, err: TtyWritable): Promise<number> {
  let size: number;
  try {
    const stat = statSync(args.file);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    err.write(`calmline: cannot open ${args.file}: no such file\n`);
    return 2;
  }
  let opened: OpenedStore;
  try {
    opened = await openOrgStore({ orgAdmin: args.orgAdmin, config: args.config, createIfEmpty: true }, err);
  } catch (e) {
    if (!(e instanceof StoreProblem)) throw e;
    err.write(`${e.message}\n`);
    return e.code;
  }
  const { database, store, actor, admin, config } = opened;
  try {
    if (opened.signInLink) out.write(`One-time sign-in link for ${admin.email} (works once, for 24 hours):\n\n  ${opened.signInLink}\n\n`);
    const incidents = new IncidentKeeper(new ChainKeys(await resolveSecret(config, store, database.dialect, (m) => err.write(`${m}\n`))));
    const engine = new Engine();
    // Live events are stored by the ingester (clients catch up from them with ?since); nobody
    // listens in this process, so there is nothing to publish to.
    const quiet = { within: () => Promise.resolve(), publish: () => undefined };
    const ingester = new MessageIngester(store, engine, new OrganisationCache(store), quiet, incidents);

    const head = headDigest(args.file);
    const storeKey = `${describe(config)}#${actor.orgId}`;
    const saved = args.restart ? undefined : loadProgress(args.file, size, storeKey);
    const from = { offset: 0, line: 1, format: undefined as FileShape['format'], header: undefined as FileShape['header'] };
    if (saved && 'ignored' in saved) err.write(`calmline: starting ${args.file} from the beginning: ${saved.ignored}.\n`);
    else if (saved) {
      Object.assign(from, { offset: saved.offset, line: saved.line + 1, format: saved.format, header: saved.header });
      err.write(
        saved.offset >= size
          ? `calmline: ${args.file} was imported up to its last line (${saved.line}) already; nothing new to import (--restart reads it again).\n`
          : `calmline: resuming ${args.file} after line ${saved.line} (${formatBytes(saved.offset)} of ${formatBytes(size)} done; --restart starts over).\n`,
      );
    }

    const counts: Counts & { conversations: number; alerts: number; bytes: number } = {
      lines: 0,
      imported: 0,
      duplicates: 0,
      bad: 0,
      conversations: 0,
      alerts: 0,
      bytes: from.offset,
    };
    const bar = new ProgressBar(err, size, () => counts);
    const report = (line: number, problem: string) => {
      counts.bad++;
      bar.note(`calmline: ${args.file}:${line}: ${problem} (skipped)`);
    };

    // Agents by email, looked up once each; an unknown email falls back to the acting admin, said once.
    const agents = new Map<string, Promise<string>>();
    const agentFor = (email: string | undefined): Promise<string> => {
      if (!email) return Promise.resolve(admin.id);
      let found = agents.get(email);
      if (!found) {
        found = store.users.byEmail(email).then((u) => {
          if (u && u.orgId === actor.orgId) return u.id;
          bar.note(`calmline: no user ${email} in this organisation: their conversations go to ${admin.email}.`);
          return admin.id;
        });
        agents.set(email, found);
      }
      return found;
    };

    const idPrefix = basename(args.file).slice(0, 150);
    const ingestOne = async (rec: TranscriptRecord, line: number): Promise<void> => {
      const r = await ingester.ingest(actor, {
        conversation: {
          channel: rec.channel,
          externalId: rec.conversationId,
          language: rec.language,
          agentId: await agentFor(rec.agentEmail),
          customerRef: rec.customerRef,
          contactReason: rec.contactReason,
        },
        author: rec.author,
        text: rec.text,
        externalId: rec.messageId ?? `${idPrefix}:${line}`,
        sentAt: rec.sentAt,
        historic: !args.alerts,
      });
      if (r.duplicate) counts.duplicates++;
      else {
        counts.imported++;
        counts.alerts += r.alerts.length;
        if (r.conversation.messageCount === 1) counts.conversations++;
      }
    };

    // Records in file order, from the oldest not yet finished: the progress file may only move past
    // a record once it and everything before it are done.
    const window: { line: number; end: number; done: boolean }[] = [];
    let windowHead = 0;
    const mark = { line: from.line - 1, offset: from.offset };
    const advance = () => {
      while (windowHead < window.length && window[windowHead]!.done) {
        const w = window[windowHead++]!;
        mark.line = w.line;
        mark.offset = w.end;
      }
      if (windowHead > 1024) {
        window.splice(0, windowHead);
        windowHead = 0;
      }
    };
    const shape: FileShape = { format: from.format, header: from.header };
    let lastSave = Date.now();
    const save = () => {
      saveProgress(args.file, {
        ...head,
        store: storeKey,
        format: shape.format,
        header: shape.header,
        line: mark.line,
        offset: mark.offset,
      });
      lastSave = Date.now();
    };

    const limit = Math.max(1, args.concurrency ?? DEFAULT_CONCURRENCY);
    let inFlight = 0;
    let wake: (() => void) | undefined;
    const state: { failure: unknown; interrupted: boolean } = { failure: undefined, interrupted: false };
    // Each conversation's messages are ingested in file order: the protocol steps through them.
    const tails = new Map<string, Promise<void>>();
    const onSigint = () => {
      state.interrupted = true;
      wake?.();
    };
    process.once('SIGINT', onSigint);
    const started = Date.now();
    try {
      for await (const item of readTranscripts(args.file, from, shape)) {
        counts.lines++;
        counts.bytes = item.end;
        const slot = { line: item.line, end: item.end, done: false };
        window.push(slot);
        const rec = 'error' in item ? item : validateTranscript(item.raw, { language: args.lang });
        if ('error' in rec) {
          report(item.line, rec.error);
          slot.done = true;
        } else {
          const key = `${rec.channel}\u0000${rec.conversationId}`;
          const task = (tails.get(key) ?? Promise.resolve())
            .then(() => (state.failure === undefined ? ingestOne(rec, item.line) : undefined))
            .catch((e: unknown) => {
              // A record the ingester refuses (e.g. its conversation belongs elsewhere) is one bad
              // record; anything else (the database went away) stops the import.
              if (e instanceof AppError) report(item.line, e.message);
              else state.failure ??= e;
            })
            .finally(() => {
              slot.done = state.failure === undefined;
              inFlight--;
              if (tails.get(key) === task) tails.delete(key);
              wake?.();
            });
          tails.set(key, task);
          inFlight++;
        }
        advance();
        if (Date.now() - lastSave >= SAVE_EVERY_MS) save();
        while (inFlight >= limit && state.failure === undefined) await new Promise<void>((r) => (wake = r));
        if (state.failure !== undefined || state.interrupted) break;
      }
      while (inFlight > 0) await new Promise<void>((r) => (wake = r));
    } catch (e) {
      while (inFlight > 0) await new Promise<void>((r) => (wake = r));
      if (!(e instanceof ImportFormatError)) throw e;
      bar.stop();
      err.write(`calmline: ${args.file}: ${e.message}\n`);
      return 2;
    } finally {
      process.removeListener('SIGINT', onSigint);
      advance();
      save();
      bar.stop();
    }
    if (state.failure !== undefined)
      throw state.failure instanceof Error ? state.failure : new Error('the import failed', { cause: state.failure });
    const secs = (Date.now() - started) / 1000;
    const done = counts.imported + counts.duplicates;
    await store.audit.record(
      actor,
      'conversations.imported',
      { type: 'import', id: null },
      { file: basename(args.file), fromLine: from.line, toLine: mark.line, ...counts },
    );
    err.write(
      `calmline: ${args.file}: ${counts.imported} messages imported (${counts.conversations} new conversations, ${counts.alerts} alerts), ` +
        `${counts.duplicates} already stored, ${counts.bad} bad records skipped; ` +
        `${counts.lines} records in ${secs.toFixed(1)} s (${Math.round(done / Math.max(secs, 0.001))} messages/s).\n`,
    );
    if (state.interrupted) {
      err.write(`calmline: interrupted after line ${mark.line}; run the same command again to resume (${progressPath(args.file)}).\n`);
      return 130;
    }
    return counts.bad > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}

/** Parses `calmline import` arguments (bin.ts hands them over as they came). */
export async function importCli(argv: string[], out: Writable, err: TtyWritable): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'org-admin': { type: 'string' },
      lang: { type: 'string' },
      restart: { type: 'boolean' },
      alerts: { type: 'boolean' },
      config: { type: 'string' },
      concurrency: { type: 'string' },
    },
  });
  const usage = 'usage: calmline import FILE [--org-admin EMAIL] [--lang L] [--restart] [--alerts]';
  if (positionals.length !== 1) {
    err.write(`calmline: import needs exactly one FILE (JSON Lines or CSV)\n${usage}\n`);
    return 2;
  }
  const lang = values.lang?.toLowerCase();
  if (lang !== undefined && !isLanguage(lang)) {
    err.write(`calmline: unknown --lang ${JSON.stringify(values.lang)}: use one of ${LANGUAGES.join(', ')}\n`);
    return 2;
  }
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1)) {
    err.write('calmline: --concurrency must be a whole number of at least 1\n');
    return 2;
  }
  return importCommand(
    {
      file: positionals[0]!,
      orgAdmin: values['org-admin'],
      lang,
      restart: values.restart ?? false,
      alerts: values.alerts ?? false,
      config: values.config,
      concurrency,
    },
    out,
    err,
  );
}

/**
 * @module commands/export
 * `calmline export [--out FILE] [--since ISO] [--format jsonl|csv]`: every conversation of the
 * organisation with its messages, one record per message in the shape `calmline import` reads (so
 * export → import round-trips), plus each customer message's analysis label and severity.
 * Conversations are read a page at a time in the order of their unique (channel, external id)
 * index, so the output streams whatever the store's size.
 */
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { COLUMNS, csvField, type Column, type Format } from './importExport/records.js';
import { openOrgStore, StoreProblem, type OpenedStore } from './importExport/store.js';

export interface ExportArgs {
  out?: string | undefined;
  /** Only conversations with activity at or after this time (ISO 8601). */
  since?: string | undefined;
  format: Format;
  orgAdmin?: string | undefined;
  config?: string | undefined;
}

/** Conversations per query: their messages are read together, one query per page. */
const PAGE = 100;

/**
 * @example await exportCommand({ format: 'jsonl' }, process.stdout, process.stderr)
 */
export async function exportCommand(args: ExportArgs, stdout: Writable, err: Writable): Promise<number> {
  let since: string | undefined;
  if (args.since !== undefined) {
    const t = Date.parse(args.since);
    if (Number.isNaN(t)) {
      err.write(`calmline: --since ${JSON.stringify(args.since)} is not a date (e.g. 2026-01-31 or 2026-01-31T12:00:00Z)\n`);
      return 2;
    }
    // Stored times are ISO-8601 UTC text; the same form compares correctly as text.
    since = new Date(t).toISOString();
  }
  let opened: OpenedStore;
  try {
    opened = await openOrgStore({ orgAdmin: args.orgAdmin, config: args.config, createIfEmpty: false }, err);
  } catch (e) {
    if (!(e instanceof StoreProblem)) throw e;
    err.write(`${e.message}\n`);
    return e.code;
  }
  const { database, store, actor } = opened;
  const db = database.db;
  const out = args.out ? createWriteStream(args.out) : stdout;
  const write = async (s: string): Promise<void> => {
    if (!out.write(s)) await once(out, 'drain');
  };
  let conversations = 0;
  let messages = 0;
  try {
    const emails = new Map<string, string>();
    for (const u of await store.users.list(actor.orgId)) emails.set(u.id, u.email);
    if (args.format === 'csv') await write(`${COLUMNS.join(',')}\n`);
    let after: { channel: string; externalId: string } | undefined;
    for (;;) {
      let q = db
        .selectFrom('conversations')
        .select(['id', 'channel', 'external_id', 'language', 'agent_id', 'customer_ref', 'contact_reason'])
        .where('org_id', '=', actor.orgId);
      if (since) q = q.where('updated_at', '>=', since);
      if (after) {
        const a = after;
        q = q.where((eb) =>
          eb.or([eb('channel', '>', a.channel), eb.and([eb('channel', '=', a.channel), eb('external_id', '>', a.externalId)])]),
        );
      }
      const page = await q.orderBy('channel').orderBy('external_id').limit(PAGE).execute();
      if (page.length === 0) break;
      after = { channel: page.at(-1)!.channel, externalId: page.at(-1)!.external_id };
      const rows = await db
        .selectFrom('messages')
        .select(['id', 'conversation_id', 'seq', 'author', 'external_id', 'text', 'label', 'severity', 'created_at'])
        .where(
          'conversation_id',
          'in',
          page.map((c) => c.id),
        )
        .orderBy('conversation_id')
        .orderBy('seq')
        .execute();
      const byConversation = new Map<string, typeof rows>();
      for (const m of rows) {
        const list = byConversation.get(m.conversation_id);
        if (list) list.push(m);
        else byConversation.set(m.conversation_id, [m]);
      }
      for (const c of page) {
        const list = byConversation.get(c.id) ?? [];
        if (list.length > 0) conversations++;
        let chunk = '';
        for (const m of list) {
          const record: Record<Column, string | number | null> = {
            conversation_id: c.external_id,
            channel: c.channel,
            language: c.language,
            agent_email: c.agent_id ? (emails.get(c.agent_id) ?? null) : null,
            customer_ref: c.customer_ref,
            contact_reason: c.contact_reason,
            author: m.author,
            text: m.text,
            // A message stored without the sender's id gets ours, so a re-import still recognises it.
            message_id: m.external_id ?? m.id,
            // When Calmline stored it (the original send time is not kept; see import).
            sent_at: m.created_at,
            label: m.label,
            severity: m.severity,
          };
          chunk += args.format === 'csv' ? `${COLUMNS.map((k) => csvField(record[k])).join(',')}\n` : `${JSON.stringify(record)}\n`;
          messages++;
        }
        if (chunk) await write(chunk);
      }
      if (page.length < PAGE) break;
    }
    // Exporting every transcript is worth a line in the audit log.
    await store.audit.record(
      actor,
      'conversations.exported',
      { type: 'export', id: null },
      { since: since ?? null, format: args.format, conversations, messages },
    );
    if (out !== stdout) {
      out.end();
      await once(out, 'finish');
    }
    err.write(`calmline: exported ${messages} messages of ${conversations} conversations${args.out ? ` to ${args.out}` : ''}.\n`);
    return 0;
  } finally {
    await database.close();
  }
}

/** Parses `calmline export` arguments (bin.ts hands them over as they came). */
export async function exportCli(argv: string[], out: Writable, err: Writable): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string', short: 'o' },
      since: { type: 'string' },
      format: { type: 'string' },
      'org-admin': { type: 'string' },
      config: { type: 'string' },
    },
  });
  // Without --format, a file name ending in .csv says CSV; anything else is JSON Lines.
  const format = values.format ?? (values.out?.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl');
  if (format !== 'jsonl' && format !== 'csv') {
    err.write(`calmline: --format must be jsonl or csv, not ${JSON.stringify(format)}\n`);
    return 2;
  }
  return exportCommand({ out: values.out, since: values.since, format, orgAdmin: values['org-admin'], config: values.config }, out, err);
}

/**
 * `calmline import` and `calmline export` as an operator runs them (the built artifact, a fresh
 * SQLite data folder): transcripts in JSON Lines and CSV become analysed conversations, a re-run
 * stores nothing twice and says it resumed, a broken line is named and skipped, and what export
 * writes imports into another store as the same messages. Plus the reader's byte offsets, which
 * resuming depends on, checked against every record of a file larger than one read chunk.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTranscripts, type ReadItem } from './commands/importExport/records.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'calmline-import-'));

function calmline(dataDir: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, CALMLINE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.CALMLINE_CONFIG;
  return spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', cwd: dir });
}

interface Row {
  conversation_id: string;
  channel: string;
  language: string | null;
  agent_email: string | null;
  author: string;
  text: string;
  message_id: string;
  label: string | null;
  severity: number | null;
}

function exported(dataDir: string, ...args: string[]): Row[] {
  const r = calmline(dataDir, 'export', ...args);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Row);
}

async function query<T>(dataDir: string, sql: string): Promise<T[]> {
  const { default: SQLite } = (await import('better-sqlite3')) as { default: typeof import('better-sqlite3') };
  const db = new SQLite(join(dataDir, 'calmline.db'), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

const ABUSE = 'You are a useless idiot.';
const THREAT = 'I know where your office is and I will come and hurt you.';

const jsonlRecords = [
  { conversation_id: 'T-1', channel: 'chat', language: 'en', author: 'customer', text: 'Hello, my order has not arrived yet.' },
  { conversation_id: 'T-1', channel: 'chat', author: 'agent', text: 'I am sorry to hear that, let me check it for you.' },
  { conversation_id: 'T-1', channel: 'chat', author: 'customer', text: ABUSE },
  { conversationId: 'T-2', channel: 'email', language: 'de', text: 'Guten Tag, wo ist meine Bestellung? Ich warte seit zwei Wochen.' },
  { conversation_id: 'T-2', channel: 'email', language: 'de', text: 'Vielen Dank für Ihre Hilfe.', message_id: 'src-42' },
  { conversation_id: 'T-3', channel: 'chat', language: 'en', customer_ref: 'cust-9', text: THREAT, sent_at: '2026-01-05T10:00:00Z' },
];

describe('calmline import --alerts', () => {
  it('raises alerts and incidents as if the messages arrived now', async () => {
    const data = join(dir, 'data-alerts');
    const file = join(dir, 'live.jsonl');
    writeFileSync(file, `${jsonlRecords.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const r = calmline(data, 'import', file, '--alerts');
    expect(r.stderr).toMatch(/6 messages imported \(3 new conversations, [1-9]\d* alerts\)/);
    const alerts = await query<{ kind: string }>(data, 'select kind from alerts');
    expect(alerts.map((a) => a.kind)).toEqual(expect.arrayContaining(['abuse', 'threat']));
  });
});

describe('calmline import / export', () => {
  const data = join(dir, 'data');
  const jsonl = join(dir, 'chats.jsonl');

  it('imports JSON Lines into analysed conversations, naming and skipping a broken line', async () => {
    const lines = jsonlRecords.map((r) => JSON.stringify(r));
    lines.splice(4, 0, '{"conversation_id": "T-2", "text": "cut off'); // line 5 is broken
    writeFileSync(jsonl, `${lines.join('\n')}\n`);
    const r = calmline(data, 'import', jsonl);
    expect(r.stdout).toMatch(/first-sign-in\?token=cl_first_/);
    expect(r.stderr).toMatch(/chats\.jsonl:5: not valid JSON .*\(skipped\)/);
    // History is imported quietly: analysed, but nobody is alerted about last year's conversations.
    expect(r.stderr).toMatch(/6 messages imported \(3 new conversations, 0 alerts\), 0 already stored, 1 bad records skipped/);
    expect(r.status).toBe(1);

    const conversations = await query<{
      external_id: string;
      channel: string;
      worst_label: string;
      message_count: number;
      language: string;
    }>(data, 'select external_id, channel, worst_label, message_count, language from conversations order by external_id');
    expect(conversations).toEqual([
      { external_id: 'T-1', channel: 'chat', worst_label: 'abuse', message_count: 3, language: 'en' },
      { external_id: 'T-2', channel: 'email', worst_label: 'frustration', message_count: 2, language: 'de' },
      { external_id: 'T-3', channel: 'chat', worst_label: 'threat', message_count: 1, language: 'en' },
    ]);
    expect(await query(data, 'select kind from alerts')).toEqual([]);
    // The time the message was really sent is kept.
    expect(await query(data, "select created_at from messages where text like 'I know where%'")).toEqual([
      { created_at: '2026-01-05T10:00:00.000Z' },
    ]);
    const messages = await query<{ text: string; label: string | null; language: string | null; external_id: string }>(
      data,
      'select text, label, language, external_id from messages',
    );
    expect(messages.find((m) => m.text === ABUSE)!.label).toBe('abuse');
    // German waiting for weeks reads as frustration; the thanks after it does not.
    expect(messages.find((m) => m.text.startsWith('Guten Tag'))).toMatchObject({ label: 'frustration', language: 'de' });
    expect(messages.find((m) => m.text.startsWith('Vielen Dank'))).toMatchObject({ label: 'none', language: 'de' });
    // The source's id is kept; a message without one gets an id from the file name and line.
    expect(messages.map((m) => m.external_id).sort()).toEqual(
      ['chats.jsonl:1', 'chats.jsonl:2', 'chats.jsonl:3', 'chats.jsonl:4', 'chats.jsonl:7', 'src-42'].sort(),
    );
  });

  it('re-run: says it resumes, stores nothing twice, and picks up lines appended since', async () => {
    const again = calmline(data, 'import', jsonl);
    expect(again.stderr).toMatch(/imported up to its last line \(7\) already/);
    expect(again.stderr).toMatch(/0 messages imported/);
    expect(again.status).toBe(0);

    // --restart reads everything again: all of it is recognised as stored.
    const restart = calmline(data, 'import', jsonl, '--restart');
    expect(restart.stderr).not.toMatch(/resuming/);
    expect(restart.stderr).toMatch(/0 messages imported .*6 already stored, 1 bad records skipped/);
    expect((await query<{ n: number }>(data, 'select count(*) as n from messages'))[0]!.n).toBe(6);

    // The exporting system appends the day's later messages; only those are read and stored.
    appendFileSync(jsonl, `${JSON.stringify({ conversation_id: 'T-1', channel: 'chat', author: 'customer', text: 'Fine, thank you.' })}\n`);
    const more = calmline(data, 'import', jsonl);
    expect(more.stderr).toMatch(/resuming .*chats\.jsonl after line 7 /);
    expect(more.stderr).toMatch(
      /1 messages imported \(0 new conversations, 0 alerts\), 0 already stored, 0 bad records skipped; 1 records/,
    );
    expect(more.status).toBe(0);
    expect((await query<{ n: number }>(data, 'select count(*) as n from messages'))[0]!.n).toBe(7);
    expect(JSON.parse(readFileSync(`${jsonl}.calmline-progress`, 'utf8'))).toMatchObject({ line: 8 });

    // A different file under the same name is read from the start, not from a stale offset.
    writeFileSync(jsonl, `${JSON.stringify({ conversation_id: 'T-9', text: 'A new export altogether.' })}\n`);
    const replaced = calmline(data, 'import', jsonl);
    expect(replaced.stderr).toMatch(/starting .*chats\.jsonl from the beginning: the file changed since the last run/);
    expect(replaced.stderr).toMatch(/1 messages imported \(1 new conversations/);

    // Progress towards one store says nothing about another: the whole file goes into the other.
    const elsewhere = calmline(join(dir, 'other-data'), 'import', jsonl);
    expect(elsewhere.stderr).toMatch(/from the beginning: the last run imported it into another store/);
    expect(elsewhere.stderr).toMatch(/1 messages imported/);
  });

  it('imports CSV with a header, quoted commas and line breaks, and several languages', () => {
    const csv = join(dir, 'chats.csv');
    writeFileSync(
      csv,
      [
        'Conversation ID,Channel,Language,Agent Email,Author,Text,Message ID',
        'C-1,phone,es,admin@calmline.local,customer,"Hola, mi pedido llegó roto.",m1',
        'C-1,phone,es,admin@calmline.local,agent,"Lo siento mucho.\nLe envío uno nuevo hoy.",m2',
        `C-2,chat,fr,nobody@example.com,customer,"Bonjour, je voudrais un remboursement.",m3`,
        'C-2,chat,fr,,customer,too,many,fields',
        `C-3,chat,en,,customer,"${ABUSE}",m5`,
        '',
      ].join('\r\n'),
    );
    const r = calmline(data, 'import', csv);
    expect(r.stderr).toMatch(/chats\.csv:6: expected 7 CSV fields, found 8 \(skipped\)/);
    expect(r.stderr).toMatch(/no user nobody@example\.com in this organisation/);
    expect(r.stderr).toMatch(/4 messages imported \(3 new conversations/);
    const rows = exported(data).filter((x) => x.conversation_id.startsWith('C-'));
    // Export order: channel, then the conversation's id; messages in conversation order.
    expect(rows.map((x) => [x.conversation_id, x.language, x.author, x.text, x.label])).toEqual([
      ['C-2', 'fr', 'customer', 'Bonjour, je voudrais un remboursement.', 'none'],
      ['C-3', 'en', 'customer', ABUSE, 'abuse'],
      ['C-1', 'es', 'customer', 'Hola, mi pedido llegó roto.', 'none'],
      ['C-1', 'es', 'agent', 'Lo siento mucho.\nLe envío uno nuevo hoy.', null],
    ]);
    expect(rows.every((x) => x.agent_email === 'admin@calmline.local')).toBe(true);
  });

  it('export → import into a fresh store gives the same messages, in JSON Lines and in CSV', () => {
    const before = exported(data);
    expect(before.length).toBe(8 + 4);
    for (const format of ['jsonl', 'csv']) {
      const file = join(dir, `all.${format}`);
      const out = calmline(data, 'export', '--out', file, '--format', format);
      expect(out.stderr).toMatch(/exported 12 messages of \d+ conversations/);
      const fresh = join(dir, `fresh-${format}`);
      const r = calmline(fresh, 'import', file);
      expect(r.stderr).toMatch(/12 messages imported .* 0 bad records skipped/);
      expect(r.status).toBe(0);
      const strip = (rows: Row[]) =>
        rows.map(({ conversation_id, channel, language, agent_email, author, text, message_id, label, severity }) => ({
          conversation_id,
          channel,
          language,
          agent_email,
          author,
          text,
          message_id,
          label,
          severity,
        }));
      expect(strip(exported(fresh))).toEqual(strip(before));
    }
    // --since in the future: nothing has changed since.
    expect(exported(data, '--since', '2999-01-01')).toEqual([]);
  });

  it('reads every record back from its own end offset, across read chunks, CRLF and multi-byte text', async () => {
    for (const format of ['jsonl', 'csv'] as const) {
      const file = join(dir, `offsets.${format}`);
      const rows = Array.from({ length: 6000 }, (_, i) => ({
        conversation_id: `O-${i}`,
        text: `Здравствуйте, «${i}»,\n ok 👍 ${'x'.repeat(i % 50)}`,
      }));
      const body =
        format === 'jsonl'
          ? rows.map((r) => JSON.stringify(r)).join('\r\n')
          : `conversation_id,text\r\n${rows.map((r) => `${r.conversation_id},"${r.text}"`).join('\r\n')}`;
      writeFileSync(file, body);
      const all: ReadItem[] = [];
      const shape = { format: undefined, header: undefined };
      for await (const item of readTranscripts(file, { offset: 0, line: 1, format: undefined, header: undefined }, shape)) all.push(item);
      expect(all.length).toBe(6000);
      expect(shape.format).toBe(format);
      // Resume from a few records' ends: the next record must be exactly the one that followed.
      for (const k of [0, 1, 1999, 3500, 5998]) {
        const resumed = readTranscripts(
          file,
          { offset: all[k]!.end, line: all[k]!.line + (format === 'csv' ? 2 : 1), ...shape },
          { ...shape },
        );
        const next = (await resumed.next()).value as ReadItem;
        await resumed.return(undefined);
        expect(next).toEqual(all[k + 1]);
      }
      expect(all[5999]!.end).toBe(Buffer.byteLength(body));
      expect(existsSync(file)).toBe(true);
    }
  });
});

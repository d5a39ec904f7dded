/**
 * The CLI is tested as users run it: the BUILT artifact (dist/bin.js) in a child process, with real
 * files and pipes. `npm test` builds first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'calmline-cli-'));

function run(args: string[], input = ''): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

const lines = (s: string): Record<string, unknown>[] =>
  s
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('calmline analyze', () => {
  it('reads JSON Lines from stdin and answers every line in order, bad lines included', () => {
    const input = [
      '{"id":"a","text":"Hello, could you tell me your opening hours?"}',
      '{"id":"b","text":"you useless idiot"}',
      'this is not json',
      '{"id":"c"}',
      '',
      '{"id":"d","text":"hello","lang":"xx"}',
      '[1,2]',
      '{"id":7,"text":"I know where you live","lang":"en"}',
    ].join('\n');
    const r = run(['analyze'], input);
    expect(r.code).toBe(0);
    const out = lines(r.out);
    expect(out).toHaveLength(7);
    expect(out[0]).toMatchObject({ id: 'a', label: 'none', language: 'en' });
    expect(out[1]).toMatchObject({ id: 'b', label: 'abuse' });
    expect(out[1]!.masked).toMatch(/\*{5}/);
    expect(out[2]).toMatchObject({ line: 3, error: expect.stringMatching(/not valid JSON/) });
    expect(out[3]).toMatchObject({ line: 4, error: expect.stringMatching(/"text" field is missing/) });
    expect(out[4]).toMatchObject({ line: 6, error: expect.stringMatching(/unknown "lang"/) });
    expect(out[5]).toMatchObject({ line: 7, error: expect.stringMatching(/JSON object/) });
    expect(out[6]).toMatchObject({ id: 7, label: 'threat' });
    const ev = (out[1]!.evidence as { start: number; end: number; rule: string }[])[0]!;
    expect('you useless idiot'.slice(ev.start, ev.end)).toMatch(/idiot|useless/);
  });

  it('reads CSV with a text column, quoted commas, quotes and newlines', () => {
    const file = join(dir, 'in.csv');
    writeFileSync(
      file,
      'id,text,lang\r\n1,"Hello, I need help with my bill",en\r\n2,"He wrote ""call me""\non two lines",en\r\n3,"ты тупой идиот",ru\r\n4,too,many,fields\r\n',
    );
    const r = run(['analyze', '--input', file]);
    expect(r.code).toBe(0);
    const out = lines(r.out);
    expect(out.map((o) => o.id ?? o.line)).toEqual(['1', '2', '3', 6]); // record 2 spans lines 3–4
    expect(out[2]).toMatchObject({ label: 'abuse', language: 'ru' });
    expect(out[3]).toMatchObject({ error: expect.stringMatching(/expected 3 CSV fields/) });
  });

  it('keeps input order across worker threads', () => {
    const texts = ['Where is my parcel?', 'this f***ing router died again', 'you idiot', 'I want a refund NOW!!!'];
    const input = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: i, text: texts[i % 4] })).join('\n');
    const r = run(['analyze', '--workers', '2'], input);
    expect(r.code).toBe(0);
    const out = lines(r.out);
    expect(out.map((o) => o.id)).toEqual(Array.from({ length: 3000 }, (_, i) => i));
    expect(out[2]!.label).toBe('abuse');
  });

  it('says clearly when the input file does not exist', () => {
    const r = run(['analyze', '--input', join(dir, 'missing.jsonl')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot open .*missing\.jsonl: no such file/);
  });
});

describe('calmline eval', () => {
  it('prints per-label scores, macro-F1, per-language table, confusion and contact-centre view', () => {
    const file = join(dir, 'gold.jsonl');
    writeFileSync(
      file,
      [
        { text: 'Where is my parcel?', label: 'none', lang: 'en' },
        { text: 'you useless idiot', label: 'abuse', lang: 'en' },
        { text: 'Ich bringe Sie um', label: 'threat', lang: 'de' },
        { text: 'I don\u2019t want to live anymore', label: 'self_harm', lang: 'en' },
      ]
        .map((o) => JSON.stringify(o))
        .join('\n'),
    );
    const r = run(['eval', file]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/macro-F1: \d\.\d{3}/);
    expect(r.out).toMatch(/recall abuse 1\.000/);
    expect(r.out).toMatch(/none\+frustration flagged as abuse\/threat\/self_harm: 0\.0%/);
    expect(r.out).toMatch(/^de\s+1\s/m);
    expect(r.out).toMatch(/confusion \(rows gold, columns predicted\)/);
    const json = JSON.parse(run(['eval', file, '--json']).out) as { n: number; perLabel: unknown[] };
    expect(json.n).toBe(4);
    expect(json.perLabel).toHaveLength(6);
  });

  it('rejects a call without a file', () => {
    const r = run(['eval']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/eval needs exactly one FILE/);
  });
});

describe('calmline coach-eval', () => {
  it('scores labelled drafts per kind and names the lines it skips', () => {
    const file = join(dir, 'drafts.jsonl');
    writeFileSync(
      file,
      [
        '{"id":"1","lang":"en","draft":"Calm down, it is only a parcel.","expected":["dismissive"]}',
        '{"id":"2","lang":"en","draft":"I can see the parcel left the depot today; it should reach you tomorrow.","expected":[]}',
        '{"id":"3","lang":"en","draft":"THIS IS NOT OUR PROBLEM","expected":[]}',
        '{"id":"4","lang":"xx","draft":"hi","expected":[]}',
      ].join('\n'),
    );
    const r = run(['coach-eval', file, '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/drafts.jsonl:4: skipped, "lang" must be one of the supported languages/);
    const report = JSON.parse(r.out) as { drafts: number; kinds: { kind: string; tp: number; fp: number }[]; falseAlarmRate: number };
    expect(report.drafts).toBe(3);
    expect(report.kinds.find((k) => k.kind === 'dismissive')).toMatchObject({ tp: 1, fp: 0 });
    expect(report.kinds.find((k) => k.kind === 'shouting')).toMatchObject({ tp: 0, fp: 1 });
    expect(report.falseAlarmRate).toBe(0.5);
  });
});

describe('calmline demo', () => {
  it('shows label, evidence and masked text for typed messages', () => {
    const r = run(['demo'], 'you useless idiot\nгде моя посылка?\n');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/abuse\s+severity 2\s+language en/);
    expect(r.out).toMatch(/masked: you \*+ \*+/);
    expect(r.out).toMatch(/none\s+severity 0\s+language ru/);
  });

  it("walks a conversation up the ladder and coaches the agent's drafts", () => {
    const r = run(['demo'], 'you useless idiot\n/warning_issued\nagent: Calm down!!!\n/contact_ended\n');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/→ issue_warning {2}because: abuse/);
    expect(r.out).toMatch(/suggest \(help_boundary\): /);
    expect(r.out).toMatch(/step: warned \(warning 1 given\)/);
    expect(r.out).toMatch(/coach: dismissive "Calm down"/);
    expect(r.out).toMatch(/coach: shouting "!!!"/);
    expect(r.out).toMatch(/→ suggest_break/);
  });

  it('rejects an unknown command with the usage text', () => {
    const r = run(['analyse-this']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown command "analyse-this"/);
    expect(r.err).toMatch(/usage:/);
  });
});

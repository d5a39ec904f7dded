/**
 * The incident PDF through the API on a real server (SQLite is enough: the PDF is made from the
 * same export object on both stores). Threats in Russian, Chinese, Hebrew (with an English word and
 * a number), Arabic, Polish and German become evidence; the PDF is read back with pdf.js and must
 * carry the headings, the id, every evidence text, the chain proof, page numbers and redaction.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestServer, type TestServer } from '../../test/testServer.js';

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
}
interface ReadPdf {
  pages: { items: Item[]; text: string }[];
  info: Record<string, unknown>;
}

/** Every page's text items (with positions) and the document's metadata, as pdf.js extracts them. */
async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const pdf = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: ReadPdf['pages'] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    const items = content.items.flatMap((i) =>
      'str' in i && i.str.trim() ? [{ str: i.str, x: i.transform[4] as number, y: i.transform[5] as number, width: i.width }] : [],
    );
    pages.push({ items, text: items.map((i) => i.str).join('\n') });
  }
  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  return { pages, info: info as Record<string, unknown> };
}

/**
 * The words of `expected` that cannot be found in the extracted text. Why words, and why this is
 * still a strict test:
 * - A PDF holds glyphs in the order they stand on the page. pdf.js runs its own bidi pass over each
 *   line, which turns every right-to-left word back into logical order but may order the words of
 *   a mixed line differently from the original. So words are compared, not lines; the order on the
 *   page is checked by position below and glyph by glyph in incidents/bidiLines.test.ts.
 * - Each word must come back with its letters in logical order: a Hebrew or Arabic word drawn in
 *   the wrong direction comes back reversed and is reported missing.
 * - Arabic lam + alef is drawn as one ligature glyph whose text is both letters in logical order;
 *   pdf.js's reversal of the line swaps that pair, so the expectation swaps it too (only there).
 * - NFKC folds Arabic presentation forms, should a reader produce them, back to the base letters.
 */
function missingWords(expected: string, extracted: string): string[] {
  const found = extracted.normalize('NFKC');
  const words = expected.normalize('NFKC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  return words.map((w) => w.replace(/ل([اأإآ])/gu, '$1ل')).filter((w) => !found.includes(w));
}

const THREATS = {
  ru: 'Ты идиот, я тебя найду и убью.',
  zh: '你这个白痴，我知道你住在哪里，我会找到你杀了你。',
  he: 'אני אמצא אותך ואהרוג אותך, ה-manager שלך ישלם 500 שקל',
  ar: 'سأجدك وأقتلك يا غبي، لا تختبئ مني',
  pl: 'Jesteś idiotą, znajdę cię i zabiję.',
  de: 'Ich weiß, wo Sie wohnen, Sie Idiot, ich bringe Sie um!',
};

describe('incident PDF export', () => {
  let t: TestServer;
  let incidentId: string;
  beforeAll(async () => {
    t = await getTestServer('sqlite');
    for (const [lang, text] of Object.entries(THREATS)) {
      const res = await t.request('POST', '/api/messages', {
        token: t.accounts.agent.token,
        body: { conversation: { channel: 'chat', externalId: 'pdf-multilingual', customerRef: 'crm-pdf-77' }, text },
      });
      expect(res.status, lang).toBe(201);
      incidentId = res.body.incidentId as string;
      expect(incidentId, `${lang} should be a threat`).toBeTruthy();
    }
  });
  afterAll(async () => t?.close());

  const pdfOf = async (id: string, token: string) => {
    const started = performance.now();
    const res = await fetch(`${t.url}/api/incidents/${id}?format=pdf`, { headers: { authorization: `Bearer ${token}` } });
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { res, bytes, ms: performance.now() - started };
  };

  it('exports an A4 PDF with the record, every evidence text in its own script, and the chain proof', async () => {
    const json = await t.request('GET', `/api/incidents/${incidentId}`, { token: t.accounts.security.token });
    const { res, bytes } = await pdfOf(incidentId, t.accounts.security.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="incident-${incidentId}.pdf"`);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');

    const pdf = await readPdf(bytes);
    expect(pdf.info).toMatchObject({ Title: `Incident report ${incidentId}`, Author: 'Calmline' });
    const text = pdf.pages.map((p) => p.text).join('\n');
    for (const heading of ['Incident report', 'Evidence', 'Actions taken', 'Who was notified', 'Reports', 'Chain proof'])
      expect(text).toContain(heading);
    expect(text).toContain(incidentId);
    expect(text).toContain('crm-pdf-77');
    expect(text).toContain('Page 1 of');
    for (const [lang, threat] of Object.entries(THREATS)) expect(missingWords(threat, text), lang).toEqual([]);

    // The chain proof: every event's hash, the verification result and the signed head.
    for (const e of json.body.events as { hash: string }[]) expect(text).toContain(e.hash);
    expect(json.body.chain.ok).toBe(true);
    expect(text).toMatch(/Verification\s+ok/);
    expect(text).toContain(json.body.chain.checkpoint.headHash as string);

    // The Hebrew threat runs right to left: right-aligned, its first words right of "manager".
    const items = pdf.pages.flatMap((p) => p.items);
    const manager = items.find((i) => i.str.includes('manager'))!;
    const line = items.filter((i) => Math.abs(i.y - manager.y) < 1);
    const first = line.find((i) => i.str.includes('אמצא'))!;
    expect(first.x).toBeGreaterThan(manager.x);
    const rightEdge = Math.max(...line.map((i) => i.x + i.width));
    expect(rightEdge).toBeGreaterThan(595.28 - 56 - 2);
    // The Russian one runs left to right from the left side.
    const ru = items.find((i) => i.str.startsWith('Ты идиот'))!;
    expect(ru.x).toBeLessThan(100);
  });

  it('redacts the customer reference for a role without personal-data rights', async () => {
    const { res, bytes } = await pdfOf(incidentId, t.accounts.lead.token);
    expect(res.status).toBe(200);
    const text = (await readPdf(bytes)).pages.map((p) => p.text).join('\n');
    expect(text).toContain('[redacted]');
    expect(text).not.toContain('crm-pdf-77');
  });

  it('is quick for a normal incident', async () => {
    const { ms } = await pdfOf(incidentId, t.accounts.security.token);
    expect(ms).toBeLessThan(1000);
  });

  it('breaks a 40-event incident across pages and numbers them "Page N of M"', async () => {
    const opened = await t.request('POST', '/api/messages', {
      token: t.accounts.agent.token,
      body: { conversation: { channel: 'phone', externalId: 'pdf-long' }, text: 'I know where you live and I will hurt you.' },
    });
    const id = opened.body.incidentId as string;
    const count = async () =>
      (await t.request('GET', `/api/incidents/${id}`, { token: t.accounts.lead.token })).body.events.length as number;
    for (let n = await count(), i = 0; n < 40; n++, i++) {
      const patched = await t.request('PATCH', `/api/incidents/${id}`, {
        token: t.accounts.lead.token,
        body: { circumstances: `Update ${i}: the customer called again and repeated the threat.` },
      });
      expect(patched.status).toBe(200);
    }
    const json = await t.request('GET', `/api/incidents/${id}`, { token: t.accounts.lead.token });
    expect(json.body.events).toHaveLength(40);

    const pdf = await readPdf((await pdfOf(id, t.accounts.lead.token)).bytes);
    expect(pdf.pages.length).toBeGreaterThan(1);
    pdf.pages.forEach((p, i) => expect(p.text).toContain(`Page ${i + 1} of ${pdf.pages.length}`));
    const text = pdf.pages.map((p) => p.text).join('\n');
    for (const e of json.body.events as { hash: string }[]) expect(text).toContain(e.hash);
  });

  it('refuses a format it does not know', async () => {
    const res = await t.request('GET', `/api/incidents/${incidentId}?format=docx`, { token: t.accounts.security.token });
    expect(res.status).toBe(400);
  });
});

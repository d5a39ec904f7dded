/**
 * The optional free-text customer. A local model server is outside our system (an organisation runs
 * llama.cpp, Ollama or vLLM beside Calmline), so a small fake OpenAI-compatible server on loopback
 * stands in for it: it answers /v1/chat/completions as told (a line, an error, or too slowly). The
 * session uses the model's words; the mood and the outcome stay the engine's; when the model fails
 * or times out the scripted line is used and the session counts the fallback.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { scenarioById } from '@calmline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { getTestServer, type TestServer } from '../test/testServer.js';
import { cleanLine } from './localModel.js';

const SCENARIO = 'en-bank-blocked-card';
const MODEL_LINE = 'Okay, I hear you. Just tell me when the card works again, I am standing at the desk.';
const APOLOGY = 'I am really sorry your card stopped working while you are away from home, that sounds stressful.';

type Mode = 'answer' | 'error' | 'slow' | 'empty';

/** The stand-in model server: records each request, answers as `mode` says. */
class FakeModelServer {
  mode: Mode = 'answer';
  readonly requests: { url: string; body: { model: string; max_tokens: number; messages: { role: string; content: string }[] } }[] = [];
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void readBody(req).then((text) => {
        this.requests.push({ url: req.url ?? '', body: JSON.parse(text) });
        if (this.mode === 'error') return res.writeHead(500).end('model crashed');
        const answer = () =>
          res.writeHead(200, { 'content-type': 'application/json' }).end(
            JSON.stringify({
              choices: [{ index: 0, message: { role: 'assistant', content: this.mode === 'empty' ? ' ' : `"${MODEL_LINE}"` } }],
            }),
          );
        if (this.mode === 'slow') setTimeout(answer, 1500).unref();
        else answer();
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  close(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((r) => this.server?.close(() => r()) ?? r());
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => resolve(text));
  });
}

describe('the free-text customer from a local model', () => {
  const fake = new FakeModelServer();
  let t: TestServer;
  beforeAll(async () => {
    const url = await fake.start();
    t = await getTestServer('sqlite', { simModelUrl: url, simModelTimeoutMs: 400 });
  });
  afterAll(async () => {
    await t?.close();
    await fake.close();
  });

  const start = (freeText: boolean) =>
    t.request('POST', '/api/training/sessions', {
      token: t.accounts.agent.token,
      body: { scenarioId: SCENARIO, acknowledgedContent: true, seed: 21, freeText },
    });
  const reply = (id: string, text = APOLOGY) =>
    t.request('POST', `/api/training/sessions/${id}/reply`, { token: t.accounts.agent.token, body: { text } });

  it('says free text is available and words the customer with the model', async () => {
    fake.mode = 'answer';
    const list = await t.request('GET', '/api/training/scenarios', { token: t.accounts.agent.token });
    expect(list.body.freeTextAvailable).toBe(true);
    const s = await start(true);
    expect(s.status).toBe(201);
    expect(s.body.turns[0].text).toBe(MODEL_LINE);
    const r = await reply(s.body.id);
    expect(r.body.step).toMatchObject({ customer: MODEL_LINE, voice: 'model' });
    expect(r.body.session.turns.at(-1).text).toBe(MODEL_LINE);
    expect(r.body.session.modelFallbacks).toBe(0);

    // What the model was asked: the configured name, a short answer, the persona and the history.
    const asked = fake.requests.at(-1)!;
    expect(asked.url).toBe('/v1/chat/completions');
    expect(asked.body).toMatchObject({ model: 'local', max_tokens: 120 });
    expect(asked.body.messages[0]).toMatchObject({ role: 'system', content: expect.stringContaining('Mark') });
    expect(asked.body.messages.at(-1)).toEqual({ role: 'user', content: APOLOGY });
  });

  it('keeps the mood and the outcome the engine decides: a scripted session with the same seed moves the same way', async () => {
    fake.mode = 'answer';
    const free = (await start(true)).body;
    const scripted = (await start(false)).body;
    const a = await reply(free.id, 'Calm down, please.');
    const b = await reply(scripted.id, 'Calm down, please.');
    expect(a.body.step.voice).toBe('model');
    expect(b.body.step.voice).toBe('script');
    expect(a.body.step.customer).not.toBe(b.body.step.customer);
    const moves = (x: typeof a) => ({ ...x.body.step, customer: null, voice: null });
    expect(moves(a)).toEqual(moves(b));
    expect(a.body.session.band).toBe(b.body.session.band);
  });

  it.each<[Mode, string]>([
    ['error', 'the model server fails'],
    ['slow', 'the model answers after the timeout'],
    ['empty', 'the model says nothing usable'],
  ])('uses the scripted line and counts the fallback when %s (%s)', async (mode) => {
    fake.mode = 'answer';
    const s = (await start(true)).body;
    fake.mode = mode;
    const began = Date.now();
    const r = await reply(s.id);
    expect(Date.now() - began).toBeLessThan(1400);
    expect(r.status).toBe(200);
    expect(r.body.step.voice).toBe('fallback');
    const lines = Object.values(scenarioById(SCENARIO)!.lines).flatMap((pool) => (Array.isArray(pool) ? pool : []));
    expect(lines).toContain(r.body.step.customer);
    expect(r.body.session.modelFallbacks).toBe(1);
    const read = await t.request('GET', `/api/training/sessions/${s.id}`, { token: t.accounts.agent.token });
    expect(read.body.modelFallbacks).toBe(1);
  });

  it('takes the line out of the quotes and role prefixes small models add', () => {
    expect(cleanLine({ choices: [{ message: { content: 'Customer: "Fine, go on."' } }] })).toBe('Fine, go on.');
    expect(cleanLine({ choices: [{ message: { content: '  ' } }] })).toBeNull();
    expect(cleanLine({ error: 'overloaded' })).toBeNull();
  });
});

describe('the model settings', () => {
  it('are off by default and validated like the others', () => {
    expect(loadConfig({})).toMatchObject({ simModelName: 'local', simModelTimeoutMs: 8000 });
    expect(loadConfig({}).simModelUrl).toBeUndefined();
    const c = loadConfig({ CALMLINE_SIM_MODEL_URL: 'http://127.0.0.1:8080/v1', CALMLINE_SIM_MODEL: 'qwen2.5-3b-instruct' });
    expect(c).toMatchObject({ simModelUrl: 'http://127.0.0.1:8080/v1', simModelName: 'qwen2.5-3b-instruct' });
    expect(() => loadConfig({ CALMLINE_SIM_MODEL_URL: 'ftp://models.local/v1' })).toThrow(ConfigError);
    expect(() => loadConfig({ CALMLINE_SIM_MODEL_URL: 'not a url' })).toThrow(/simModelUrl: must be an http\(s\) URL/);
  });
});

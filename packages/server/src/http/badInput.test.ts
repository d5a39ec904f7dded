/**
 * Bad input never becomes a 500 and never damages what is stored: malformed JSON, wrong types,
 * oversized bodies, invalid UTF-8, the wrong media type, unknown ids, a bad token header. Each gets
 * a 4xx with a stable error id and a sentence, and the server goes on serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestServer, type TestServer } from '../test/testServer.js';

describe('bad input', () => {
  let t: TestServer;
  let conversationId: string;
  beforeAll(async () => {
    t = await getTestServer('sqlite', { bodyLimit: 8192 });
    const r = await t.request('POST', '/api/messages', {
      token: t.accounts.agent.token,
      body: { conversation: { channel: 'chat', externalId: 'kept' }, text: 'My order is late.' },
    });
    conversationId = r.body.conversation.id;
  });
  afterAll(async () => t?.close());

  const post = (raw: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    t.request('POST', '/api/messages', { token: t.accounts.agent.token, raw, headers });

  it.each([
    ['malformed JSON', '{"text": "hi",', 400, 'malformed_json'],
    ['JSON that is not an object', '"just a string"', 400, 'validation_failed'],
    [
      'a number where text belongs',
      JSON.stringify({ conversationId: '00000000-0000-4000-8000-000000000000', text: 42 }),
      400,
      'validation_failed',
    ],
    ['an empty text', JSON.stringify({ conversation: { channel: 'chat', externalId: 'x' }, text: '' }), 400, 'validation_failed'],
    [
      'both conversation forms',
      JSON.stringify({
        conversationId: '00000000-0000-4000-8000-000000000000',
        conversation: { channel: 'c', externalId: 'e' },
        text: 'x',
      }),
      400,
      'validation_failed',
    ],
    [
      'a text longer than 5,000 characters',
      JSON.stringify({ conversation: { channel: 'chat', externalId: 'x' }, text: 'a'.repeat(5001) }),
      400,
      'validation_failed',
    ],
    ['prototype poisoning', '{"__proto__": {"admin": true}, "text": "x"}', 400, 'malformed_json'],
    [
      'a body over the limit',
      JSON.stringify({ conversation: { channel: 'chat', externalId: 'x' }, text: 'é'.repeat(6000) }),
      413,
      'body_too_large',
    ],
  ])('%s → %i %s', async (_name, raw, status, id) => {
    const r = await post(raw);
    expect(r.status).toBe(status);
    expect(r.body.error.id).toBe(id);
    expect(r.body.error.message).toMatch(/\w+ \w+/);
  });

  it('rejects invalid UTF-8 instead of storing replacement characters', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"conversation":{"channel":"chat","externalId":"utf"},"text":"bad '),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    const r = await post(bytes);
    expect(r).toMatchObject({ status: 400, body: { error: { id: 'invalid_utf8' } } });
  });

  it('names the field at fault', async () => {
    const r = await post(JSON.stringify({ conversation: { channel: 'chat', externalId: 'x' }, text: 'hi', author: 'robot' }));
    expect(r.body.error.message).toMatch(/^body\.author: /);
    expect(r.body.error.details[0].field).toBe('body.author');
  });

  it('refuses bodies that are not JSON (415)', async () => {
    const r = await post('text=hello', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(r).toMatchObject({ status: 415, body: { error: { id: 'unsupported_media_type' } } });
  });

  it('answers unknown ids, malformed ids and unknown routes with 4xx', async () => {
    const token = t.accounts.admin.token;
    expect((await t.request('GET', '/api/conversations/00000000-0000-4000-8000-000000000000', { token })).body.error.id).toBe('not_found');
    expect((await t.request('GET', '/api/conversations/not-a-uuid', { token })).body.error.id).toBe('validation_failed');
    expect((await t.request('GET', `/api/conversations/${'x'.repeat(300)}`, { token })).body.error.id).toBe('uri_too_long');
    expect((await t.request('POST', '/api/alerts/00000000-0000-4000-8000-000000000000/resolve', { token })).body.error.id).toBe(
      'not_found',
    );
    expect((await t.request('GET', '/api/nothing-here', { token })).body.error.id).toBe('not_found');
    expect((await t.request('GET', '/api/conversations?limit=-3', { token })).status).toBe(400);
  });

  it('explains a malformed Authorization header', async () => {
    const r = await t.request('GET', '/api/me', { headers: { authorization: 'Token abc' } });
    expect(r).toMatchObject({ status: 401, body: { error: { id: 'unauthenticated' } } });
    expect(r.body.error.message).toContain('Bearer');
  });

  it('keeps serving and keeps what was stored', async () => {
    const timeline = await t.request('GET', `/api/conversations/${conversationId}`, { token: t.accounts.agent.token });
    expect(timeline.status).toBe(200);
    expect(timeline.body.messages.map((m: { text: string }) => m.text)).toEqual(['My order is late.']);
    const list = await t.request('GET', '/api/conversations', { token: t.accounts.admin.token });
    expect(list.body.conversations).toHaveLength(1);
    expect((await t.request('GET', '/healthz')).status).toBe(200);
  });
});

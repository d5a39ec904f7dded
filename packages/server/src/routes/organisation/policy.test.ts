/**
 * A refused policy names each wrong field with a stable code and the numbers or choices behind it,
 * so the web can say the problem in the admin's language; the English sentence stays for the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestServer, type TestServer } from '../../test/testServer.js';

describe('policy validation details', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await getTestServer('sqlite');
  });
  afterAll(async () => t?.close());

  const put = (body: unknown) => t.request('PUT', '/api/organisation/policy', { token: t.accounts.admin.token, body });

  it('gives every wrong field its code, range or choices, and an English sentence', async () => {
    const r = await put({ warningsBeforeEnd: 9, profanity: 'shout', crisis: { resources: { pl: '11' } }, colour: 'blue' });
    expect(r.status).toBe(400);
    expect(r.body.error.id).toBe('validation_failed');
    expect(r.body.error.message).toBe('body.warningsBeforeEnd: must be a whole number from 1 to 5');
    expect(r.body.error.details).toEqual(
      expect.arrayContaining([
        { field: 'body.warningsBeforeEnd', code: 'too_big', min: 1, max: 5, problem: 'must be a whole number from 1 to 5' },
        {
          field: 'body.profanity',
          code: 'invalid_value',
          values: ['ignore', 'address', 'ladder'],
          problem: 'must be one of: ignore, address, ladder',
        },
        { field: 'body.crisis.resources.pl', code: 'too_short', min: 3, max: 300, problem: 'must be from 3 to 300 characters long' },
        { field: 'body.colour', code: 'unknown_key', problem: 'is not a policy field' },
      ]),
    );
    expect(r.body.error.details).toHaveLength(4);
    // Nothing of the refused policy was kept.
    expect((await t.request('GET', '/api/organisation', { token: t.accounts.agent.token })).body.policy.warningsBeforeEnd).toBe(2);
  });
});

/**
 * GET /api/incidents/:id answers JSON, CSV or PDF from one route. Its JSON form now has a response
 * schema, so the OpenAPI document describes it (and the web's types can be generated from it);
 * this checks the document names all three media types, and that each format still answers with
 * its own content type and body, on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { getTestServer, type TestServer } from '../../test/testServer.js';

describe.each(DIALECTS)('the incident detail route on %s', (kind) => {
  let t: TestServer;
  let incidentId: string;
  beforeAll(async () => {
    t = await getTestServer(kind);
    const threat = await t.request('POST', '/api/messages', {
      token: t.accounts.agent.token,
      body: {
        conversation: { channel: 'chat', externalId: 'detail-1', language: 'en', customerRef: 'crm-detail' },
        text: 'I know where you live and I will hurt you.',
      },
    });
    incidentId = threat.body.incidentId as string;
  });
  afterAll(async () => t?.close());

  it('is described in the OpenAPI document as JSON, CSV and PDF', async () => {
    const doc = await t.request('GET', '/api/openapi.json');
    const ok = doc.body.paths['/api/incidents/{id}'].get.responses['200'];
    expect(Object.keys(ok.content).sort()).toEqual(['application/json', 'application/pdf', 'text/csv']);
    const json = ok.content['application/json'].schema;
    expect(json.required).toEqual(expect.arrayContaining(['incident', 'events', 'chain', 'exportedAt']));
    expect(Object.keys(json.properties.events.items.properties)).toEqual(
      expect.arrayContaining(['position', 'kind', 'payload', 'actorUserId', 'createdAt', 'prevHash', 'hash']),
    );
    expect(Object.keys(json.properties.chain.properties)).toEqual(expect.arrayContaining(['ok', 'events', 'checkpoint', 'problems']));
    expect(json.properties.incident.properties.record.properties.evidence.type).toBe('array');
    expect(ok.content['text/csv'].schema.type).toBe('string');
    expect(ok.content['application/pdf'].schema).toMatchObject({ type: 'string', format: 'binary' });
  });

  it('still answers each format with its own content type', async () => {
    const auth = { authorization: `Bearer ${t.accounts.security.token}` };
    const json = await fetch(`${t.url}/api/incidents/${incidentId}`, { headers: auth });
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await json.json()) as { incident: { id: string; record: { evidence: { text: string }[] } }; events: unknown[] };
    expect(body.incident.id).toBe(incidentId);
    expect(body.incident.record.evidence[0]?.text).toBe('I know where you live and I will hurt you.');
    expect(body.events.length).toBeGreaterThan(1);

    const csv = await fetch(`${t.url}/api/incidents/${incidentId}?format=csv`, { headers: auth });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await csv.text()).toMatch(/^section,at,name,value\r\n/);

    const pdf = await fetch(`${t.url}/api/incidents/${incidentId}?format=pdf`, { headers: auth });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });
});

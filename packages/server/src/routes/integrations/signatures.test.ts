/**
 * The signature rules against the platforms' published examples: Twilio's request-validation example
 * (twilio.com/docs/usage/security, current and earlier editions) and Zendesk's webhook-verification
 * example (developer.zendesk.com/documentation/…/webhooks/verifying), plus our own generic scheme.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  REPLAY_WINDOW_SECONDS,
  genericSignature,
  twilioSignature,
  twilioUrlVariants,
  verifyGeneric,
  verifyTwilio,
  verifyZendesk,
  zendeskSignature,
} from './signatures.js';

describe('Twilio X-Twilio-Signature', () => {
  // Twilio's documented example: the URL Twilio called, the POST parameters, the auth token 12345.
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
  const token = '12345';
  const params = { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' };

  it("gives the signature of Twilio's published example", () => {
    expect(twilioSignature(token, url, params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
  });

  it("gives the signature of the earlier edition's example (other phone numbers)", () => {
    const older = { ...params, Caller: '+14158675309', From: '+14158675309' };
    expect(twilioSignature(token, url, older)).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
  });

  it('verifies a form body whatever order its parameters arrive in', () => {
    const body = new URLSearchParams([
      ['To', '+18005551212'],
      ['Digits', '1234'],
      ['From', '+12349013030'],
      ['CallSid', 'CA1234567890ABCDE'],
      ['Caller', '+12349013030'],
    ]);
    expect(verifyTwilio(token, '0/KCTR6DLpKmkAf8muzZqo1nDgQ=', url, body)).toEqual({ ok: true });
  });

  it('accepts the example when the Host header carried the default port', () => {
    const body = new URLSearchParams(params);
    expect(verifyTwilio(token, '0/KCTR6DLpKmkAf8muzZqo1nDgQ=', 'https://mycompany.com:443/myapp.php?foo=1&bar=2', body)).toEqual({
      ok: true,
    });
    expect(twilioUrlVariants('http://127.0.0.1:3000/x')).toEqual(['http://127.0.0.1:3000/x']);
  });

  it('refuses a changed parameter, another URL, another token, and a missing header', () => {
    const body = new URLSearchParams(params);
    const sig = '0/KCTR6DLpKmkAf8muzZqo1nDgQ=';
    expect(verifyTwilio(token, sig, url, new URLSearchParams({ ...params, Digits: '1235' }))).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyTwilio(token, sig, 'https://mycompany.com/myapp.php?foo=1&bar=3', body)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyTwilio('54321', sig, url, body)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyTwilio(token, undefined, url, body)).toEqual({ ok: false, reason: 'missing' });
  });

  it('sorts parameter names case-sensitively, as Twilio specifies', () => {
    const data = 'https://x.test/hook' + 'Bodyhi' + 'EventTypeonMessageAdded' + 'author+1';
    const expected = createHmac('sha1', 'tok').update(data).digest('base64');
    expect(twilioSignature('tok', 'https://x.test/hook', { author: '+1', EventType: 'onMessageAdded', Body: 'hi' })).toBe(expected);
  });
});

describe('Zendesk X-Zendesk-Webhook-Signature', () => {
  // The values of Zendesk's verification example (secret, body and timestamp as the webhook sends them).
  const secret = 'HRkRd4BeOAoUkfZr-mhauJT64rvBASlJRoIyPsd3zeA=';
  const body = Buffer.from('{"say": "hello"}');
  const timestamp = '2021-07-25T10:00:00Z';
  const at = Date.parse(timestamp);

  it('signs base64(HMAC-SHA256(secret, timestamp + body)), the rule of the current documentation', () => {
    // Computed independently: HMAC-SHA256 with the example's secret over "2021-07-25T10:00:00Z{"say": "hello"}".
    expect(zendeskSignature(secret, timestamp, body)).toBe('Rry/4TtIdFyawtXXp8QdI6tlAUUQ/5kL1OTp5qo/ZIk=');
    expect(verifyZendesk(secret, { timestamp, signature: 'Rry/4TtIdFyawtXXp8QdI6tlAUUQ/5kL1OTp5qo/ZIk=' }, body, at)).toEqual({ ok: true });
  });

  it('does not accept the body-first order of the older event-connectors example', () => {
    // That page printed tRDSF7…, which is HMAC(secret, body + timestamp): the order its own formula then said.
    const bodyFirst = 'tRDSF7URY8BLCDlaBcQ7FHu051Zk+aAB0NKMP53teMw=';
    expect(createHmac('sha256', secret).update(`${body.toString()}${timestamp}`).digest('base64')).toBe(bodyFirst);
    expect(verifyZendesk(secret, { timestamp, signature: bodyFirst }, body, at)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a signature older or newer than the replay window, even when it is right', () => {
    const signature = zendeskSignature(secret, timestamp, body);
    const edge = REPLAY_WINDOW_SECONDS * 1000;
    expect(verifyZendesk(secret, { timestamp, signature }, body, at + edge - 1000)).toEqual({ ok: true });
    expect(verifyZendesk(secret, { timestamp, signature }, body, at + edge + 1000)).toEqual({ ok: false, reason: 'stale' });
    expect(verifyZendesk(secret, { timestamp, signature }, body, at - edge - 1000)).toEqual({ ok: false, reason: 'stale' });
  });

  it('refuses a changed body, another secret and missing headers', () => {
    const signature = zendeskSignature(secret, timestamp, body);
    expect(verifyZendesk(secret, { timestamp, signature }, Buffer.from('{"say": "hellO"}'), at)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyZendesk('another secret', { timestamp, signature }, body, at)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyZendesk(secret, { timestamp: undefined, signature }, body, at)).toEqual({ ok: false, reason: 'missing' });
  });
});

describe('Calmline generic x-calmline-signature', () => {
  const secret = 'cl_in_test';
  const body = Buffer.from('{"text":"héllo"}');
  const ts = '1732280000';
  const at = 1732280000 * 1000;

  it('is v1= and the hex HMAC-SHA256 of timestamp "." raw body, as our outbound webhooks sign', () => {
    const expected = `v1=${createHmac('sha256', secret).update(`${ts}.{"text":"héllo"}`).digest('hex')}`;
    expect(genericSignature(secret, ts, body)).toBe(expected);
    expect(verifyGeneric(secret, { timestamp: ts, signature: expected }, body, at + 60_000)).toEqual({ ok: true });
  });

  it('refuses stale timestamps, other secrets and missing headers', () => {
    const signature = genericSignature(secret, ts, body);
    expect(verifyGeneric(secret, { timestamp: ts, signature }, body, at + 301_000)).toEqual({ ok: false, reason: 'stale' });
    expect(verifyGeneric('other', { timestamp: ts, signature }, body, at)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyGeneric(secret, { timestamp: ts, signature: undefined }, body, at)).toEqual({ ok: false, reason: 'missing' });
    // The timestamp is part of what is signed: moving it forward breaks the signature.
    expect(verifyGeneric(secret, { timestamp: String(Number(ts) + 600), signature }, body, at + 600_000)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });
});

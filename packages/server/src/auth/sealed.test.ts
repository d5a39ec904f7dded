/**
 * Sealing secrets at rest: what is sealed opens only with the same server secret and in the same
 * row, and anything else is refused with a sentence saying why.
 */
import { describe, expect, it } from 'vitest';
import { AesGcmSealer, isSealed, NO_SEALER, open, seal, SealedSecretError, sealingKey } from './sealed.js';

const key = sealingKey('a server secret of at least thirty-two characters');

describe('sealed secrets', () => {
  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const sealed = seal(key, 'webhook:w1', 'whsec_plain');
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('whsec_plain');
    expect(isSealed(sealed)).toBe(true);
    expect(open(key, 'webhook:w1', sealed)).toBe('whsec_plain');
  });

  it('seals the same secret differently each time (a fresh IV), both opening', () => {
    const a = seal(key, 'webhook:w1', 's');
    const b = seal(key, 'webhook:w1', 's');
    expect(a).not.toBe(b);
    expect([open(key, 'webhook:w1', a), open(key, 'webhook:w1', b)]).toEqual(['s', 's']);
  });

  it('refuses a value copied to another row, or opened under another server secret', () => {
    const sealed = seal(key, 'webhook:w1', 'whsec_plain');
    expect(() => open(key, 'webhook:w2', sealed)).toThrow(SealedSecretError);
    expect(() => open(key, 'integration:w1', sealed)).toThrow(/cannot be opened/);
    expect(() => open(sealingKey('another server secret, also long enough'), 'webhook:w1', sealed)).toThrow(SealedSecretError);
  });

  it('refuses a damaged value and a value that was never sealed', () => {
    const sealed = seal(key, 'webhook:w1', 'whsec_plain');
    const parts = sealed.split('.');
    const last = parts[3]!;
    parts[3] = (last[0] === 'A' ? 'B' : 'A') + last.slice(1);
    expect(() => open(key, 'webhook:w1', parts.join('.'))).toThrow(/authentication tag does not match/);
    expect(() => open(key, 'webhook:w1', 'whsec_plain')).toThrow(/not a v1 sealed value/);
    expect(isSealed('whsec_plain')).toBe(false);
    expect(isSealed('v1.short')).toBe(false);
  });

  it('keys the sealer from the server secret: two sealers with the same secret agree', () => {
    const a = new AesGcmSealer('the same server secret, thirty-two chars+');
    const b = new AesGcmSealer('the same server secret, thirty-two chars+');
    expect(b.open('integration:i1', a.seal('integration:i1', 'cl_in_x'))).toBe('cl_in_x');
  });

  it('says so when a store without the server secret is asked to store or read one', () => {
    expect(() => NO_SEALER.seal('webhook:w1', 's')).toThrow(/without the server secret/);
    expect(() => NO_SEALER.open('webhook:w1', 's')).toThrow(/without the server secret/);
  });
});

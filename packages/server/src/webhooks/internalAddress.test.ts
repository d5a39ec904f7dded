/**
 * The addresses a webhook may not reach by default (issue 5, SSRF): each refused range, its IPv6
 * and IPv4-mapped forms, and public addresses that must stay reachable.
 */
import { describe, expect, it } from 'vitest';
import { internalRangeOf } from './internalAddress.js';

describe('internal addresses (issue 5)', () => {
  it.each([
    ['0.0.0.0', /this network/],
    ['0.1.2.3', /this network/],
    ['10.0.0.1', /private.*10\.0\.0\.0\/8/],
    ['10.255.255.255', /private/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['100.127.255.254', /carrier-grade NAT/],
    ['127.0.0.1', /loopback/],
    ['127.9.9.9', /loopback/],
    ['169.254.169.254', /link-local.*metadata/],
    ['172.16.0.1', /private.*172\.16/],
    ['172.31.255.255', /private/],
    ['192.168.1.1', /private.*192\.168/],
    ['224.0.0.1', /multicast/],
    ['239.255.255.250', /multicast/],
    ['255.255.255.255', /broadcast/],
    ['::1', /loopback/],
    ['::', /unspecified/],
    ['[::1]', /loopback/],
    ['fc00::1', /unique-local/],
    ['fd12:3456:789a::1', /unique-local/],
    ['fe80::1', /link-local/],
    ['fe80::1%eth0', /link-local/],
    ['febf:ffff::1', /link-local/],
    ['fec0::1', /site-local/],
    ['ff02::1', /multicast/],
    ['::ffff:127.0.0.1', /loopback/],
    ['::ffff:7f00:1', /loopback/],
    ['::FFFF:10.1.2.3', /private/],
    ['::ffff:169.254.169.254', /link-local/],
    ['::ffff:192.168.0.10', /private/],
    ['64:ff9b::a9fe:a9fe', /link-local/],
    ['2002:0a00:0001::1', /private/],
    ['localhost', /not an IP address/],
  ])('refuses %s', (address, reason) => {
    expect(internalRangeOf(address)).toMatch(reason);
  });

  it.each([
    '1.1.1.1',
    '8.8.8.8',
    '93.184.215.14',
    '100.63.255.255',
    '100.128.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '192.167.255.255',
    '169.253.255.255',
    '223.255.255.255',
    '11.0.0.1',
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:0808:0808::1',
    'fbff::1',
    'fe7f::1',
  ])('lets %s through (public)', (address) => {
    expect(internalRangeOf(address)).toBeUndefined();
  });
});

/**
 * @module webhooks/internalAddress
 * Which IP addresses a webhook must not reach unless the operator allows it (webhookAllowPrivate):
 * the server's own machine, the networks behind it and the cloud metadata service. Without this
 * check an admin account (or whoever stole one) could use webhook deliveries to probe and call
 * internal services. IPv6 forms that carry an IPv4 address (mapped `::ffff:a.b.c.d`, NAT64
 * `64:ff9b::/96`, 6to4 `2002::/16`) are judged by the IPv4 address inside.
 */
import { isIPv4, isIPv6 } from 'node:net';

interface Range {
  /** The first address of the range, as a number (IPv4) or bigint (IPv6). */
  base: bigint;
  bits: number;
  name: string;
}

const v4 = (cidr: string, name: string): Range => {
  const [ip, bits] = cidr.split('/') as [string, string];
  return { base: BigInt(ipv4ToNumber(ip)), bits: Number(bits), name };
};
const v6 = (cidr: string, name: string): Range => {
  const [ip, bits] = cidr.split('/') as [string, string];
  return { base: ipv6ToBigint(ip), bits: Number(bits), name };
};

const V4_RANGES: Range[] = [
  v4('0.0.0.0/8', 'a "this network" address (0.0.0.0/8)'),
  v4('10.0.0.0/8', 'a private address (10.0.0.0/8)'),
  v4('100.64.0.0/10', 'a carrier-grade NAT address (100.64.0.0/10)'),
  v4('127.0.0.0/8', 'a loopback address (127.0.0.0/8)'),
  v4('169.254.0.0/16', 'a link-local address (169.254.0.0/16, where cloud metadata services answer)'),
  v4('172.16.0.0/12', 'a private address (172.16.0.0/12)'),
  v4('192.0.0.0/24', 'a reserved protocol address (192.0.0.0/24)'),
  v4('192.168.0.0/16', 'a private address (192.168.0.0/16)'),
  v4('198.18.0.0/15', 'a benchmarking address (198.18.0.0/15)'),
  v4('224.0.0.0/4', 'a multicast address (224.0.0.0/4)'),
  v4('240.0.0.0/4', 'a reserved or broadcast address (240.0.0.0/4)'),
];

const V6_RANGES: Range[] = [
  v6('::1/128', 'a loopback address (::1)'),
  // Also the unspecified address :: and the deprecated IPv4-compatible ::a.b.c.d.
  v6('::/96', 'an unspecified or IPv4-compatible address (::/96)'),
  v6('fc00::/7', 'a unique-local address (fc00::/7)'),
  v6('fe80::/10', 'a link-local address (fe80::/10)'),
  v6('fec0::/10', 'a site-local address (fec0::/10)'),
  v6('ff00::/8', 'a multicast address (ff00::/8)'),
];

/**
 * Why a webhook may not connect to this address (a phrase naming its range), or undefined when it
 * is a public address. Anything that is not an IP address is refused too.
 * @example internalRangeOf('169.254.169.254') // 'a link-local address (169.254.0.0/16, …)'
 * @example internalRangeOf('::ffff:10.0.0.1') // 'a private address (10.0.0.0/8)'
 * @example internalRangeOf('93.184.215.14') // undefined
 */
export function internalRangeOf(address: string): string | undefined {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIPv4(ip)) return match(BigInt(ipv4ToNumber(ip)), 32, V4_RANGES);
  if (!isIPv6(ip)) return 'not an IP address';
  const n = ipv6ToBigint(ip);
  const embedded = embeddedIPv4(n);
  if (embedded !== undefined) return match(embedded, 32, V4_RANGES);
  return match(n, 128, V6_RANGES);
}

function match(n: bigint, width: number, ranges: Range[]): string | undefined {
  for (const r of ranges) {
    const shift = BigInt(width - r.bits);
    if (n >> shift === r.base >> shift) return r.name;
  }
  return undefined;
}

/** The IPv4 address inside an IPv6 one that only wraps it, if it is one of those. */
function embeddedIPv4(n: bigint): bigint | undefined {
  const low32 = n & 0xffffffffn;
  if (n >> 32n === 0xffffn) return low32; // ::ffff:a.b.c.d, IPv4-mapped
  if (n >> 32n === 0x0064ff9b0000000000000000n) return low32; // 64:ff9b::a.b.c.d, NAT64
  if (n >> 112n === 0x2002n) return (n >> 80n) & 0xffffffffn; // 2002:aabb:ccdd::, 6to4
  return undefined;
}

function ipv4ToNumber(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

/** An IPv6 address (already checked by isIPv6) as a 128-bit number; `::` and a dotted IPv4 tail allowed. */
function ipv6ToBigint(ip: string): bigint {
  let text = ip.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const n = ipv4ToNumber(dotted[1]!);
    text = `${text.slice(0, dotted.index)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

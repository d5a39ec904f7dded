/**
 * @module webhooks/pinnedPost
 * One webhook POST that only goes where it was allowed to go. The host is resolved once (every
 * address it has), each address is checked (internalAddress) unless internal addresses are
 * allowed, and the connection is made to the address that was checked: a host that answers DNS
 * with a public address for the check and an internal one for the connection (DNS rebinding) gets
 * no second lookup. Redirects are not followed; a 3xx is an answer like any other.
 */
import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { internalRangeOf } from './internalAddress.js';
import { hostOf, urlRefusal, WebhookRefusedError } from './urlPolicy.js';

export interface PinnedPostOptions {
  /** Allow loopback, private, link-local and other internal addresses (webhookAllowPrivate). */
  allowPrivate: boolean;
  /** When not empty, the only hosts allowed (webhookAllowHosts). */
  allowHosts: readonly string[];
  timeoutMs: number;
}

/** Every address of a host (an IP literal is its own), within the time left. */
async function resolveAll(host: string, signal: AbortSignal): Promise<{ address: string; family: number }[]> {
  const aborted = new Promise<never>((_, reject) => {
    const fail = () => reject(signal.reason instanceof Error ? signal.reason : new Error('timed out'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
  const addresses = await Promise.race([lookup(host, { all: true, verbatim: true }), aborted]);
  if (addresses.length === 0) throw new Error(`${host} has no address`);
  return addresses;
}

/**
 * POSTs `body` to `url` and resolves with the answer's status code; throws WebhookRefusedError when
 * the URL or any address of its host is not allowed (nothing is sent then), or the network error.
 * @example await pinnedPost('https://hooks.slack.com/…', headers, body, { allowPrivate: false, allowHosts: [], timeoutMs: 10_000 })
 */
export async function pinnedPost(url: string, headers: Record<string, string>, body: string, options: PinnedPostOptions): Promise<number> {
  const refusal = urlRefusal(url, options.allowHosts);
  if (refusal) throw new WebhookRefusedError(refusal);
  const target = new URL(url);
  const host = hostOf(target);
  const signal = AbortSignal.timeout(options.timeoutMs);
  const addresses = await resolveAll(host, signal);
  if (!options.allowPrivate)
    for (const a of addresses) {
      const range = internalRangeOf(a.address);
      if (range)
        throw new WebhookRefusedError(
          `Refused: ${host === a.address ? host : `${host} resolves to ${a.address}, which`} is ${range}; webhooks may only reach public addresses unless webhookAllowPrivate is set.`,
        );
    }
  const pinned = addresses[0]!;
  // Node asks for one address or (happy eyeballs) for all of them: either way, the one checked above.
  const pin: LookupFunction = (_hostname, opts, callback) => {
    if (opts.all) (callback as (err: null, list: { address: string; family: number }[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const req = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pin,
        // A fresh connection each time: a pooled one might have been opened for another check.
        agent: false,
        signal,
      },
      (res: IncomingMessage) => {
        // The answer's body is not needed; read it away so the connection can close.
        res.on('error', () => undefined);
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

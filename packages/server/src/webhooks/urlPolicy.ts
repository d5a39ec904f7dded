/**
 * @module webhooks/urlPolicy
 * What a webhook URL must look like, checked when it is subscribed and again before every
 * delivery (the allow-list may have changed since): http or https, no user name or password in it
 * (the signature authenticates deliveries, and credentials in a URL end up in logs), and, when the
 * operator set webhookAllowHosts, one of those hosts. Where the host resolves to is checked at
 * delivery time (see internalAddress and pinnedPost).
 */

/** Thrown (or returned as a sentence) when a webhook may not be sent somewhere. Never retried into success by itself. */
export class WebhookRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookRefusedError';
  }
}

/** A URL's host as it is compared: lower case, without IPv6 brackets or a trailing dot. @example hostOf(new URL('http://[::1]/')) // '::1' */
export function hostOf(url: URL): string {
  return url.hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}

/**
 * Whether a host is on the allow-list: an exact entry, or `*.example.com` for any subdomain of example.com.
 * An empty list allows every host.
 * @example hostAllowed('hooks.slack.com', ['*.slack.com']) // true
 */
export function hostAllowed(host: string, allowHosts: readonly string[]): boolean {
  if (allowHosts.length === 0) return true;
  return allowHosts.some((entry) => {
    const e = entry.toLowerCase().replace(/^\[|\]$/g, '');
    return e.startsWith('*.') ? host.endsWith(e.slice(1)) && host.length > e.length - 1 : host === e;
  });
}

/**
 * Why this URL may not be a webhook (a sentence for the admin), or undefined when it may.
 * @example urlRefusal('ftp://example.com/', []) // 'A webhook URL must start with http:// or https:// (this one is ftp:).'
 */
export function urlRefusal(url: string, allowHosts: readonly string[]): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'This is not a URL.';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return `A webhook URL must start with http:// or https:// (this one is ${parsed.protocol}).`;
  if (parsed.username !== '' || parsed.password !== '')
    return 'A webhook URL must not contain a user name or password: deliveries are authenticated by their signature.';
  const host = hostOf(parsed);
  if (!hostAllowed(host, allowHosts))
    return `The host ${host} is not one this server may send webhooks to (webhookAllowHosts: ${allowHosts.join(', ')}).`;
  return undefined;
}

// Which proxies may speak for the client (RATIFY_TRUST_PROXY): none (the default: the socket's peer is
// the client), a hop count (`1`: the one reverse proxy in front of us), or a list of proxy addresses
// and CIDR ranges (`10.0.0.5,192.168.0.0/16`, also proxy-addr's `loopback`, `linklocal`,
// `uniquelocal`). The client address is then the right-most address in X-Forwarded-For that is not a
// trusted proxy: everything to its left was written by the client and proves nothing, so rotating it
// buys no extra attempts. X-Forwarded-Proto and -Host are honoured only when the socket's peer is
// trusted. A hop count trusts whatever connects directly, so use it only when the server is
// reachable through the proxy alone (HOST=127.0.0.1 or a private network); an address list is safer.
import { isIP } from 'node:net';
import type { FastifyServerOptions } from 'fastify';

export type ProxyTrust =
  | { readonly kind: 'none' }
  | { readonly kind: 'hops'; readonly hops: number }
  | { readonly kind: 'addresses'; readonly addresses: readonly string[] };

export const NO_PROXY: ProxyTrust = { kind: 'none' };

const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (NAMED.has(entry)) return true;
  const slash = entry.indexOf('/');
  if (slash < 0) return isIP(entry) !== 0;
  const family = isIP(entry.slice(0, slash));
  const bits = entry.slice(slash + 1);
  if (family === 0 || !/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

/** RATIFY_TRUST_PROXY's value, or why it is not one. */
export function parseProxyTrust(value: string | undefined): { ok: true; value: ProxyTrust } | { ok: false; message: string } {
  const text = (value ?? '').trim();
  if (text === '' || text === '0' || text === 'false') return { ok: true, value: NO_PROXY };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) return { ok: false, message: `RATIFY_TRUST_PROXY: a hop count is 1 to 10 (got ${text})` };
    return { ok: true, value: { kind: 'hops', hops } };
  }
  if (text === 'true') {
    return { ok: false, message: 'RATIFY_TRUST_PROXY=true would trust every address, including ones the client writes: give a hop count (e.g. 1) or the proxies\' addresses' };
  }
  const addresses = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const bad = addresses.find((a) => !isAddressOrRange(a));
  if (bad !== undefined) return { ok: false, message: `RATIFY_TRUST_PROXY: "${bad}" is not an IP address, a CIDR range, loopback, linklocal or uniquelocal` };
  return { ok: true, value: { kind: 'addresses', addresses } };
}

/** Fastify's trustProxy option for `trust` (a function for hops: Fastify 5 ignores numeric hop counts). */
export function fastifyTrustProxy(trust: ProxyTrust): NonNullable<FastifyServerOptions['trustProxy']> {
  switch (trust.kind) {
    case 'none':
      return false;
    case 'hops': {
      const hops = trust.hops;
      // proxy-addr walks from the socket's peer (hop 0) leftwards through X-Forwarded-For.
      return (_address: string, hop: number) => hop < hops;
    }
    case 'addresses':
      return [...trust.addresses];
  }
}

/** For the start-up log. */
export function describeProxyTrust(trust: ProxyTrust): string {
  switch (trust.kind) {
    case 'none':
      return 'no proxy trusted: the client address is the connection\'s peer';
    case 'hops':
      return `${trust.hops} proxy hop(s) trusted: the client address is the ${trust.hops === 1 ? 'right-most' : `${trust.hops}th from the right`} X-Forwarded-For entry`;
    case 'addresses':
      return `proxies trusted: ${trust.addresses.join(', ')}; the client address is the right-most X-Forwarded-For entry not among them`;
  }
}

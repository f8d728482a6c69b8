// Trusted proxies (RATIFY_TRUST_PROXY): the client address is the right-most X-Forwarded-For entry
// that is not a trusted proxy, so whatever a client writes to the left of it — rotated on every
// request — buys no extra attempts; without a trusted proxy the header is ignored altogether.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS, type ProxyTrust, parseProxyTrust } from '../src/index.ts';
import { type TestServer, startServer } from './fixtures.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const PER_IP = 3;

async function serverTrusting(trust: ProxyTrust): Promise<TestServer> {
  server = await startServer({ trustProxy: trust, rateLimits: { ...DEFAULT_RATE_LIMITS, requestCodePerIp: PER_IP } });
  return server;
}

function requestCode(s: TestServer, remoteAddress: string, forwardedFor: string | undefined, n: number) {
  return s.app.inject({
    method: 'POST',
    url: '/api/auth/request-code',
    remoteAddress,
    headers: { 'content-type': 'application/json', ...(forwardedFor !== undefined ? { 'x-forwarded-for': forwardedFor } : {}) },
    // A different member number each time: only the per-address limit can refuse.
    payload: JSON.stringify({ memberNumber: `M${n}` }),
  });
}

const rotating = (i: number) => `198.18.${i % 250}.${(i * 7) % 250}`;

describe('client address behind trusted proxies', () => {
  it('one hop: rotating the client-written part of X-Forwarded-For gives no extra attempts', async () => {
    const s = await serverTrusting({ kind: 'hops', hops: 1 });
    const statuses: number[] = [];
    for (let i = 0; i < PER_IP + 5; i++) statuses.push((await requestCode(s, '127.0.0.1', `${rotating(i)}, 203.0.113.7`, i)).statusCode);
    expect(statuses).toEqual([...Array(PER_IP).fill(202), ...Array(5).fill(429)]);
    // Another client behind the same proxy is counted on its own.
    expect((await requestCode(s, '127.0.0.1', `${rotating(99)}, 203.0.113.8`, 99)).statusCode).toBe(202);
  });

  it('an address list: the right-most address not in the list is the client', async () => {
    const s = await serverTrusting({ kind: 'addresses', addresses: ['10.0.0.0/8'] });
    const statuses: number[] = [];
    for (let i = 0; i < PER_IP + 3; i++) statuses.push((await requestCode(s, '10.0.0.1', `${rotating(i)}, 203.0.113.9, 10.1.2.3`, i)).statusCode);
    expect(statuses).toEqual([...Array(PER_IP).fill(202), ...Array(3).fill(429)]);
    // A peer that is not a listed proxy is the client itself, whatever it writes.
    const direct: number[] = [];
    for (let i = 0; i < PER_IP + 2; i++) direct.push((await requestCode(s, '192.0.2.44', `${rotating(i)}, 203.0.113.${100 + i}`, 100 + i)).statusCode);
    expect(direct).toEqual([...Array(PER_IP).fill(202), ...Array(2).fill(429)]);
  });

  it('no trusted proxy: X-Forwarded-For is ignored', async () => {
    const s = await serverTrusting({ kind: 'none' });
    const statuses: number[] = [];
    for (let i = 0; i < PER_IP + 3; i++) statuses.push((await requestCode(s, '192.0.2.10', `203.0.113.${i}`, i)).statusCode);
    expect(statuses).toEqual([...Array(PER_IP).fill(202), ...Array(3).fill(429)]);
  });

  it('honours X-Forwarded-Proto only from a trusted proxy', async () => {
    const s = await serverTrusting({ kind: 'addresses', addresses: ['10.0.0.1'] });
    const via = async (remoteAddress: string) =>
      (await s.app.inject({ method: 'GET', url: '/api/health', remoteAddress, headers: { 'x-forwarded-proto': 'https' } })).headers['strict-transport-security'];
    expect(await via('10.0.0.1')).toBe('max-age=31536000');
    expect(await via('10.0.0.2')).toBeUndefined();
  });
});

describe('RATIFY_TRUST_PROXY', () => {
  it('reads a hop count or a list of addresses and ranges, and refuses the rest', () => {
    expect(parseProxyTrust(undefined)).toEqual({ ok: true, value: { kind: 'none' } });
    expect(parseProxyTrust('')).toEqual({ ok: true, value: { kind: 'none' } });
    expect(parseProxyTrust('1')).toEqual({ ok: true, value: { kind: 'hops', hops: 1 } });
    expect(parseProxyTrust(' 10.0.0.5, 192.168.0.0/16 ,::1,fd00::/8,loopback')).toEqual({
      ok: true,
      value: { kind: 'addresses', addresses: ['10.0.0.5', '192.168.0.0/16', '::1', 'fd00::/8', 'loopback'] },
    });
    for (const bad of ['true', '11', '10.0.0.0/33', 'proxy.example.org', '10.0.0.1,nope', '::1/129']) {
      expect(parseProxyTrust(bad)).toMatchObject({ ok: false });
    }
  });
});

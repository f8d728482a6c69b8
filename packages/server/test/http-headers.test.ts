// Security headers: nosniff everywhere, no-store on every API answer (personal ones above all:
// /api/me, /api/staff/me with its CSRF token, sign-in), HSTS when the request came over TLS through
// a trusted proxy and never over plain HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, seedScenario, signIn, startServer } from './fixtures.ts';
import { addStaff, staffLogin } from './staff-fixtures.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ trustProxy: { kind: 'addresses', addresses: ['127.0.0.1'] } });
  await seedScenario(server);
});
afterAll(() => server.close());

const rawFetch = (path: string, init: RequestInit = {}) => fetch(`${server.baseUrl}${path}`, init);

describe('API answers', () => {
  it('carry nosniff and no-store, personal ones included', async () => {
    const member = server.client();
    await signIn(server, member, 'G1', 'g1@example.org');
    const cookie = `ratify_session=${member.cookies().get('ratify_session')!}`;
    const { client: observer, r } = await staffLogin(server, await addStaff(server, 'watcher', 'observer', null));
    expect(r.ok).toBe(true);
    const staffCookie = `ratify_staff=${observer.cookies().get('ratify_staff')!}`;
    for (const [path, headers, status] of [
      ['/api/me', { cookie }, 200],
      ['/api/staff/me', { cookie: staffCookie }, 200],
      ['/api/votes', {}, 200],
      ['/api/health', {}, 200],
      ['/api/me', {}, 401],
      ['/api/no-such-route', {}, 404],
    ] as const) {
      const r = await rawFetch(path, { headers });
      expect(r.status, path).toBe(status);
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(r.headers.get('cache-control'), path).toBe('no-store');
      await r.arrayBuffer();
    }
  });

  it('send HSTS only for requests that came over TLS (here: X-Forwarded-Proto from the trusted proxy)', async () => {
    const plain = await rawFetch('/api/health');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const tls = await rawFetch('/api/health', { headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const failed = await rawFetch('/api/no-such-route', { headers: { 'x-forwarded-proto': 'https' } });
    expect(failed.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });
});

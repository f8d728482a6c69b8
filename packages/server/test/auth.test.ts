// Member sign-in: one-time codes (random, mailed, hashed at rest, single use, 10 minutes, only the
// latest works), rate limits per member and per IP, the session cookie's flags, logout, expiry.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS } from '../src/index.ts';
import { type TestServer, lastCode, seedScenario, signIn, startServer } from './fixtures.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
  await seedScenario(server);
});
afterEach(() => server.close());

describe('POST /api/auth/request-code', () => {
  it('mails a 6-digit code and answers the same for an unknown member number', async () => {
    const c = server.client();
    const known = await c.requestCode('G1');
    const unknown = await c.requestCode('NOBODY');
    expect(known).toMatchObject({ ok: true, status: 202 });
    expect(unknown).toEqual(known);
    expect(server.mail.messages().map((m) => m.to)).toEqual(['g1@example.org']);
    expect(lastCode(server.mail, 'g1@example.org')).toMatch(/^\d{6}$/);
  });

  it('stores only a keyed hash of the code, never the code', async () => {
    await server.client().requestCode('G1');
    const code = lastCode(server.mail, 'g1@example.org');
    const rows = await sql<Record<string, unknown>>`select * from login_codes`.execute(server.store.kysely);
    expect(rows.rows).toHaveLength(1);
    expect(JSON.stringify(rows.rows)).not.toContain(code);
    expect(String(rows.rows[0]!['code_hash'])).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects malformed JSON, a wrong shape and a wrong content type, changing nothing', async () => {
    const c = server.client();
    expect(await c.call('requestCode', { text: '{"memberNumber":' })).toMatchObject({ status: 400, error: { code: 'invalid_json' } });
    expect(await c.call('requestCode', { json: { memberNumber: 'G1', extra: true } })).toMatchObject({ status: 400, error: { code: 'invalid_request' } });
    expect(await c.call('requestCode', { json: { memberNumber: '' } })).toMatchObject({ status: 400, error: { code: 'invalid_request' } });
    expect(await c.call('requestCode')).toMatchObject({ status: 400, error: { code: 'invalid_json' } });
    expect(await c.call('requestCode', { text: 'memberNumber=G1', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).toMatchObject({
      status: 415,
      error: { code: 'unsupported_media_type' },
    });
    expect(server.mail.messages()).toEqual([]);
  });
});

describe('POST /api/auth/verify-code', () => {
  it('signs in with the code and sets an HttpOnly, SameSite=Strict session cookie', async () => {
    await server.client().requestCode('G1');
    const res = await fetch(`${server.baseUrl}/api/auth/verify-code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ memberNumber: 'G1', code: lastCode(server.mail, 'g1@example.org') }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^ratify_session=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/api; HttpOnly; SameSite=Strict$/);
    expect(cookie).not.toContain('Secure');
    // The session is stored by hash only.
    const token = /ratify_session=([^;]+)/.exec(cookie)![1]!;
    const rows = await sql<Record<string, unknown>>`select * from sessions`.execute(server.store.kysely);
    expect(JSON.stringify(rows.rows)).not.toContain(token);
  });

  it('marks the cookie Secure when configured, or when behind a TLS proxy in auto mode', async () => {
    for (const [overrides, headers, secure] of [
      [{ cookieSecure: 'always' }, {}, true],
      [{ cookieSecure: 'auto', trustProxy: { kind: 'hops', hops: 1 } }, { 'x-forwarded-proto': 'https' }, true],
      [{ cookieSecure: 'auto', trustProxy: { kind: 'none' } }, { 'x-forwarded-proto': 'https' }, false],
    ] as const) {
      const s = await startServer(overrides);
      await seedScenario(s);
      await s.client().requestCode('G2');
      const res = await s.app.inject({
        method: 'POST',
        url: '/api/auth/verify-code',
        headers: { 'content-type': 'application/json', ...headers },
        payload: JSON.stringify({ memberNumber: 'G2', code: lastCode(s.mail, 'g2@example.org') }),
      });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['set-cookie']).includes('; Secure')).toBe(secure);
      await s.close();
    }
  });

  it('refuses a wrong code, and a code for another member', async () => {
    const c = server.client();
    await c.requestCode('G1');
    const code = lastCode(server.mail, 'g1@example.org');
    const wrong = code === '000000' ? '000001' : '000000';
    expect(await c.verifyCode('G1', wrong)).toMatchObject({ ok: false, status: 401, error: { code: 'invalid_code' } });
    expect(await c.verifyCode('G2', code)).toMatchObject({ ok: false, status: 401, error: { code: 'invalid_code' } });
    expect(await c.verifyCode('G1', 'abc')).toMatchObject({ status: 400, error: { code: 'invalid_request' } });
    expect(await c.verifyCode('G1', code)).toMatchObject({ ok: true, value: { memberNumber: 'G1', name: 'Name G1' } });
  });

  it('accepts a code once only', async () => {
    const c = server.client();
    await c.requestCode('G1');
    const code = lastCode(server.mail, 'g1@example.org');
    expect((await c.verifyCode('G1', code)).ok).toBe(true);
    expect(await server.client().verifyCode('G1', code)).toMatchObject({ status: 401, error: { code: 'invalid_code' } });
  });

  it('expires a code after 10 minutes', async () => {
    const c = server.client();
    await c.requestCode('G1');
    const code = lastCode(server.mail, 'g1@example.org');
    server.clock.advance(10 * 60_000);
    expect(await c.verifyCode('G1', code)).toMatchObject({ status: 401, error: { code: 'invalid_code' } });
  });

  it('lets only the latest code work', async () => {
    const c = server.client();
    await c.requestCode('G1');
    const first = lastCode(server.mail, 'g1@example.org');
    await c.requestCode('G1');
    const second = lastCode(server.mail, 'g1@example.org');
    if (first !== second) expect(await c.verifyCode('G1', first)).toMatchObject({ status: 401 });
    expect((await c.verifyCode('G1', second)).ok).toBe(true);
  });
});

describe('rate limits', () => {
  it('limits code requests per member number, with Retry-After, until the window passes', async () => {
    const c = server.client();
    for (let i = 0; i < DEFAULT_RATE_LIMITS.requestCodePerMember; i++) expect((await c.requestCode('G1')).ok).toBe(true);
    const res = await server.app.inject({ method: 'POST', url: '/api/auth/request-code', headers: { 'content-type': 'application/json' }, payload: '{"memberNumber":"G1"}' });
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(server.mail.messages()).toHaveLength(DEFAULT_RATE_LIMITS.requestCodePerMember);
    expect((await c.requestCode('G2')).ok).toBe(true);
    server.clock.advance(DEFAULT_RATE_LIMITS.windowMs);
    expect((await c.requestCode('G1')).ok).toBe(true);
  });

  it('limits code guesses per member number, so a right code after too many wrong ones is refused', async () => {
    const c = server.client();
    await c.requestCode('G1');
    const code = lastCode(server.mail, 'g1@example.org');
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < DEFAULT_RATE_LIMITS.verifyCodePerMember; i++) expect((await c.verifyCode('G1', wrong)).status).toBe(401);
    expect(await c.verifyCode('G1', code)).toMatchObject({ status: 429, error: { code: 'rate_limited' } });
  });

  it('limits attempts per IP address across member numbers', async () => {
    const s = await startServer({ rateLimits: { ...DEFAULT_RATE_LIMITS, requestCodePerIp: 3 } });
    const c = s.client();
    for (const n of ['A1', 'A2', 'A3']) expect((await c.requestCode(n)).ok).toBe(true);
    expect(await c.requestCode('A4')).toMatchObject({ status: 429, error: { code: 'rate_limited' } });
    const other = await s.app.inject({ method: 'POST', url: '/api/auth/request-code', remoteAddress: '10.0.0.9', headers: { 'content-type': 'application/json' }, payload: '{"memberNumber":"A5"}' });
    expect(other.statusCode).toBe(202);
    await s.close();
  });
});

describe('sessions', () => {
  it('GET /api/me needs a session; logout ends it', async () => {
    const c = server.client();
    expect(await c.me()).toMatchObject({ ok: false, status: 401, error: { code: 'not_signed_in' } });
    await signIn(server, c, 'G1', 'g1@example.org');
    expect(await c.me()).toMatchObject({ ok: true, value: { memberNumber: 'G1' } });
    const cookie = c.cookies().get('ratify_session')!;
    expect(await c.logout()).toMatchObject({ ok: true, value: { signedOut: true } });
    expect(c.cookies().size).toBe(0);
    // The old cookie no longer works (the session is gone from the database, not just the browser).
    const replay = await server.client().call('me', { headers: { cookie: `ratify_session=${cookie}` } });
    expect(replay).toMatchObject({ status: 401, error: { code: 'not_signed_in' } });
    expect(await c.logout()).toMatchObject({ ok: true });
  });

  it('expires a session after its lifetime, and ignores a forged cookie', async () => {
    const c = server.client();
    await signIn(server, c, 'G1', 'g1@example.org');
    expect((await c.me()).ok).toBe(true);
    server.clock.advance(12 * 60 * 60_000);
    expect(await c.me()).toMatchObject({ status: 401 });
    expect(await server.client().call('me', { headers: { cookie: 'ratify_session=forged' } })).toMatchObject({ status: 401 });
  });
});

// Member sign-in: one-time codes (random, mailed by the outbox, hashed at rest, single use, 10
// minutes, bound to the asking browser, dead after 3 wrong guesses, only a browser's latest works,
// 12 digits once a member's short codes for the day are spent), rate limits per (member, browser)
// and per IP, the cookies' flags, logout, expiry. Lock-out attacks: sign-in-lockout.test.ts.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS } from '../src/index.ts';
import { type TestServer, lastCode, nextCode, seedScenario, signIn, startServer } from './fixtures.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
  await seedScenario(server);
});
afterEach(() => server.close());

const code = (email: string) => nextCode(server, email);
const other = (c: string) => (c === '000000' ? '000001' : '000000');

describe('POST /api/auth/request-code', () => {
  it('mails a 6-digit code and answers the same for an unknown member number', async () => {
    const c = server.client();
    const known = await c.requestCode('G1');
    const unknown = await c.requestCode('NOBODY');
    expect(known).toMatchObject({ ok: true, status: 202 });
    expect(unknown).toEqual(known);
    await server.app.signInOutbox.idle();
    expect(server.mail.messages().map((m) => m.to)).toEqual(['g1@example.org']);
    expect(lastCode(server.mail, 'g1@example.org')).toMatch(/^\d{6}$/);
  });

  it('gives a browser without one a binding cookie (HttpOnly, SameSite=Strict, long-lived), once', async () => {
    const res = await fetch(`${server.baseUrl}/api/auth/request-code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"memberNumber":"NOBODY"}' });
    expect(res.status).toBe(202);
    const [cookie, ...more] = res.headers.getSetCookie();
    expect(more).toEqual([]);
    expect(cookie).toMatch(/^ratify_browser=[A-Za-z0-9_-]{43}; Max-Age=34560000; Path=\/api; HttpOnly; SameSite=Strict$/);
    const again = await fetch(`${server.baseUrl}/api/auth/request-code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie!.split(';')[0]! },
      body: '{"memberNumber":"NOBODY"}',
    });
    expect(again.status).toBe(202);
    expect(again.headers.getSetCookie()).toEqual([]);
  });

  it('stores only keyed hashes of the code and of the binding token', async () => {
    const c = server.client();
    await c.requestCode('G1');
    const mailed = await code('g1@example.org');
    const binding = c.cookies().get('ratify_browser')!;
    const rows = await sql<Record<string, unknown>>`select * from login_codes`.execute(server.store.kysely);
    expect(rows.rows).toHaveLength(1);
    expect(JSON.stringify(rows.rows)).not.toContain(mailed);
    expect(JSON.stringify(rows.rows)).not.toContain(binding);
    expect(String(rows.rows[0]!['code_hash'])).toMatch(/^[0-9a-f]{64}$/);
    expect(String(rows.rows[0]!['binding_hash'])).toMatch(/^[0-9a-f]{64}$/);
    const limits = await sql<Record<string, unknown>>`select * from rate_limit_hits`.execute(server.store.kysely);
    expect(JSON.stringify(limits.rows)).not.toMatch(/G1|127\.0\.0\.1/);
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
    await server.app.signInOutbox.idle();
    expect(server.mail.messages()).toEqual([]);
    expect((await sql`select * from sign_in_requests`.execute(server.store.kysely)).rows).toEqual([]);
  });
});

describe('POST /api/auth/verify-code', () => {
  it('signs in with the code and sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const c = server.client();
    await c.requestCode('G1');
    const res = await fetch(`${server.baseUrl}/api/auth/verify-code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `ratify_browser=${c.cookies().get('ratify_browser')!}` },
      body: JSON.stringify({ memberNumber: 'G1', code: await code('g1@example.org') }),
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

  it('marks the cookies Secure when configured, or when behind a TLS proxy in auto mode', async () => {
    for (const [overrides, headers, secure] of [
      [{ cookieSecure: 'always' }, {}, true],
      [{ cookieSecure: 'auto', trustProxy: { kind: 'hops', hops: 1 } }, { 'x-forwarded-proto': 'https' }, true],
      [{ cookieSecure: 'auto', trustProxy: { kind: 'none' } }, { 'x-forwarded-proto': 'https' }, false],
    ] as const) {
      const s = await startServer(overrides);
      await seedScenario(s);
      const asked = await s.app.inject({ method: 'POST', url: '/api/auth/request-code', headers: { 'content-type': 'application/json', ...headers }, payload: '{"memberNumber":"G2"}' });
      const binding = String(asked.headers['set-cookie']);
      expect(binding.includes('; Secure')).toBe(secure);
      const res = await s.app.inject({
        method: 'POST',
        url: '/api/auth/verify-code',
        headers: { 'content-type': 'application/json', cookie: binding.split(';')[0]!, ...headers },
        payload: JSON.stringify({ memberNumber: 'G2', code: await nextCode(s, 'g2@example.org') }),
      });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['set-cookie']).includes('; Secure')).toBe(secure);
      await s.close();
    }
  });

  it('refuses a wrong code, and a code for another member', async () => {
    const c = server.client();
    await c.requestCode('G1');
    const mailed = await code('g1@example.org');
    expect(await c.verifyCode('G1', other(mailed))).toMatchObject({ ok: false, status: 401, error: { code: 'invalid_code' } });
    expect(await c.verifyCode('G2', mailed)).toMatchObject({ ok: false, status: 401, error: { code: 'invalid_code' } });
    expect(await c.verifyCode('G1', 'abc')).toMatchObject({ status: 400, error: { code: 'invalid_request' } });
    expect(await c.verifyCode('G1', '1234567')).toMatchObject({ status: 400, error: { code: 'invalid_request' } });
    expect(await c.verifyCode('G1', mailed)).toMatchObject({ ok: true, value: { memberNumber: 'G1', name: 'Name G1' } });
  });

  it('accepts a code only from the browser that asked for it, and others trying it cost it nothing', async () => {
    const c = server.client();
    await c.requestCode('G1');
    const mailed = await code('g1@example.org');
    const thief = server.client();
    await thief.requestCode('NOBODY');
    for (let i = 0; i < 5; i++) expect(await thief.verifyCode('G1', mailed)).toMatchObject({ status: 401, error: { code: 'invalid_code' } });
    expect(await server.client().verifyCode('G1', mailed)).toMatchObject({ status: 401, error: { code: 'invalid_code' } });
    const forged = await server.client().call('verifyCode', { json: { memberNumber: 'G1', code: mailed }, headers: { cookie: 'ratify_browser=forged' } });
    expect(forged).toMatchObject({ status: 401, error: { code: 'invalid_code' } });
    expect(await c.verifyCode('G1', mailed)).toMatchObject({ ok: true, value: { memberNumber: 'G1' } });
  });

  it('kills a code after 3 wrong guesses from its browser; asking again gives a working one', async () => {
    const c = server.client();
    await c.requestCode('G1');
    const mailed = await code('g1@example.org');
    for (let i = 0; i < DEFAULT_RATE_LIMITS.codeWrongGuesses; i++) expect((await c.verifyCode('G1', String(100000 + i) === mailed ? '999999' : String(100000 + i))).status).toBe(401);
    expect(await c.verifyCode('G1', mailed)).toMatchObject({ status: 401, error: { code: 'invalid_code' } });
    await c.requestCode('G1');
    expect((await c.verifyCode('G1', await code('g1@example.org'))).ok).toBe(true);
  });

  it('accepts a code once only', async () => {
    const c = server.client();
    await c.requestCode('G1');
    const mailed = await code('g1@example.org');
    expect((await c.verifyCode('G1', mailed)).ok).toBe(true);
    expect(await c.verifyCode('G1', mailed)).toMatchObject({ status: 401, error: { code: 'invalid_code' } });
  });

  it('expires a code after 10 minutes', async () => {
    const c = server.client();
    await c.requestCode('G1');
    const mailed = await code('g1@example.org');
    server.clock.advance(10 * 60_000);
    expect(await c.verifyCode('G1', mailed)).toMatchObject({ status: 401, error: { code: 'invalid_code' } });
  });

  it("lets only a browser's latest code work", async () => {
    const c = server.client();
    await c.requestCode('G1');
    const first = await code('g1@example.org');
    await c.requestCode('G1');
    const second = await code('g1@example.org');
    if (first !== second) expect(await c.verifyCode('G1', first)).toMatchObject({ status: 401 });
    expect((await c.verifyCode('G1', second)).ok).toBe(true);
  });

  it("sends 12-digit codes once the member's short codes for the day are spent, short ones again the next day", async () => {
    const lengths: number[] = [];
    for (let i = 0; i < DEFAULT_RATE_LIMITS.shortCodesPerMemberPerDay + 2; i++) {
      const c = server.client();
      await c.requestCode('G2');
      const mailed = await code('g2@example.org');
      lengths.push(mailed.length);
      expect(await c.verifyCode('G2', mailed)).toMatchObject({ ok: true });
    }
    expect(lengths).toEqual([...Array<number>(DEFAULT_RATE_LIMITS.shortCodesPerMemberPerDay).fill(6), 12, 12]);
    expect(server.mail.messages().at(-1)!.text).toMatch(/code is \d{4} \d{4} \d{4}\./);
    // Another member is not affected; the next day starts short again.
    await signIn(server, server.client(), 'G1', 'g1@example.org');
    expect(lastCode(server.mail, 'g1@example.org')).toHaveLength(6);
    server.clock.advance(24 * 60 * 60_000);
    const c = server.client();
    await c.requestCode('G2');
    expect(await code('g2@example.org')).toHaveLength(6);
  });
});

describe('rate limits', () => {
  it('limits code requests per member number and browser, with Retry-After, until the window passes', async () => {
    const c = server.client();
    for (let i = 0; i < DEFAULT_RATE_LIMITS.requestCodePerBrowser; i++) expect((await c.requestCode('G1')).ok).toBe(true);
    const cookie = `ratify_browser=${c.cookies().get('ratify_browser')!}`;
    const res = await server.app.inject({ method: 'POST', url: '/api/auth/request-code', headers: { 'content-type': 'application/json', cookie }, payload: '{"memberNumber":"G1"}' });
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    await server.app.signInOutbox.idle();
    expect(server.mail.messages()).toHaveLength(DEFAULT_RATE_LIMITS.requestCodePerBrowser);
    // The same browser may still ask for another member; another browser for the same member.
    expect((await c.requestCode('G2')).ok).toBe(true);
    expect((await server.client().requestCode('G1')).ok).toBe(true);
    server.clock.advance(DEFAULT_RATE_LIMITS.windowMs);
    expect((await c.requestCode('G1')).ok).toBe(true);
  });

  it('limits code guesses per member number and browser', async () => {
    const c = server.client();
    for (let i = 0; i < DEFAULT_RATE_LIMITS.verifyCodePerBrowser; i++) {
      if (i % DEFAULT_RATE_LIMITS.codeWrongGuesses === 0) await c.requestCode('G1');
      const mailed = await code('g1@example.org');
      expect((await c.verifyCode('G1', other(mailed))).status).toBe(401);
    }
    await c.requestCode('G1');
    expect(await c.verifyCode('G1', await code('g1@example.org'))).toMatchObject({ status: 429, error: { code: 'rate_limited' } });
    // Another browser of the member is not held back.
    await signIn(server, server.client(), 'G1', 'g1@example.org');
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
    // The session cookie is gone; the browser binding stays (it grants nothing alone).
    expect([...c.cookies().keys()]).toEqual(['ratify_browser']);
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

// Staff accounts and roles: every route × every role, table-driven over ROUTES (so routes added
// later are covered without editing this file), staff sign-in (argon2id + TOTP, rate limited,
// HttpOnly SameSite=Strict cookie, CSRF token), and the audit log written for state-changing routes.
import { randomBytes } from 'node:crypto';
import { createStaffAccount, hashPassword, totpCode } from '@ratify/engine';
import type { StaffRole } from '@ratify/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROUTES, type RouteName, type RouteSpec } from '../src/api/routes.ts';
import { createClient, type RatifyClient } from '../src/client.ts';
import { ADMIN_TOKEN, GUILD, seedScenario, signIn, startServer, type TestServer } from './fixtures.ts';

const KEY = randomBytes(32);
const PASSWORD = 'a long enough staff password';
const GUARD_CODES = ['admin_token_required', 'admin_token_invalid', 'admin_disabled', 'staff_sign_in_required', 'forbidden_role', 'csrf_invalid', 'not_signed_in'];

let server: TestServer;
beforeEach(async () => {
  server = await startServer({ secretKey: KEY });
});
afterEach(() => server.close());

async function addStaff(username: string, role: StaffRole): Promise<string | null> {
  const created = await createStaffAccount(server.engine.store, { username, password: PASSWORD, role, secretKey: KEY });
  if (!created.ok) throw new Error(created.error);
  return created.value.totpUri === null ? null : new URL(created.value.totpUri).searchParams.get('secret');
}

async function staffClient(username: string, role: StaffRole): Promise<RatifyClient> {
  const secret = await addStaff(username, role);
  const client = server.client();
  const login = await client.staff.login(username, PASSWORD, secret === null ? undefined : totpCode(username, secret, server.clock.now()));
  if (!login.ok) throw new Error(login.error.code);
  return client;
}

/** A campaign committee's client: a `campaign` staff account bound to a vote and side (as adminCreateCommittee makes). */
async function campaignClient(username: string, voteId: string, side: 'for' | 'against'): Promise<RatifyClient> {
  const created = await server.store.campaigns.createCommittee({
    voteId, side, name: `Committee ${username}`,
    account: { id: `id-${username}`, username, role: 'campaign', passwordHash: await hashPassword(PASSWORD), totpSecretEncrypted: null },
  });
  if (!created.ok) throw new Error(created.error);
  const client = server.client();
  const login = await client.staff.login(username, PASSWORD);
  if (!login.ok) throw new Error(login.error.code);
  return client;
}

type Caller = 'none' | 'member' | 'token' | 'administrator' | 'observer' | 'trustee' | 'campaign' | 'administrator-no-csrf';
const ADMITTED: Record<RouteSpec['role'], readonly Caller[]> = {
  public: ['none', 'member', 'token', 'administrator', 'observer', 'trustee', 'campaign'],
  member: ['member'],
  admin: ['token', 'administrator'],
  observer: ['token', 'administrator', 'observer'],
  trustee: ['trustee'],
  staff: ['administrator', 'observer', 'trustee', 'campaign'],
  campaign: ['campaign'],
};

describe('every route × every role (deny by default)', () => {
  it('refuses each non-public route to every caller its role does not admit, and admits the rest past the guard', async () => {
    await seedScenario(server);
    const member = server.client();
    await signIn(server, member, 'G1', 'g1@example.org');
    const callers: Record<Exclude<Caller, 'administrator-no-csrf'>, RatifyClient> = {
      none: server.client(),
      member,
      token: createClient({ baseUrl: server.baseUrl, adminToken: ADMIN_TOKEN }),
      administrator: await staffClient('alice', 'administrator'),
      observer: await staffClient('olga', 'observer'),
      trustee: await staffClient('tom', 'trustee'),
      campaign: await campaignClient('yes-committee', GUILD.voteId, 'for'),
    };
    const names = Object.keys(ROUTES) as RouteName[];
    expect(names.filter((n) => ROUTES[n].role !== 'public').length).toBeGreaterThan(5);
    for (const name of names) {
      const spec: RouteSpec = ROUTES[name];
      const params = Object.fromEntries([...spec.path.matchAll(/:([A-Za-z]+)/g)].map((m) => [m[1]!, 'no-such-thing']));
      const input = { params, ...(spec.method === 'POST' ? { text: '{}' } : {}) };
      if (spec.role === 'public') {
        // Public routes are behind no guard: an anonymous caller is refused only with a code of the
        // route's own (staffMe's staff_sign_in_required), never with another guard's.
        const r = await callers.none.call(name, input);
        if (!r.ok) expect(GUARD_CODES.filter((c) => !spec.errors.includes(c)), `${name} (public) as none`).not.toContain(r.error.code);
        continue;
      }
      // A route in the table but not (yet) registered answers the router's not_found to everyone:
      // nothing to guard (the OpenAPI test checks that every route is served).
      const probe = await callers.none.call(name, input);
      if (!probe.ok && probe.error.code === 'not_found') continue;
      for (const [caller, client] of Object.entries(callers) as [Caller, RatifyClient][]) {
        const r = await client.call(name, input);
        const label = `${name} (${spec.role}) as ${caller}`;
        if (ADMITTED[spec.role].includes(caller)) {
          if (!r.ok) expect(GUARD_CODES, label).not.toContain(r.error.code);
        } else {
          expect(r.ok, label).toBe(false);
          expect([401, 403], label).toContain(r.status);
          if (!r.ok) expect(GUARD_CODES, label).toContain(r.error.code);
        }
      }
      // A state-changing staff route needs the session's CSRF token.
      if (spec.method !== 'GET' && spec.role !== 'member') {
        const staff = spec.role === 'trustee' ? callers.trustee : spec.role === 'campaign' ? callers.campaign : callers.administrator;
        const r = await staff.call(name, { ...input, headers: { 'x-csrf-token': 'wrong' } });
        expect(r, `${name} with a wrong CSRF token`).toMatchObject({ ok: false, status: 403, error: { code: 'csrf_invalid' } });
        const cookie = [...staff.cookies()].map(([k, v]) => `${k}=${v}`).join('; ');
        const bare = await server.client().call(name, { ...input, headers: { cookie } });
        expect(bare, `${name} without a CSRF token`).toMatchObject({ ok: false, status: 403, error: { code: 'csrf_invalid' } });
      }
    }
  });
});

describe('staff sign-in', () => {
  it('needs the password and, for administrators, a fresh TOTP code; sets a hardened cookie', async () => {
    const secret = (await addStaff('alice', 'administrator'))!;
    const c = server.client();
    expect(await c.staff.login('alice', PASSWORD)).toMatchObject({ status: 401, error: { code: 'totp_required' } });
    expect(await c.staff.login('alice', 'wrong password!!', totpCode('alice', secret, server.clock.now()))).toMatchObject({ status: 401, error: { code: 'invalid_credentials' } });
    expect(await c.staff.login('nobody', PASSWORD, '123456')).toMatchObject({ status: 401, error: { code: 'invalid_credentials' } });
    const res = await fetch(`${server.baseUrl}/api/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'alice', password: PASSWORD, totp: totpCode('alice', secret, server.clock.now()) }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^ratify_staff=[A-Za-z0-9_-]{43}; Max-Age=28800; Path=\/api; HttpOnly; SameSite=Strict/);
    const body = (await res.json()) as { csrfToken: string; staff: { role: string } };
    expect(body.staff.role).toBe('administrator');
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Neither the cookie token nor the CSRF token is stored in clear.
    const rows = await server.store.kysely.selectFrom('staff_sessions').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(body.csrfToken);
    expect(JSON.stringify(rows)).not.toContain(cookie.split(';')[0]!.split('=')[1]!);
    const account = await server.store.kysely.selectFrom('staff_accounts').selectAll().execute();
    expect(JSON.stringify(account)).not.toContain(secret);
    expect(server.logs.join('\n')).not.toContain(PASSWORD);
  });

  it('is rate limited per username', async () => {
    await addStaff('tom', 'trustee');
    const c = server.client();
    for (let i = 0; i < 10; i++) expect((await c.staff.login('tom', 'wrong password!!')).status).toBe(401);
    expect(await c.staff.login('tom', PASSWORD)).toMatchObject({ status: 429, error: { code: 'rate_limited' } });
  });

  it('me, logout (CSRF-protected) and expiry', async () => {
    const c = await staffClient('olga', 'observer');
    expect(await c.staff.me()).toMatchObject({ ok: true, value: { staff: { username: 'olga', role: 'observer' } } });
    const cookie = [...c.cookies()].map(([k, v]) => `${k}=${v}`).join('; ');
    expect(await server.client().call('staffLogout', { headers: { cookie } })).toMatchObject({ status: 403, error: { code: 'csrf_invalid' } });
    expect(await c.staff.logout()).toMatchObject({ ok: true });
    expect(await c.staff.me()).toMatchObject({ status: 401, error: { code: 'staff_sign_in_required' } });
    const d = await staffClient('otto', 'observer');
    server.clock.advance(8 * 60 * 60_000 + 1);
    expect(await d.staff.auditLog()).toMatchObject({ status: 401, error: { code: 'staff_sign_in_required' } });
  });

  it('a member session is not a staff session and vice versa', async () => {
    await seedScenario(server);
    const member = server.client();
    await signIn(server, member, 'G1', 'g1@example.org');
    expect(await member.staff.me()).toMatchObject({ status: 401 });
    const admin = await staffClient('alice', 'administrator');
    expect(await admin.me()).toMatchObject({ status: 401, error: { code: 'not_signed_in' } });
  });
});

describe('audit log', () => {
  it('records successful state-changing staff actions (who, what, which vote, when) for administrators and observers to read', async () => {
    await seedScenario(server);
    const admin = await staffClient('alice', 'administrator');
    expect(await admin.admin.close(GUILD.voteId)).toMatchObject({ ok: true });
    const token = createClient({ baseUrl: server.baseUrl, adminToken: ADMIN_TOKEN });
    expect(await token.admin.open(GUILD.voteId)).toMatchObject({ ok: false, status: 409 }); // refused: not audited
    const observer = await staffClient('olga', 'observer');
    const log = await observer.staff.auditLog();
    if (!log.ok) throw new Error(log.error.code);
    const actions = log.value.entries.map((e) => [e.actor, e.action, e.voteId]);
    expect(actions).toEqual([
      ['staff:alice', 'staffLogin', null],
      ['staff:alice', 'adminClose', GUILD.voteId],
      ['staff:olga', 'staffLogin', null],
    ]);
    expect(log.value.entries[1]).toMatchObject({ at: server.clock.now().toISOString(), details: JSON.stringify({ params: { id: GUILD.voteId } }) });
    expect(await token.staff.auditLog({ voteId: GUILD.voteId })).toMatchObject({ ok: true, value: { entries: [{ action: 'adminClose' }] } });
    const trustee = await staffClient('tom', 'trustee');
    expect(await trustee.staff.auditLog()).toMatchObject({ status: 403, error: { code: 'forbidden_role' } });
  });
});

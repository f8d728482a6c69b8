// Staff auth hardening: the CSRF token given again by /api/staff/me (so pages keep it nowhere),
// expired staff sessions pruned, administrators listing and disabling accounts (sessions end at
// once, sign-in refused, audited; never yourself nor the last active administrator) and enabling
// them again (same password and TOTP, no earlier session back, audited), and every
// staff member changing their own password (current one required, argon2id, other sessions end,
// audited without the password) — with every forbidden caller refused.
import { randomBytes } from 'node:crypto';
import { createStaffAccount, totpCode } from '@ratify/engine';
import type { StaffRole } from '@ratify/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, type RatifyClient } from '../src/client.ts';
import { ADMIN_TOKEN, seedScenario, signIn, startServer, type TestServer } from './fixtures.ts';

const KEY = randomBytes(32);
const PASSWORD = 'a long enough staff password';
const NEW_PASSWORD = 'another long staff password';

let server: TestServer;
const secrets = new Map<string, string | null>();
beforeEach(async () => {
  server = await startServer({ secretKey: KEY });
  secrets.clear();
});
afterEach(() => server.close());

async function addStaff(username: string, role: StaffRole): Promise<void> {
  const created = await createStaffAccount(server.engine.store, { username, password: PASSWORD, role, secretKey: KEY });
  if (!created.ok) throw new Error(created.error);
  secrets.set(username, created.value.totpUri === null ? null : new URL(created.value.totpUri).searchParams.get('secret'));
}

async function login(username: string, password = PASSWORD) {
  const client = server.client();
  const secret = secrets.get(username) ?? null;
  // Each administrator sign-in needs a fresh TOTP step.
  if (secret !== null) server.clock.advance(30_000);
  const r = await client.staff.login(username, password, secret === null ? undefined : totpCode(username, secret, server.clock.now()));
  return { client, r };
}

async function session(username: string): Promise<RatifyClient> {
  const { client, r } = await login(username);
  if (!r.ok) throw new Error(r.error.code);
  return client;
}

const sessionRows = async () => (await server.store.kysely.selectFrom('staff_sessions').select('token_hash').execute()).length;

describe('the CSRF token from /api/staff/me', () => {
  it('is the one the sign-in gave, so a reloaded page (cookie only) can act without storing it', async () => {
    await addStaff('olga', 'observer');
    const { client, r } = await login('olga');
    if (!r.ok) throw new Error('login');
    const cookie = [...client.cookies()].map(([k, v]) => `${k}=${v}`).join('; ');
    const reloaded = server.client();
    const me = await reloaded.call('staffMe', { headers: { cookie } });
    expect(me).toMatchObject({ ok: true, value: { staff: { username: 'olga' }, csrfToken: r.value.csrfToken } });
    expect(await reloaded.call('staffLogout', { headers: { cookie, 'x-csrf-token': me.ok ? me.value.csrfToken : '' } })).toMatchObject({ ok: true });
    expect(await client.call('staffMe')).toMatchObject({ status: 401, error: { code: 'staff_sign_in_required' } });
    // Another session's token is a different one.
    const a = await login('olga');
    const b = await login('olga');
    expect(a.r.ok && b.r.ok && a.r.value.csrfToken !== b.r.value.csrfToken).toBe(true);
  });
});

describe('expired staff sessions', () => {
  it('are pruned when staff sign in', async () => {
    await addStaff('olga', 'observer');
    await addStaff('tom', 'trustee');
    await session('olga');
    await session('olga');
    expect(await sessionRows()).toBe(2);
    server.clock.advance(8 * 3600_000 + 1000);
    await session('tom');
    expect(await sessionRows()).toBe(1);
  });
});

describe('disabling a staff account', () => {
  it('ends its sessions at once, refuses its sign-in, and is audited', async () => {
    await addStaff('alice', 'administrator');
    await addStaff('tom', 'trustee');
    const alice = await session('alice');
    const tom = await session('tom');
    expect(await tom.call('trusteeDrafts')).toMatchObject({ ok: true });
    const list = await alice.call('listStaffAccounts');
    expect(list).toMatchObject({ ok: true, value: { accounts: [{ username: 'alice', role: 'administrator', disabledAt: null }, { username: 'tom', role: 'trustee', disabledAt: null }] } });
    expect(JSON.stringify(list)).not.toMatch(/argon2|password|totp/i);
    const disabled = await alice.call('disableStaffAccount', { params: { username: 'Tom' } });
    expect(disabled).toMatchObject({ ok: true, status: 200, value: { account: { username: 'tom', disabledAt: server.clock.now().toISOString() }, sessionsEnded: 1 } });
    expect(await tom.call('trusteeDrafts')).toMatchObject({ status: 401, error: { code: 'staff_sign_in_required' } });
    expect((await login('tom')).r).toMatchObject({ ok: false, status: 401, error: { code: 'invalid_credentials' } });
    expect(await alice.call('disableStaffAccount', { params: { username: 'tom' } })).toMatchObject({ status: 409, error: { code: 'already_disabled' } });
    expect(await alice.call('disableStaffAccount', { params: { username: 'nobody' } })).toMatchObject({ status: 404, error: { code: 'staff_not_found' } });
    expect(await alice.call('disableStaffAccount', { params: { username: 'no' } })).toMatchObject({ status: 400, error: { code: 'invalid_request' } });
    const audit = await alice.call('auditLog');
    expect(audit.ok && audit.value.entries.filter((e) => e.action === 'disableStaffAccount').map((e) => [e.actor, JSON.parse(e.details)])).toEqual([['staff:alice', { params: { username: 'tom' } }]]);
  });

  it('never disables yourself nor the last active administrator', async () => {
    await addStaff('alice', 'administrator');
    await addStaff('bob', 'administrator');
    const alice = await session('alice');
    const bob = await session('bob');
    expect(await alice.call('disableStaffAccount', { params: { username: 'alice' } })).toMatchObject({ status: 409, error: { code: 'cannot_disable_self' } });
    expect(await alice.call('disableStaffAccount', { params: { username: 'bob' } })).toMatchObject({ ok: true, value: { sessionsEnded: 1 } });
    expect(await bob.call('listStaffAccounts')).toMatchObject({ status: 401 });
    // The ops token is no account: it may disable, but not the last active administrator.
    const ops = createClient({ baseUrl: server.baseUrl, adminToken: ADMIN_TOKEN });
    expect(await ops.call('disableStaffAccount', { params: { username: 'alice' } })).toMatchObject({ status: 409, error: { code: 'last_administrator' } });
    expect(await alice.call('listStaffAccounts')).toMatchObject({ ok: true });
  });

  it('is refused to observers, trustees, members, anonymous callers and a missing CSRF token', async () => {
    await seedScenario(server);
    await addStaff('alice', 'administrator');
    await addStaff('olga', 'observer');
    await addStaff('tom', 'trustee');
    const member = server.client();
    await signIn(server, member, 'G1', 'g1@example.org');
    for (const [label, client] of [['observer', await session('olga')], ['trustee', await session('tom')]] as const) {
      expect(await client.call('disableStaffAccount', { params: { username: 'alice' } }), label).toMatchObject({ status: 403, error: { code: 'forbidden_role' } });
      expect(await client.call('listStaffAccounts'), label).toMatchObject({ status: 403, error: { code: 'forbidden_role' } });
    }
    for (const client of [member, server.client()]) expect(await client.call('disableStaffAccount', { params: { username: 'tom' } })).toMatchObject({ status: 401 });
    const alice = await session('alice');
    expect(await alice.call('disableStaffAccount', { params: { username: 'tom' }, headers: { 'x-csrf-token': 'wrong' } })).toMatchObject({ status: 403, error: { code: 'csrf_invalid' } });
    expect((await server.store.staff.listStaffAccountStatus()).every((a) => a.disabledAt === null)).toBe(true);
  });
});

describe('enabling a disabled staff account', () => {
  it('lets it sign in again with its password (and TOTP), brings back no earlier session, and is audited', async () => {
    await addStaff('alice', 'administrator');
    await addStaff('bob', 'administrator');
    await addStaff('tom', 'trustee');
    const alice = await session('alice');
    const tom = await session('tom');
    const bob = await session('bob');
    const tomCookie = [...tom.cookies()].map(([k, v]) => `${k}=${v}`).join('; ');
    expect(await alice.call('disableStaffAccount', { params: { username: 'tom' } })).toMatchObject({ ok: true, value: { sessionsEnded: 1 } });
    expect(await alice.call('disableStaffAccount', { params: { username: 'bob' } })).toMatchObject({ ok: true, value: { sessionsEnded: 1 } });
    expect((await login('tom')).r).toMatchObject({ ok: false, status: 401, error: { code: 'invalid_credentials' } });

    const enabled = await alice.call('enableStaffAccount', { params: { username: 'Tom' } });
    expect(enabled).toEqual({ ok: true, status: 200, value: { account: { id: expect.any(String), username: 'tom', role: 'trustee', createdAt: expect.any(String), disabledAt: null } } });
    // The session from before stays ended, whether its cookie comes from the old client or by hand.
    expect(await tom.call('trusteeDrafts')).toMatchObject({ status: 401, error: { code: 'staff_sign_in_required' } });
    expect(await server.client().call('staffMe', { headers: { cookie: tomCookie } })).toMatchObject({ status: 401, error: { code: 'staff_sign_in_required' } });
    // Tom signs in again with the password he had.
    const again = await login('tom');
    expect(again.r).toMatchObject({ ok: true, value: { staff: { username: 'tom', role: 'trustee' } } });
    expect(await again.client.call('trusteeDrafts')).toMatchObject({ ok: true });
    // An administrator keeps her TOTP secret: password and a fresh code from the same authenticator.
    expect(await alice.call('enableStaffAccount', { params: { username: 'bob' } })).toMatchObject({ ok: true, value: { account: { username: 'bob', disabledAt: null } } });
    expect(await bob.call('listStaffAccounts')).toMatchObject({ status: 401 });
    const bobAgain = await login('bob');
    expect(bobAgain.r).toMatchObject({ ok: true, value: { staff: { username: 'bob', role: 'administrator' } } });
    expect(await bobAgain.client.call('listStaffAccounts')).toMatchObject({ ok: true, value: { accounts: [{ disabledAt: null }, { disabledAt: null }, { disabledAt: null }] } });

    const audit = await alice.call('auditLog');
    const entries = audit.ok ? audit.value.entries.filter((e) => e.action === 'enableStaffAccount') : [];
    expect(entries.map((e) => [e.actor, JSON.parse(e.details)])).toEqual([['staff:alice', { params: { username: 'tom' } }], ['staff:alice', { params: { username: 'bob' } }]]);
    expect(JSON.stringify(audit) + server.logs.join('\n')).not.toContain(PASSWORD);
  });

  it('refuses an active account (nothing changes), an unknown one and a malformed name; refusals are not audited', async () => {
    await addStaff('alice', 'administrator');
    await addStaff('tom', 'trustee');
    const alice = await session('alice');
    const tom = await session('tom');
    const before = await server.store.staff.listStaffAccountStatus();
    expect(await alice.call('enableStaffAccount', { params: { username: 'tom' } })).toMatchObject({ ok: false, status: 409, error: { code: 'not_disabled' } });
    expect(await alice.call('enableStaffAccount', { params: { username: 'alice' } })).toMatchObject({ ok: false, status: 409, error: { code: 'not_disabled' } });
    expect(await alice.call('enableStaffAccount', { params: { username: 'nobody' } })).toMatchObject({ ok: false, status: 404, error: { code: 'staff_not_found' } });
    expect(await alice.call('enableStaffAccount', { params: { username: 'no' } })).toMatchObject({ ok: false, status: 400, error: { code: 'invalid_request' } });
    expect(await server.store.staff.listStaffAccountStatus()).toEqual(before);
    expect(await tom.call('trusteeDrafts')).toMatchObject({ ok: true });
    const audit = await alice.call('auditLog');
    expect(audit.ok && audit.value.entries.filter((e) => e.action === 'enableStaffAccount')).toEqual([]);
    // The ops token is no account but may enable, like it may disable (audited as the token).
    const ops = createClient({ baseUrl: server.baseUrl, adminToken: ADMIN_TOKEN });
    expect(await alice.call('disableStaffAccount', { params: { username: 'tom' } })).toMatchObject({ ok: true });
    expect(await ops.call('enableStaffAccount', { params: { username: 'tom' } })).toMatchObject({ ok: true, value: { account: { username: 'tom', disabledAt: null } } });
    const log = await alice.call('auditLog');
    expect(log.ok && log.value.entries.filter((e) => e.action === 'enableStaffAccount').map((e) => e.actor)).toEqual(['ops-token']);
  });

  it('is refused to observers, trustees, members, anonymous callers and a missing CSRF token', async () => {
    await seedScenario(server);
    await addStaff('alice', 'administrator');
    await addStaff('olga', 'observer');
    await addStaff('tom', 'trustee');
    await addStaff('otto', 'observer');
    const member = server.client();
    await signIn(server, member, 'G1', 'g1@example.org');
    const olga = await session('olga');
    const tom = await session('tom');
    const alice = await session('alice');
    expect(await alice.call('disableStaffAccount', { params: { username: 'otto' } })).toMatchObject({ ok: true });
    for (const [label, client] of [['observer', olga], ['trustee', tom]] as const) {
      expect(await client.call('enableStaffAccount', { params: { username: 'otto' } }), label).toMatchObject({ status: 403, error: { code: 'forbidden_role' } });
    }
    for (const client of [member, server.client()]) expect(await client.call('enableStaffAccount', { params: { username: 'otto' } })).toMatchObject({ status: 401 });
    expect(await alice.call('enableStaffAccount', { params: { username: 'otto' }, headers: { 'x-csrf-token': 'wrong' } })).toMatchObject({ status: 403, error: { code: 'csrf_invalid' } });
    const cookie = [...alice.cookies()].map(([k, v]) => `${k}=${v}`).join('; ');
    expect(await server.client().call('enableStaffAccount', { params: { username: 'otto' }, headers: { cookie } })).toMatchObject({ status: 403, error: { code: 'csrf_invalid' } });
    expect((await server.store.staff.listStaffAccountStatus()).find((a) => a.username === 'otto')?.disabledAt).not.toBeNull();
  });
});

describe('changing your own password', () => {
  it('needs the current password, hashes the new one with argon2id, ends your other sessions, and is audited without it', async () => {
    await addStaff('olga', 'observer');
    const here = await session('olga');
    const elsewhere = await session('olga');
    const change = (currentPassword: string, newPassword: string) => here.call('changeStaffPassword', { json: { currentPassword, newPassword } });
    expect(await change('not my password', NEW_PASSWORD)).toMatchObject({ status: 403, error: { code: 'wrong_password' } });
    expect(await change(PASSWORD, 'short')).toMatchObject({ status: 400, error: { code: 'weak_password' } });
    expect(await change(PASSWORD, PASSWORD)).toMatchObject({ status: 400, error: { code: 'same_password' } });
    expect(await elsewhere.call('auditLog')).toMatchObject({ ok: true });
    expect(await change(PASSWORD, NEW_PASSWORD)).toMatchObject({ ok: true, status: 200, value: { changed: true, otherSessionsEnded: 1 } });
    expect(await elsewhere.call('auditLog')).toMatchObject({ status: 401, error: { code: 'staff_sign_in_required' } });
    expect(await here.call('auditLog')).toMatchObject({ ok: true });
    expect((await server.store.staff.getStaffCredentials('olga'))?.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await login('olga')).r).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });
    expect((await login('olga', NEW_PASSWORD)).r).toMatchObject({ ok: true });
    const audit = await here.call('auditLog');
    const entries = audit.ok ? audit.value.entries.filter((e) => e.action === 'changeStaffPassword') : [];
    expect(entries.map((e) => e.actor)).toEqual(['staff:olga']);
    const text = JSON.stringify(audit) + server.logs.join('\n');
    expect(text).not.toContain(NEW_PASSWORD);
    expect(text).not.toContain(PASSWORD);
  });

  it('works for every staff role and for no one else', async () => {
    await seedScenario(server);
    for (const [name, role] of [['alice', 'administrator'], ['olga', 'observer'], ['tom', 'trustee']] as const) {
      await addStaff(name, role);
      const client = await session(name);
      expect(await client.call('changeStaffPassword', { json: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } }), role).toMatchObject({ ok: true });
    }
    const body = { json: { currentPassword: NEW_PASSWORD, newPassword: PASSWORD } };
    // The ops token is no person: refused even when sent by hand.
    expect(await server.client().call('changeStaffPassword', { ...body, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).toMatchObject({ status: 403, error: { code: 'forbidden_role' } });
    const member = server.client();
    await signIn(server, member, 'G1', 'g1@example.org');
    for (const client of [member, server.client()]) expect(await client.call('changeStaffPassword', body)).toMatchObject({ status: 401, error: { code: 'staff_sign_in_required' } });
    const olga = await session('olga').catch(() => null);
    expect(olga).toBeNull();
    const again = await login('olga', NEW_PASSWORD);
    expect(await again.client.call('changeStaffPassword', { ...body, headers: { 'x-csrf-token': 'wrong' } })).toMatchObject({ status: 403, error: { code: 'csrf_invalid' } });
  });
});

// Contract: staff security — expired staff sessions are pruned (live ones kept); disabling an account
// ends its sessions in the same transaction, refuses its credentials and sessions from then on, and
// never disables the last active administrator; enabling it again gives back the same credentials
// and no session; a new password hash ends every other session.
import { expect, it } from 'vitest';
import type { NewStaffAccount } from '../../src/index.ts';
import { FIXED_TIME, expectOk, useStore } from './fixtures.ts';
import type { StoreFactory } from './fixtures.ts';

const T0 = FIXED_TIME.toISOString();
const SOON = '2026-11-26T13:00:00.000Z';
const LATER = '2026-11-26T20:00:00.000Z';

const staff = (username: string, role: NewStaffAccount['role']): NewStaffAccount => ({
  id: `id-${username}`,
  username,
  role,
  passwordHash: `$argon2id$fake$${username}`,
  totpSecretEncrypted: role === 'administrator' ? `v1.enc.${username}` : null,
});

export function staffSecurityContract(factory: StoreFactory): void {
  const t = useStore(factory);
  const session = (tokenHash: string, staffId: string, expiresAt = LATER) => t.store.staff.createStaffSession({ tokenHash, staffId, csrfHash: `c-${tokenHash}`, expiresAt });

  it('prunes expired staff sessions and keeps live ones', async () => {
    expectOk(await t.store.staff.createStaffAccount(staff('olga', 'observer')));
    await session('old', 'id-olga', SOON);
    await session('live', 'id-olga', LATER);
    expect(await t.store.staff.pruneStaffSessions(T0)).toBe(0);
    expect(await t.store.staff.pruneStaffSessions(SOON)).toBe(1);
    expect(await t.store.staff.getStaffSession('live', SOON)).not.toBeNull();
    expect(await t.store.staff.pruneStaffSessions(SOON)).toBe(0);
  });

  it('disables an account with its sessions, refuses it from then on, and keeps one active administrator', async () => {
    for (const a of [staff('ada', 'administrator'), staff('bob', 'administrator'), staff('tom', 'trustee')]) expectOk(await t.store.staff.createStaffAccount(a));
    await session('ada1', 'id-ada');
    await session('bob1', 'id-bob');
    await session('bob2', 'id-bob');
    await session('tom1', 'id-tom');
    expect(await t.store.staff.disableStaffAccount('nobody', T0)).toMatchObject({ ok: false, error: 'staff_not_found' });
    const disabled = expectOk(await t.store.staff.disableStaffAccount('bob', T0));
    expect(disabled).toEqual({ account: { id: 'id-bob', username: 'bob', role: 'administrator', createdAt: T0, disabledAt: T0 }, sessionsEnded: 2 });
    expect(await t.store.staff.getStaffSession('bob1', T0)).toBeNull();
    expect(await t.store.staff.getStaffCredentials('bob')).toBeNull();
    expect(await t.store.staff.getStaffSession('ada1', T0)).not.toBeNull();
    expect(await t.store.staff.disableStaffAccount('bob', T0)).toMatchObject({ ok: false, error: 'already_disabled' });
    // ada is now the only active administrator: refused, and nothing changes.
    expect(await t.store.staff.disableStaffAccount('ada', T0)).toMatchObject({ ok: false, error: 'last_administrator' });
    expect(await t.store.staff.getStaffSession('ada1', T0)).not.toBeNull();
    expect(expectOk(await t.store.staff.disableStaffAccount('tom', T0)).sessionsEnded).toBe(1);
    expect((await t.store.staff.listStaffAccountStatus()).map((a) => [a.username, a.disabledAt])).toEqual([['ada', null], ['bob', T0], ['tom', T0]]);
    // A disabled account's password cannot be set.
    expect(await t.store.staff.setStaffPassword('id-bob', '$argon2id$new', null)).toMatchObject({ ok: false, error: 'staff_not_found' });
  });

  it('enables a disabled account with the credentials it had, and no session from before', async () => {
    for (const a of [staff('ada', 'administrator'), staff('tom', 'trustee')]) expectOk(await t.store.staff.createStaffAccount(a));
    expect(await t.store.staff.advanceTotpStep('id-ada', 100)).toBe(true);
    const before = await t.store.staff.getStaffCredentials('tom');
    await session('tom1', 'id-tom');
    expect(await t.store.staff.enableStaffAccount('nobody')).toMatchObject({ ok: false, error: 'staff_not_found' });
    // An active account: refused, and its session is left alone.
    expect(await t.store.staff.enableStaffAccount('tom')).toMatchObject({ ok: false, error: 'not_disabled' });
    expect(await t.store.staff.getStaffSession('tom1', T0)).not.toBeNull();
    expect(expectOk(await t.store.staff.disableStaffAccount('tom', T0)).sessionsEnded).toBe(1);
    // A sign-in that read the credentials just before the disabling tries to write its session just after: refused.
    expect(await session('tom-late', 'id-tom')).toBe(false);
    expect(await t.store.staff.getStaffSession('tom-late', T0)).toBeNull();
    expect(expectOk(await t.store.staff.enableStaffAccount('tom'))).toEqual({ account: { id: 'id-tom', username: 'tom', role: 'trustee', createdAt: T0, disabledAt: null } });
    expect(await t.store.staff.getStaffCredentials('tom')).toEqual(before);
    expect(await t.store.staff.getStaffSession('tom1', T0)).toBeNull();
    expect(await t.store.staff.getStaffSession('tom-late', T0)).toBeNull();
    expect(await t.store.staff.enableStaffAccount('tom')).toMatchObject({ ok: false, error: 'not_disabled' });
    // An administrator keeps its TOTP secret and the last step it used (a code is never accepted twice).
    expectOk(await t.store.staff.disableStaffAccount('tom', T0));
    expect(expectOk(await t.store.staff.createStaffAccount(staff('bob', 'administrator'))).username).toBe('bob');
    expectOk(await t.store.staff.disableStaffAccount('ada', T0));
    expectOk(await t.store.staff.enableStaffAccount('ada'));
    expect(await t.store.staff.getStaffCredentials('ada')).toMatchObject({ totpSecretEncrypted: 'v1.enc.ada', totpLastStep: 100, passwordHash: '$argon2id$fake$ada' });
    expect((await t.store.staff.listStaffAccountStatus()).map((a) => [a.username, a.disabledAt])).toEqual([['ada', null], ['bob', null], ['tom', T0]]);
    // Enabled again, the account can be disabled again.
    expect(expectOk(await t.store.staff.disableStaffAccount('ada', T0)).account.disabledAt).toBe(T0);
  });

  it('replaces a password hash and ends every session but the one kept', async () => {
    expectOk(await t.store.staff.createStaffAccount(staff('olga', 'observer')));
    expectOk(await t.store.staff.createStaffAccount(staff('tom', 'trustee')));
    for (const h of ['o1', 'o2', 'o3']) await session(h, 'id-olga');
    await session('t1', 'id-tom');
    expect(expectOk(await t.store.staff.setStaffPassword('id-olga', '$argon2id$new', 'o2'))).toEqual({ sessionsEnded: 2 });
    expect((await t.store.staff.getStaffCredentials('olga'))?.passwordHash).toBe('$argon2id$new');
    expect(await t.store.staff.getStaffSession('o1', T0)).toBeNull();
    expect(await t.store.staff.getStaffSession('o2', T0)).not.toBeNull();
    expect(await t.store.staff.getStaffSession('t1', T0)).not.toBeNull();
    expect(expectOk(await t.store.staff.setStaffPassword('id-olga', '$argon2id$newer', null))).toEqual({ sessionsEnded: 1 });
    expect(await t.store.staff.setStaffPassword('id-nobody', 'h', null)).toMatchObject({ ok: false, error: 'staff_not_found' });
  });
}

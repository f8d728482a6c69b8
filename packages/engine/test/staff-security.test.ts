// Staff password rotation (engine/staff-security.ts): the current password is required, the new one
// must be long enough and different, is stored as a new argon2id hash (the old password stops
// working), other sessions end and the one asking is kept; a disabled account cannot sign in, and
// once enabled again signs in with the password it had.
import { openSqliteStore } from '@ratify/storage';
import type { Store } from '@ratify/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authenticateStaff, changeStaffPassword, createStaffAccount } from '../src/index.ts';

const PASSWORD = 'correct horse battery staple';
const NEW = 'a different long passphrase';
const NOW = new Date('2026-11-28T10:00:00.000Z');
const LATER = '2026-11-28T18:00:00.000Z';

let store: Store & { close(): Promise<void> };
let staffId: string;
beforeEach(async () => {
  store = await openSqliteStore(':memory:', { now: () => NOW });
  const created = await createStaffAccount(store, { username: 'olga', password: PASSWORD, role: 'observer', secretKey: null });
  if (!created.ok) throw new Error(created.error);
  staffId = created.value.account.id;
  for (const tokenHash of ['here', 'there']) await store.staff.createStaffSession({ tokenHash, staffId, csrfHash: 'c', expiresAt: LATER });
});
afterEach(() => store.close());

const change = (currentPassword: string, newPassword: string) => changeStaffPassword(store, { username: 'olga', currentPassword, newPassword, keepTokenHash: 'here' });

describe('changing a staff password', () => {
  it('refuses a wrong current password, a short new one and the same one, changing nothing', async () => {
    const before = (await store.staff.getStaffCredentials('olga'))!.passwordHash;
    expect(await change('wrong password here', NEW)).toMatchObject({ ok: false, error: 'wrong_password' });
    expect(await change(PASSWORD, 'short')).toMatchObject({ ok: false, error: 'weak_password' });
    expect(await change(PASSWORD, PASSWORD)).toMatchObject({ ok: false, error: 'same_password' });
    expect((await store.staff.getStaffCredentials('olga'))!.passwordHash).toBe(before);
    expect(await store.staff.getStaffSession('there', NOW.toISOString())).not.toBeNull();
  });

  it('stores a new argon2id hash, ends the other sessions and keeps this one', async () => {
    expect(await change(PASSWORD, NEW)).toEqual({ ok: true, value: { sessionsEnded: 1 } });
    expect((await store.staff.getStaffCredentials('olga'))!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await store.staff.getStaffSession('here', NOW.toISOString())).not.toBeNull();
    expect(await store.staff.getStaffSession('there', NOW.toISOString())).toBeNull();
    expect(await authenticateStaff(store, null, { username: 'olga', password: PASSWORD }, NOW)).toMatchObject({ ok: false, error: 'invalid_credentials' });
    expect(await authenticateStaff(store, null, { username: 'olga', password: NEW }, NOW)).toMatchObject({ ok: true });
  });

  it('refuses a disabled account (and it cannot sign in)', async () => {
    expect((await store.staff.disableStaffAccount('olga', NOW.toISOString())).ok).toBe(true);
    expect(await change(PASSWORD, NEW)).toMatchObject({ ok: false, error: 'staff_not_found' });
    expect(await authenticateStaff(store, null, { username: 'olga', password: PASSWORD }, NOW)).toMatchObject({ ok: false, error: 'invalid_credentials' });
  });

  it('lets an account enabled again sign in with the password it had, and change it', async () => {
    expect((await store.staff.disableStaffAccount('olga', NOW.toISOString())).ok).toBe(true);
    expect((await store.staff.enableStaffAccount('olga')).ok).toBe(true);
    expect(await authenticateStaff(store, null, { username: 'olga', password: PASSWORD }, NOW)).toMatchObject({ ok: true });
    expect(await change(PASSWORD, NEW)).toEqual({ ok: true, value: { sessionsEnded: 0 } });
  });
});

// Contract: staff accounts (unique usernames, verifiers returned only by getStaffCredentials), TOTP
// replay protection (a step is accepted once, never an earlier one), staff sessions (expiring,
// deletable, joined to their account) and the audit log (contiguous, filterable, and refused by the
// database itself on UPDATE and DELETE).
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { NewStaffAccount } from '../../src/index.ts';
import { FIXED_TIME, expectOk, useStore } from './fixtures.ts';
import type { StoreFactory } from './fixtures.ts';

const T0 = FIXED_TIME.toISOString();
const LATER = '2026-11-26T20:00:00.000Z';

const staff = (username: string, role: NewStaffAccount['role'] = 'administrator'): NewStaffAccount => ({
  id: `id-${username}`,
  username,
  role,
  passwordHash: `$argon2id$fake$${username}`,
  totpSecretEncrypted: role === 'administrator' ? `v1.enc.${username}` : null,
});

export function staffAuditContract(factory: StoreFactory): void {
  const t = useStore(factory);

  describe('staff accounts', () => {
    it('creates accounts with unique usernames and returns verifiers only for sign-in', async () => {
      const created = expectOk(await t.store.staff.createStaffAccount(staff('alice')));
      expect(created).toEqual({ id: 'id-alice', username: 'alice', role: 'administrator', createdAt: T0 });
      expect(await t.store.staff.createStaffAccount({ ...staff('alice', 'observer'), id: 'other' })).toMatchObject({ ok: false, error: 'duplicate_username' });
      expectOk(await t.store.staff.createStaffAccount(staff('tom', 'trustee')));
      expect(await t.store.staff.getStaffCredentials('alice')).toEqual({
        ...created,
        passwordHash: '$argon2id$fake$alice',
        totpSecretEncrypted: 'v1.enc.alice',
        totpLastStep: null,
      });
      expect(await t.store.staff.getStaffCredentials('nobody')).toBeNull();
      expect((await t.store.staff.listStaffAccounts()).map((a) => [a.username, a.role])).toEqual([
        ['alice', 'administrator'],
        ['tom', 'trustee'],
      ]);
      expect(Object.keys((await t.store.staff.listStaffAccounts())[0]!)).not.toContain('passwordHash');
    });

    it('refuses a role outside the three at the database', async () => {
      await expect(
        t.store.kysely
          .insertInto('staff_accounts')
          .values({ id: 'x', username: 'x', role: 'root' as 'observer', password_hash: 'h', totp_secret_encrypted: null, totp_last_step: null, created_at: T0 })
          .execute(),
      ).rejects.toThrow();
    });

    it('accepts each TOTP step once and never an earlier one', async () => {
      expectOk(await t.store.staff.createStaffAccount(staff('alice')));
      expect(await t.store.staff.advanceTotpStep('id-alice', 1000)).toBe(true);
      expect(await t.store.staff.advanceTotpStep('id-alice', 1000)).toBe(false);
      expect(await t.store.staff.advanceTotpStep('id-alice', 999)).toBe(false);
      expect(await t.store.staff.advanceTotpStep('id-alice', 1001)).toBe(true);
      expect((await t.store.staff.getStaffCredentials('alice'))?.totpLastStep).toBe(1001);
      expect(await t.store.staff.advanceTotpStep('nobody', 5)).toBe(false);
    });
  });

  describe('staff sessions', () => {
    it('finds a live session with its account, not an expired or deleted one', async () => {
      expectOk(await t.store.staff.createStaffAccount(staff('olga', 'observer')));
      await t.store.staff.createStaffSession({ tokenHash: 'th1', staffId: 'id-olga', csrfHash: 'ch1', expiresAt: LATER });
      expect(await t.store.staff.getStaffSession('th1', T0)).toEqual({
        account: { id: 'id-olga', username: 'olga', role: 'observer', createdAt: T0 },
        csrfHash: 'ch1',
        createdAt: T0,
        expiresAt: LATER,
      });
      expect(await t.store.staff.getStaffSession('th1', LATER)).toBeNull();
      expect(await t.store.staff.getStaffSession('nope', T0)).toBeNull();
      expect(await t.store.staff.deleteStaffSession('th1')).toBe(true);
      expect(await t.store.staff.deleteStaffSession('th1')).toBe(false);
      expect(await t.store.staff.getStaffSession('th1', T0)).toBeNull();
    });

    it('refuses a session for an unknown account', async () => {
      expect(await t.store.staff.createStaffSession({ tokenHash: 'th', staffId: 'ghost', csrfHash: 'c', expiresAt: LATER })).toBe(false);
      expect(await t.store.staff.getStaffSession('th', T0)).toBeNull();
    });
  });

  describe('audit log', () => {
    it('appends contiguous entries and lists them by vote and from a seq', async () => {
      const a = await t.store.audit.appendAudit({ actor: 'staff:alice', action: 'adminOpen', voteId: 'v1', details: '{"id":"v1"}' });
      expect(a).toEqual({ seq: 1, at: T0, actor: 'staff:alice', action: 'adminOpen', voteId: 'v1', details: '{"id":"v1"}' });
      await t.store.audit.appendAudit({ actor: 'ops-token', action: 'adminClose', voteId: 'v2', details: '{}' });
      await t.store.audit.appendAudit({ actor: 'staff:alice', action: 'staffLogin', voteId: null, details: '{}' });
      expect((await t.store.audit.listAudit({ limit: 10 })).map((e) => e.seq)).toEqual([1, 2, 3]);
      expect((await t.store.audit.listAudit({ voteId: 'v2', limit: 10 })).map((e) => e.action)).toEqual(['adminClose']);
      expect((await t.store.audit.listAudit({ fromSeq: 2, limit: 1 })).map((e) => e.seq)).toEqual([2]);
    });

    it('keeps entries appended inside a transaction that commits, not one that rolls back', async () => {
      await t.store.transaction(async (tx) => {
        await tx.audit.appendAudit({ actor: 'a', action: 'kept', voteId: null, details: '{}' });
        return expectOkResult();
      });
      await t.store.transaction(async (tx) => {
        await tx.audit.appendAudit({ actor: 'a', action: 'dropped', voteId: null, details: '{}' });
        return { ok: false as const, error: 'nope' as const };
      });
      expect((await t.store.audit.listAudit({ limit: 10 })).map((e) => e.action)).toEqual(['kept']);
    });

    it('is append-only in the database: UPDATE and DELETE are refused', async () => {
      await t.store.audit.appendAudit({ actor: 'staff:alice', action: 'adminOpen', voteId: 'v1', details: '{}' });
      await expect(t.store.kysely.updateTable('audit_log').set({ actor: 'mallory' }).execute()).rejects.toThrow(/append-only/);
      await expect(t.store.kysely.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_log where seq = 1`.execute(t.store.kysely)).rejects.toThrow(/append-only/);
      expect(await t.store.audit.listAudit({ limit: 10 })).toHaveLength(1);
      expect((await t.store.audit.listAudit({ limit: 10 }))[0]?.actor).toBe('staff:alice');
    });

    it('has no update or delete method on the port', () => {
      expect(Object.keys(t.store.audit).sort()).toEqual(['appendAudit', 'listAudit']);
    });
  });
}

const expectOkResult = () => ({ ok: true as const, value: true });

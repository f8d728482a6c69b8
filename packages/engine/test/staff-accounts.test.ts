// Staff accounts: argon2id hashes, the sealed TOTP secret (AES-256-GCM bound to the username; any
// tamper, other key or other username refused), RFC 6238 codes accepted once, and sign-in answers
// that do not tell an unknown user from a wrong password.
import { randomBytes } from 'node:crypto';
import { openSqliteStore } from '@ratify/storage';
import type { Store } from '@ratify/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  authenticateStaff,
  checkTotp,
  createStaffAccount,
  hashPassword,
  openSecret,
  parseSecretKey,
  sealSecret,
  totpCode,
  verifyPassword,
} from '../src/index.ts';

const KEY = randomBytes(32);
const PASSWORD = 'correct horse battery staple';
const NOW = new Date('2026-11-28T10:00:00.000Z');
const secretOf = (uri: string) => new URL(uri).searchParams.get('secret')!;

describe('passwords and sealed secrets', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const h = await hashPassword(PASSWORD);
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, PASSWORD)).toBe(true);
    expect(await verifyPassword(h, `${PASSWORD}!`)).toBe(false);
    expect(await verifyPassword('not a hash', PASSWORD)).toBe(false);
  });

  it('seals and opens a secret; refuses tamper, another key and another username', () => {
    const sealed = sealSecret(KEY, 'alice', 'JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret(KEY, 'alice', sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(openSecret(randomBytes(32), 'alice', sealed)).toBeNull();
    expect(openSecret(KEY, 'bob', sealed)).toBeNull();
    const parts = sealed.split('.');
    for (const i of [1, 2, 3]) {
      const bytes = Buffer.from(parts[i]!, 'base64url');
      bytes[0]! ^= 1;
      const tampered = parts.map((p, j) => (j === i ? bytes.toString('base64url') : p)).join('.');
      expect(openSecret(KEY, 'alice', tampered)).toBeNull();
    }
    expect(openSecret(KEY, 'alice', 'v2.a.b.c')).toBeNull();
    expect(sealSecret(KEY, 'alice', 'x')).not.toBe(sealSecret(KEY, 'alice', 'x'));
  });

  it('parses a 32-byte key as hex or base64 and nothing else', () => {
    expect(parseSecretKey('ab'.repeat(32))).toMatchObject({ ok: true });
    expect(parseSecretKey(KEY.toString('base64'))).toMatchObject({ ok: true });
    expect(parseSecretKey('ab'.repeat(16))).toMatchObject({ ok: false, error: 'invalid_secret_key' });
    expect(parseSecretKey('a short passphrase')).toMatchObject({ ok: false });
  });

  it('checks RFC 6238 codes with one step of drift', () => {
    // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (8 digits) → 287082 with 6 digits.
    const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // "12345678901234567890"
    expect(totpCode('x', rfcSecret, new Date(59_000))).toBe('287082');
    expect(checkTotp('x', rfcSecret, '287082', new Date(59_000))).toBe(1);
    expect(checkTotp('x', rfcSecret, '287082', new Date(59_000 + 30_000))).toBe(1);
    expect(checkTotp('x', rfcSecret, '287082', new Date(59_000 + 90_000))).toBeNull();
    expect(checkTotp('x', rfcSecret, '28708', new Date(59_000))).toBeNull();
  });
});

describe('creating staff and signing in', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openSqliteStore(':memory:', { now: () => NOW });
  });
  afterEach(() => store.close());

  it('creates an administrator with a TOTP secret stored only sealed', async () => {
    const created = await createStaffAccount(store, { username: 'Alice', password: PASSWORD, role: 'administrator', secretKey: KEY });
    if (!created.ok) throw new Error(created.error);
    expect(created.value.account).toMatchObject({ username: 'alice', role: 'administrator' });
    expect(created.value.totpUri).toMatch(/^otpauth:\/\/totp\/Ratify:alice\?/);
    const stored = await store.staff.getStaffCredentials('alice');
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored?.totpSecretEncrypted).not.toContain(secretOf(created.value.totpUri!));
    expect(JSON.stringify(stored)).not.toContain(PASSWORD);
  });

  it('refuses bad input and duplicates', async () => {
    const base = { username: 'alice', password: PASSWORD, role: 'administrator' as const, secretKey: KEY };
    expect(await createStaffAccount(store, { ...base, username: 'a b' })).toMatchObject({ ok: false, error: 'invalid_username' });
    expect(await createStaffAccount(store, { ...base, password: 'short' })).toMatchObject({ ok: false, error: 'weak_password' });
    expect(await createStaffAccount(store, { ...base, secretKey: null })).toMatchObject({ ok: false, error: 'missing_secret_key' });
    expect(await createStaffAccount(store, base)).toMatchObject({ ok: true });
    expect(await createStaffAccount(store, { ...base, role: 'observer' })).toMatchObject({ ok: false, error: 'duplicate_username' });
    expect(await createStaffAccount(store, { ...base, username: 'olga', role: 'observer', secretKey: null })).toMatchObject({ ok: true, value: { totpUri: null } });
  });

  it('signs an administrator in with password + TOTP, each code once', async () => {
    const created = await createStaffAccount(store, { username: 'alice', password: PASSWORD, role: 'administrator', secretKey: KEY });
    if (!created.ok) throw new Error(created.error);
    const code = totpCode('alice', secretOf(created.value.totpUri!), NOW);
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await authenticateStaff(store, KEY, { username: 'alice', password: PASSWORD }, NOW)).toMatchObject({ ok: false, error: 'totp_required' });
    expect(await authenticateStaff(store, KEY, { username: 'alice', password: 'wrong password!', totp: code }, NOW)).toMatchObject({ ok: false, error: 'invalid_credentials' });
    expect(await authenticateStaff(store, KEY, { username: 'nobody', password: PASSWORD, totp: code }, NOW)).toMatchObject({ ok: false, error: 'invalid_credentials' });
    expect(await authenticateStaff(store, KEY, { username: 'alice', password: PASSWORD, totp: wrong }, NOW)).toMatchObject({ ok: false, error: 'invalid_credentials' });
    // The right password with the server's key missing or another one: an operator's error, said plainly.
    expect(await authenticateStaff(store, randomBytes(32), { username: 'alice', password: PASSWORD, totp: code }, NOW)).toMatchObject({ ok: false, error: 'secret_key_mismatch' });
    expect(await authenticateStaff(store, null, { username: 'alice', password: PASSWORD, totp: code }, NOW)).toMatchObject({ ok: false, error: 'secret_key_missing' });
    expect(await authenticateStaff(store, null, { username: 'alice', password: 'wrong password!', totp: code }, NOW)).toMatchObject({ ok: false, error: 'invalid_credentials' });
    expect(await authenticateStaff(store, KEY, { username: 'alice', password: PASSWORD, totp: code }, NOW)).toMatchObject({ ok: true, value: { username: 'alice' } });
    // Replay of the same code is refused.
    expect(await authenticateStaff(store, KEY, { username: 'alice', password: PASSWORD, totp: code }, NOW)).toMatchObject({ ok: false, error: 'invalid_credentials' });
  });

  it('signs a trustee or observer in with the password alone', async () => {
    await createStaffAccount(store, { username: 'tom', password: PASSWORD, role: 'trustee', secretKey: null });
    expect(await authenticateStaff(store, null, { username: 'tom', password: PASSWORD }, NOW)).toMatchObject({ ok: true, value: { role: 'trustee' } });
  });
});

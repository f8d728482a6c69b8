// Staff accounts, shared by the server (sign-in) and the CLI (creating accounts): argon2id password
// hashes (@node-rs/argon2), TOTP (RFC 6238, otpauth) for administrators, and the TOTP secret sealed
// with AES-256-GCM under the server key (RATIFY_SECRET_KEY) bound to the username. Must never log,
// return or store a password or a TOTP secret in clear (the provisioning URI is returned once, at
// creation, for the operator to scan).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { type Result, err, ok } from '@ratify/crypto';
import type { StaffAccount, StaffRole, Store } from '@ratify/storage';
import { Secret, TOTP } from 'otpauth';

/** Every staff role (a campaign committee's account is created by an administrator for one vote and side). */
export const STAFF_ROLES: readonly StaffRole[] = ['administrator', 'trustee', 'observer', 'campaign'];
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;
const TOTP_PERIOD = 30;
const TOTP_ISSUER = 'Ratify';

/** @node-rs/argon2's `Algorithm.Argon2id` (an ambient const enum, which verbatimModuleSyntax cannot import). */
const ARGON2ID = 2;
// OWASP's argon2id baseline (m = 19 MiB, t = 2, p = 1).
const ARGON2 = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Parses RATIFY_SECRET_KEY: 32 bytes as 64 hex digits or base64 (43/44 characters). */
export function parseSecretKey(text: string): Result<Uint8Array, 'invalid_secret_key'> {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return ok(Buffer.from(trimmed, 'hex'));
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
    const bytes = Buffer.from(trimmed, trimmed.includes('-') || trimmed.includes('_') ? 'base64url' : 'base64');
    if (bytes.length === 32) return ok(bytes);
  }
  return err('invalid_secret_key');
}

const aad = (username: string) => Buffer.from(`ratify/totp-secret/v1\n${username}`, 'utf8');

/** AES-256-GCM with a random 96-bit nonce; `v1.<nonce>.<ciphertext>.<tag>` in base64url. */
export function sealSecret(key: Uint8Array, username: string, secret: string): string {
  if (key.length !== 32) throw new Error('the secret key must be 32 bytes');
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce).setAAD(aad(username));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', nonce, body, cipher.getAuthTag()].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** The twin of sealSecret: null if the text is malformed, or was sealed under another key or username. */
export function openSecret(key: Uint8Array, username: string, sealed: string): string | null {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== 'v1' || key.length !== 32) return null;
  const [nonce, body, tag] = parts.slice(1).map((p) => Buffer.from(p, 'base64url'));
  if (nonce?.length !== 12 || tag?.length !== 16 || body === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce).setAAD(aad(username));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

const totpFor = (username: string, secretBase32: string) =>
  new TOTP({ issuer: TOTP_ISSUER, label: username, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD, secret: Secret.fromBase32(secretBase32) });

/** A fresh 160-bit TOTP secret (base32) and its provisioning URI (otpauth://totp/…). */
export function createTotpSecret(username: string): { readonly secret: string; readonly uri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totpFor(username, secret).toString() };
}

/** The current code (tests and tooling). */
export function totpCode(username: string, secretBase32: string, at: Date): string {
  return totpFor(username, secretBase32).generate({ timestamp: at.getTime() });
}

/** The time step a code is valid for (±1 step of clock drift), or null. */
export function checkTotp(username: string, secretBase32: string, code: string, at: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(username, secretBase32).validate({ token: code, timestamp: at.getTime(), window: 1 });
  return delta === null ? null : Math.floor(at.getTime() / 1000 / TOTP_PERIOD) + delta;
}

export type NewStaffInput = {
  readonly username: string;
  readonly password: string;
  readonly role: StaffRole;
  /** Required for administrators (their TOTP secret is sealed under it). */
  readonly secretKey: Uint8Array | null;
};
export type CreatedStaff = { readonly account: StaffAccount; readonly totpUri: string | null };
export type CreateStaffAccountError = 'invalid_username' | 'weak_password' | 'missing_secret_key' | 'duplicate_username';

/** Lower-case letters, digits, dot, dash, underscore; 3–64 characters. */
export function normalizeUsername(username: string): string | null {
  const u = username.trim().toLowerCase();
  return /^[a-z0-9._-]{3,64}$/.test(u) ? u : null;
}

export async function createStaffAccount(store: Store, input: NewStaffInput): Promise<Result<CreatedStaff, CreateStaffAccountError>> {
  const username = normalizeUsername(input.username);
  if (username === null) return err('invalid_username', 'use 3–64 of a-z 0-9 . _ -');
  if (input.password.length < MIN_PASSWORD_LENGTH || input.password.length > MAX_PASSWORD_LENGTH) {
    return err('weak_password', `use ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters`);
  }
  let totp: { secret: string; uri: string } | null = null;
  if (input.role === 'administrator') {
    if (input.secretKey === null) return err('missing_secret_key', 'set RATIFY_SECRET_KEY');
    totp = createTotpSecret(username);
  }
  const created = await store.staff.createStaffAccount({
    id: randomBytes(16).toString('hex'),
    username,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    totpSecretEncrypted: totp === null || input.secretKey === null ? null : sealSecret(input.secretKey, username, totp.secret),
  });
  if (!created.ok) return created;
  return ok({ account: created.value, totpUri: totp?.uri ?? null });
}

export type StaffSignIn = { readonly username: string; readonly password: string; readonly totp?: string | undefined };
/**
 * `secret_key_missing` / `secret_key_mismatch`: the password was right but the account's TOTP secret
 * cannot be opened (the server runs without RATIFY_SECRET_KEY, or with another one than sealed it) —
 * an operator's problem, said plainly to whoever already proved the password.
 */
export type AuthenticateStaffError = 'invalid_credentials' | 'totp_required' | 'secret_key_missing' | 'secret_key_mismatch';

// Verified when the username is unknown, so both paths cost one argon2id verification.
let dummyHash: Promise<string> | undefined;

/**
 * Checks a password and, for administrators, a TOTP code (each time step once). One answer for an
 * unknown user, a wrong password and a wrong code (`invalid_credentials`); `totp_required` only after
 * a correct password with no code.
 */
export async function authenticateStaff(
  store: Store,
  secretKey: Uint8Array | null,
  input: StaffSignIn,
  now: Date,
): Promise<Result<StaffAccount, AuthenticateStaffError>> {
  const username = normalizeUsername(input.username);
  const found = username === null ? null : await store.staff.getStaffCredentials(username);
  if (found === null) {
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    await verifyPassword(await dummyHash, input.password);
    return err('invalid_credentials');
  }
  if (!(await verifyPassword(found.passwordHash, input.password))) return err('invalid_credentials');
  const account: StaffAccount = { id: found.id, username: found.username, role: found.role, createdAt: found.createdAt };
  if (found.role !== 'administrator' && found.totpSecretEncrypted === null) return ok(account);
  // Administrators always need a second factor; an administrator without a readable secret cannot sign in.
  if (found.totpSecretEncrypted === null) return err('invalid_credentials');
  if (secretKey === null) return err('secret_key_missing');
  if (input.totp === undefined || input.totp === '') return err('totp_required');
  const secret = openSecret(secretKey, found.username, found.totpSecretEncrypted);
  if (secret === null) return err('secret_key_mismatch');
  const step = checkTotp(found.username, secret, input.totp, now);
  if (step === null || !(await store.staff.advanceTotpStep(found.id, step))) return err('invalid_credentials');
  return ok(account);
}

// Staff sign-in over @ratify/engine's staff accounts: rate limited per username and per IP (the DB
// limiter), password (argon2id) + TOTP for administrators, then a session token and a CSRF token,
// both random and stored only as hashes. Must never log a password, code or token.
import { type Result, err, ok } from '@ratify/crypto';
import { type AuthenticateStaffError, authenticateStaff } from '@ratify/engine';
import type { StaffAccount, StaffSession, Store } from '@ratify/storage';
import { csrfTokenOf, hashCsrfToken, hashStaffToken } from '../auth/staff-session.ts';
import { generateSessionToken } from '../auth/secrets.ts';
import type { AppConfig } from '../config.ts';
import type { RateLimiter } from './rate-limit.ts';

export type StaffSignInDeps = {
  readonly store: Store;
  readonly clock: () => Date;
  readonly config: AppConfig;
  readonly limiter: RateLimiter;
};

export type StaffSignedIn = {
  readonly token: string;
  readonly csrfToken: string;
  readonly account: StaffAccount;
  readonly expiresAt: string;
};

export type StaffLoginInput = { readonly username: string; readonly password: string; readonly totp?: string | undefined };

export function createStaffSignInService(deps: StaffSignInDeps) {
  const { store, clock, config, limiter } = deps;

  async function login(
    input: StaffLoginInput,
    ip: string,
  ): Promise<Result<StaffSignedIn, 'rate_limited' | AuthenticateStaffError> & { retryAfterSeconds?: number }> {
    const check = await limiter([
      [`staff-login:user:${input.username.trim().toLowerCase()}`, config.rateLimits.staffLoginPerUser],
      [`staff-login:ip:${ip}`, config.rateLimits.staffLoginPerIp],
    ]);
    if (!check.ok) return { ...err('rate_limited'), retryAfterSeconds: check.retryAfterSeconds };
    const now = clock();
    const auth = await authenticateStaff(store, config.secretKey, input, now);
    if (!auth.ok) return auth;
    // Expired staff sessions go as new ones are made (as pruneSignIn does for members).
    await store.staff.pruneStaffSessions(now.toISOString());
    const token = generateSessionToken();
    const csrfToken = csrfTokenOf(token);
    const expiresAt = new Date(now.getTime() + config.staffSessionTtlMs).toISOString();
    // Refused if the account was disabled after its password was checked: the same answer as a disabled account.
    if (!(await store.staff.createStaffSession({ tokenHash: hashStaffToken(token), staffId: auth.value.id, csrfHash: hashCsrfToken(csrfToken), expiresAt }))) {
      return err('invalid_credentials');
    }
    return ok({ token, csrfToken, account: auth.value, expiresAt });
  }

  async function session(token: string | undefined): Promise<(StaffSession & { readonly tokenHash: string }) | null> {
    if (token === undefined) return null;
    const tokenHash = hashStaffToken(token);
    const found = await store.staff.getStaffSession(tokenHash, clock().toISOString());
    return found === null ? null : { ...found, tokenHash };
  }

  async function logout(tokenHash: string): Promise<void> {
    await store.staff.deleteStaffSession(tokenHash);
  }

  return { login, session, logout };
}

export type StaffSignInService = ReturnType<typeof createStaffSignInService>;

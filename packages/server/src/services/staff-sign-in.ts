// Staff sign-in over @ratify/engine's staff accounts: password (argon2id) + TOTP for administrators,
// then a session token and a CSRF token, both random and stored only as hashes. Limits (decision
// 0019) count per (username, browser) and per IP, and per username only for browsers the account
// has not signed in from lately: so others' wrong attempts, from any number of addresses, never
// refuse the staff member's own browser. Must never log a password, code or token.
import { type Result, err, ok } from '@ratify/crypto';
import { type AuthenticateStaffError, authenticateStaff, normalizeUsername } from '@ratify/engine';
import type { StaffAccount, StaffSession, Store } from '@ratify/storage';
import { csrfTokenOf, hashCsrfToken, hashStaffToken } from '../auth/staff-session.ts';
import { generateSessionToken, hashBindingToken } from '../auth/secrets.ts';
import type { AppConfig } from '../config.ts';
import type { RateLimit, RateLimiter } from './rate-limit.ts';
import type { Binding } from './sign-in.ts';

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
    binding: Binding,
  ): Promise<Result<StaffSignedIn, 'rate_limited' | AuthenticateStaffError> & { retryAfterSeconds?: number }> {
    const limits = config.rateLimits;
    const username = normalizeUsername(input.username) ?? input.username.trim().toLowerCase();
    const bindingHash = hashBindingToken(binding.token);
    const known = await knownBrowser(username, bindingHash);
    const checks: RateLimit[] = [
      [`staff-login:browser:${username}:${bindingHash}`, limits.staffLoginPerBrowser],
      [`staff-login:ip:${ip}`, limits.staffLoginPerIp],
    ];
    // The account-wide count: only for browsers it has not signed in from, so it never refuses its own.
    if (!known) checks.push([`staff-login:new-browsers:${username}`, limits.staffLoginNewBrowsersPerAccount]);
    const check = await limiter(checks);
    if (!check.ok) return { ...err('rate_limited'), retryAfterSeconds: check.retryAfterSeconds };
    const now = clock();
    const auth = await authenticateStaff(store, config.secretKey, input, now);
    if (!auth.ok) return auth;
    await store.staff.rememberStaffDevice(auth.value.id, bindingHash, now.toISOString());
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

  /** Whether the account signed in from this browser lately (an unknown username: a lookup all the same). */
  async function knownBrowser(username: string, bindingHash: string): Promise<boolean> {
    const account = await store.staff.getStaffCredentials(username);
    const since = new Date(clock().getTime() - config.rateLimits.staffKnownBrowserMs).toISOString();
    return store.staff.isKnownStaffDevice(account?.id ?? '-', bindingHash, since);
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

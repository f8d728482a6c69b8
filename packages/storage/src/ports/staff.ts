// Port: staff accounts (verifiers only: an argon2id hash, the TOTP secret encrypted), staff
// sessions (token and CSRF token as hashes), disabling/enabling accounts and password changes
// (sessions end in the same transaction; the last active administrator cannot be disabled).
// Times are ISO 8601 text from the caller's clock.
import type { Result } from '@ratify/crypto';

/** `campaign`: a campaign committee's account, bound to one vote and side (campaigns.ts). */
export type StaffRole = 'administrator' | 'trustee' | 'observer' | 'campaign';

export interface NewStaffAccount {
  readonly id: string;
  /** Lower-case, unique. */
  readonly username: string;
  readonly role: StaffRole;
  /** An argon2id PHC string; never the password. */
  readonly passwordHash: string;
  /** The TOTP secret encrypted under the server key (AES-256-GCM); null when the role has no TOTP. */
  readonly totpSecretEncrypted: string | null;
}

export interface StaffAccount {
  readonly id: string;
  readonly username: string;
  readonly role: StaffRole;
  readonly createdAt: string;
}

/** An account with its verifiers, for sign-in only (never returned over HTTP). */
export interface StaffCredentials extends StaffAccount {
  readonly passwordHash: string;
  readonly totpSecretEncrypted: string | null;
  /** The last TOTP time step accepted (replay protection); null if none yet. */
  readonly totpLastStep: number | null;
}

export interface NewStaffSession {
  /** SHA-256 of the session token; never the token. */
  readonly tokenHash: string;
  readonly staffId: string;
  /** SHA-256 of the session's CSRF token; never the token. */
  readonly csrfHash: string;
  readonly expiresAt: string;
}

export interface StaffSession {
  readonly account: StaffAccount;
  readonly csrfHash: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export type CreateStaffError = 'duplicate_username';
export interface StaffAccountStatus extends StaffAccount {
  /** When the account was disabled; null while it is active. */
  readonly disabledAt: string | null;
}

export type DisableStaffError = 'staff_not_found' | 'already_disabled' | 'last_administrator';
export type EnableStaffError = 'staff_not_found' | 'not_disabled';

export interface StaffStore {
  createStaffAccount(account: NewStaffAccount): Promise<Result<StaffAccount, CreateStaffError>>;
  getStaffCredentials(username: string): Promise<StaffCredentials | null>;
  listStaffAccounts(): Promise<readonly StaffAccount[]>;
  /** Every account with its status, by username. */
  listStaffAccountStatus(): Promise<readonly StaffAccountStatus[]>;
  /** Records `step` as the last accepted TOTP step if it is later than the stored one; false = replay. */
  advanceTotpStep(staffId: string, step: number): Promise<boolean>;
  /** false (and nothing written) if the account does not exist or is disabled. */
  createStaffSession(session: NewStaffSession): Promise<boolean>;
  /** The session and its account if it exists and has not expired at `now`. */
  getStaffSession(tokenHash: string, now: string): Promise<StaffSession | null>;
  /** true if a session was deleted. */
  deleteStaffSession(tokenHash: string): Promise<boolean>;
  /** Deletes staff sessions that expired at or before `now`; returns how many. */
  pruneStaffSessions(now: string): Promise<number>;
  /** Disables the account and deletes all its sessions, atomically. Refuses the last active administrator. */
  disableStaffAccount(username: string, now: string): Promise<Result<{ readonly account: StaffAccountStatus; readonly sessionsEnded: number }, DisableStaffError>>;
  /**
   * Enables a disabled account again: it signs in with the password and TOTP secret it had. Deletes
   * any session of the account in the same transaction, so no session from before comes back
   * (createStaffSession already writes none for a disabled account).
   */
  enableStaffAccount(username: string): Promise<Result<{ readonly account: StaffAccountStatus }, EnableStaffError>>;
  /** Remembers that the account signed in from the browser holding this binding (decision 0019). */
  rememberStaffDevice(staffId: string, bindingHash: string, now: string): Promise<void>;
  /** true if the account signed in from this browser at or after `since`. */
  isKnownStaffDevice(staffId: string, bindingHash: string, since: string): Promise<boolean>;
  /** Replaces the password hash of an active account and deletes its sessions except `keepTokenHash`; returns how many ended. */
  setStaffPassword(staffId: string, passwordHash: string, keepTokenHash: string | null): Promise<Result<{ readonly sessionsEnded: number }, 'staff_not_found'>>;
}

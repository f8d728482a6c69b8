// The Store port's staff-security part (its own file to keep port.ts small): pruning expired staff
// sessions, disabling a staff account (its sessions end in the same transaction; the last active
// administrator cannot be disabled) and enabling it again (its password and TOTP secret were kept;
// no session comes back), and replacing a password hash (other sessions end with it).
// Times are ISO 8601 text from the caller's clock.
import type { Result } from '@ratify/crypto';
import type { StaffAccount } from './port.ts';

export interface StaffAccountStatus extends StaffAccount {
  /** When the account was disabled; null while it is active. */
  readonly disabledAt: string | null;
}

export type DisableStaffError = 'staff_not_found' | 'already_disabled' | 'last_administrator';
export type EnableStaffError = 'staff_not_found' | 'not_disabled';

export interface StaffSecurityStore {
  /** Deletes staff sessions that expired at or before `now`; returns how many. */
  pruneStaffSessions(now: string): Promise<number>;
  /** Every account with its status, by username. */
  listStaffAccountStatus(): Promise<readonly StaffAccountStatus[]>;
  /** Disables the account and deletes all its sessions, atomically. Refuses the last active administrator. */
  disableStaffAccount(username: string, now: string): Promise<Result<{ readonly account: StaffAccountStatus; readonly sessionsEnded: number }, DisableStaffError>>;
  /**
   * Enables a disabled account again: it signs in with the password and TOTP secret it had. Deletes
   * any session of the account in the same transaction, so no session from before comes back
   * (createStaffSession already writes none for a disabled account).
   */
  enableStaffAccount(username: string): Promise<Result<{ readonly account: StaffAccountStatus }, EnableStaffError>>;
  /** Replaces the password hash of an active account and deletes its sessions except `keepTokenHash`; returns how many ended. */
  setStaffPassword(staffId: string, passwordHash: string, keepTokenHash: string | null): Promise<Result<{ readonly sessionsEnded: number }, 'staff_not_found'>>;
}

// Staff password rotation: the signed-in staff member proves the current password, chooses a new one
// (same length rules as at creation, and not the same one), and the store replaces the argon2id
// hash and ends every other session of the account in one transaction. Must never log or return a
// password.
import { type Result, err } from '@ratify/crypto';
import type { Store } from '@ratify/storage';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, hashPassword, verifyPassword } from './staff-accounts.ts';

export type ChangeStaffPasswordInput = {
  readonly username: string;
  readonly currentPassword: string;
  readonly newPassword: string;
  /** The session to keep (the one asking); every other session of the account ends. */
  readonly keepTokenHash: string | null;
};
export type ChangeStaffPasswordError = 'wrong_password' | 'weak_password' | 'same_password' | 'staff_not_found';

export async function changeStaffPassword(store: Store, input: ChangeStaffPasswordInput): Promise<Result<{ readonly sessionsEnded: number }, ChangeStaffPasswordError>> {
  const found = await store.staff.getStaffCredentials(input.username);
  if (found === null) return err('staff_not_found', input.username);
  if (!(await verifyPassword(found.passwordHash, input.currentPassword))) return err('wrong_password');
  if (input.newPassword.length < MIN_PASSWORD_LENGTH || input.newPassword.length > MAX_PASSWORD_LENGTH) {
    return err('weak_password', `use ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters`);
  }
  if (input.newPassword === input.currentPassword) return err('same_password');
  return store.staff.setStaffPassword(found.id, await hashPassword(input.newPassword), input.keepTokenHash);
}

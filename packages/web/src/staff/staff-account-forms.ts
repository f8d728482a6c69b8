// The staff-account pages' logic, apart from the pages: the password form's checks before anything
// is sent (the server checks again), the words for each refusal of the three routes, and which
// accounts the administrator may disable or enable from the list. Pure.
import type { MessageKey } from '../i18n/en.ts';

export const MIN_STAFF_PASSWORD = 12;

export type PasswordForm = { readonly current: string; readonly next: string; readonly again: string };
export type PasswordField = keyof PasswordForm;

export function checkPasswordForm(f: PasswordForm): Partial<Record<PasswordField, MessageKey>> {
  const problems: Partial<Record<PasswordField, MessageKey>> = {};
  if (f.current === '') problems.current = 'staff.password.current_missing';
  if (f.next.length < MIN_STAFF_PASSWORD) problems.next = 'staff.password.too_short';
  else if (f.next === f.current) problems.next = 'staff.password.same';
  else if (f.again !== f.next) problems.again = 'staff.password.mismatch';
  return problems;
}

/** A refusal of changeStaffPassword, on the field it concerns (null: the whole form). */
export function passwordRefusal(code: string): { readonly field: PasswordField | null; readonly message: MessageKey } | undefined {
  switch (code) {
    case 'wrong_password':
      return { field: 'current', message: 'staff.password.wrong' };
    case 'weak_password':
      return { field: 'next', message: 'staff.password.too_short' };
    case 'same_password':
      return { field: 'next', message: 'staff.password.same' };
    default:
      return undefined;
  }
}

export function disableRefusal(code: string): MessageKey | undefined {
  switch (code) {
    case 'last_administrator':
      return 'admin.staff.last_admin';
    case 'cannot_disable_self':
      return 'admin.staff.not_yourself';
    case 'already_disabled':
      return 'admin.staff.already_disabled';
    case 'staff_not_found':
      return 'admin.staff.not_found';
    default:
      return undefined;
  }
}

export function enableRefusal(code: string): MessageKey | undefined {
  switch (code) {
    case 'not_disabled':
      return 'admin.staff.not_disabled';
    case 'staff_not_found':
      return 'admin.staff.not_found';
    default:
      return undefined;
  }
}

/** The list offers "disable" for active accounts other than your own (the server refuses the last administrator). */
export function canOfferDisable(account: { readonly username: string; readonly disabledAt: string | null }, me: string): boolean {
  return account.disabledAt === null && account.username !== me;
}

/** The list offers "enable" for disabled accounts (never your own: it is signed in, so active). */
export function canOfferEnable(account: { readonly disabledAt: string | null }): boolean {
  return account.disabledAt !== null;
}

// The staff-account pages' logic (staff/staff-account-forms.ts): the password form's checks before
// sending, the words for each refusal of changeStaffPassword, disableStaffAccount and
// enableStaffAccount (every code the API lists, in both languages), and which accounts the list
// offers to disable or enable.
import { ROUTES } from '@ratify/server/api';
import { describe, expect, it } from 'vitest';
import '../src/i18n/staff-catalogue.ts';
import { catalogue } from '../src/i18n/i18n.ts';
import { canOfferDisable, canOfferEnable, checkPasswordForm, disableRefusal, enableRefusal, passwordRefusal } from '../src/staff/staff-account-forms.ts';

const GUARD = ['admin_token_required', 'admin_token_invalid', 'admin_disabled', 'staff_sign_in_required', 'forbidden_role', 'csrf_invalid'];

describe('password form', () => {
  it('needs the current password, a long enough new one that differs, typed twice alike', () => {
    expect(checkPasswordForm({ current: '', next: 'short', again: 'short' })).toEqual({ current: 'staff.password.current_missing', next: 'staff.password.too_short' });
    expect(checkPasswordForm({ current: 'the same long password', next: 'the same long password', again: 'the same long password' })).toEqual({ next: 'staff.password.same' });
    expect(checkPasswordForm({ current: 'old long password', next: 'a new long password', again: 'a new long passwort' })).toEqual({ again: 'staff.password.mismatch' });
    expect(checkPasswordForm({ current: 'old long password', next: 'a new long password', again: 'a new long password' })).toEqual({});
  });
});

describe('refusals in words', () => {
  it.each([
    ['changeStaffPassword', (c: string) => passwordRefusal(c)?.message],
    ['disableStaffAccount', disableRefusal],
    ['enableStaffAccount', enableRefusal],
  ] as const)('%s: every specific code has English and Spanish words', (route, words) => {
    const codes = ROUTES[route].errors.filter((c) => !GUARD.includes(c));
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) {
      if (route === 'changeStaffPassword' && code === 'staff_not_found') continue; // a signed-in account always exists
      const key = words(code);
      expect(key, code).toBeDefined();
      expect(catalogue('en')[key!]).toBeTruthy();
      expect(catalogue('es')[key!]).toBeTruthy();
    }
    expect(words('internal_error')).toBeUndefined();
  });

  it('puts a wrong current password on its field', () => {
    expect(passwordRefusal('wrong_password')).toEqual({ field: 'current', message: 'staff.password.wrong' });
  });
});

describe('the account list', () => {
  it('offers to disable active accounts other than your own', () => {
    expect(canOfferDisable({ username: 'ben', disabledAt: null }, 'ada')).toBe(true);
    expect(canOfferDisable({ username: 'ada', disabledAt: null }, 'ada')).toBe(false);
    expect(canOfferDisable({ username: 'ben', disabledAt: '2026-11-26T12:00:00.000Z' }, 'ada')).toBe(false);
  });

  it('offers to enable disabled accounts, and only those', () => {
    expect(canOfferEnable({ disabledAt: '2026-11-26T12:00:00.000Z' })).toBe(true);
    expect(canOfferEnable({ disabledAt: null })).toBe(false);
    // Never both buttons on one row.
    for (const a of [{ username: 'ben', disabledAt: null }, { username: 'ben', disabledAt: '2026-11-26T12:00:00.000Z' }, { username: 'ada', disabledAt: null }]) {
      expect(canOfferDisable(a, 'ada') && canOfferEnable(a)).toBe(false);
    }
  });
});

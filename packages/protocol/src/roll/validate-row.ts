// Field rules for one roll row: member number, name, email, good standing, unit. Turns raw CSV
// fields into a RollRow (the only place the roll brands are minted) or a list of issues for that row.
// Must not look at other rows (duplicates are the parser's job) and must not do I/O.
import type { MemberEmail, MemberNumber, RollColumn, RollIssue, RollRow } from './types.ts';
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, MAX_UNIT_LENGTH } from './types.ts';

export const MEMBER_NUMBER_PATTERN = /^[A-Za-z0-9-]{1,32}$/;
// Pragmatic address check: a local part without spaces/quotes/brackets, a dotted domain of
// letter/digit/hyphen labels, a TLD of 2+ letters (or an xn-- label).
const EMAIL_LOCAL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}$/;
const EMAIL_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const EMAIL_TLD = /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;
// C0/C1 controls other than the whitespace a multi-line quoted field may carry, and bidi
// embeddings/overrides/isolates/marks (a name shown to others must not reorder or hide what is
// around it: U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

const GOOD_STANDING: ReadonlyMap<string, boolean> = new Map([
  ['yes', true],
  ['true', true],
  ['1', true],
  ['no', false],
  ['false', false],
  ['0', false],
]);

/** Where each roll column sits in the physical record (from the header). */
export type ColumnIndex = ReadonlyMap<RollColumn, number>;

export type RowOutcome =
  | { readonly ok: true; readonly row: RollRow }
  | { readonly ok: false; readonly issues: readonly RollIssue[] };

const issue = (code: RollIssue['code'], line: number, column: RollColumn, message: string): RollIssue => ({
  code,
  line,
  column,
  relatedLine: null,
  message: `line ${line}, ${column}: ${message}`,
});

/** Collapses runs of whitespace (a quoted name may span lines) and applies NFC. */
const cleanText = (value: string): string => value.normalize('NFC').replace(/\s+/g, ' ').trim();

export function isValidEmail(email: string): boolean {
  const at = email.indexOf('@');
  if (at <= 0 || at !== email.lastIndexOf('@')) return false;
  const labels = email.slice(at + 1).split('.');
  const tld = labels[labels.length - 1] ?? '';
  return (
    EMAIL_LOCAL.test(email.slice(0, at)) &&
    !email.slice(0, at).startsWith('.') &&
    !email.slice(0, at).endsWith('.') &&
    !email.slice(0, at).includes('..') &&
    labels.length >= 2 &&
    labels.every((label) => EMAIL_LABEL.test(label)) &&
    EMAIL_TLD.test(tld)
  );
}

export function validateRow(fields: readonly string[], columns: ColumnIndex, line: number): RowOutcome {
  const issues: RollIssue[] = [];
  const field = (column: RollColumn): string | undefined => {
    const index = columns.get(column);
    return index === undefined ? undefined : fields[index];
  };
  const text = (column: RollColumn, required: boolean, maxLength: number): string | null => {
    const raw = field(column) ?? '';
    if (CONTROL.test(raw)) {
      issues.push(issue('invalid_characters', line, column, 'contains control or text-direction characters'));
      return null;
    }
    const value = cleanText(raw);
    if (value === '') {
      if (required) issues.push(issue('missing_field', line, column, 'is empty'));
      return null;
    }
    if (value.length > maxLength) {
      issues.push(issue('too_long', line, column, `is ${value.length} characters (at most ${maxLength})`));
      return null;
    }
    return value;
  };

  const memberNumber = text('member_number', true, Number.MAX_SAFE_INTEGER);
  if (memberNumber !== null && !MEMBER_NUMBER_PATTERN.test(memberNumber)) {
    issues.push(
      issue('invalid_member_number', line, 'member_number', 'must be 1 to 32 letters, digits or hyphens'),
    );
  }
  const name = text('name', true, MAX_NAME_LENGTH);
  const email = text('email', true, MAX_EMAIL_LENGTH);
  if (email !== null && !isValidEmail(email)) {
    issues.push(issue('invalid_email', line, 'email', 'is not an email address'));
  }
  const standingText = text('good_standing', true, Number.MAX_SAFE_INTEGER);
  const goodStanding = standingText === null ? undefined : GOOD_STANDING.get(standingText.toLowerCase());
  if (standingText !== null && goodStanding === undefined) {
    issues.push(issue('invalid_good_standing', line, 'good_standing', 'must be yes/no, true/false or 1/0'));
  }
  const unit = text('unit', false, MAX_UNIT_LENGTH);

  if (
    issues.length > 0 ||
    memberNumber === null ||
    name === null ||
    email === null ||
    goodStanding === undefined
  ) {
    return { ok: false, issues };
  }
  return {
    ok: true,
    row: {
      memberNumber: memberNumber as MemberNumber,
      name,
      email: email.toLowerCase() as MemberEmail,
      goodStanding,
      unit,
    },
  };
}

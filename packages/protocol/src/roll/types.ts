// Roll domain types: one member row of a union's roll, the branded values in it, and the issue
// codes a roll file can fail with. Pure data: no parsing, no I/O. Only the roll parser mints brands.
import type { Err, Ok } from '@ratify/crypto';

/** A union's member number: 1–32 of [A-Za-z0-9-], compared exactly. */
export type MemberNumber = string & { readonly __brand: 'MemberNumber' };
/** An email address, trimmed and lower-cased (so dual members match across unions). */
export type MemberEmail = string & { readonly __brand: 'MemberEmail' };

/** One row of a roll. All rows are recorded; only members in good standing are eligible. */
export interface RollRow {
  readonly memberNumber: MemberNumber;
  readonly name: string;
  readonly email: MemberEmail;
  readonly goodStanding: boolean;
  readonly unit: string | null;
}

export const ROLL_COLUMNS = ['member_number', 'name', 'email', 'good_standing', 'unit'] as const;
export type RollColumn = (typeof ROLL_COLUMNS)[number];
export const REQUIRED_ROLL_COLUMNS: readonly RollColumn[] = [
  'member_number',
  'name',
  'email',
  'good_standing',
];

/** Bounds checked while parsing (sizes are bounded before anything is trusted). */
export const MAX_ROLL_ROWS = 2_000_000;
export const MAX_ROLL_ISSUES = 10_000;
export const MAX_NAME_LENGTH = 200;
export const MAX_EMAIL_LENGTH = 254;
export const MAX_UNIT_LENGTH = 100;
/** Longest physical record (in characters) the CSV reader accepts before giving up on the file. */
export const MAX_RECORD_CHARS = 4_096;

export type RollFileIssueCode =
  | 'empty_file' // nothing but whitespace / blank lines
  | 'invalid_encoding' // bytes that are not UTF-8 (named by line)
  | 'missing_header' // first record names none of the roll columns
  | 'unknown_column' // a header name that is not a roll column
  | 'duplicate_column' // a header name given twice
  | 'missing_column' // a required column absent from the header
  | 'malformed_csv' // unbalanced quotes or similar: the rest of the file cannot be read
  | 'no_rows' // a header and no members: refused so a truncated file cannot empty a roll
  | 'too_many_rows' // more rows than the bound
  | 'too_many_issues'; // the issue list was cut at its bound

export type RollRowIssueCode =
  | 'wrong_column_count'
  | 'missing_field'
  | 'invalid_member_number'
  | 'invalid_email'
  | 'invalid_good_standing'
  | 'invalid_characters' // control characters in a field
  | 'too_long'
  | 'duplicate_member';

export type RollIssueCode = RollFileIssueCode | RollRowIssueCode;

/** One problem in a roll file. `line` is the 1-based physical line where the record starts. */
export interface RollIssue {
  readonly code: RollIssueCode;
  readonly line: number | null;
  readonly column: string | null;
  /** For `duplicate_member`: the line of the first occurrence. */
  readonly relatedLine: number | null;
  readonly message: string;
}

export interface RollInvalid extends Err<'invalid_roll'> {
  readonly issues: readonly RollIssue[];
}

export type RollParseResult = Ok<readonly RollRow[]> | RollInvalid;

export interface RollParseOptions {
  readonly maxRows?: number;
  readonly maxIssues?: number;
}

export const isEligible = (row: RollRow): boolean => row.goodStanding;

export const eligibleRows = (rows: readonly RollRow[]): readonly RollRow[] => rows.filter(isEligible);

// Parses a union roll CSV (member_number,name,email,good_standing[,unit]) into RollRows, or reports
// every problem in the file at once, each named by physical line (header = line 1) and column.
// Reads the whole file first (csv-parse, sync), then validates. Pure: no fs, no storage.
import { ok } from '@ratify/crypto';
import { CsvError, parse } from 'csv-parse/sync';
import { decodeRollText } from './decode-text.ts';
import type {
  RollColumn,
  RollInvalid,
  RollIssue,
  RollParseOptions,
  RollParseResult,
  RollRow,
} from './types.ts';
import {
  MAX_RECORD_CHARS,
  MAX_ROLL_ISSUES,
  MAX_ROLL_ROWS,
  REQUIRED_ROLL_COLUMNS,
  ROLL_COLUMNS,
} from './types.ts';
import { MEMBER_NUMBER_PATTERN, validateRow } from './validate-row.ts';
import type { ColumnIndex } from './validate-row.ts';

/** A CSV record and the physical line it starts on. */
interface LocatedRecord {
  readonly fields: readonly string[];
  readonly line: number;
}

class TooManyRows extends Error {
  constructor(readonly line: number) {
    super('too many rows');
  }
}

const fileIssue = (
  code: RollIssue['code'],
  line: number | null,
  message: string,
  column: string | null = null,
): RollIssue => ({
  code,
  line,
  column,
  relatedLine: null,
  message,
});

const invalid = (issues: readonly RollIssue[]): RollInvalid => ({ ok: false, error: 'invalid_roll', issues });

const isBlank = (fields: readonly string[]): boolean =>
  fields.length === 1 && (fields[0] ?? '').trim() === '';

const countLineBreaks = (raw: string): number => {
  let count = 0;
  for (let i = raw.indexOf('\n'); i !== -1; i = raw.indexOf('\n', i + 1)) count += 1;
  return count;
};

type ReadOutcome =
  | { readonly ok: true; readonly records: readonly LocatedRecord[] }
  | { readonly ok: false; readonly issue: RollIssue };

/** Splits the text into non-blank records, tracking the physical start line of each. */
function readRecords(text: string, maxRecords: number): ReadOutcome {
  const records: LocatedRecord[] = [];
  let nextLine = 1;
  try {
    parse(text, {
      raw: true,
      relax_column_count: true,
      record_delimiter: '\n',
      max_record_size: MAX_RECORD_CHARS,
      on_record: (record: unknown) => {
        const { record: fields, raw } = record as { record: string[]; raw: string };
        const line = nextLine;
        nextLine += countLineBreaks(raw);
        if (isBlank(fields)) return null;
        if (records.length >= maxRecords) throw new TooManyRows(line);
        records.push({ fields, line });
        return null;
      },
    });
  } catch (error) {
    if (error instanceof TooManyRows) {
      return {
        ok: false,
        issue: fileIssue('too_many_rows', error.line, `line ${error.line}: more than ${maxRecords - 1} rows`),
      };
    }
    if (error instanceof CsvError) {
      const tooLong = error.code === 'CSV_MAX_RECORD_SIZE';
      const message = tooLong
        ? `line ${nextLine}: record longer than ${MAX_RECORD_CHARS} characters (unbalanced quote?)`
        : `line ${nextLine}: malformed CSV (${error.code}), e.g. an unbalanced quote; nothing after it can be read`;
      return { ok: false, issue: fileIssue(tooLong ? 'too_long' : 'malformed_csv', nextLine, message) };
    }
    throw error;
  }
  return { ok: true, records };
}

/** Checks the header; on success returns where each roll column sits. */
function readHeader(
  header: LocatedRecord,
):
  | { readonly ok: true; readonly columns: ColumnIndex }
  | { readonly ok: false; readonly issues: RollIssue[] } {
  const known = new Set<string>(ROLL_COLUMNS);
  const names = header.fields;
  if (!names.some((name) => known.has(name))) {
    return {
      ok: false,
      issues: [
        fileIssue(
          'missing_header',
          header.line,
          `line ${header.line}: expected a header naming ${ROLL_COLUMNS.join(', ')}`,
        ),
      ],
    };
  }
  const issues: RollIssue[] = [];
  const columns = new Map<RollColumn, number>();
  names.forEach((name, index) => {
    if (!known.has(name)) {
      issues.push(
        fileIssue('unknown_column', header.line, `line ${header.line}: unknown column "${name}"`, name),
      );
    } else if (columns.has(name as RollColumn)) {
      issues.push(
        fileIssue('duplicate_column', header.line, `line ${header.line}: column "${name}" given twice`, name),
      );
    } else {
      columns.set(name as RollColumn, index);
    }
  });
  for (const required of REQUIRED_ROLL_COLUMNS) {
    if (!columns.has(required)) {
      issues.push(
        fileIssue(
          'missing_column',
          header.line,
          `line ${header.line}: required column "${required}" is missing`,
          required,
        ),
      );
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, columns };
}

/**
 * Parses a roll file. Bytes are decoded as strict UTF-8 (a leading BOM is dropped); a string is
 * taken as already decoded. Returns every row, or every issue found (up to `maxIssues`).
 */
export function parseRollCsv(input: string | Uint8Array, options: RollParseOptions = {}): RollParseResult {
  const maxRows = options.maxRows ?? MAX_ROLL_ROWS;
  const maxIssues = options.maxIssues ?? MAX_ROLL_ISSUES;

  const decoded = decodeRollText(input, maxIssues);
  if (!decoded.ok) return invalid(decoded.issues);
  const read = readRecords(decoded.value.text, maxRows + 1);
  if (!read.ok) return invalid([read.issue]);

  const [header, ...records] = read.records;
  if (header === undefined) return invalid([fileIssue('empty_file', null, 'the file is empty')]);
  const head = readHeader(header);
  if (!head.ok) return invalid(head.issues);
  if (records.length === 0) {
    return invalid([fileIssue('no_rows', header.line, 'the file has a header but no members')]);
  }

  const issues: RollIssue[] = [];
  const rows: RollRow[] = [];
  const firstLine = new Map<string, number>();
  for (const record of records) {
    if (issues.length >= maxIssues) {
      issues.push(
        fileIssue(
          'too_many_issues',
          record.line,
          `more than ${maxIssues} issues; stopped at line ${record.line}`,
        ),
      );
      break;
    }
    if (record.fields.length !== header.fields.length) {
      issues.push({
        code: 'wrong_column_count',
        line: record.line,
        column: null,
        relatedLine: null,
        message: `line ${record.line}: ${record.fields.length} fields, the header has ${header.fields.length}`,
      });
      continue;
    }
    const outcome = validateRow(record.fields, head.columns, record.line);
    if (!outcome.ok) {
      issues.push(...outcome.issues);
      // Remember a well-formed member number even on a bad row, so a later duplicate names it.
      const number = (record.fields[head.columns.get('member_number') ?? -1] ?? '').trim();
      if (MEMBER_NUMBER_PATTERN.test(number) && !firstLine.has(number)) firstLine.set(number, record.line);
      continue;
    }
    const { memberNumber } = outcome.row;
    const seen = firstLine.get(memberNumber);
    if (seen !== undefined) {
      issues.push({
        code: 'duplicate_member',
        line: record.line,
        column: 'member_number',
        relatedLine: seen,
        message: `line ${record.line}: member_number ${memberNumber} already on line ${seen}`,
      });
      continue;
    }
    firstLine.set(memberNumber, record.line);
    rows.push(outcome.row);
  }
  return issues.length > 0 ? invalid(issues) : ok(rows);
}

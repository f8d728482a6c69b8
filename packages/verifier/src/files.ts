// Check `files` (docs/record-format.md §5.1): the record has exactly the files of format v1, each
// valid UTF-8, within size bounds, and canonical — a `.json` file is one canonical JSON value with no
// trailing newline, a `.jsonl` file one canonical value per line, each line ending in "\n".
// Also hands the decoded texts and values to the later checks, leniently (a non-canonical line is
// still parsed, so the other checks keep running). Must not interpret any file's content.
import type { CanonicalValue } from '@ratify/protocol';
import type { FindingCollector } from './collector.ts';
import { readCanonical } from './json.ts';
import type { RecordFiles } from './types.ts';

export const RECORD_FORMAT = 'ratify-record/v1';
export const JSON_FILES = [
  'record.json',
  'manifest.json',
  'trustees.json',
  'credentials.json',
  'tally.json',
  'partial-decryptions.json',
  'result.json',
] as const;
export const JSONL_FILES = ['board.jsonl', 'ballots.jsonl'] as const;
export type RecordFileName = (typeof JSON_FILES)[number] | (typeof JSONL_FILES)[number];

/** Bounds in UTF-16 code units (≤ UTF-8 bytes): one JSON file, one JSONL line. */
export const MAX_JSON_FILE_CHARS = 64 * 1024 * 1024;
export const MAX_JSONL_LINE_CHARS = 16 * 1024 * 1024;

export type JsonLine = { readonly line: number; readonly text: string; readonly value: CanonicalValue | undefined };

export type DecodedRecord = {
  /** Decoded text of every expected file that is present and valid UTF-8. */
  readonly texts: ReadonlyMap<RecordFileName, string>;
  /** Parsed value of each `.json` file (even a non-canonical one), when it is JSON at all. */
  readonly values: ReadonlyMap<RecordFileName, CanonicalValue>;
  /** Lines of each `.jsonl` file, with the parsed value when the line is JSON at all. */
  readonly lines: ReadonlyMap<RecordFileName, readonly JsonLine[]>;
};

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function lenientParse(text: string): CanonicalValue | undefined {
  try {
    return JSON.parse(text) as CanonicalValue;
  } catch {
    return undefined;
  }
}

export function checkFiles(files: RecordFiles, findings: FindingCollector): DecodedRecord {
  const texts = new Map<RecordFileName, string>();
  const values = new Map<RecordFileName, CanonicalValue>();
  const lines = new Map<RecordFileName, JsonLine[]>();
  const expected: readonly string[] = [...JSON_FILES, ...JSONL_FILES];
  for (const name of Object.keys(files).sort()) {
    if (!expected.includes(name)) findings.add('files', 'unexpected_file', { file: name }, `${name} is not part of ${RECORD_FORMAT}`);
  }
  for (const name of [...JSON_FILES, ...JSONL_FILES]) {
    const content = Object.hasOwn(files, name) ? files[name] : undefined;
    if (content === undefined) {
      findings.add('files', 'missing_file', { file: name }, `${name} is missing`);
      continue;
    }
    let text: string;
    try {
      text = typeof content === 'string' ? content : decoder.decode(content);
    } catch {
      findings.add('files', 'invalid_utf8', { file: name }, `${name} is not valid UTF-8`);
      continue;
    }
    texts.set(name, text);
    if (name.endsWith('.jsonl')) lines.set(name, readJsonLines(name, text, findings));
    else {
      const read = readCanonical(text, MAX_JSON_FILE_CHARS);
      if (!read.ok) findings.add('files', read.error, { file: name }, `${name}: ${read.detail}`);
      const value = read.ok ? read.value : read.error === 'non_canonical' ? lenientParse(text) : undefined;
      if (value !== undefined) values.set(name, value);
    }
  }
  return { texts, values, lines };
}

function readJsonLines(name: string, text: string, findings: FindingCollector): JsonLine[] {
  if (text === '') return [];
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  else findings.add('files', 'missing_final_newline', { file: name, line: parts.length }, `${name}: the last line does not end in a line feed`);
  return parts.map((lineText, i): JsonLine => {
    const read = readCanonical(lineText, MAX_JSONL_LINE_CHARS);
    if (!read.ok) findings.add('files', read.error, { file: name, line: i + 1 }, `${name} line ${i + 1}: ${read.detail}`);
    const value = read.ok ? read.value : read.error === 'non_canonical' ? lenientParse(lineText) : undefined;
    return { line: i + 1, text: lineText, value };
  });
}

// Turns a roll file's bytes (or text) into text: strict UTF-8, BOM stripped, CRLF folded to LF.
// Names every line holding invalid UTF-8. Must not interpret CSV: that is the parser's job.
import { ok } from '@ratify/crypto';
import type { RollIssue } from './types.ts';

const LF = 0x0a;
const BOM_BYTES = [0xef, 0xbb, 0xbf] as const;

export interface DecodedText {
  readonly text: string;
}

export type DecodeResult =
  | { readonly ok: true; readonly value: DecodedText }
  | { readonly ok: false; readonly error: 'invalid_encoding'; readonly issues: readonly RollIssue[] };

const hasBomBytes = (bytes: Uint8Array): boolean =>
  bytes.length >= 3 && bytes[0] === BOM_BYTES[0] && bytes[1] === BOM_BYTES[1] && bytes[2] === BOM_BYTES[2];

/** Line breaks inside the text are normalised to LF; the line count is unchanged by this. */
const normalise = (text: string): string => (text.includes('\r\n') ? text.replaceAll('\r\n', '\n') : text);

export function decodeRollText(input: string | Uint8Array, maxIssues: number): DecodeResult {
  if (typeof input === 'string') {
    return ok({ text: normalise(input.startsWith('\uFEFF') ? input.slice(1) : input) });
  }
  const bytes = hasBomBytes(input) ? input.subarray(3) : input;
  // ignoreBOM: the (first) BOM is already stripped; any other one stays and is caught as data.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    return ok({ text: normalise(decoder.decode(bytes)) });
  } catch {
    return { ok: false, error: 'invalid_encoding', issues: invalidLines(bytes, maxIssues) };
  }
}

/**
 * Decodes line by line to name the bad lines. Splitting at 0x0A is safe: in UTF-8 that byte never
 * occurs inside a multi-byte sequence. (A quoted field spanning lines is still named by physical line.)
 */
function invalidLines(bytes: Uint8Array, maxIssues: number): RollIssue[] {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const issues: RollIssue[] = [];
  let start = 0;
  let line = 1;
  while (start <= bytes.length && issues.length < maxIssues) {
    const found = bytes.indexOf(LF, start);
    const end = found === -1 ? bytes.length : found;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      issues.push({
        code: 'invalid_encoding',
        line,
        column: null,
        relatedLine: null,
        message: `line ${line} is not valid UTF-8`,
      });
    }
    if (found === -1) break;
    start = found + 1;
    line += 1;
  }
  return issues;
}

// The cast receipt (docs/record-format.md §7, docs/protocol.md "Receipts"): what a member keeps to
// check later that the record contains their ballot at the position and with the chain hash the
// server gave them when it accepted it. A server that drops the ballot and rebuilds everything
// consistently can no longer agree with the receipt: either the tracking code is missing, or it is
// elsewhere, or the chain hash at that position differs. Pure: encode, parse (strictly), and the
// check of one receipt against the board's events (the verifier and the board page share it).
import { type Result, err, ok } from '@ratify/crypto';
import { type CanonicalValue, toCanonical } from './codec/canonical-json.ts';
import { SLUG_PATTERN } from './ids.ts';

export const RECEIPT_FORMAT = 'ratify-receipt/v1';

export type Receipt = {
  readonly format: typeof RECEIPT_FORMAT;
  readonly voteId: string;
  /** Election fingerprint, lowercase hex (128 characters). */
  readonly fingerprint: string;
  /** Tracking code of the ballot, lowercase hex (64 characters). */
  readonly trackingCode: string;
  /** Board sequence number of the ballot's `ballot_accepted` event. */
  readonly boardSeq: number;
  /** Hash of that event: the board head right after the ballot was appended (64 hex). */
  readonly boardHash: string;
};

const RECEIPT_KEYS = ['boardHash', 'boardSeq', 'fingerprint', 'format', 'trackingCode', 'voteId'] as const;
const hex = (n: number) => new RegExp(`^[0-9a-f]{${n}}$`);

/** The receipt as canonical JSON (one line, sorted keys): the bytes a member downloads. */
export function toWireReceipt(receipt: Receipt): string {
  return toCanonical({ ...receipt } as unknown as CanonicalValue);
}

export type ReceiptParseError = 'not_a_receipt';

/** Strict: exactly the six fields, each well-formed; anything else is `not_a_receipt` with why. */
export function parseReceipt(value: unknown): Result<Receipt, ReceiptParseError> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return err('not_a_receipt', 'a receipt is a JSON object');
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  if (keys.length !== RECEIPT_KEYS.length || keys.some((k, i) => k !== RECEIPT_KEYS[i]))
    return err('not_a_receipt', `a receipt has exactly the fields ${RECEIPT_KEYS.join(', ')}`);
  if (o.format !== RECEIPT_FORMAT) return err('not_a_receipt', `format must be ${RECEIPT_FORMAT}`);
  if (typeof o.voteId !== 'string' || !SLUG_PATTERN.test(o.voteId)) return err('not_a_receipt', 'voteId is not a vote id');
  if (typeof o.fingerprint !== 'string' || !hex(128).test(o.fingerprint)) return err('not_a_receipt', 'fingerprint is not 128 lowercase hex digits');
  if (typeof o.trackingCode !== 'string' || !hex(64).test(o.trackingCode)) return err('not_a_receipt', 'trackingCode is not 64 lowercase hex digits');
  if (typeof o.boardSeq !== 'number' || !Number.isSafeInteger(o.boardSeq) || o.boardSeq < 0) return err('not_a_receipt', 'boardSeq is not a board position');
  if (typeof o.boardHash !== 'string' || !hex(64).test(o.boardHash)) return err('not_a_receipt', 'boardHash is not 64 lowercase hex digits');
  return ok({ format: RECEIPT_FORMAT, voteId: o.voteId, fingerprint: o.fingerprint, trackingCode: o.trackingCode, boardSeq: o.boardSeq, boardHash: o.boardHash });
}

/** A receipt read from a file, with its place there (1-based: array element or line). */
export type ReceiptEntry = { readonly receipt: Receipt; readonly index: number };

/**
 * A receipts file: one receipt (a JSON object), a JSON array of receipts, or JSON lines (one
 * receipt per non-empty line). All or nothing: the first bad entry is the error, with its place.
 */
export function parseReceiptFile(text: string): Result<readonly ReceiptEntry[], ReceiptParseError | 'no_receipts'> {
  const trimmed = text.trim();
  if (trimmed === '') return err('no_receipts', 'the file is empty');
  let whole: unknown;
  let wholeParsed = true;
  try {
    whole = JSON.parse(trimmed);
  } catch {
    wholeParsed = false;
  }
  const values: unknown[] = [];
  if (wholeParsed) {
    if (Array.isArray(whole)) values.push(...(whole as unknown[]));
    else values.push(whole);
  } else {
    for (const [i, line] of trimmed.split('\n').entries()) {
      if (line.trim() === '') continue;
      try {
        values.push(JSON.parse(line));
      } catch {
        return err('not_a_receipt', `line ${i + 1} is not JSON`);
      }
    }
  }
  if (values.length === 0) return err('no_receipts', 'the file holds no receipt');
  const out: ReceiptEntry[] = [];
  for (const [i, value] of values.entries()) {
    const r = parseReceipt(value);
    if (!r.ok) return err(r.error, `receipt ${i + 1}: ${r.detail ?? r.error}`);
    out.push({ receipt: r.value, index: i + 1 });
  }
  return ok(out);
}

/** The board as a receipt check needs it: each event's position, kind, tracking code (ballots) and hash. */
export type ReceiptBoardEvent = { readonly seq: number; readonly kind: string; readonly trackingCode?: string; readonly hash: string };

export type ReceiptFinding =
  /** The receipt names another vote or another manifest (fingerprint) than this record's. */
  | 'receipt_other_vote'
  /** No `ballot_accepted` event on the board carries the receipt's tracking code. */
  | 'receipt_ballot_missing'
  /** The ballot is on the board, but not at the receipt's position. */
  | 'receipt_position_mismatch'
  /** The ballot is at the receipt's position, but the chain hash there differs: the board before it was rewritten. */
  | 'receipt_hash_mismatch';

/**
 * Checks one receipt against a board whose chain has been verified (the hashes are the recomputed
 * ones). ok: the board holds that ballot at that position with that hash.
 */
export function checkReceipt(
  receipt: Receipt,
  board: { readonly voteId: string; readonly fingerprint: string; readonly events: readonly ReceiptBoardEvent[] },
): Result<{ readonly seq: number }, ReceiptFinding> {
  if (receipt.voteId !== board.voteId) return err('receipt_other_vote', `the receipt is for vote ${receipt.voteId}, the record for ${board.voteId}`);
  if (receipt.fingerprint !== board.fingerprint) return err('receipt_other_vote', 'the receipt names another election fingerprint');
  const at = board.events.find((e) => e.seq === receipt.boardSeq);
  const ballot = board.events.find((e) => e.kind === 'ballot_accepted' && e.trackingCode === receipt.trackingCode);
  if (ballot === undefined) return err('receipt_ballot_missing', `no accepted ballot has tracking code ${receipt.trackingCode}`);
  if (ballot.seq !== receipt.boardSeq || at === undefined)
    return err('receipt_position_mismatch', `the ballot is at board position ${ballot.seq}, the receipt says ${receipt.boardSeq}`);
  if (at.hash !== receipt.boardHash) return err('receipt_hash_mismatch', `the board's hash at position ${receipt.boardSeq} is ${at.hash}, the receipt says ${receipt.boardHash}`);
  return ok({ seq: at.seq });
}

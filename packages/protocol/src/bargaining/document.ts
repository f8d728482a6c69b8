// Documents attached to a contract or an offer (docs/bargaining.md, "Documents"): PDF or Markdown
// only, recognised from the bytes themselves (never from a name or a claimed type), bounded in size,
// identified by their SHA-256; and the entry an offer object lists for each of its documents
// (docs/protocol.md §M3.1), so the offer digest commits to them. Pure. Must not render anything
// (the web renders Markdown as text).
import { err, ok, sha256Hex, type Result } from '@ratify/crypto';
import { z } from 'zod';
import { slugSchema } from './common.ts';

export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
export const DOCUMENT_TYPES = ['application/pdf', 'text/markdown'] as const;
export type DocumentContentType = (typeof DOCUMENT_TYPES)[number];
export type DocumentError = 'document_empty' | 'document_too_large' | 'unsupported_document_type';
export type SniffedDocument = { readonly contentType: DocumentContentType; readonly size: number; readonly sha256: string };

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/**
 * PDF if the bytes start with `%PDF-`; Markdown if they are valid UTF-8 text without NUL or other
 * control characters (tab, LF, CR allowed); anything else is refused.
 */
export function sniffDocument(bytes: Uint8Array): Result<SniffedDocument, DocumentError> {
  if (bytes.length === 0) return err('document_empty', 'the document is empty');
  if (bytes.length > MAX_DOCUMENT_BYTES) return err('document_too_large', `documents are limited to ${MAX_DOCUMENT_BYTES} bytes`);
  const meta = { size: bytes.length, sha256: sha256Hex(bytes) };
  if (PDF_MAGIC.every((b, i) => bytes[i] === b)) return ok({ contentType: 'application/pdf', ...meta });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return err('unsupported_document_type', 'neither a PDF nor UTF-8 Markdown');
  }
  if ([...text].some((c) => (c < ' ' && c !== '\t' && c !== '\n' && c !== '\r') || c === '\u007f')) {
    return err('unsupported_document_type', 'Markdown must be text without control characters');
  }
  return ok({ contentType: 'text/markdown', ...meta });
}

export const MAX_DOCUMENT_NAME = 200;
/** Letters, digits, space and `._()-`; no space first or last. */
const NAME_PATTERN = /^[\p{L}\p{N}._()-](?:[\p{L}\p{N} ._()-]*[\p{L}\p{N}._()-])?$/u;
const DISALLOWED_NAME_CHARACTER = /[^\p{L}\p{N} ._()-]/gu;

export type DocumentNameError = 'invalid_document_name';

/**
 * A document's file name as the tracker stores it: trimmed, NFC, every character other than a
 * letter, a digit, a space or `._()-` replaced by `_`, 1–200 UTF-16 code units. Idempotent: a
 * stored name comes back unchanged. `documentNameSchema` is its checker.
 */
export function toDocumentName(raw: string): Result<string, DocumentNameError> {
  const name = raw.trim().normalize('NFC').replace(DISALLOWED_NAME_CHARACTER, '_');
  if (name.length === 0 || name.length > MAX_DOCUMENT_NAME) return err('invalid_document_name', `a document name has 1 to ${MAX_DOCUMENT_NAME} characters`);
  return ok(name);
}

export const documentNameSchema = z
  .string()
  .min(1)
  .max(MAX_DOCUMENT_NAME)
  .refine((s) => NAME_PATTERN.test(s) && s === s.normalize('NFC'), 'a document name is NFC letters, digits, spaces and ._()-, with no space first or last');

/**
 * A document as its offer object lists it (docs/protocol.md §M3.1): what the offer digest commits
 * to. The bytes are not in the offer; their SHA-256 and size are.
 */
export type OfferDocument = {
  readonly id: string;
  readonly name: string;
  readonly contentType: DocumentContentType;
  /** Bytes, 1 to MAX_DOCUMENT_BYTES. */
  readonly size: number;
  /** Lowercase hex SHA-256 of the bytes. */
  readonly sha256: string;
};

export const offerDocumentSchema: z.ZodType<OfferDocument> = z.strictObject({
  id: slugSchema,
  name: documentNameSchema,
  contentType: z.enum(DOCUMENT_TYPES),
  size: z.int().min(1).max(MAX_DOCUMENT_BYTES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256 (64 characters)'),
});

/** Does this document (its bytes) match the entry an offer lists for it? The serving side's check. */
export function checkOfferDocumentBytes(entry: OfferDocument, bytes: Uint8Array): boolean {
  return bytes.length === entry.size && sha256Hex(bytes) === entry.sha256;
}

// Documents attached to a contract or an offer (docs/bargaining.md, "Documents"): PDF or Markdown
// only, recognised from the bytes themselves (never from a name or a claimed type), bounded in size,
// identified by their SHA-256. Pure. Must not render anything (the web renders Markdown as text).
import { err, ok, sha256Hex, type Result } from '@ratify/crypto';

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

// SHA-256 for content digests that are not protocol transcripts (documents and offers bound into
// a manifest by digest, docs/protocol.md "Offer digest"). Pure. Must not be used for Fiat–Shamir
// challenges: those go through transcript.ts (SHA-512, labelled items).
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { toHex } from './bytes.ts';

/** SHA-256 of `bytes` (32 bytes). */
export function sha256(bytes: Uint8Array): Uint8Array {
  return nobleSha256(bytes);
}

/** SHA-256 of `bytes` as 64 lowercase hex characters. */
export function sha256Hex(bytes: Uint8Array): string {
  return toHex(nobleSha256(bytes));
}

// The trustee's key file: the secret key material sealed under a passphrase, so it can leave the
// browser only as a download the trustee keeps. Envelope v1 (JSON): PBKDF2-HMAC-SHA-256 (salt 16
// bytes, iteration count stored, default 600,000 per OWASP 2023) → AES-256-GCM (iv 12 bytes), with
// the header (format, version, kdf, label) as additional data so no header field can be changed
// without the tag failing. The payload is opaque text here (trustee-material.ts defines it).
// Must not log, store or send the passphrase or the plaintext.
import { z } from 'zod';

export const KEY_FILE_FORMAT = 'ratify-trustee-key-file';
export const KEY_FILE_VERSION = 1;
export const DEFAULT_ITERATIONS = 600_000;
/** Bounds on a file's iteration count: below is a weak file we refuse to open; above is a DoS. */
const MIN_ITERATIONS = 1_000;
const MAX_ITERATIONS = 10_000_000;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/).max(1_000_000);
const headerSchema = z.strictObject({
  format: z.literal(KEY_FILE_FORMAT),
  version: z.literal(KEY_FILE_VERSION),
  /** What the file is for (draft and trustee), readable without the passphrase. */
  label: z.string().max(200),
  kdf: z.strictObject({ name: z.literal('PBKDF2-SHA-256'), iterations: z.int().min(MIN_ITERATIONS).max(MAX_ITERATIONS), salt: b64 }),
  cipher: z.strictObject({ name: z.literal('AES-256-GCM'), iv: b64 }),
});
const envelopeSchema = headerSchema.extend({ ciphertext: b64 });
export type KeyFileEnvelope = z.infer<typeof envelopeSchema>;

export type OpenKeyFileError = 'not_a_key_file' | 'wrong_passphrase_or_tampered';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** The header's bytes, in a fixed field order: the AES-GCM additional data. */
function headerBytes(h: z.infer<typeof headerSchema>): Uint8Array<ArrayBuffer> {
  const fixed = { format: h.format, version: h.version, label: h.label, kdf: { name: h.kdf.name, iterations: h.kdf.iterations, salt: h.kdf.salt }, cipher: { name: h.cipher.name, iv: h.cipher.iv } };
  return new TextEncoder().encode(JSON.stringify(fixed));
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** Seals `plaintext` under `passphrase`; returns the file's text. */
export async function sealKeyFile(plaintext: string, passphrase: string, label: string, iterations: number = DEFAULT_ITERATIONS): Promise<string> {
  if (!Number.isInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) throw new Error('iteration count out of range');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const header = {
    format: KEY_FILE_FORMAT,
    version: KEY_FILE_VERSION,
    label,
    kdf: { name: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-256-GCM', iv: toBase64(iv) },
  } as const;
  const key = await deriveKey(passphrase, salt, iterations);
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: headerBytes(header), tagLength: 128 }, key, new TextEncoder().encode(plaintext));
  return `${JSON.stringify({ ...header, ciphertext: toBase64(new Uint8Array(sealed)) }, null, 2)}\n`;
}

/** Reads a key file's header without the passphrase (to show what it is for). */
export function readKeyFileLabel(fileText: string): string | null {
  const parsed = parseEnvelope(fileText);
  return parsed === null ? null : parsed.label;
}

function parseEnvelope(fileText: string): KeyFileEnvelope | null {
  let json: unknown;
  try {
    json = JSON.parse(fileText);
  } catch {
    return null;
  }
  const r = envelopeSchema.safeParse(json);
  return r.success ? r.data : null;
}

/** Opens a key file: the plaintext, or why not (a wrong passphrase and a tampered file look alike). */
export async function openKeyFile(fileText: string, passphrase: string): Promise<{ readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: OpenKeyFileError }> {
  const envelope = parseEnvelope(fileText);
  if (envelope === null) return { ok: false, error: 'not_a_key_file' };
  let salt: Uint8Array<ArrayBuffer>, iv: Uint8Array<ArrayBuffer>, ciphertext: Uint8Array<ArrayBuffer>;
  try {
    salt = fromBase64(envelope.kdf.salt);
    iv = fromBase64(envelope.cipher.iv);
    ciphertext = fromBase64(envelope.ciphertext);
  } catch {
    return { ok: false, error: 'not_a_key_file' };
  }
  if (salt.length < 16 || iv.length !== 12 || ciphertext.length < 16) return { ok: false, error: 'not_a_key_file' };
  const key = await deriveKey(passphrase, salt, envelope.kdf.iterations);
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: headerBytes(envelope), tagLength: 128 }, key, ciphertext);
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(plain) };
  } catch {
    return { ok: false, error: 'wrong_passphrase_or_tampered' };
  }
}

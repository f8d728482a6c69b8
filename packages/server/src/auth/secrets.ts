// The server's secrets, made and compared in one place: one-time codes (CSPRNG, 6 digits, stored as
// HMAC-SHA-256 under a server-side pepper), session tokens (32 random bytes, stored as SHA-256),
// and constant-time comparison for the admin token. Must not log or store any secret in clear.
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const CODE_DIGITS = 6;
/** The long code (decision 0019): sent once a member's short codes for the day are spent (10^12 values). */
export const LONG_CODE_DIGITS = 12;

/** A uniformly random code of `digits` digits (6 or 12) from the platform CSPRNG. */
export function generateCode(digits: number = CODE_DIGITS): string {
  return String(randomInt(0, 10 ** digits)).padStart(digits, '0');
}

/** How a code is written in a message: a long code in groups of four (1234 5678 9012). */
export function displayCode(code: string): string {
  return code.length <= CODE_DIGITS ? code : (code.match(/\d{1,4}/g) ?? [code]).join(' ');
}

/** A browser binding token (decision 0019): 256 random bits, held in an HttpOnly cookie. */
export function generateBindingToken(): string {
  return randomBytes(32).toString('base64url');
}

/** High-entropy, so a plain hash suffices: the stored hash cannot be turned back into the cookie. */
export function hashBindingToken(token: string): string {
  return createHash('sha256').update(`ratify/sign-in-binding\n${token}`).digest('hex');
}

/** Keyed hash of a code, bound to the member number it was issued for. */
export function hashCode(pepper: Uint8Array, memberNumber: string, code: string): string {
  return createHmac('sha256', pepper).update(`ratify/login-code\n${memberNumber}\n${code}`).digest('hex');
}

/** A session token for the cookie (256 bits, base64url). */
export function generateSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are high-entropy, so a plain hash suffices for storage (a leaked table grants nothing). */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(`ratify/session\n${token}`).digest('hex');
}

/** Rate-limit keys hashed under the pepper, so IP addresses are not stored in clear. */
export function hashRateKey(pepper: Uint8Array, key: string): string {
  return createHmac('sha256', pepper).update(`ratify/rate-limit\n${key}`).digest('hex');
}

/** Constant-time equality of two strings of any length (compares fixed-size digests). */
export function safeEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db) && a.length === b.length;
}

export function newId(): string {
  return randomBytes(16).toString('hex');
}

// The server's secrets, made and compared in one place: one-time codes (CSPRNG, 6 digits, stored as
// HMAC-SHA-256 under a server-side pepper), session tokens (32 random bytes, stored as SHA-256),
// and constant-time comparison for the admin token. Must not log or store any secret in clear.
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const CODE_DIGITS = 6;

/** A uniformly random 6-digit code from the platform CSPRNG. */
export function generateCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
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

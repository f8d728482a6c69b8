// The staff session: its own cookie (`ratify_staff`, HttpOnly, SameSite=Strict, Path=/api, Secure per
// config) so a member session and a staff session never stand in for each other, a CSRF token per
// session (returned once at login, sent back in `x-csrf-token`), and both stored only as hashes.
import { createHash } from 'node:crypto';
import { safeEqual } from './secrets.ts';

export const STAFF_COOKIE = 'ratify_staff';
export const CSRF_HEADER = 'x-csrf-token';

export function hashStaffToken(token: string): string {
  return createHash('sha256').update(`ratify/staff-session\n${token}`).digest('hex');
}

export function hashCsrfToken(token: string): string {
  return createHash('sha256').update(`ratify/staff-csrf\n${token}`).digest('hex');
}

/** Constant-time check of a presented CSRF header against the session's stored hash. */
export function csrfMatches(header: string | string[] | undefined, csrfHash: string): boolean {
  if (typeof header !== 'string' || header.length === 0 || header.length > 128) return false;
  return safeEqual(hashCsrfToken(header), csrfHash);
}

function attributes(secure: boolean): string {
  return `Path=/api; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function staffCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return `${STAFF_COOKIE}=${token}; Max-Age=${maxAgeSeconds}; ${attributes(secure)}`;
}

export function clearedStaffCookie(secure: boolean): string {
  return `${STAFF_COOKIE}=; Max-Age=0; ${attributes(secure)}`;
}

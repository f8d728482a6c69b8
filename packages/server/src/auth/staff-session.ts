// The staff session: its own cookie (`ratify_staff`, HttpOnly, SameSite=Strict, Path=/api, Secure per
// config) so a member session and a staff session never stand in for each other, a CSRF token per
// session (returned at login and by /api/staff/me, sent back in `x-csrf-token`), and both stored
// only as hashes. The CSRF token is a one-way function of the session token: whoever can read it
// already holds the session, and a page reloaded in the same origin gets it again from
// /api/staff/me (cross-site pages cannot read that answer), so the browser need not store it.
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

/** The session's CSRF token: SHA-256 of the session token under its own label (base64url). */
export function csrfTokenOf(sessionToken: string): string {
  return createHash('sha256').update(`ratify/staff-csrf-token/v1\n${sessionToken}`).digest('base64url');
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

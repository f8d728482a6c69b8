// The session cookie: read from the Cookie header, written with HttpOnly, SameSite=Strict, Path=/api
// and Secure (always, or when the request arrived over TLS, per config). No cookie library needed
// for one cookie; values are base64url so they never need escaping.
export const SESSION_COOKIE = 'ratify_session';
/**
 * The browser binding (decision 0019): a random token that says "this browser", nothing more. A code
 * works only from the browser that asked for it; a staff account's known browsers skip the
 * account-wide slow-down. It grants nothing alone, so it lives long (400 days, the browsers' cap).
 */
export const BINDING_COOKIE = 'ratify_browser';
export const BINDING_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

export type CookieSecurity = 'always' | 'auto' | 'never';

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{1,128}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

function attributes(secure: boolean): string {
  return `Path=/api; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Max-Age=${maxAgeSeconds}; ${attributes(secure)}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Max-Age=0; ${attributes(secure)}`;
}

/** Sent with member sign-in and staff sign-in calls only (Path=/api: both live under it). */
export function bindingCookie(token: string, secure: boolean): string {
  return `${BINDING_COOKIE}=${token}; Max-Age=${BINDING_MAX_AGE_SECONDS}; ${attributes(secure)}`;
}

export function isSecure(setting: CookieSecurity, protocol: string): boolean {
  return setting === 'always' || (setting === 'auto' && protocol === 'https');
}

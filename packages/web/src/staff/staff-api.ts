// The staff pages' door to the server: the typed client with the staff session (HttpOnly cookie,
// kept by the browser) and its CSRF token. The token is kept in sessionStorage (this tab only, gone
// when the tab closes) so a reload does not sign staff out; nothing is kept in localStorage.
// Every failure is a value (ApiOutcome), like api.ts. Must not hold trustee secrets.
import { createClient, type CallInput } from '@ratify/server/client';
import type { ResponseOf, RouteName } from '@ratify/server/api';
import type { ApiOutcome } from '../api.ts';

const CSRF_KEY = 'ratify.staff.csrf';

function savedCsrf(): string | undefined {
  try {
    return sessionStorage.getItem(CSRF_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function saveCsrf(token: string | undefined): void {
  try {
    if (token === undefined) sessionStorage.removeItem(CSRF_KEY);
    else sessionStorage.setItem(CSRF_KEY, token);
  } catch {
    // Not saved: the token still applies until the page reloads.
  }
}

let client = makeClient(savedCsrf());
function makeClient(csrfToken: string | undefined) {
  return createClient(csrfToken === undefined ? {} : { csrfToken });
}

export async function staffCall<N extends RouteName>(name: N, input: CallInput = {}): Promise<ApiOutcome<ResponseOf<N>>> {
  try {
    const r = await client.call(name, input);
    return r.ok ? { ok: true, value: r.value } : { ok: false, status: r.status, code: r.error.code, message: r.error.message };
  } catch (e) {
    const network = e instanceof TypeError;
    return { ok: false, status: 0, code: network ? 'network_error' : 'bad_response', message: e instanceof Error ? e.message : 'unexpected' };
  }
}

export async function staffLogin(username: string, password: string, totp: string | undefined): Promise<ApiOutcome<ResponseOf<'staffLogin'>>> {
  const r = await staffCall('staffLogin', { json: { username, password, ...(totp ? { totp } : {}) } });
  if (r.ok) {
    saveCsrf(r.value.csrfToken);
    client = makeClient(r.value.csrfToken);
  }
  return r;
}

export async function staffLogout(): Promise<ApiOutcome<ResponseOf<'staffLogout'>>> {
  const r = await staffCall('staffLogout');
  saveCsrf(undefined);
  client = makeClient(undefined);
  return r;
}

export type StaffRole = ResponseOf<'staffMe'>['staff']['role'];
export type StaffIdentity = ResponseOf<'staffMe'>['staff'];

// The staff pages' door to the server: the typed client with the staff session (HttpOnly cookie,
// kept by the browser) and its CSRF token, held in this page's memory only: the sign-in answer
// carries it, and after a reload the staff gate's /api/staff/me answer carries it again. Nothing is
// kept in sessionStorage or localStorage.
// Every failure is a value (ApiOutcome), like api.ts. Must not hold trustee secrets.
import { createClient, type CallInput } from '@ratify/server/client';
import type { ResponseOf, RouteName } from '@ratify/server/api';
import { type ApiOutcome, settle } from '../api.ts';

// One client for the page's life; it takes the CSRF token from staffLogin and staffMe answers.
let client = createClient();

export function staffCall<N extends RouteName>(name: N, input: CallInput = {}): Promise<ApiOutcome<ResponseOf<N>>> {
  return settle(() => client.call(name, input));
}

export async function staffLogin(username: string, password: string, totp: string | undefined): Promise<ApiOutcome<ResponseOf<'staffLogin'>>> {
  return staffCall('staffLogin', { json: { username, password, ...(totp ? { totp } : {}) } });
}

export async function staffLogout(): Promise<ApiOutcome<ResponseOf<'staffLogout'>>> {
  const r = await staffCall('staffLogout');
  client = createClient();
  return r;
}

export type StaffRole = ResponseOf<'staffMe'>['staff']['role'];
export type StaffIdentity = ResponseOf<'staffMe'>['staff'];

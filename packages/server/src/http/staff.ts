// Staff accounts over HTTP: the staff guard (deny by default: a route's role decides which staff
// roles pass; the ops bearer token passes admin and observer routes, never trustee or campaign ones; every
// non-GET call from a session needs its CSRF token), the audit writer, sign-in / sign-out / me, and
// the audit log for administrators and observers.
import { type Result, err, ok } from '@ratify/crypto';
import { STAFF_ROLES } from '@ratify/engine';
import type { Store } from '@ratify/storage';
import type { FastifyRequest } from 'fastify';
import { BINDING_COOKIE, type CookieSecurity, bindingCookie, isSecure, readCookie } from '../auth/cookies.ts';
import { CSRF_HEADER, STAFF_COOKIE, clearedStaffCookie, csrfMatches, csrfTokenOf, staffCookie } from '../auth/staff-session.ts';
import type { StaffSignInService } from '../services/staff-sign-in.ts';
import { bindingOf } from '../services/sign-in.ts';
import type { ApiErrorCode } from './errors.ts';
import type { AuditInput, RouteRegistrar, StaffActor, StaffRouteRole } from './route-kit.ts';
import { type VoteId, asVoteId, parseVoteId } from '@ratify/protocol';

/** Which staff roles each staff route role admits (the ops token: admin and observer routes). */
const ADMITS: { readonly [R in StaffRouteRole]: readonly string[] } = {
  admin: ['administrator'],
  observer: ['administrator', 'observer'],
  trustee: ['trustee'],
  // Every staff account, whatever its role: what each does for themself (their own password).
  staff: STAFF_ROLES,
  campaign: ['campaign'],
};

export function staffGuard(tokenGuard: (request: FastifyRequest) => Result<true, ApiErrorCode>, signIn: StaffSignInService) {
  return async (request: FastifyRequest, role: StaffRouteRole): Promise<Result<StaffActor, ApiErrorCode>> => {
    // A bearer header is never sent by a browser on its own, so it needs no CSRF token.
    if (request.headers.authorization !== undefined) {
      const t = tokenGuard(request);
      if (!t.ok) return t;
      return role === 'trustee' || role === 'campaign' || role === 'staff' ? err('forbidden_role') : ok({ kind: 'ops_token' });
    }
    const token = readCookie(request.headers.cookie, STAFF_COOKIE);
    if (token === undefined) return err(role === 'admin' ? 'admin_token_required' : 'staff_sign_in_required');
    const session = await signIn.session(token);
    if (session === null) return err('staff_sign_in_required');
    if (!ADMITS[role].includes(session.account.role)) return err('forbidden_role');
    if (request.method !== 'GET' && request.method !== 'HEAD' && !csrfMatches(request.headers[CSRF_HEADER], session.csrfHash)) {
      return err('csrf_invalid');
    }
    const { id, username, role: staffRole } = session.account;
    return ok({ kind: 'staff', id, username, role: staffRole, tokenHash: session.tokenHash });
  };
}

const actorName = (actor: StaffActor) => (actor.kind === 'staff' ? `staff:${actor.username}` : 'ops-token');

function voteIdOf(params: unknown): VoteId | null {
  if (typeof params !== 'object' || params === null || !('id' in params) || typeof params.id !== 'string') return null;
  const id = parseVoteId(params.id);
  return id.ok ? id.value : null;
}

export function auditWriter(store: Store) {
  return async ({ actor, action, params }: AuditInput): Promise<void> => {
    await store.audit.appendAudit({ actor: actorName(actor), action, voteId: voteIdOf(params), details: JSON.stringify({ params: params ?? {} }) });
  };
}

export function staffRoutes(route: RouteRegistrar, signIn: StaffSignInService, store: Store, cookieSecure: CookieSecurity, ttlMs: number): void {
  const audit = auditWriter(store);

  route('staffLogin', async ({ body, request, reply }) => {
    const secure = isSecure(cookieSecure, request.protocol);
    // The browser binding (decision 0019): this browser's attempts are counted apart from others'.
    const binding = bindingOf(readCookie(request.headers.cookie, BINDING_COOKIE));
    const cookies = binding.fresh ? [bindingCookie(binding.token, secure)] : [];
    const r = await signIn.login(body, request.ip, binding);
    if (!r.ok) {
      if (cookies.length > 0) void reply.header('set-cookie', cookies);
      if (r.retryAfterSeconds !== undefined) void reply.header('retry-after', String(r.retryAfterSeconds));
      return r.error === 'secret_key_missing' ? err('secret_key_missing', 'Signing in with an authenticator (administrators)') : err(r.error);
    }
    const { account, token, csrfToken, expiresAt } = r.value;
    void reply.header('set-cookie', [staffCookie(token, Math.floor(ttlMs / 1000), secure), ...cookies]);
    await audit({ actor: { kind: 'staff', id: account.id, username: account.username, role: account.role, tokenHash: '' }, action: 'staffLogin', params: {} });
    return ok({ staff: { id: account.id, username: account.username, role: account.role }, csrfToken, expiresAt });
  });

  route('staffLogout', async ({ request, reply }) => {
    const session = await signIn.session(readCookie(request.headers.cookie, STAFF_COOKIE));
    if (session !== null) {
      // Without the CSRF token another site could sign staff out; with it, end the session.
      if (!csrfMatches(request.headers[CSRF_HEADER], session.csrfHash)) return err('csrf_invalid');
      await signIn.logout(session.tokenHash);
      const { id, username, role } = session.account;
      await audit({ actor: { kind: 'staff', id, username, role, tokenHash: session.tokenHash }, action: 'staffLogout', params: {} });
    }
    void reply.header('set-cookie', clearedStaffCookie(isSecure(cookieSecure, request.protocol)));
    return ok({ signedOut: true as const });
  });

  route('staffMe', async ({ request }) => {
    const session = await signIn.session(readCookie(request.headers.cookie, STAFF_COOKIE));
    if (session === null) return err('staff_sign_in_required');
    const { id, username, role } = session.account;
    // The CSRF token is derived from the session token (auth/staff-session.ts), so it can be given
    // again to a reloaded page of the same origin; another site cannot read this answer.
    return ok({ staff: { id, username, role }, csrfToken: csrfTokenOf(readCookie(request.headers.cookie, STAFF_COOKIE)!), expiresAt: session.expiresAt });
  });

  route('auditLog', async ({ query }) => {
    const entries = await store.audit.listAudit({
      ...(query.voteId !== undefined ? { voteId: asVoteId(query.voteId) } : {}),
      ...(query.from !== undefined ? { fromSeq: query.from } : {}),
      limit: query.limit ?? 100,
    });
    return ok({ entries: [...entries] });
  });
}

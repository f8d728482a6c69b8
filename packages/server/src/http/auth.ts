// Sign-in routes: request a one-time code, exchange it for a session cookie, log out. The member
// guard (used by every member route) reads the cookie and finds the session. Both sign-in calls
// read the browser binding cookie; asking for a code sets one when the browser has none (decision 0019).
import { type Result, err, ok } from '@ratify/crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BINDING_COOKIE, SESSION_COOKIE, type CookieSecurity, bindingCookie, clearedSessionCookie, isSecure, readCookie, sessionCookie } from '../auth/cookies.ts';
import { type SignInService, bindingOf } from '../services/sign-in.ts';
import type { ApiErrorCode } from './errors.ts';
import type { MemberSession, RouteRegistrar } from './route-kit.ts';

export function memberGuard(signIn: SignInService) {
  return async (request: FastifyRequest): Promise<Result<MemberSession, ApiErrorCode>> => {
    const session = await signIn.session(readCookie(request.headers.cookie, SESSION_COOKIE));
    return session === null ? err('not_signed_in') : ok(session);
  };
}

function retryAfter(reply: FastifyReply, seconds: number | undefined): void {
  if (seconds !== undefined) void reply.header('retry-after', String(seconds));
}

export function authRoutes(route: RouteRegistrar, signIn: SignInService, cookieSecure: CookieSecurity, sessionTtlMs: number): void {
  route('requestCode', async ({ body, request, reply }) => {
    const binding = bindingOf(readCookie(request.headers.cookie, BINDING_COOKIE));
    if (binding.fresh) void reply.header('set-cookie', bindingCookie(binding.token, isSecure(cookieSecure, request.protocol)));
    const r = await signIn.requestCode(body.memberNumber, request.ip, binding);
    if (!r.ok) {
      retryAfter(reply, r.retryAfterSeconds);
      return r;
    }
    return ok({ sent: true as const, message: 'If this member number is on a roll, a code has been sent to the email on file.' });
  });

  route('verifyCode', async ({ body, request, reply }) => {
    // Without the cookie of the browser that asked, no code can match: a fresh binding holds none.
    const r = await signIn.verifyCode(body.memberNumber, body.code, request.ip, bindingOf(readCookie(request.headers.cookie, BINDING_COOKIE)));
    if (!r.ok) {
      retryAfter(reply, r.retryAfterSeconds);
      return r;
    }
    const secure = isSecure(cookieSecure, request.protocol);
    void reply.header('set-cookie', sessionCookie(r.value.token, Math.floor(sessionTtlMs / 1000), secure));
    return ok({ memberNumber: r.value.member.memberNumber, name: r.value.member.name, expiresAt: r.value.expiresAt });
  });

  route('logout', async ({ request, reply }) => {
    await signIn.logout(readCookie(request.headers.cookie, SESSION_COOKIE));
    void reply.header('set-cookie', clearedSessionCookie(isSecure(cookieSecure, request.protocol)));
    return ok({ signedOut: true as const });
  });
}

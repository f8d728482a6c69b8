// Staff-account routes (api/staff-account-routes.ts): administrators list accounts, disable one and
// enable it again; any staff member changes their own password (a few tries per account per window:
// whoever holds a session cannot use it to guess the password). Thin: the store and the engine do
// the work; the route kit audits each successful call (the username disabled or enabled; never a
// password).
import { err, ok } from '@ratify/crypto';
import { changeStaffPassword } from '@ratify/engine';
import type { Store } from '@ratify/storage';
import type { RateLimiter } from '../services/rate-limit.ts';
import type { RouteRegistrar } from './route-kit.ts';

export function staffAccountRoutes(route: RouteRegistrar, store: Store, clock: () => Date, limiter: RateLimiter, passwordChangesPerWindow: number): void {
  route('listStaffAccounts', async () => ok({ accounts: [...(await store.staff.listStaffAccountStatus())] }));

  route('disableStaffAccount', async ({ params, session }) => {
    if (session.kind === 'staff' && session.username === params.username) return err('cannot_disable_self');
    const r = await store.staff.disableStaffAccount(params.username, clock().toISOString());
    return r.ok ? ok({ account: r.value.account, sessionsEnded: r.value.sessionsEnded }) : r;
  });

  // No "not yourself" check: a disabled account has no session to ask with, and the ops token is no account.
  route('enableStaffAccount', async ({ params }) => {
    const r = await store.staff.enableStaffAccount(params.username);
    return r.ok ? ok({ account: r.value.account }) : r;
  });

  route('changeStaffPassword', async ({ body, session, reply }) => {
    const check = await limiter([[`staff-password:account:${session.username}`, passwordChangesPerWindow]]);
    if (!check.ok) {
      void reply.header('retry-after', String(check.retryAfterSeconds));
      return err('rate_limited');
    }
    const r = await changeStaffPassword(store, { username: session.username, currentPassword: body.currentPassword, newPassword: body.newPassword, keepTokenHash: session.tokenHash });
    return r.ok ? ok({ changed: true as const, otherSessionsEnded: r.value.sessionsEnded }) : r;
  });
}

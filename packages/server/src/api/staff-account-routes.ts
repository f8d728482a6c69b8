// Staff account administration and self-service: administrators list accounts, disable one (its
// sessions end at once; never yourself, never the last active administrator) and enable a disabled
// one again (same password and TOTP secret; no earlier session comes back); any signed-in staff
// member changes their own password (the current one required; their other sessions end). Spread
// into ROUTES by routes.ts. Every call is audited by the route kit (never a password).
import type { RouteSpec } from './routes.ts';
import * as a from './staff-account-schemas.ts';
import { STAFF_AUTH_ERRORS as AUTH } from './route-errors.ts';


export const STAFF_ACCOUNT_ROUTES = {
  listStaffAccounts: {
    method: 'GET', path: '/api/admin/staff', role: 'admin', summary: 'Every staff account with its role and whether it is disabled (no verifiers)',
    status: 200, response: a.staffAccountListSchema, errors: [...AUTH],
  },
  disableStaffAccount: {
    method: 'POST', path: '/api/admin/staff/:username/disable', role: 'admin',
    summary: "Disable a staff account: its sessions end at once and sign-in is refused (not yourself, not the last active administrator)",
    params: a.staffUsernameParamsSchema, status: 200, response: a.disableStaffResponseSchema,
    errors: [...AUTH, 'staff_not_found', 'already_disabled', 'last_administrator', 'cannot_disable_self'],
  },
  enableStaffAccount: {
    method: 'POST', path: '/api/admin/staff/:username/enable', role: 'admin',
    summary: 'Enable a disabled staff account again: it signs in with its existing password (and TOTP); no earlier session comes back',
    params: a.staffUsernameParamsSchema, status: 200, response: a.enableStaffResponseSchema,
    errors: [...AUTH, 'staff_not_found', 'not_disabled'],
  },
  changeStaffPassword: {
    method: 'POST', path: '/api/staff/password', role: 'staff',
    summary: 'Change your own password (the current one required; argon2id); your other sessions end',
    body: a.changePasswordBodySchema, status: 200, response: a.changePasswordResponseSchema,
    errors: [...AUTH, 'wrong_password', 'weak_password', 'same_password', 'staff_not_found'],
  },
} as const satisfies Record<string, RouteSpec>;

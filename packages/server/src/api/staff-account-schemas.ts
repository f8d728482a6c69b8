// Schemas of the staff-account routes (staff-account-routes.ts): the account list with status, the
// disable and enable answers, and the password change. Browser-safe (zod only). No password is ever in an answer.
import { z } from 'zod';
import { staffRoleSchema } from './schemas.ts';

export const staffUsernameParamsSchema = z.strictObject({ username: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,64}$/, 'a staff username') });
export const staffAccountStatusSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: staffRoleSchema,
  createdAt: z.string(),
  /** When an administrator disabled the account; null while it is active. */
  disabledAt: z.string().nullable(),
});
export const staffAccountListSchema = z.object({ accounts: z.array(staffAccountStatusSchema) });
export const disableStaffResponseSchema = z.object({ account: staffAccountStatusSchema, sessionsEnded: z.int() });
/** The account as it is now (disabledAt null). No session is counted: an enabled account starts with none. */
export const enableStaffResponseSchema = z.object({ account: staffAccountStatusSchema });
export const changePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
});
export const changePasswordResponseSchema = z.object({ changed: z.literal(true), otherSessionsEnded: z.int() });

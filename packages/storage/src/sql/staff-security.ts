// Staff security over SQL (port-staff-security.ts): pruning expired staff sessions, disabling an
// account together with its sessions and enabling it again (disabled_at cleared; no session kept),
// replacing a password hash together with the other sessions.
// The multi-statement functions must run inside a transaction (SqlStore wraps them).
import { type Result, err, ok } from '@ratify/crypto';
import type { DisableStaffError, EnableStaffError, StaffAccountStatus } from '../port.ts';
import type { SqlContext } from './context.ts';

const COLUMNS = ['id', 'username', 'role', 'created_at', 'disabled_at'] as const;
type Row = { id: string; username: string; role: StaffAccountStatus['role']; created_at: string; disabled_at: string | null };
const status = (row: Row): StaffAccountStatus => ({ id: row.id, username: row.username, role: row.role, createdAt: row.created_at, disabledAt: row.disabled_at });

export async function pruneStaffSessions(ctx: SqlContext, now: string): Promise<number> {
  const deleted = await ctx.db.deleteFrom('staff_sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(deleted.numDeletedRows);
}

export async function listStaffAccountStatus(ctx: SqlContext): Promise<readonly StaffAccountStatus[]> {
  const rows = await ctx.db.selectFrom('staff_accounts').select([...COLUMNS]).orderBy('username').execute();
  return rows.map(status);
}

export async function disableStaffAccount(ctx: SqlContext, username: string, now: string): Promise<Result<{ account: StaffAccountStatus; sessionsEnded: number }, DisableStaffError>> {
  const row = await ctx.db.selectFrom('staff_accounts').select([...COLUMNS]).where('username', '=', username).executeTakeFirst();
  if (row === undefined) return err('staff_not_found', username);
  if (row.disabled_at !== null) return err('already_disabled', username);
  if (row.role === 'administrator') {
    const others = await ctx.db
      .selectFrom('staff_accounts')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('role', '=', 'administrator')
      .where('disabled_at', 'is', null)
      .where('id', '!=', row.id)
      .executeTakeFirstOrThrow();
    if (Number(others.n) === 0) return err('last_administrator', username);
  }
  await ctx.db.updateTable('staff_accounts').set({ disabled_at: now }).where('id', '=', row.id).execute();
  const deleted = await ctx.db.deleteFrom('staff_sessions').where('staff_id', '=', row.id).executeTakeFirst();
  return ok({ account: status({ ...row, disabled_at: now }), sessionsEnded: Number(deleted.numDeletedRows) });
}

export async function enableStaffAccount(ctx: SqlContext, username: string): Promise<Result<{ account: StaffAccountStatus }, EnableStaffError>> {
  const row = await ctx.db.selectFrom('staff_accounts').select([...COLUMNS]).where('username', '=', username).executeTakeFirst();
  if (row === undefined) return err('staff_not_found', username);
  if (row.disabled_at === null) return err('not_disabled', username);
  await ctx.db.updateTable('staff_accounts').set({ disabled_at: null }).where('id', '=', row.id).execute();
  // Disabling deleted the sessions and createStaffSession writes none for a disabled account; any
  // session found here anyway (a store written by an older version) must not come back now.
  await ctx.db.deleteFrom('staff_sessions').where('staff_id', '=', row.id).execute();
  return ok({ account: status({ ...row, disabled_at: null }) });
}

export async function setStaffPassword(ctx: SqlContext, staffId: string, passwordHash: string, keepTokenHash: string | null): Promise<Result<{ sessionsEnded: number }, 'staff_not_found'>> {
  const updated = await ctx.db
    .updateTable('staff_accounts')
    .set({ password_hash: passwordHash })
    .where('id', '=', staffId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return err('staff_not_found', staffId);
  let q = ctx.db.deleteFrom('staff_sessions').where('staff_id', '=', staffId);
  if (keepTokenHash !== null) q = q.where('token_hash', '!=', keepTokenHash);
  const deleted = await q.executeTakeFirst();
  return ok({ sessionsEnded: Number(deleted.numDeletedRows) });
}

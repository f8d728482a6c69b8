// Staff accounts and staff sessions (the StaffStore port, with staff-security.ts). Verifiers are
// stored as given (an argon2id hash, an encrypted TOTP secret, hashed tokens); this module never
// hashes or decrypts.
import { type Result, err, ok } from '@ratify/crypto';
import type {
  CreateStaffError,
  NewStaffAccount,
  NewStaffSession,
  StaffAccount,
  StaffCredentials,
  StaffSession,
  StaffStore,
} from '../port.ts';
import type { SqlContext } from './context.ts';
import type { StaffAccountsTable } from './schema.ts';
import type { PortSql } from './runner.ts';
import { disableStaffAccount, enableStaffAccount, listStaffAccountStatus, pruneStaffSessions, setStaffPassword } from './staff-security.ts';

const account = (row: Pick<StaffAccountsTable, 'id' | 'username' | 'role' | 'created_at'>): StaffAccount => ({
  id: row.id,
  username: row.username,
  role: row.role,
  createdAt: row.created_at,
});

export async function createStaffAccount(ctx: SqlContext, input: NewStaffAccount): Promise<Result<StaffAccount, CreateStaffError>> {
  const row = {
    id: input.id,
    username: input.username,
    role: input.role,
    password_hash: input.passwordHash,
    totp_secret_encrypted: input.totpSecretEncrypted,
    totp_last_step: null,
    created_at: ctx.now(),
  };
  try {
    await ctx.db.insertInto('staff_accounts').values(row).execute();
  } catch (error) {
    if (ctx.hooks.isUniqueViolation(error)) return err('duplicate_username');
    throw error;
  }
  return ok(account(row));
}

export async function getStaffCredentials(ctx: SqlContext, username: string): Promise<StaffCredentials | null> {
  // A disabled account has no credentials: sign-in is refused as for an unknown username.
  const row = await ctx.db.selectFrom('staff_accounts').selectAll().where('username', '=', username).where('disabled_at', 'is', null).executeTakeFirst();
  if (row === undefined) return null;
  return {
    ...account(row),
    passwordHash: row.password_hash,
    totpSecretEncrypted: row.totp_secret_encrypted,
    totpLastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
  };
}

export async function listStaffAccounts(ctx: SqlContext): Promise<readonly StaffAccount[]> {
  const rows = await ctx.db.selectFrom('staff_accounts').select(['id', 'username', 'role', 'created_at']).orderBy('username').execute();
  return rows.map(account);
}

export async function advanceTotpStep(ctx: SqlContext, staffId: string, step: number): Promise<boolean> {
  const updated = await ctx.db
    .updateTable('staff_accounts')
    .set({ totp_last_step: step })
    .where('id', '=', staffId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Inserts the session only if its account exists and is not disabled, in one statement: a sign-in
 * that checked the password just before the account was disabled cannot leave a session behind. */
export async function createStaffSession(ctx: SqlContext, session: NewStaffSession): Promise<boolean> {
  const createdAt = ctx.now();
  const inserted = await ctx.db
    .insertInto('staff_sessions')
    .columns(['token_hash', 'staff_id', 'csrf_hash', 'created_at', 'expires_at'])
    .expression(
      ctx.db
        .selectFrom('staff_accounts')
        .where('id', '=', session.staffId)
        .where('disabled_at', 'is', null)
        .select((eb) => [
          eb.val(session.tokenHash).as('token_hash'),
          'id as staff_id',
          eb.val(session.csrfHash).as('csrf_hash'),
          eb.val(createdAt).as('created_at'),
          eb.val(session.expiresAt).as('expires_at'),
        ]),
    )
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function getStaffSession(ctx: SqlContext, tokenHash: string, now: string): Promise<StaffSession | null> {
  const row = await ctx.db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_accounts as a', 'a.id', 's.staff_id')
    .select(['a.id', 'a.username', 'a.role', 'a.created_at', 's.csrf_hash', 's.created_at as session_created_at', 's.expires_at'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('a.disabled_at', 'is', null)
    .executeTakeFirst();
  if (row === undefined) return null;
  return { account: account(row), csrfHash: row.csrf_hash, createdAt: row.session_created_at, expiresAt: row.expires_at };
}

export async function deleteStaffSession(ctx: SqlContext, tokenHash: string): Promise<boolean> {
  const deleted = await ctx.db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}

export async function rememberStaffDevice(ctx: SqlContext, staffId: string, bindingHash: string, now: string): Promise<void> {
  await ctx.db
    .insertInto('staff_devices')
    .values({ staff_id: staffId, binding_hash: bindingHash, last_signed_in_at: now })
    .onConflict((oc) => oc.columns(['staff_id', 'binding_hash']).doUpdateSet({ last_signed_in_at: now }))
    .execute();
}

export async function isKnownStaffDevice(ctx: SqlContext, staffId: string, bindingHash: string, since: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('staff_devices')
    .select('staff_id')
    .where('staff_id', '=', staffId)
    .where('binding_hash', '=', bindingHash)
    .where('last_signed_in_at', '>=', since)
    .executeTakeFirst();
  return row !== undefined;
}

export const staffSql: PortSql<StaffStore> = {
  ops: {
    createStaffAccount,
    getStaffCredentials,
    listStaffAccounts,
    listStaffAccountStatus,
    advanceTotpStep,
    createStaffSession,
    getStaffSession,
    deleteStaffSession,
    pruneStaffSessions,
    disableStaffAccount,
    enableStaffAccount,
    setStaffPassword,
    rememberStaffDevice,
    isKnownStaffDevice,
  },
  atomic: ['createStaffAccount', 'disableStaffAccount', 'enableStaffAccount', 'setStaffPassword'],
};

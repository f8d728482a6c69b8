// Staff accounts, staff sessions and the append-only audit log. Verifiers are stored as given (an
// argon2id hash, an encrypted TOTP secret, hashed tokens); this module never hashes or decrypts.
// The audit log has insert and select only: no function here updates or deletes it.
import { type Result, err, ok } from '@ratify/crypto';
import type {
  AuditEntry,
  AuditQuery,
  CreateStaffError,
  NewAuditEntry,
  NewStaffAccount,
  NewStaffSession,
  StaffAccount,
  StaffCredentials,
  StaffSession,
} from '../port.ts';
import type { SqlContext } from './context.ts';
import type { AuditLogTable, StaffAccountsTable } from './schema.ts';

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

const entry = (row: AuditLogTable): AuditEntry => ({
  seq: Number(row.seq),
  at: row.at,
  actor: row.actor,
  action: row.action,
  voteId: row.vote_id,
  details: row.details,
});

/** Must run inside a transaction: the next seq is read, then inserted (the primary key refuses a race). */
export async function appendAudit(ctx: SqlContext, input: NewAuditEntry): Promise<AuditEntry> {
  const last = await ctx.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
  const row: AuditLogTable = {
    seq: Number(last?.seq ?? 0) + 1,
    at: ctx.now(),
    actor: input.actor,
    action: input.action,
    vote_id: input.voteId,
    details: input.details,
  };
  await ctx.db.insertInto('audit_log').values(row).execute();
  return entry(row);
}

export async function listAudit(ctx: SqlContext, query: AuditQuery): Promise<readonly AuditEntry[]> {
  let q = ctx.db.selectFrom('audit_log').selectAll().where('seq', '>=', query.fromSeq ?? 1);
  if (query.voteId !== undefined) q = q.where('vote_id', '=', query.voteId);
  const rows = await q.orderBy('seq').limit(query.limit).execute();
  return rows.map(entry);
}

// Member sign-in state: one-time codes and sessions (stored only as hashes, compared by equality
// on the hash), fixed-window rate-limit counters, and pruning. Single-use is a conditional UPDATE,
// so two racing verifications cannot both consume a code. Must not generate or hash secrets.
import type { NewLoginCode, NewSession, PruneSummary, Session, SignInSubject } from '../port.ts';
import type { SqlContext } from './context.ts';
import type { PortSql } from './runner.ts';
import type { SignInStore } from '../port.ts';

/** Must run inside a transaction (it deletes before it inserts). */
export async function createLoginCode(ctx: SqlContext, code: NewLoginCode): Promise<void> {
  await ctx.db
    .deleteFrom('login_codes')
    .where('union_id', '=', code.unionId)
    .where('member_number', '=', code.memberNumber)
    .where('used_at', 'is', null)
    .execute();
  await ctx.db
    .insertInto('login_codes')
    .values({
      id: code.id,
      union_id: code.unionId,
      member_number: code.memberNumber,
      code_hash: code.codeHash,
      created_at: ctx.now(),
      expires_at: code.expiresAt,
      used_at: null,
    })
    .execute();
}

export async function consumeLoginCode(
  ctx: SqlContext,
  memberNumber: string,
  codeHash: string,
  now: string,
): Promise<SignInSubject | null> {
  const candidates = await ctx.db
    .selectFrom('login_codes')
    .select(['id', 'union_id', 'member_number'])
    .where('member_number', '=', memberNumber)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
  for (const row of candidates) {
    const used = await ctx.db
      .updateTable('login_codes')
      .set({ used_at: now })
      .where('id', '=', row.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) === 1) return { unionId: row.union_id, memberNumber: row.member_number };
  }
  return null;
}

export async function createSession(ctx: SqlContext, session: NewSession): Promise<void> {
  await ctx.db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      union_id: session.unionId,
      member_number: session.memberNumber,
      created_at: ctx.now(),
      expires_at: session.expiresAt,
    })
    .execute();
}

export async function getSession(ctx: SqlContext, tokenHash: string, now: string): Promise<Session | null> {
  const row = await ctx.db
    .selectFrom('sessions')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (row === undefined) return null;
  return { unionId: row.union_id, memberNumber: row.member_number, createdAt: row.created_at, expiresAt: row.expires_at };
}

export async function deleteSession(ctx: SqlContext, tokenHash: string): Promise<boolean> {
  const deleted = await ctx.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}

export async function hitRateLimit(ctx: SqlContext, key: string, windowStart: string): Promise<number> {
  const row = await ctx.db
    .insertInto('rate_limit_hits')
    .values({ key, window_start: windowStart, hits: 1 })
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ hits: eb('rate_limit_hits.hits', '+', 1) })))
    .returning('hits')
    .executeTakeFirstOrThrow();
  return Number(row.hits);
}

export async function pruneSignIn(ctx: SqlContext, now: string, windowsBefore: string): Promise<PruneSummary> {
  const codes = await ctx.db.deleteFrom('login_codes').where('expires_at', '<=', now).executeTakeFirst();
  const sessions = await ctx.db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  const windows = await ctx.db.deleteFrom('rate_limit_hits').where('window_start', '<', windowsBefore).executeTakeFirst();
  return {
    codes: Number(codes.numDeletedRows),
    sessions: Number(sessions.numDeletedRows),
    rateLimits: Number(windows.numDeletedRows),
  };
}

export const signInSql: PortSql<SignInStore> = {
  ops: { createLoginCode, consumeLoginCode, createSession, getSession, deleteSession, hitRateLimit, pruneSignIn },
  atomic: ['createLoginCode', 'consumeLoginCode'],
};

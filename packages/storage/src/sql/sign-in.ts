// Member sign-in state: one-time codes and sessions (stored only as hashes, compared by equality
// on the hash), each code bound to one browser with its own wrong-guess count (decision 0019), the
// queue of code requests, fixed-window rate-limit counters, and pruning. Single-use is a conditional
// UPDATE, so two racing verifications cannot both consume a code; taking a request is a conditional
// DELETE, so two outboxes never both take one. Must not generate or hash secrets.
import type { CodeAttempt, CodeCheck, NewLoginCode, NewSession, PruneSummary, Session, SignInRequest } from '../port.ts';
import type { SqlContext } from './context.ts';
import type { PortSql } from './runner.ts';
import type { SignInStore } from '../port.ts';
import { asUnionId } from '@ratify/protocol';

/** Must run inside a transaction (it deletes before it inserts). */
export async function createLoginCode(ctx: SqlContext, code: NewLoginCode): Promise<void> {
  await ctx.db
    .deleteFrom('login_codes')
    .where('union_id', '=', code.unionId)
    .where('member_number', '=', code.memberNumber)
    .where('binding_hash', '=', code.bindingHash)
    .where('used_at', 'is', null)
    .execute();
  await ctx.db
    .insertInto('login_codes')
    .values({
      id: code.id,
      union_id: code.unionId,
      member_number: code.memberNumber,
      code_hash: code.codeHash,
      binding_hash: code.bindingHash,
      created_at: ctx.now(),
      expires_at: code.expiresAt,
      used_at: null,
    })
    .execute();
}

/**
 * Each live code first takes the guess (a conditional increment, so concurrent guesses on
 * PostgreSQL can never push a code past its limit: the condition is checked again under the row
 * lock), then the guess is compared with the codes that took it. A right guess ends the code, so
 * the count of a live code is its wrong guesses.
 */
export async function consumeLoginCode(ctx: SqlContext, attempt: CodeAttempt): Promise<CodeCheck> {
  const live = await ctx.db
    .selectFrom('login_codes')
    .select(['id', 'union_id', 'member_number', 'code_hash'])
    .where('member_number', '=', attempt.memberNumber)
    .where('binding_hash', '=', attempt.bindingHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', attempt.now)
    .where('wrong_guesses', '<', attempt.maxWrongGuesses)
    .orderBy('created_at', 'desc')
    .execute();
  const guessed: typeof live = [];
  for (const row of live) {
    const took = await ctx.db
      .updateTable('login_codes')
      .set((eb) => ({ wrong_guesses: eb('wrong_guesses', '+', 1) }))
      .where('id', '=', row.id)
      .where('used_at', 'is', null)
      .where('wrong_guesses', '<', attempt.maxWrongGuesses)
      .executeTakeFirst();
    if (Number(took.numUpdatedRows) === 1) guessed.push(row);
  }
  if (guessed.length === 0) return { kind: 'no_code' };
  for (const row of guessed.filter((r) => r.code_hash === attempt.codeHash)) {
    const used = await ctx.db
      .updateTable('login_codes')
      .set((eb) => ({ used_at: attempt.now, wrong_guesses: eb('wrong_guesses', '-', 1) }))
      .where('id', '=', row.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) === 1) return { kind: 'signed_in', subject: { unionId: asUnionId(row.union_id), memberNumber: row.member_number } };
  }
  return { kind: 'wrong' };
}

export async function queueSignInRequest(ctx: SqlContext, request: SignInRequest): Promise<void> {
  await ctx.db
    .insertInto('sign_in_requests')
    .values({ id: request.id, member_number: request.memberNumber, binding_hash: request.bindingHash, created_at: request.createdAt })
    .execute();
}

export async function takeSignInRequests(ctx: SqlContext, limit: number): Promise<readonly SignInRequest[]> {
  const rows = await ctx.db.selectFrom('sign_in_requests').selectAll().orderBy('created_at').orderBy('id').limit(limit).execute();
  const taken: SignInRequest[] = [];
  for (const row of rows) {
    const deleted = await ctx.db.deleteFrom('sign_in_requests').where('id', '=', row.id).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 1) taken.push({ id: row.id, memberNumber: row.member_number, bindingHash: row.binding_hash, createdAt: row.created_at });
  }
  return taken;
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
  return { unionId: asUnionId(row.union_id), memberNumber: row.member_number, createdAt: row.created_at, expiresAt: row.expires_at };
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
  const requests = await ctx.db.deleteFrom('sign_in_requests').where('created_at', '<', windowsBefore).executeTakeFirst();
  return {
    codes: Number(codes.numDeletedRows),
    sessions: Number(sessions.numDeletedRows),
    rateLimits: Number(windows.numDeletedRows),
    requests: Number(requests.numDeletedRows),
  };
}

export const signInSql: PortSql<SignInStore> = {
  ops: { createLoginCode, consumeLoginCode, queueSignInRequest, takeSignInRequests, createSession, getSession, deleteSession, hitRateLimit, pruneSignIn },
  atomic: ['createLoginCode', 'consumeLoginCode', 'pruneSignIn'],
};

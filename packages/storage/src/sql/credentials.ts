// Public credentials of a vote: lower-case hex, unique per vote, revocable with a recorded reason;
// and, in a table of its own that is never exported, which member each credential was issued to
// (decision 0018): the server refuses a member's ballot signed with another member's credential.
import { err, ok } from '@ratify/crypto';
import type { Result } from '@ratify/crypto';
import type { AddCredentialsError, Credential, CredentialHolder, LinkHoldersError, RevokeError } from '../port.ts';
import { chunks } from './context.ts';
import type { SqlContext } from './context.ts';
import { toCredential } from './rows.ts';

const HEX = /^(?:[0-9a-f]{2}){1,256}$/;

export const isCredentialHex = (value: string): boolean => HEX.test(value);

/** Must run inside a transaction (chunked inserts are all or nothing). */
export async function addCredentials(
  ctx: SqlContext,
  voteId: string,
  credentials: readonly string[],
): Promise<Result<number, AddCredentialsError>> {
  const vote = await ctx.db.selectFrom('votes').select('id').where('id', '=', voteId).executeTakeFirst();
  if (vote === undefined) return err('vote_not_found', voteId);
  const seen = new Set<string>();
  for (const credential of credentials) {
    if (!isCredentialHex(credential)) return err('invalid_credential', credential);
    if (seen.has(credential)) return err('duplicate_credential', credential);
    seen.add(credential);
  }
  try {
    for (const chunk of chunks(credentials)) {
      await ctx.db
        .insertInto('credentials')
        .values(chunk.map((credential) => ({ vote_id: voteId, credential })))
        .execute();
    }
  } catch (error) {
    if (ctx.hooks.isUniqueViolation(error)) return err('duplicate_credential');
    throw error;
  }
  return ok(credentials.length);
}

export async function findCredential(
  ctx: SqlContext,
  voteId: string,
  credential: string,
): Promise<Credential | null> {
  const row = await ctx.db
    .selectFrom('credentials')
    .selectAll()
    .where('vote_id', '=', voteId)
    .where('credential', '=', credential)
    .executeTakeFirst();
  return row === undefined ? null : toCredential(row);
}

export async function revokeCredential(
  ctx: SqlContext,
  voteId: string,
  credential: string,
  reason: string,
): Promise<Result<Credential, RevokeError>> {
  const why = reason.trim();
  if (why === '') return err('missing_reason');
  const vote = await ctx.db.selectFrom('votes').select('id').where('id', '=', voteId).executeTakeFirst();
  if (vote === undefined) return err('vote_not_found', voteId);
  const row = await ctx.db
    .updateTable('credentials')
    .set({ revoked: 1, revoked_reason: why, revoked_at: ctx.now() })
    .where('vote_id', '=', voteId)
    .where('credential', '=', credential)
    .where('revoked', '=', 0)
    .returningAll()
    .executeTakeFirst();
  if (row !== undefined) {
    // A revoked credential's ballots stop counting (its holder votes again with the replacement),
    // so one member is never counted twice. Callers run this inside a transaction.
    await ctx.db.updateTable('ballots').set({ counted: 0 }).where('vote_id', '=', voteId).where('credential', '=', credential).execute();
    return ok(toCredential(row));
  }
  return (await findCredential(ctx, voteId, credential)) === null
    ? err('unknown_credential')
    : err('already_revoked');
}

export async function listCredentials(ctx: SqlContext, voteId: string): Promise<readonly Credential[]> {
  const rows = await ctx.db
    .selectFrom('credentials')
    .selectAll()
    .where('vote_id', '=', voteId)
    .orderBy('credential')
    .execute();
  return rows.map(toCredential);
}

/** Must run inside a transaction (all or nothing). */
export async function linkHolders(
  ctx: SqlContext,
  voteId: string,
  links: readonly CredentialHolder[],
): Promise<Result<number, LinkHoldersError>> {
  const vote = await ctx.db.selectFrom('votes').select('id').where('id', '=', voteId).executeTakeFirst();
  if (vote === undefined) return err('vote_not_found', voteId);
  const credentials = new Set<string>();
  const members = new Set<string>();
  for (const link of links) {
    if (credentials.has(link.credential)) return err('duplicate_credential', link.credential);
    if (members.has(link.memberNumber)) return err('member_has_credential', link.memberNumber);
    credentials.add(link.credential);
    members.add(link.memberNumber);
  }
  // Every credential listed; none with a holder already; no member with a credential still active.
  const listed = new Map((await listCredentials(ctx, voteId)).map((c) => [c.credential, c]));
  const holders = await ctx.db.selectFrom('credential_holders').select(['credential', 'member_number']).where('vote_id', '=', voteId).execute();
  const held = new Set(holders.map((h) => h.credential));
  const active = new Set(holders.filter((h) => listed.get(h.credential)?.revoked === false).map((h) => h.member_number));
  for (const link of links) {
    if (!listed.has(link.credential)) return err('unknown_credential', link.credential);
    if (held.has(link.credential)) return err('credential_has_holder', link.credential);
    if (active.has(link.memberNumber)) return err('member_has_credential', link.memberNumber);
  }
  for (const chunk of chunks(links)) {
    await ctx.db
      .insertInto('credential_holders')
      .values(chunk.map((l) => ({ vote_id: voteId, credential: l.credential, member_number: l.memberNumber })))
      .execute();
  }
  return ok(links.length);
}

export async function getHolder(ctx: SqlContext, voteId: string, credential: string): Promise<string | null> {
  const row = await ctx.db
    .selectFrom('credential_holders')
    .select('member_number')
    .where('vote_id', '=', voteId)
    .where('credential', '=', credential)
    .executeTakeFirst();
  return row?.member_number ?? null;
}

export async function heldCredentials(ctx: SqlContext, voteId: string, memberNumber: string): Promise<readonly Credential[]> {
  const rows = await ctx.db
    .selectFrom('credentials')
    .innerJoin('credential_holders', (j) =>
      j.onRef('credential_holders.vote_id', '=', 'credentials.vote_id').onRef('credential_holders.credential', '=', 'credentials.credential'),
    )
    .selectAll('credentials')
    .where('credentials.vote_id', '=', voteId)
    .where('credential_holders.member_number', '=', memberNumber)
    .orderBy('credentials.credential')
    .execute();
  return rows.map(toCredential);
}

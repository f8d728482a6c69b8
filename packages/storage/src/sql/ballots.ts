// The ballot box: accept a ballot for an open vote from a listed credential and apply the revote
// policy so at most one ballot per credential is counted (the partial unique index
// ballots_one_counted_uq enforces the same in the database). Must run inside a transaction.
import { assertNever, err, ok } from '@ratify/crypto';
import type { Result } from '@ratify/crypto';
import type { BallotSubmission, CastError, CastReceipt, RevotePolicy, StoredBallot } from '../port.ts';
import type { SqlContext } from './context.ts';
import { findCredential } from './credentials.ts';
import { toBallot } from './rows.ts';

export async function castBallot(
  ctx: SqlContext,
  voteId: string,
  ballot: BallotSubmission,
  policy: RevotePolicy,
): Promise<Result<CastReceipt, CastError>> {
  // Bumping the vote's ballot counter first takes the vote's row lock (PostgreSQL) or the write
  // lock (SQLite): casts for one vote are serialised, and the counter is the ballot's sequence.
  const vote = await ctx.db
    .updateTable('votes')
    .set((eb) => ({ ballot_count: eb('ballot_count', '+', 1) }))
    .where('id', '=', voteId)
    .returning(['status', 'ballot_count'])
    .executeTakeFirst();
  if (vote === undefined) return err('vote_not_found', voteId);
  if (vote.status !== 'open') return err('vote_closed', vote.status);

  const credential = await findCredential(ctx, voteId, ballot.credential);
  if (credential === null) return err('unknown_credential');
  if (credential.revoked) return err('credential_revoked');

  const sameCode = await ctx.db
    .selectFrom('ballots')
    .select('sequence')
    .where('vote_id', '=', voteId)
    .where('tracking_code', '=', ballot.trackingCode)
    .executeTakeFirst();
  if (sameCode !== undefined) return err('duplicate_ballot', ballot.trackingCode);

  const current = await ctx.db
    .selectFrom('ballots')
    .select(['sequence', 'tracking_code'])
    .where('vote_id', '=', voteId)
    .where('credential', '=', ballot.credential)
    .where('counted', '=', 1)
    .executeTakeFirst();

  let counted: boolean;
  let superseded: string | null = null;
  switch (policy) {
    case 'last_counts':
      counted = true;
      if (current !== undefined) {
        await ctx.db
          .updateTable('ballots')
          .set({ counted: 0 })
          .where('vote_id', '=', voteId)
          .where('sequence', '=', current.sequence)
          .execute();
        superseded = current.tracking_code;
      }
      break;
    case 'first_counts':
      counted = current === undefined;
      break;
    default:
      return assertNever(policy);
  }

  const receivedAt = ctx.now();
  const sequence = Number(vote.ballot_count);
  try {
    await ctx.db
      .insertInto('ballots')
      .values({
        vote_id: voteId,
        sequence,
        credential: ballot.credential,
        tracking_code: ballot.trackingCode,
        ballot: ballot.ballot,
        received_at: receivedAt,
        counted: counted ? 1 : 0,
      })
      .execute();
  } catch (error) {
    if (ctx.hooks.isUniqueViolation(error)) return err('duplicate_ballot', ballot.trackingCode);
    throw error;
  }
  return ok({
    sequence,
    trackingCode: ballot.trackingCode,
    receivedAt,
    counted,
    supersededTrackingCode: superseded,
  });
}

export async function listBallots(
  ctx: SqlContext,
  voteId: string,
  countedOnly: boolean,
): Promise<readonly StoredBallot[]> {
  let query = ctx.db.selectFrom('ballots').selectAll().where('vote_id', '=', voteId);
  if (countedOnly) query = query.where('counted', '=', 1);
  const rows = await query.orderBy('sequence').execute();
  return rows.map(toBallot);
}

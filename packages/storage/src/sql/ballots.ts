// The ballot box (BallotBox port, with credentials.ts): accept a ballot for an open vote from a
// listed credential and apply the revote policy so at most one ballot per credential is counted (the
// partial unique index ballots_one_counted_uq enforces the same in the database; castBallot must run
// inside a transaction), and the read models over ballots: counts, tracking codes, per hour.
import { assertNever, err, ok } from '@ratify/crypto';
import type { Result } from '@ratify/crypto';
import type {
  BallotCounts,
  BallotSubmission,
  BoardBallot,
  BoardBallotQuery,
  CastError,
  CastReceipt,
  HourlyBallots,
  RevotePolicy,
  StoredBallot,
} from '../port.ts';
import type { SqlContext } from './context.ts';
import { findCredential } from './credentials.ts';
import { toBallot } from './rows.ts';
import type { PortSql } from './runner.ts';
import type { BallotBox } from '../port.ts';
import { addCredentials, getHolder, heldCredentials, linkHolders, listCredentials, revokeCredential } from './credentials.ts';
import { sql } from 'kysely';

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
  options: { readonly countedOnly?: boolean } = {},
): Promise<readonly StoredBallot[]> {
  let query = ctx.db.selectFrom('ballots').selectAll().where('vote_id', '=', voteId);
  if (options.countedOnly === true) query = query.where('counted', '=', 1);
  const rows = await query.orderBy('sequence').execute();
  return rows.map(toBallot);
}

const HEX_PREFIX = /^[0-9a-f]{1,64}$/;

export async function countBallots(ctx: SqlContext, voteId: string): Promise<BallotCounts> {
  const row = await ctx.db
    .selectFrom('ballots')
    .select((eb) => [eb.fn.countAll().as('accepted'), eb.fn.sum<number | string | null>('counted').as('counted')])
    .where('vote_id', '=', voteId)
    .executeTakeFirstOrThrow();
  return { accepted: Number(row.accepted), counted: Number(row.counted ?? 0) };
}

export async function listBoardBallots(
  ctx: SqlContext,
  voteId: string,
  query: BoardBallotQuery,
): Promise<readonly BoardBallot[]> {
  let q = ctx.db
    .selectFrom('ballots')
    .select(['sequence', 'tracking_code', 'counted'])
    .where('vote_id', '=', voteId)
    .where('sequence', '>=', query.fromSequence ?? 0);
  if (query.prefix !== undefined) {
    // A range on the (vote_id, tracking_code) unique index; hex only, so 'g' sorts after every digit.
    if (!HEX_PREFIX.test(query.prefix)) throw new Error('listBoardBallots: prefix must be lower-case hex');
    q = q.where('tracking_code', '>=', query.prefix).where('tracking_code', '<', `${query.prefix}g`);
  }
  const rows = await q.orderBy('sequence').limit(query.limit).execute();
  return rows.map((r) => ({ sequence: Number(r.sequence), trackingCode: r.tracking_code, counted: Number(r.counted) === 1 }));
}

export async function ballotsByHour(ctx: SqlContext, voteId: string): Promise<readonly HourlyBallots[]> {
  const hour = sql<string>`substr(received_at, 1, 13)`;
  const rows = await ctx.db
    .selectFrom('ballots')
    .select((eb) => [hour.as('hour'), eb.fn.countAll<number | string>().as('ballots')])
    .where('vote_id', '=', voteId)
    .groupBy(hour)
    .orderBy(hour)
    .execute();
  return rows.map((r) => ({ hour: `${r.hour}:00:00.000Z`, ballots: Number(r.ballots) }));
}

export const ballotSql: PortSql<BallotBox> = {
  ops: {
    addCredentials,
    revokeCredential,
    listCredentials,
    getCredential: findCredential,
    linkHolders,
    getHolder,
    heldCredentials,
    castBallot,
    listBallots,
    countBallots,
    listBoardBallots,
    ballotsByHour,
  },
  atomic: ['addCredentials', 'revokeCredential', 'linkHolders', 'castBallot'],
};

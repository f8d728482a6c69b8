// Read models for the public pages and the member's own page: the vote list, ballot counts, the
// board's tracking codes (never credentials or contents), member and roll-entry lookups. Read-only.
import type { BallotCounts, BoardBallot, BoardBallotQuery, Member, RollEntry, Vote } from '../port.ts';
import type { SqlContext } from './context.ts';
import { toMember, toRollEntry, toVote } from './rows.ts';

const HEX_PREFIX = /^[0-9a-f]{1,64}$/;

export async function listVotes(ctx: SqlContext): Promise<readonly Vote[]> {
  const rows = await ctx.db
    .selectFrom('votes')
    .select(['id', 'union_id', 'status', 'manifest', 'created_at'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toVote);
}

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

export async function findMembersByNumber(ctx: SqlContext, memberNumber: string): Promise<readonly Member[]> {
  const rows = await ctx.db
    .selectFrom('members')
    .selectAll()
    .where('member_number', '=', memberNumber)
    .orderBy('union_id')
    .execute();
  return rows.map(toMember);
}

export async function findMembersByEmail(ctx: SqlContext, email: string): Promise<readonly Member[]> {
  const rows = await ctx.db.selectFrom('members').selectAll().where('email', '=', email).orderBy('union_id').execute();
  return rows.map(toMember);
}

export async function getRollEntry(ctx: SqlContext, voteId: string, memberNumber: string): Promise<RollEntry | null> {
  const row = await ctx.db
    .selectFrom('roll_entries')
    .selectAll()
    .where('vote_id', '=', voteId)
    .where('member_number', '=', memberNumber)
    .executeTakeFirst();
  return row === undefined ? null : toRollEntry(row);
}

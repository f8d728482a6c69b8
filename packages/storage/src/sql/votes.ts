// Votes and their status machine (draft → open → closed → tallied → published). The transition is
// a compare-and-set on the status column, so two racing transitions cannot both succeed.
import { err, ok } from '@ratify/crypto';
import type { Result } from '@ratify/crypto';
import type { CreateVoteError, NewVote, TransitionError, Vote, VoteStatus } from '../port.ts';
import type { SqlContext } from './context.ts';
import { getUnion } from './members.ts';
import { toVote } from './rows.ts';

export const VOTE_TRANSITIONS: Readonly<Record<VoteStatus, readonly VoteStatus[]>> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['tallied'],
  tallied: ['published'],
  published: [],
};

export const canTransition = (from: VoteStatus, to: VoteStatus): boolean =>
  VOTE_TRANSITIONS[from].includes(to);

const VOTE_COLUMNS = ['id', 'union_id', 'status', 'manifest', 'created_at'] as const;

export async function getVote(ctx: SqlContext, id: string): Promise<Vote | null> {
  const row = await ctx.db.selectFrom('votes').select(VOTE_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : toVote(row);
}

export async function createVote(ctx: SqlContext, vote: NewVote): Promise<Result<Vote, CreateVoteError>> {
  if ((await getUnion(ctx, vote.unionId)) === null) return err('union_not_found', vote.unionId);
  const row = {
    id: vote.id,
    union_id: vote.unionId,
    status: 'draft',
    manifest: vote.manifest,
    created_at: ctx.now(),
  };
  try {
    await ctx.db.insertInto('votes').values(row).execute();
  } catch (error) {
    if (ctx.hooks.isUniqueViolation(error)) return err('duplicate_vote', vote.id);
    throw error;
  }
  return ok(toVote(row));
}

export async function transitionVote(
  ctx: SqlContext,
  id: string,
  to: VoteStatus,
): Promise<Result<Vote, TransitionError>> {
  const vote = await getVote(ctx, id);
  if (vote === null) return err('vote_not_found', id);
  if (!canTransition(vote.status, to)) return err('invalid_transition', `${vote.status} -> ${to}`);
  const updated = await ctx.db
    .updateTable('votes')
    .set({ status: to })
    .where('id', '=', id)
    .where('status', '=', vote.status)
    .returning(VOTE_COLUMNS)
    .executeTakeFirst();
  if (updated === undefined) return err('invalid_transition', `${vote.status} changed concurrently`);
  return ok(toVote(updated));
}

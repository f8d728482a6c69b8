// Votes and their status machine (draft → open → closed → tallied → published). The transition is
// a compare-and-set on the status column, so two racing transitions cannot both succeed.
import { err, ok } from '@ratify/crypto';
import type { Result } from '@ratify/crypto';
import type { Selectable } from 'kysely';
import type {
  CreateVoteError,
  DueJob,
  NewScheduleEntry,
  NewVote,
  ScheduleEntry,
  ScheduleError,
  ScheduledJob,
  TransitionError,
  Vote,
  VoteStatus,
  VoteStore,
} from '../port.ts';
import type { VoteScheduleTable } from './schema.ts';
import type { SqlContext } from './context.ts';
import { getUnion } from './members.ts';
import { toVote } from './rows.ts';
import type { PortSql } from './runner.ts';

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

export async function listVotes(ctx: SqlContext): Promise<readonly Vote[]> {
  const rows = await ctx.db
    .selectFrom('votes')
    .select(['id', 'union_id', 'status', 'manifest', 'created_at'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toVote);
}

const toSchedule = (row: Selectable<VoteScheduleTable>): ScheduleEntry => ({
  voteId: row.vote_id,
  opensAt: row.opens_at,
  closesAt: row.closes_at,
  openedAt: row.opened_at,
  closedAt: row.closed_at,
  lastError: row.last_error,
});

export async function getSchedule(ctx: SqlContext, voteId: string): Promise<ScheduleEntry | null> {
  const row = await ctx.db.selectFrom('vote_schedule').selectAll().where('vote_id', '=', voteId).executeTakeFirst();
  return row === undefined ? null : toSchedule(row);
}

export async function scheduleVote(ctx: SqlContext, entry: NewScheduleEntry): Promise<Result<ScheduleEntry, ScheduleError>> {
  if ((await getVote(ctx, entry.voteId)) === null) return err('vote_not_found', entry.voteId);
  const row = { vote_id: entry.voteId, opens_at: entry.opensAt, closes_at: entry.closesAt, opened_at: null, closed_at: null, last_error: null };
  try {
    await ctx.db.insertInto('vote_schedule').values(row).execute();
  } catch (error) {
    if (ctx.hooks.isUniqueViolation(error)) return err('already_scheduled', entry.voteId);
    throw error;
  }
  return ok(toSchedule(row));
}

export async function listDueJobs(ctx: SqlContext, now: string): Promise<readonly DueJob[]> {
  const opens = await ctx.db
    .selectFrom('vote_schedule')
    .select(['vote_id', 'opens_at'])
    .where('opened_at', 'is', null)
    .where('opens_at', '<=', now)
    .orderBy('opens_at')
    .orderBy('vote_id')
    .execute();
  const closes = await ctx.db
    .selectFrom('vote_schedule')
    .select(['vote_id', 'closes_at'])
    .where('closed_at', 'is', null)
    .where('closes_at', '<=', now)
    .orderBy('closes_at')
    .orderBy('vote_id')
    .execute();
  return [
    ...opens.map((r): DueJob => ({ voteId: r.vote_id, job: 'open', dueAt: r.opens_at })),
    ...closes.map((r): DueJob => ({ voteId: r.vote_id, job: 'close', dueAt: r.closes_at })),
  ];
}

export async function recordJobRun(ctx: SqlContext, voteId: string, job: ScheduledJob, at: string, error: string | null): Promise<void> {
  const done = job === 'open' ? { opened_at: at } : { closed_at: at };
  await ctx.db
    .updateTable('vote_schedule')
    .set(error === null ? { ...done, last_error: null } : { last_error: `${at} ${job}: ${error}` })
    .where('vote_id', '=', voteId)
    .execute();
}

export const voteSql: PortSql<VoteStore> = {
  ops: { createVote, getVote, listVotes, transitionVote, scheduleVote, getSchedule, listDueJobs, recordJobRun },
  atomic: ['createVote', 'transitionVote', 'scheduleVote', 'recordJobRun'],
};

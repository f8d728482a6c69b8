// The admin console's persistence: union counts, dual-member lookups before an import, vote drafts
// and their relayed key-ceremony messages, the scheduler's open/close jobs, and the turnout read
// models (counts per hour and per unit, who has voted). Must not run crypto or parse messages: the
// server checks every message before it gets here. Writers run inside a transaction.
import { err, ok } from '@ratify/crypto';
import type { Result } from '@ratify/crypto';
import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type {
  AddCeremonyMessageError,
  CreateDraftError,
  Draft,
  DraftStatus,
  DraftTransitionError,
  DueJob,
  HourlyBallots,
  Member,
  NewCeremonyMessage,
  NewDraft,
  NewScheduleEntry,
  Participant,
  ScheduleEntry,
  ScheduleError,
  ScheduledJob,
  StoredCeremonyMessage,
  UnionSummary,
  UnitTurnout,
} from '../port.ts';
import { type SqlContext, chunks } from './context.ts';
import { getUnion } from './members.ts';
import { toMember } from './rows.ts';
import type { CeremonyMessagesTable, VoteDraftsTable, VoteScheduleTable } from './schema.ts';
import { getVote } from './votes.ts';

const DRAFT_STATUSES: readonly DraftStatus[] = ['ceremony', 'created'];

function toDraft(row: Selectable<VoteDraftsTable>): Draft {
  const status = DRAFT_STATUSES.find((s) => s === row.status);
  if (status === undefined) throw new Error(`corrupt draft status in database: ${row.status}`);
  return { id: row.id, unionId: row.union_id, definition: row.definition, status, createdAt: row.created_at, voteCreatedAt: row.vote_created_at };
}

const toCeremonyMessage = (row: Selectable<CeremonyMessagesTable>): StoredCeremonyMessage => ({
  draftId: row.draft_id,
  seq: Number(row.seq),
  key: row.message_key,
  kind: row.kind,
  author: Number(row.author),
  message: row.message,
  receivedAt: row.received_at,
});

const toSchedule = (row: Selectable<VoteScheduleTable>): ScheduleEntry => ({
  voteId: row.vote_id,
  opensAt: row.opens_at,
  closesAt: row.closes_at,
  openedAt: row.opened_at,
  closedAt: row.closed_at,
  lastError: row.last_error,
});

export async function listUnions(ctx: SqlContext): Promise<readonly UnionSummary[]> {
  const rows = await ctx.db
    .selectFrom('unions')
    .leftJoin('members', 'members.union_id', 'unions.id')
    .select((eb) => [
      'unions.id',
      'unions.name',
      eb.fn.count<number | string>('members.member_number').as('members'),
      eb.fn.sum<number | string | null>('members.good_standing').as('eligible'),
    ])
    .groupBy(['unions.id', 'unions.name'])
    .orderBy('unions.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, members: Number(r.members), eligible: Number(r.eligible ?? 0) }));
}

export async function findMembersByEmails(ctx: SqlContext, emails: readonly string[]): Promise<readonly Member[]> {
  const out: Member[] = [];
  for (const chunk of chunks([...new Set(emails)])) {
    const rows = await ctx.db.selectFrom('members').selectAll().where('email', 'in', chunk).execute();
    out.push(...rows.map(toMember));
  }
  return out.sort((a, b) => (a.email === b.email ? a.unionId.localeCompare(b.unionId) : a.email.localeCompare(b.email)));
}

export async function getDraft(ctx: SqlContext, id: string): Promise<Draft | null> {
  const row = await ctx.db.selectFrom('vote_drafts').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : toDraft(row);
}

export async function createDraft(ctx: SqlContext, draft: NewDraft): Promise<Result<Draft, CreateDraftError>> {
  if ((await getUnion(ctx, draft.unionId)) === null) return err('union_not_found', draft.unionId);
  const row = { id: draft.id, union_id: draft.unionId, definition: draft.definition, status: 'ceremony', created_at: ctx.now(), vote_created_at: null };
  try {
    await ctx.db.insertInto('vote_drafts').values(row).execute();
  } catch (error) {
    if (ctx.hooks.isUniqueViolation(error)) return err('duplicate_draft', draft.id);
    throw error;
  }
  return ok(toDraft({ ...row, message_count: 0 }));
}

export async function listDrafts(ctx: SqlContext): Promise<readonly Draft[]> {
  const rows = await ctx.db.selectFrom('vote_drafts').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(toDraft);
}

export async function markDraftCreated(ctx: SqlContext, id: string): Promise<Result<Draft, DraftTransitionError>> {
  const updated = await ctx.db
    .updateTable('vote_drafts')
    .set({ status: 'created', vote_created_at: ctx.now() })
    .where('id', '=', id)
    .where('status', '=', 'ceremony')
    .returningAll()
    .executeTakeFirst();
  if (updated !== undefined) return ok(toDraft(updated));
  return (await getDraft(ctx, id)) === null ? err('draft_not_found', id) : err('draft_already_created', id);
}

export async function addCeremonyMessage(
  ctx: SqlContext,
  draftId: string,
  message: NewCeremonyMessage,
): Promise<Result<StoredCeremonyMessage, AddCeremonyMessageError>> {
  // Bumping the counter first takes the draft's lock and gives the message its sequence number.
  const counter = await ctx.db
    .updateTable('vote_drafts')
    .set((eb) => ({ message_count: eb('message_count', '+', 1) }))
    .where('id', '=', draftId)
    .returning(['message_count', 'status'])
    .executeTakeFirst();
  if (counter === undefined) return err('draft_not_found', draftId);
  if (counter.status !== 'ceremony') return err('draft_already_created', draftId);
  const row = {
    draft_id: draftId,
    seq: Number(counter.message_count),
    message_key: message.key,
    kind: message.kind,
    author: message.author,
    message: message.message,
    received_at: ctx.now(),
  };
  try {
    await ctx.db.insertInto('ceremony_messages').values(row).execute();
  } catch (error) {
    if (ctx.hooks.isUniqueViolation(error)) return err('duplicate_message', message.key);
    throw error;
  }
  return ok(toCeremonyMessage(row));
}

export async function listCeremonyMessages(ctx: SqlContext, draftId: string): Promise<readonly StoredCeremonyMessage[]> {
  const rows = await ctx.db.selectFrom('ceremony_messages').selectAll().where('draft_id', '=', draftId).orderBy('seq').execute();
  return rows.map(toCeremonyMessage);
}

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

export async function turnoutByUnit(ctx: SqlContext, voteId: string): Promise<readonly UnitTurnout[]> {
  const eligible = await ctx.db
    .selectFrom('roll_entries')
    .select((eb) => ['unit', eb.fn.countAll<number | string>().as('n')])
    .where('vote_id', '=', voteId)
    .where('status', '=', 'eligible')
    .groupBy('unit')
    .execute();
  const voted = await ctx.db
    .selectFrom('participation')
    .innerJoin('roll_entries', (j) =>
      j.onRef('roll_entries.vote_id', '=', 'participation.vote_id').onRef('roll_entries.member_number', '=', 'participation.member_number'),
    )
    .select((eb) => ['roll_entries.unit', eb.fn.countAll<number | string>().as('n')])
    .where('participation.vote_id', '=', voteId)
    .groupBy('roll_entries.unit')
    .execute();
  const units = new Map<string | null, { eligible: number; voted: number }>();
  const at = (unit: string | null) => units.get(unit) ?? units.set(unit, { eligible: 0, voted: 0 }).get(unit)!;
  for (const r of eligible) at(r.unit).eligible = Number(r.n);
  for (const r of voted) at(r.unit).voted = Number(r.n);
  return [...units]
    .map(([unit, counts]) => ({ unit, ...counts }))
    .sort((a, b) => (a.unit === b.unit ? 0 : a.unit === null ? -1 : b.unit === null ? 1 : a.unit.localeCompare(b.unit)));
}

export async function listParticipants(ctx: SqlContext, voteId: string): Promise<readonly Participant[]> {
  const rows = await ctx.db
    .selectFrom('participation')
    .leftJoin('roll_entries', (j) =>
      j.onRef('roll_entries.vote_id', '=', 'participation.vote_id').onRef('roll_entries.member_number', '=', 'participation.member_number'),
    )
    .select(['participation.member_number', 'roll_entries.name', 'roll_entries.unit'])
    .where('participation.vote_id', '=', voteId)
    .orderBy('participation.member_number')
    .execute();
  return rows.map((r) => ({ memberNumber: r.member_number, name: r.name ?? null, unit: r.unit ?? null }));
}

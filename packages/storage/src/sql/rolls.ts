// Frozen rolls: a snapshot of the union's members in good standing at a record date, and the
// audited events (added late, removed, challenged) that are the only way to change it afterwards.
// Callers run the writers inside a transaction.
import { err, ok } from '@ratify/crypto';
import type { Result } from '@ratify/crypto';
import type {
  AmendError,
  FreezeError,
  FrozenRoll,
  RollAmendment,
  RollEntry,
  RollEntryStatus,
  RollEvent,
  RollStore,
  Participant,
  UnitTurnout,
} from '../port.ts';
import type { SqlContext } from './context.ts';
import { toRoll, toRollEntry, toRollEvent } from './rows.ts';
import { getVote } from './votes.ts';
import type { PortSql } from './runner.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (match === null) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export async function getRoll(ctx: SqlContext, voteId: string): Promise<FrozenRoll | null> {
  const row = await ctx.db.selectFrom('rolls').selectAll().where('vote_id', '=', voteId).executeTakeFirst();
  return row === undefined ? null : toRoll(row);
}

export async function freezeRoll(
  ctx: SqlContext,
  voteId: string,
  unionId: string,
  recordDate: string,
): Promise<Result<FrozenRoll, FreezeError>> {
  if (!isIsoDate(recordDate)) return err('invalid_record_date', recordDate);
  const vote = await getVote(ctx, voteId);
  if (vote === null) return err('vote_not_found', voteId);
  if (vote.unionId !== unionId) return err('union_mismatch', `vote ${voteId} belongs to ${vote.unionId}`);
  if (vote.status !== 'draft') return err('vote_not_draft', vote.status);
  if ((await getRoll(ctx, voteId)) !== null) return err('roll_already_frozen', voteId);

  const eligible = ctx.db
    .selectFrom('members')
    .where('union_id', '=', unionId)
    .where('good_standing', '=', 1);
  const { count } = await eligible
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  const roll = {
    vote_id: voteId,
    union_id: unionId,
    record_date: recordDate,
    frozen_at: ctx.now(),
    frozen_count: Number(count),
  };
  try {
    await ctx.db.insertInto('rolls').values(roll).execute();
  } catch (error) {
    if (ctx.hooks.isUniqueViolation(error)) return err('roll_already_frozen', voteId);
    throw error;
  }
  await ctx.db
    .insertInto('roll_entries')
    .columns(['vote_id', 'member_number', 'name', 'email', 'unit', 'status', 'origin'])
    .expression(
      eligible.select((eb) => [
        eb.val(voteId).as('vote_id'),
        'member_number',
        'name',
        'email',
        'unit',
        eb.val('eligible').as('status'),
        eb.val('frozen').as('origin'),
      ]),
    )
    .execute();
  return ok(toRoll({ ...roll, event_count: 0 }));
}

/** Applies one amendment; returns the entry's new status or the reason it does not apply. */
async function applyAmendment(
  ctx: SqlContext,
  voteId: string,
  unionId: string,
  amendment: RollAmendment,
): Promise<Result<RollEntryStatus, AmendError>> {
  const entry = await ctx.db
    .selectFrom('roll_entries')
    .select('status')
    .where('vote_id', '=', voteId)
    .where('member_number', '=', amendment.memberNumber)
    .executeTakeFirst();
  const setStatus = async (status: RollEntryStatus): Promise<Result<RollEntryStatus, AmendError>> => {
    await ctx.db
      .updateTable('roll_entries')
      .set({ status })
      .where('vote_id', '=', voteId)
      .where('member_number', '=', amendment.memberNumber)
      .execute();
    return ok(status);
  };
  switch (amendment.kind) {
    case 'added': {
      if (entry !== undefined && entry.status !== 'removed')
        return err('already_on_roll', amendment.memberNumber);
      if (entry !== undefined) return setStatus('eligible');
      const member = await ctx.db
        .selectFrom('members')
        .select(['member_number', 'name', 'email', 'unit'])
        .where('union_id', '=', unionId)
        .where('member_number', '=', amendment.memberNumber)
        .executeTakeFirst();
      if (member === undefined) return err('member_not_found', amendment.memberNumber);
      await ctx.db
        .insertInto('roll_entries')
        .values({ vote_id: voteId, ...member, status: 'eligible', origin: 'added' })
        .execute();
      return ok('eligible');
    }
    case 'removed':
      if (entry === undefined || entry.status === 'removed')
        return err('not_on_roll', amendment.memberNumber);
      return setStatus('removed');
    case 'challenged':
      if (entry === undefined || entry.status === 'removed')
        return err('not_on_roll', amendment.memberNumber);
      if (entry.status === 'challenged') return err('already_challenged', amendment.memberNumber);
      return setStatus('challenged');
  }
}

export async function amendRoll(
  ctx: SqlContext,
  voteId: string,
  amendment: RollAmendment,
): Promise<Result<RollEvent, AmendError>> {
  const reason = amendment.reason.trim();
  if (reason === '') return err('missing_reason');
  const vote = await getVote(ctx, voteId);
  if (vote === null) return err('vote_not_found', voteId);
  if (vote.status === 'tallied' || vote.status === 'published') return err('roll_locked', vote.status);
  // Taking the roll's counter first serialises amendments (it is the roll's row lock).
  const counter = await ctx.db
    .updateTable('rolls')
    .set((eb) => ({ event_count: eb('event_count', '+', 1) }))
    .where('vote_id', '=', voteId)
    .returning(['event_count', 'union_id'])
    .executeTakeFirst();
  if (counter === undefined) return err('roll_not_frozen', voteId);

  const applied = await applyAmendment(ctx, voteId, counter.union_id, amendment);
  if (!applied.ok) return applied;
  const event = {
    vote_id: voteId,
    seq: Number(counter.event_count),
    kind: amendment.kind,
    member_number: amendment.memberNumber,
    reason,
    at: ctx.now(),
  };
  await ctx.db.insertInto('roll_events').values(event).execute();
  return ok(toRollEvent(event));
}

export async function listRollEntries(ctx: SqlContext, voteId: string): Promise<readonly RollEntry[]> {
  const rows = await ctx.db
    .selectFrom('roll_entries')
    .selectAll()
    .where('vote_id', '=', voteId)
    .orderBy('member_number')
    .execute();
  return rows.map(toRollEntry);
}

export async function listRollEvents(ctx: SqlContext, voteId: string): Promise<readonly RollEvent[]> {
  const rows = await ctx.db
    .selectFrom('roll_events')
    .selectAll()
    .where('vote_id', '=', voteId)
    .orderBy('seq')
    .execute();
  return rows.map(toRollEvent);
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

/** Members with a counted ballot: counted ballots joined with the private credential holders. */
function votedMembers(ctx: SqlContext, voteId: string) {
  return ctx.db
    .selectFrom('ballots')
    .innerJoin('credential_holders', (j) =>
      j.onRef('credential_holders.vote_id', '=', 'ballots.vote_id').onRef('credential_holders.credential', '=', 'ballots.credential'),
    )
    .where('ballots.vote_id', '=', voteId)
    .where('ballots.counted', '=', 1)
    .select('credential_holders.member_number')
    .distinct();
}

export async function hasParticipated(ctx: SqlContext, voteId: string, memberNumber: string): Promise<boolean> {
  const row = await votedMembers(ctx, voteId).where('credential_holders.member_number', '=', memberNumber).executeTakeFirst();
  return row !== undefined;
}

export async function listParticipants(ctx: SqlContext, voteId: string): Promise<readonly Participant[]> {
  const rows = await ctx.db
    .selectFrom(votedMembers(ctx, voteId).as('voted'))
    .leftJoin('roll_entries', (j) => j.on('roll_entries.vote_id', '=', voteId).onRef('roll_entries.member_number', '=', 'voted.member_number'))
    .select(['voted.member_number', 'roll_entries.name', 'roll_entries.unit'])
    .orderBy('voted.member_number')
    .execute();
  return rows.map((r) => ({ memberNumber: r.member_number, name: r.name ?? null, unit: r.unit ?? null }));
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
    .selectFrom(votedMembers(ctx, voteId).as('voted'))
    .innerJoin('roll_entries', (j) => j.on('roll_entries.vote_id', '=', voteId).onRef('roll_entries.member_number', '=', 'voted.member_number'))
    .select((eb) => ['roll_entries.unit', eb.fn.countAll<number | string>().as('n')])
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

export const rollSql: PortSql<RollStore> = {
  ops: { freezeRoll, getRoll, amendRoll, listRollEntries, listRollEvents, getRollEntry, hasParticipated, listParticipants, turnoutByUnit },
  atomic: ['freezeRoll', 'amendRoll'],
};

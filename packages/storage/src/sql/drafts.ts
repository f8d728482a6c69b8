// Vote drafts and their relayed key-ceremony messages. Must not run crypto or parse messages: the
// server checks every message before it gets here. Writers run inside a transaction.
import { err, ok } from '@ratify/crypto';
import type { Result } from '@ratify/crypto';
import type { Selectable } from 'kysely';
import type {
  AddCeremonyMessageError,
  CreateDraftError,
  Draft,
  DraftStatus,
  DraftTransitionError,
  NewCeremonyMessage,
  NewDraft,
  StoredCeremonyMessage,
} from '../port.ts';
import type { SqlContext } from './context.ts';
import { getUnion } from './members.ts';
import type { CeremonyMessagesTable, VoteDraftsTable } from './schema.ts';
import type { PortSql } from './runner.ts';
import type { DraftStore } from '../port.ts';
import { asVoteId, asUnionId } from '@ratify/protocol';

const DRAFT_STATUSES: readonly DraftStatus[] = ['ceremony', 'created'];

function toDraft(row: Selectable<VoteDraftsTable>): Draft {
  const status = DRAFT_STATUSES.find((s) => s === row.status);
  if (status === undefined) throw new Error(`corrupt draft status in database: ${row.status}`);
  return { id: asVoteId(row.id), unionId: asUnionId(row.union_id), definition: row.definition, electionId: row.election_id, status, createdAt: row.created_at, voteCreatedAt: row.vote_created_at };
}

const toCeremonyMessage = (row: Selectable<CeremonyMessagesTable>): StoredCeremonyMessage => ({
  draftId: asVoteId(row.draft_id),
  seq: Number(row.seq),
  key: row.message_key,
  kind: row.kind,
  author: Number(row.author),
  message: row.message,
  receivedAt: row.received_at,
});

export async function getDraft(ctx: SqlContext, id: string): Promise<Draft | null> {
  const row = await ctx.db.selectFrom('vote_drafts').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : toDraft(row);
}

export async function createDraft(ctx: SqlContext, draft: NewDraft): Promise<Result<Draft, CreateDraftError>> {
  if ((await getUnion(ctx, draft.unionId)) === null) return err('union_not_found', draft.unionId);
  const row = { id: draft.id, union_id: draft.unionId, definition: draft.definition, election_id: draft.electionId, status: 'ceremony', created_at: ctx.now(), vote_created_at: null };
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

export const draftSql: PortSql<DraftStore> = {
  ops: { createDraft, getDraft, listDrafts, markDraftCreated, addCeremonyMessage, listCeremonyMessages },
  atomic: ['createDraft', 'markDraftCreated', 'addCeremonyMessage'],
};

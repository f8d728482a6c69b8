// Linked follow-up votes over SQL (port-follow-ups.ts): the draft and its link are written in the
// caller's transaction; the partial unique index keeps one live link per parent question, so two
// concurrent starts cannot both succeed. Must not parse definitions or judge outcomes.
import { err, ok, type Result } from '@ratify/crypto';
import type { Selectable } from 'kysely';
import type { DiscardFollowUpError, Draft, FollowUpLink, NewDraft, NewFollowUpLink, StartFollowUpError } from '../port.ts';
import { createDraft, getDraft } from './drafts.ts';
import type { SqlContext } from './context.ts';
import type { FollowUpLinksTable } from './schema.ts';
import { getVote } from './votes.ts';
import type { PortSql } from './runner.ts';
import type { FollowUpStore } from '../port.ts';

const toLink = (row: Selectable<FollowUpLinksTable>): FollowUpLink => ({
  childId: row.child_draft_id,
  parentVoteId: row.parent_vote_id,
  questionId: row.question_id,
  outcome: row.outcome,
  startedBy: row.started_by,
  startedAt: row.started_at,
  discardedAt: row.discarded_at,
});

async function liveLink(ctx: SqlContext, parentVoteId: string, questionId: string): Promise<FollowUpLink | null> {
  const row = await ctx.db
    .selectFrom('follow_up_links')
    .selectAll()
    .where('parent_vote_id', '=', parentVoteId)
    .where('question_id', '=', questionId)
    .where('discarded_at', 'is', null)
    .executeTakeFirst();
  return row === undefined ? null : toLink(row);
}

export async function startFollowUpDraft(
  ctx: SqlContext,
  link: NewFollowUpLink,
  draft: NewDraft,
): Promise<Result<{ draft: Draft; link: FollowUpLink }, StartFollowUpError>> {
  const live = await liveLink(ctx, link.parentVoteId, link.questionId);
  if (live !== null) return err('follow_up_already_started', `${link.parentVoteId}/${link.questionId}: draft ${live.childId}`);
  const created = await createDraft(ctx, draft);
  if (!created.ok) return created;
  const row = {
    child_draft_id: draft.id,
    parent_vote_id: link.parentVoteId,
    question_id: link.questionId,
    outcome: link.outcome,
    started_by: link.startedBy,
    started_at: ctx.now(),
    discarded_at: null,
  };
  try {
    await ctx.db.insertInto('follow_up_links').values(row).execute();
  } catch (error) {
    if (ctx.hooks.isUniqueViolation(error)) return err('follow_up_already_started', `${link.parentVoteId}/${link.questionId}`);
    throw error;
  }
  return ok({ draft: created.value, link: toLink(row) });
}

export async function listFollowUpLinks(ctx: SqlContext, parentVoteId: string): Promise<readonly FollowUpLink[]> {
  const rows = await ctx.db.selectFrom('follow_up_links').selectAll().where('parent_vote_id', '=', parentVoteId).orderBy('started_at').orderBy('child_draft_id').execute();
  return rows.map(toLink);
}

export async function getFollowUpLinkTo(ctx: SqlContext, childId: string): Promise<FollowUpLink | null> {
  const row = await ctx.db.selectFrom('follow_up_links').selectAll().where('child_draft_id', '=', childId).where('discarded_at', 'is', null).executeTakeFirst();
  return row === undefined ? null : toLink(row);
}

export async function discardFollowUpDraft(ctx: SqlContext, childId: string): Promise<Result<FollowUpLink, DiscardFollowUpError>> {
  const link = await getFollowUpLinkTo(ctx, childId);
  if (link === null) return err('not_a_follow_up', childId);
  const draft = await getDraft(ctx, childId);
  if (draft === null) return err('draft_not_found', childId);
  // A vote under the draft's id (created, even if the draft was not yet marked) is never discarded.
  if (draft.status !== 'ceremony' || (await getVote(ctx, childId)) !== null) return err('draft_already_created', childId);
  await ctx.db.deleteFrom('ceremony_messages').where('draft_id', '=', childId).execute();
  await ctx.db.deleteFrom('vote_drafts').where('id', '=', childId).where('status', '=', 'ceremony').execute();
  const discardedAt = ctx.now();
  await ctx.db.updateTable('follow_up_links').set({ discarded_at: discardedAt }).where('child_draft_id', '=', childId).execute();
  return ok({ ...link, discardedAt });
}

export const followUpSql: PortSql<FollowUpStore> = {
  ops: { startFollowUpDraft, listFollowUpLinks, getFollowUpLinkTo, discardFollowUpDraft },
  atomic: ['startFollowUpDraft', 'discardFollowUpDraft'],
};

// Linked follow-up votes (protocol §M7): what a vote's manifest declares will follow each outcome,
// what its published result triggered, and starting a triggered vote follow-up as a new draft whose
// questions are exactly the signed template's (members were told before voting what a failure sets
// off), for the same union, linked to the parent — once, unless that draft is discarded. Must not
// evaluate rules itself: the published result (recomputed by any verifier) says what triggered.
import { type Result, err, ok } from '@ratify/crypto';
import { type VoteId, asVoteId, generateElectionId } from '@ratify/protocol';
import type { Engine } from '@ratify/engine';
import { type CanonicalValue, describeRule, type FollowUp, followUpKind, type Manifest, toCanonical } from '@ratify/protocol';
import type { FollowUpLink } from '@ratify/storage';
import type { z } from 'zod';
import type { StartFollowUpBody, followUpLinkSchema } from '../api/follow-up-schemas.ts';
import type { ResponseOf } from '../api/routes.ts';
import type { ApiErrorCode } from '../http/errors.ts';
import type { StaffActor } from '../http/route-kit.ts';
import type { DraftService } from './drafts.ts';
import { validateDefinition } from './drafts.ts';
import type { PublicVoteService } from './public-votes.ts';

type Declared = ResponseOf<'voteFollowUps'>['declared'][number];
type LinkView = z.infer<typeof followUpLinkSchema>;

function declared(f: FollowUp): Declared {
  const base = { questionId: f.questionId, outcome: f.outcome, kind: followUpKind(f), text: f.text };
  if (f.vote === undefined) return base;
  return {
    ...base,
    template: {
      title: f.vote.title,
      ...(f.vote.revotePolicy !== undefined && { revotePolicy: f.vote.revotePolicy }),
      questions: f.vote.questions.map((q) => ({ ...q })),
      rules: f.vote.questions.map((q) => ({ kind: q.rule.kind, en: describeRule(q.rule, 'en', q), es: describeRule(q.rule, 'es', q) })),
    },
  };
}

const canonical = (v: unknown): string => toCanonical(JSON.parse(JSON.stringify(v)) as CanonicalValue);

export function createFollowUpService(engine: Engine, drafts: DraftService, publicVotes: PublicVoteService) {
  const store = engine.store;

  async function manifestOf(voteId: VoteId): Promise<Manifest | null> {
    const ctx = await engine.context(voteId);
    return ctx.ok ? ctx.value.manifest : null;
  }

  async function triggeredOf(voteId: VoteId) {
    const r = await publicVotes.result(voteId);
    return r.ok ? (r.value.result.followUps ?? []) : null;
  }

  async function linkView(link: FollowUpLink): Promise<LinkView> {
    const { discardedAt: _d, ...rest } = link;
    return { ...rest, childStatus: (await store.votes.getVote(link.childId)) === null ? 'draft' : 'vote' };
  }

  /** Public: the declarations, the triggered ones once published, and the links to created votes. */
  async function forVote(voteId: VoteId): Promise<Result<ResponseOf<'voteFollowUps'>, ApiErrorCode>> {
    const manifest = await manifestOf(voteId);
    if (manifest === null) return err('vote_not_found', voteId);
    const from = await store.followUps.getFollowUpLinkTo(voteId);
    const parent = from === null ? null : await manifestOf(from.parentVoteId);
    const followedBy = [];
    for (const link of await store.followUps.listFollowUpLinks(voteId)) {
      if (link.discardedAt !== null) continue;
      const child = await manifestOf(link.childId);
      if (child !== null) followedBy.push({ voteId: link.childId, title: child.title, questionId: link.questionId, outcome: link.outcome });
    }
    return ok({
      voteId,
      declared: manifest.followUps.map(declared),
      triggered: await triggeredOf(voteId),
      followsFrom: from && parent ? { voteId: from.parentVoteId, title: parent.title, questionId: from.questionId, outcome: from.outcome } : null,
      followedBy,
    });
  }

  /** Admin: the links of a vote or draft id, drafts included. */
  async function links(id: VoteId): Promise<Result<ResponseOf<'adminFollowUps'>, ApiErrorCode>> {
    const from = await store.followUps.getFollowUpLinkTo(id);
    const started = [];
    for (const link of await store.followUps.listFollowUpLinks(id)) if (link.discardedAt === null) started.push(await linkView(link));
    return ok({ id, followsFrom: from === null ? null : await linkView(from), started });
  }

  async function start(parentVoteId: VoteId, body: StartFollowUpBody, actor: StaffActor): Promise<Result<ResponseOf<'adminStartFollowUp'>, ApiErrorCode>> {
    const manifest = await manifestOf(parentVoteId);
    if (manifest === null) return err('vote_not_found', parentVoteId);
    const triggered = await triggeredOf(parentVoteId);
    if (triggered === null) return err('result_not_published', parentVoteId);
    const hit = triggered.find((t) => t.questionId === body.questionId);
    if (hit === undefined) return err('follow_up_not_triggered', `question ${body.questionId}`);
    const declaration = manifest.followUps.find((f) => f.questionId === hit.questionId && f.outcome === hit.declared);
    if (declaration === undefined) return err('internal_error', `the result names a follow-up ${hit.questionId}/${hit.declared} the manifest does not declare`);
    if (declaration.vote === undefined) return err('follow_up_not_a_vote', `question ${body.questionId}: ${hit.declared}`);
    const definition = body.definition;
    if (definition.unionId !== manifest.unionId) return err('union_mismatch', `a follow-up vote is for ${manifest.unionId}`);
    const union = await store.members.getUnion(manifest.unionId);
    if (union === null) return err('union_not_found', definition.unionId);
    const v = validateDefinition(engine, definition, union.name);
    if (!v.ok) return v;
    const template = declaration.vote;
    if (canonical(v.value.definition.questions) !== canonical(template.questions))
      return err('follow_up_template_mismatch', 'questions: the follow-up vote asks exactly the questions, with the rules, its parent declared');
    if (template.revotePolicy !== undefined && v.value.definition.revotePolicy !== template.revotePolicy)
      return err('follow_up_template_mismatch', `revotePolicy: the template sets ${template.revotePolicy}`);
    // A definition that validated has a well-formed vote id.
    const childId = asVoteId(v.value.definition.voteId);
    if ((await store.votes.getVote(childId)) !== null) return err('duplicate_vote', childId);
    const startedBy = actor.kind === 'staff' ? actor.username : 'ops-token';
    const started = await store.followUps.startFollowUpDraft(
      { parentVoteId, questionId: hit.questionId, outcome: hit.declared, startedBy },
      { id: childId, unionId: union.id, definition: JSON.stringify(v.value.input), electionId: generateElectionId() },
    );
    if (!started.ok) return started;
    const draft = await drafts.get(started.value.draft.id);
    if (!draft.ok) return draft;
    return ok({ draft: draft.value, link: await linkView(started.value.link) });
  }

  async function discard(childId: VoteId): Promise<Result<ResponseOf<'adminDiscardFollowUp'>, ApiErrorCode>> {
    const r = await store.followUps.discardFollowUpDraft(childId);
    if (!r.ok) return r;
    const { discardedAt, ...rest } = r.value;
    return ok({ ...rest, discardedAt: discardedAt ?? '' });
  }

  return { forVote, links, start, discard };
}

export type FollowUpService = ReturnType<typeof createFollowUpService>;

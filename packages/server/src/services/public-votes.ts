// What anyone may read: the list of votes, a vote's questions and rules in plain words, the board's
// tracking codes and head, turnout counts (never choices, never partial results), the published
// result, the record, and the booth's encryption parameters. Read-only.
import { type Result, err, ok, toHex } from '@ratify/crypto';
import type { VoteId } from '@ratify/protocol';
import type { Engine, VoteContext } from '@ratify/engine';
import { channelsOf, describeChannels, describeRule } from '@ratify/protocol';
import type { Vote } from '@ratify/storage';
import type { ResponseOf } from '../api/routes.ts';
import type { ApiErrorCode } from '../http/errors.ts';

type Loaded = { readonly vote: Vote; readonly ctx: VoteContext };

export function createPublicVoteService(engine: Engine) {
  const store = engine.store;

  async function load(voteId: VoteId): Promise<Result<Loaded, ApiErrorCode>> {
    const vote = await store.votes.getVote(voteId);
    if (vote === null) return err('vote_not_found');
    const ctx = await engine.context(voteId);
    return ctx.ok ? ok({ vote, ctx: ctx.value }) : ctx;
  }

  function summary({ vote, ctx }: Loaded): ResponseOf<'listVotes'>['votes'][number] {
    const m = ctx.manifest;
    return { id: vote.id, title: m.title, unionId: m.unionId, unionName: m.unionName, status: vote.status, schedule: m.schedule };
  }

  async function list(): Promise<Result<ResponseOf<'listVotes'>, ApiErrorCode>> {
    const votes = [];
    for (const vote of await store.votes.listVotes()) {
      const ctx = await engine.context(vote.id);
      if (!ctx.ok) return ctx;
      votes.push(summary({ vote, ctx: ctx.value }));
    }
    return ok({ votes });
  }

  async function detail(voteId: VoteId): Promise<Result<ResponseOf<'getVote'>, ApiErrorCode>> {
    const loaded = await load(voteId);
    if (!loaded.ok) return loaded;
    const { vote, ctx } = loaded.value;
    const m = ctx.manifest;
    return ok({
      ...summary(loaded.value),
      recordDate: m.recordDate,
      eligibleCount: m.eligibleCount,
      revotePolicy: m.revotePolicy,
      fingerprint: toHex(ctx.fingerprint),
      questions: m.questions.map((q) => ({
        id: q.id,
        kind: q.kind,
        text: q.text,
        options: q.kind === 'yes_no' ? q.options.map((o) => ({ id: o, text: o })) : q.options.map((o) => ({ id: o.id, text: o.text })),
        min: q.min,
        max: q.max,
        blankAllowed: q.blankAllowed,
        rule: { kind: q.rule.kind, en: describeRule(q.rule, 'en', q), es: describeRule(q.rule, 'es', q) },
      })),
      trustees: { threshold: m.trustees.threshold, members: m.trustees.members.map((t) => ({ id: t.id, name: t.name })) },
      channels: { accepted: [...channelsOf(m).accepted], precedence: channelsOf(m).precedence ?? null, en: describeChannels(channelsOf(m), 'en'), es: describeChannels(channelsOf(m), 'es') },
      manifest: vote.manifest,
    });
  }

  async function board(voteId: VoteId, query: { q?: string | undefined; from?: number | undefined; limit?: number | undefined }) {
    if ((await store.votes.getVote(voteId)) === null) return err('vote_not_found');
    const limit = query.limit ?? 100;
    const rows = await store.ballots.listBoardBallots(voteId, {
      limit: limit + 1,
      ...(query.q !== undefined ? { prefix: query.q } : {}),
      ...(query.from !== undefined ? { fromSequence: query.from } : {}),
    });
    const page = rows.slice(0, limit);
    const next = rows.length > limit ? rows[limit]!.sequence : null;
    return ok({ voteId, head: await store.board.head(voteId), ballots: [...page], next });
  }

  async function turnout(voteId: VoteId): Promise<Result<ResponseOf<'turnout'>, ApiErrorCode>> {
    const loaded = await load(voteId);
    if (!loaded.ok) return loaded;
    const counts = await store.ballots.countBallots(voteId);
    const { vote, ctx } = loaded.value;
    return ok({ voteId, status: vote.status, eligible: ctx.manifest.eligibleCount, ballotsCounted: counts.counted });
  }

  async function result(voteId: VoteId): Promise<Result<ResponseOf<'result'>, ApiErrorCode>> {
    const vote = await store.votes.getVote(voteId);
    if (vote === null) return err('vote_not_found');
    const head = await store.board.head(voteId);
    if (vote.status !== 'published' || head === null) return err('result_not_published');
    // result_published is the board's last event (docs/record-format.md §1).
    const [last] = await store.board.listEvents(voteId, { fromSeq: head.seq, limit: 1 });
    if (last?.kind !== 'result_published') return err('result_not_published');
    const payload = JSON.parse(last.payload) as { result: ResponseOf<'result'>['result'] };
    return ok({ voteId, result: payload.result, boardHead: head.hash });
  }

  async function record(voteId: VoteId): Promise<Result<ResponseOf<'record'>, ApiErrorCode>> {
    const files = await engine.exportRecord(voteId);
    if (!files.ok) return files;
    return ok({ voteId, format: 'ratify-record/v1', files: Object.fromEntries(files.value) });
  }

  async function ballotParams(voteId: VoteId): Promise<Result<ResponseOf<'ballotParams'>, ApiErrorCode>> {
    const loaded = await load(voteId);
    if (!loaded.ok) return loaded;
    const { vote, ctx } = loaded.value;
    return ok({ voteId, status: vote.status, manifest: vote.manifest, fingerprint: toHex(ctx.fingerprint) });
  }

  /** Public credentials starting with `prefix` (two hex digits, checked by the route), active and revoked. */
  async function credentialBucket(voteId: VoteId, prefix: string): Promise<Result<ResponseOf<'credentialBucket'>, ApiErrorCode>> {
    if ((await store.votes.getVote(voteId)) === null) return err('vote_not_found');
    const bucket = (await store.ballots.listCredentials(voteId)).filter((c) => c.credential.startsWith(prefix));
    return ok({
      voteId,
      prefix,
      active: bucket.filter((c) => !c.revoked).map((c) => c.credential),
      revoked: bucket.filter((c) => c.revoked).map((c) => c.credential),
    });
  }

  return { list, detail, board, turnout, result, record, ballotParams, credentialBucket };
}

export type PublicVoteService = ReturnType<typeof createPublicVoteService>;

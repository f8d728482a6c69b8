// The engine: the services of one Ratify installation bound to a Store, a group backend and a
// clock. The CLI and the server create one each (main.ts wires it); there is no global instance.
import { type CeremonyMessage, type Group, type Result, err, ok, ristretto255 } from '@ratify/crypto';
import type { VoteId } from '@ratify/protocol';
import type { CredentialHolder, Store } from '@ratify/storage';
import { publishHeldCredentials } from './credential-holders.ts';
import type { BallotChecker } from './ballot-check-pool.ts';
import { type CastBallotError, type CastResult, type Participant, type VerifiedBallotText, storeVerifiedBallot, verifyIncomingBallot } from './casting.ts';
import { createCastCommitter } from './cast-group.ts';
import { closeVote, publishResult, submitPartialDecryption, readTally } from './counting.ts';
import { exportRecord } from './export-record.ts';
import { type AuthorityAuthorization, type CredentialReplacement, type VoteDefinition, createVote, openVote, publishCredentials, replaceCredential } from './setup.ts';
import { type VoteContext, parseVoteContext } from './vote-context.ts';

export type EngineOptions = {
  readonly store: Store;
  readonly group?: Group;
  readonly now?: () => Date;
  /** Verify ballots in worker threads (the server); absent: in this thread (CLI, tests). */
  readonly checker?: BallotChecker;
  /** Most ballots stored per commit under load (group commit, decision 0022); 1 = one commit per ballot. */
  readonly castGroupMax?: number;
};

export type ContextError = 'vote_not_found' | 'manifest_unreadable';

export function createEngine(options: EngineOptions) {
  const store = options.store;
  const group = options.group ?? ristretto255;
  const now = options.now ?? (() => new Date());
  const contexts = new Map<string, VoteContext>();
  const committer = createCastCommitter(store, options.castGroupMax);

  async function context(voteId: VoteId): Promise<Result<VoteContext, ContextError>> {
    const cached = contexts.get(voteId);
    if (cached) return ok(cached);
    const vote = await store.votes.getVote(voteId);
    if (!vote) return err('vote_not_found', voteId);
    const ctx = parseVoteContext(group, vote.manifest);
    if (!ctx.ok) return err('manifest_unreadable', ctx.error);
    contexts.set(voteId, ctx.value);
    return ok(ctx.value);
  }

  const withContext =
    <A extends unknown[], T, E extends string>(fn: (ctx: VoteContext, ...args: A) => Promise<Result<T, E>>) =>
    async (voteId: VoteId, ...args: A): Promise<Result<T, E | ContextError>> => {
      const ctx = await context(voteId);
      return ctx.ok ? fn(ctx.value, ...args) : ctx;
    };

  return {
    store,
    group,
    context,
    createVote: (definition: VoteDefinition, messages: readonly CeremonyMessage[]) => createVote(store, group, definition, messages),
    publishCredentials: (voteId: VoteId, credentials: readonly string[], authorization: AuthorityAuthorization) => publishCredentials(store, group, voteId, credentials, authorization),
    replaceCredential: (voteId: VoteId, replacement: CredentialReplacement) => replaceCredential(store, group, voteId, replacement),
    /** publishCredentials and the private member ↔ credential link, in one transaction (decision 0018). */
    publishHeldCredentials: (voteId: VoteId, links: readonly CredentialHolder[], authorization: AuthorityAuthorization) => publishHeldCredentials(store, group, voteId, links, authorization),
    openVote: (voteId: VoteId) => openVote(store, voteId, now()),
    /** Verify (worker pool when there is one), then store with group commit; the result comes after the commit. */
    castBallot: withContext<[string, Participant?], CastResult, CastBallotError>(async (ctx, text, participant) => {
      const verified = await verifyIncomingBallot(store, group, ctx, text, options.checker, participant);
      return verified.ok ? committer.store(ctx, verified.value, participant) : verified;
    }),
    /** Ballots per commit so far (bench and tests). */
    castGroupSizes: (): readonly number[] => committer.groupSizes,
    /** castBallot in two steps, for pipelines that verify ahead and store in order (simulation). */
    verifyIncomingBallot: withContext<[string], VerifiedBallotText, CastBallotError>((ctx, text) =>
      verifyIncomingBallot(store, group, ctx, text, options.checker),
    ),
    storeVerifiedBallot: withContext<[VerifiedBallotText, Participant?], CastResult, CastBallotError>((ctx, verified, participant) =>
      storeVerifiedBallot(store, ctx, verified, participant),
    ),
    closeVote: withContext((ctx) => closeVote(store, group, ctx, now())),
    readTally: (voteId: VoteId) => readTally(store, group, voteId),
    submitPartialDecryption: withContext((ctx, text: string) => submitPartialDecryption(store, group, ctx, text)),
    publishResult: withContext((ctx) => publishResult(store, group, ctx)),
    exportRecord: (voteId: VoteId) => exportRecord(store, voteId),
  };
}

export type Engine = ReturnType<typeof createEngine>;

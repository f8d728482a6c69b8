// Group commit for casting (decision 0022). A receipt is given only after the transaction holding the
// ballot and its board event(s) has committed, and a commit is the expensive part of storing a ballot
// (an fsync: ≈ 6 ms on this project's VM, against ≈ 0.1 ms for the statements). So verified ballots
// queue here, and one transaction stores everything that queued while the previous commit ran — each
// ballot in its own savepoint (storeVerifiedBallot's nested transaction), so a refused ballot rolls
// back alone and the others still commit. An idle server commits a lone ballot after one turn of the
// event loop: no timer, no added latency; grouping only happens under load, by up to `maxGroup`.
// If the group's transaction throws (I/O error, failed commit), every ballot in it fails: no receipt
// was given for any of them, and nothing of them is stored (the transaction rolled back).
// Must not verify ballots (casting.ts does, before they get here) nor reorder them: ballots are stored
// in the order they were submitted.
import type { Result } from '@ratify/crypto';
import { ok } from '@ratify/crypto';
import type { Store } from '@ratify/storage';
import { type CastBallotError, type CastResult, type VerifiedBallotText, storeVerifiedBallot } from './casting.ts';
import type { VoteContext } from './vote-context.ts';

type Job = {
  readonly ctx: VoteContext;
  readonly verified: VerifiedBallotText;
  readonly participant: { readonly memberNumber: string } | undefined;
  readonly settle: (outcome: { readonly result: Result<CastResult, CastBallotError> } | { readonly error: unknown }) => void;
};

export type CastCommitter = {
  /** Stores a verified ballot; resolves once its group has committed (or the ballot was refused). */
  store(ctx: VoteContext, verified: VerifiedBallotText, participant?: { readonly memberNumber: string }): Promise<Result<CastResult, CastBallotError>>;
  /** Ballots stored per commit so far (for `npm run bench:cast` and tests): one entry per commit. */
  readonly groupSizes: readonly number[];
};

/** The default cap: large enough to absorb a burst, small enough to keep one commit short. */
export const DEFAULT_CAST_GROUP_MAX = 128;

export function createCastCommitter(store: Store, maxGroup: number = DEFAULT_CAST_GROUP_MAX): CastCommitter {
  if (!Number.isInteger(maxGroup) || maxGroup < 1) throw new Error(`maxGroup must be a whole number ≥ 1 (got ${maxGroup})`);
  const queue: Job[] = [];
  const groupSizes: number[] = [];
  let running = false;

  async function commitGroup(jobs: readonly Job[]): Promise<void> {
    const outcomes: ({ result: Result<CastResult, CastBallotError> } | { error: unknown })[] = [];
    try {
      const committed = await store.transaction<null, never>(async (tx) => {
        for (const job of jobs) {
          try {
            outcomes.push({ result: await storeVerifiedBallot(tx, job.ctx, job.verified, job.participant) });
          } catch (error) {
            // Its savepoint was rolled back; the others go on.
            outcomes.push({ error });
          }
        }
        return ok(null);
      });
      if (!committed.ok) throw new Error('the group transaction was not committed');
    } catch (error) {
      for (const job of jobs) job.settle({ error });
      return;
    }
    groupSizes.push(jobs.length);
    jobs.forEach((job, i) => job.settle(outcomes[i]!));
  }

  async function drain(): Promise<void> {
    running = true;
    try {
      // One turn of the event loop before each group: a synchronous driver (better-sqlite3) blocks
      // the thread during the previous commit's fsync, so the ballots verified meanwhile are still
      // unread messages from the workers; setImmediate runs after they are delivered.
      for (;;) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (queue.length === 0) break;
        await commitGroup(queue.splice(0, maxGroup));
      }
    } finally {
      running = false;
    }
  }

  return {
    groupSizes,
    store(ctx, verified, participant) {
      return new Promise((resolve, reject) => {
        queue.push({ ctx, verified, participant, settle: (o) => ('result' in o ? resolve(o.result) : reject(o.error)) });
        if (!running) void drain();
      });
    },
  };
}

// The vote scheduler: opens each vote at its manifest's opensAt and closes it at closesAt. Jobs live
// in the store (vote_schedule), so a restart forgets nothing; main.ts polls `runDueJobs(now)` every
// few seconds and tests call it with a fake clock. A job that cannot run (no credentials at the
// opening) keeps its error and is retried on the next poll; a vote an administrator already opened
// or closed by hand just marks the job done. Results are never computed here: the trustees decrypt.
import type { Engine } from '@ratify/engine';
import type { DueJob } from '@ratify/storage';

export type JobOutcome = DueJob & { readonly outcome: 'done' | 'skipped' | 'failed'; readonly error?: string };

export function createScheduler(engine: Engine) {
  const store = engine.store;
  let running: Promise<readonly JobOutcome[]> | null = null;

  async function runJob(job: DueJob, at: string): Promise<JobOutcome> {
    const vote = await store.votes.getVote(job.voteId);
    const fail = async (error: string): Promise<JobOutcome> => {
      await store.votes.recordJobRun(job.voteId, job.job, at, error);
      return { ...job, outcome: 'failed', error };
    };
    if (vote === null) return fail('vote_not_found');
    const due = job.job === 'open' ? 'draft' : 'open';
    if (vote.status !== due) {
      if (job.job === 'close' && vote.status === 'draft') return fail('never_opened');
      await store.votes.recordJobRun(job.voteId, job.job, at, null);
      return { ...job, outcome: 'skipped' };
    }
    const r = job.job === 'open' ? await engine.openVote(job.voteId) : await engine.closeVote(job.voteId);
    if (!r.ok) return fail(r.error);
    await store.votes.recordJobRun(job.voteId, job.job, at, null);
    return { ...job, outcome: 'done' };
  }

  /** Runs every job due at `now`, one at a time; overlapping calls share one run. */
  async function runDueJobs(now: Date): Promise<readonly JobOutcome[]> {
    if (running !== null) return running;
    const run = (async () => {
      const at = now.toISOString();
      const outcomes: JobOutcome[] = [];
      for (const job of await store.votes.listDueJobs(at)) outcomes.push(await runJob(job, at));
      return outcomes;
    })();
    running = run;
    try {
      return await run;
    } finally {
      running = null;
    }
  }

  return { runDueJobs };
}

export type Scheduler = ReturnType<typeof createScheduler>;

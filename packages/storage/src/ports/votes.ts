// Port: votes (their manifest text and status machine) and the scheduler's open/close jobs.
// Must not parse manifests: the engine does.
import type { Result } from '@ratify/crypto';

export type VoteStatus = 'draft' | 'open' | 'closed' | 'tallied' | 'published';

export interface NewVote {
  readonly id: string;
  readonly unionId: string;
  /** The manifest's canonical JSON text, stored byte for byte. */
  readonly manifest: string;
}

export interface Vote extends NewVote {
  readonly status: VoteStatus;
  readonly createdAt: string;
}

export type ScheduledJob = 'open' | 'close';

export interface NewScheduleEntry {
  readonly voteId: string;
  /** ISO 8601 instants as Date.toISOString() writes them (so text order is time order). */
  readonly opensAt: string;
  readonly closesAt: string;
}

export interface ScheduleEntry extends NewScheduleEntry {
  readonly openedAt: string | null;
  readonly closedAt: string | null;
  readonly lastError: string | null;
}

export interface DueJob {
  readonly voteId: string;
  readonly job: ScheduledJob;
  readonly dueAt: string;
}


export type CreateVoteError = 'union_not_found' | 'duplicate_vote';
export type TransitionError = 'vote_not_found' | 'invalid_transition';
export type ScheduleError = 'vote_not_found' | 'already_scheduled';

export interface VoteStore {
  createVote(vote: NewVote): Promise<Result<Vote, CreateVoteError>>;
  getVote(id: string): Promise<Vote | null>;
  /** Every vote, oldest first. */
  listVotes(): Promise<readonly Vote[]>;
  /** draft → open → closed → tallied → published, one step at a time (compare and set). */
  transitionVote(id: string, to: VoteStatus): Promise<Result<Vote, TransitionError>>;
  /** Records when the scheduler must open and close a vote. */
  scheduleVote(entry: NewScheduleEntry): Promise<Result<ScheduleEntry, ScheduleError>>;
  getSchedule(voteId: string): Promise<ScheduleEntry | null>;
  /** Jobs due at `now` (ISO) and not yet done, opens before closes, earliest first. */
  listDueJobs(now: string): Promise<readonly DueJob[]>;
  /** Marks a job done at `at` (error null) or records why it failed (it stays due and is retried). */
  recordJobRun(voteId: string, job: ScheduledJob, at: string, error: string | null): Promise<void>;
}

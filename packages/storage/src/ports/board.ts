// Port: the public board: an append-only, hash-chained list of events per vote, gap-free and
// totally ordered per vote however many processes append. Hashing is the caller's pure function.
import type { Result } from '@ratify/crypto';

export interface BoardEventInput {
  readonly kind: string;
  /** Canonical JSON text. */
  readonly payload: string;
}

export interface BoardEvent extends BoardEventInput {
  readonly voteId: string;
  /** 0 for the first event of a vote, then contiguous. */
  readonly seq: number;
  /** null for the first event of a vote. */
  readonly prevHash: string | null;
  readonly hash: string;
  readonly createdAt: string;
}

export interface BoardHead {
  readonly seq: number;
  readonly hash: string;
}

export interface HashInput extends BoardEventInput {
  readonly prevHash: string | null;
  readonly seq: number;
}

/** Pure function from the protocol that chains board events; must return lower-case hex. */
export type ComputeHash = (input: HashInput) => string;

export type AppendError = 'vote_not_found';

export interface BoardStore {
  /** Appends under the vote's lock: reads the head, hashes with `computeHash`, inserts seq + 1. */
  appendEvent(voteId: string, event: BoardEventInput, computeHash: ComputeHash): Promise<Result<BoardEvent, AppendError>>;
  listEvents(voteId: string, options?: { readonly fromSeq?: number; readonly limit?: number }): Promise<readonly BoardEvent[]>;
  head(voteId: string): Promise<BoardHead | null>;
}

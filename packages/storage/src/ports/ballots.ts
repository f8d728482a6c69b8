// Port: the ballot box: public credentials (added, revoked), ballots under the revote policy (one
// counted ballot per credential), and the public read models over ballots (counts, tracking codes,
// per hour). Must not check proofs (the engine does before it gets here).
import type { Result } from '@ratify/crypto';
import type { VoteId } from '@ratify/protocol';

export type RevotePolicy = 'last_counts' | 'first_counts';

export interface Credential {
  readonly voteId: VoteId;
  /** Public credential, lower-case hex. */
  readonly credential: string;
  readonly revoked: boolean;
  readonly revokedReason: string | null;
  readonly revokedAt: string | null;
}

export interface BallotSubmission {
  readonly credential: string;
  readonly trackingCode: string;
  /** The ballot's canonical JSON text, stored byte for byte. */
  readonly ballot: string;
}

export interface StoredBallot extends BallotSubmission {
  readonly voteId: VoteId;
  readonly sequence: number;
  readonly receivedAt: string;
  readonly counted: boolean;
}

export interface CastReceipt {
  readonly sequence: number;
  readonly trackingCode: string;
  readonly receivedAt: string;
  /** false under `first_counts` when the credential already has a counted ballot. */
  readonly counted: boolean;
  /** Under `last_counts`: the tracking code of the ballot this one replaced. */
  readonly supersededTrackingCode: string | null;
}


export interface BallotCounts {
  /** Every ballot accepted, superseded ones included. */
  readonly accepted: number;
  /** Ballots that count (one per credential at most). */
  readonly counted: number;
}

/** A ballot as the public board lists it: no credential, no contents. */
export interface BoardBallot {
  readonly sequence: number;
  readonly trackingCode: string;
  readonly counted: boolean;
}

export interface BoardBallotQuery {
  /** Lower-case hex prefix of the tracking code. */
  readonly prefix?: string;
  /** First sequence to return (inclusive). */
  readonly fromSequence?: number;
  readonly limit: number;
}


/** Accepted ballots per hour of receipt: counts only. `hour` is `YYYY-MM-DDTHH:00:00.000Z`. */
export interface HourlyBallots {
  readonly hour: string;
  readonly ballots: number;
}


export type AddCredentialsError = 'vote_not_found' | 'invalid_credential' | 'duplicate_credential';
export type LinkHoldersError = 'vote_not_found' | 'unknown_credential' | 'credential_has_holder' | 'member_has_credential' | 'duplicate_credential';

/** Private: the member a public credential was issued to. Never exported, never on the board. */
export interface CredentialHolder {
  readonly credential: string;
  readonly memberNumber: string;
}
export type RevokeError = 'vote_not_found' | 'unknown_credential' | 'already_revoked' | 'missing_reason';
export type CastError =
  'vote_not_found' | 'vote_closed' | 'unknown_credential' | 'credential_revoked' | 'duplicate_ballot';

export interface BallotBox {
  /** Adds public credentials (lower-case hex, unique per vote), all or nothing; returns how many. */
  addCredentials(voteId: VoteId, credentials: readonly string[]): Promise<Result<number, AddCredentialsError>>;
  /** Revokes a credential; its ballots stop counting (run inside a transaction with the replacement). */
  revokeCredential(voteId: VoteId, credential: string, reason: string): Promise<Result<Credential, RevokeError>>;
  listCredentials(voteId: VoteId): Promise<readonly Credential[]>;
  /** One public credential of a vote (lower-case hex), or null if it is not on the list. */
  getCredential(voteId: VoteId, credential: string): Promise<Credential | null>;
  /**
   * Records, privately, which member each (listed) public credential was issued to, all or nothing.
   * A credential has one holder; a member holds at most one credential that is not revoked.
   */
  linkHolders(voteId: VoteId, links: readonly CredentialHolder[]): Promise<Result<number, LinkHoldersError>>;
  /** The member a public credential was issued to, or null if none was recorded. */
  getHolder(voteId: VoteId, credential: string): Promise<string | null>;
  /** The member's credentials in this vote (revoked ones included), by credential. */
  heldCredentials(voteId: VoteId, memberNumber: string): Promise<readonly Credential[]>;
  /** In one transaction: vote open, credential listed and not revoked, revote policy applied. */
  castBallot(voteId: VoteId, ballot: BallotSubmission, policy: RevotePolicy): Promise<Result<CastReceipt, CastError>>;
  listBallots(voteId: VoteId, options?: { readonly countedOnly?: boolean }): Promise<readonly StoredBallot[]>;
  countBallots(voteId: VoteId): Promise<BallotCounts>;
  /** Accepted ballots in sequence order, optionally by tracking-code prefix. */
  listBoardBallots(voteId: VoteId, query: BoardBallotQuery): Promise<readonly BoardBallot[]>;
  /** Accepted ballots grouped by hour of receipt. */
  ballotsByHour(voteId: VoteId): Promise<readonly HourlyBallots[]>;
}

// Receiving a ballot: the server's hot path. Parse strictly (canonical bytes only), check every
// proof and the signature, then — in one transaction — store it under the revote policy and append
// its board event(s), and answer with the member's receipt (board position and hash of the ballot's
// event). A signed-in member may cast only with a credential issued to them (the private holder
// link, decision 0018). A rejected ballot changes nothing and gets a reason code.
import { type Group, type Result, err, ok, toHex } from '@ratify/crypto';
import { type BallotCheckError, type CanonicalValue, type Receipt, RECEIPT_FORMAT, type VoteId, type WireError } from '@ratify/protocol';
import type { BallotChecker } from './ballot-check-pool.ts';
import { type CheckedBallot, checkBallotText } from './ballot-check.ts';
import type { CastError, Store } from '@ratify/storage';
import { eventInput, hasherFor } from './board-writer.ts';
import type { VoteContext } from './vote-context.ts';

export type CastBallotError = WireError | BallotCheckError | CastError | 'already_voted' | 'checker_failed' | 'credential_not_yours';

export type CastResult = {
  readonly trackingCode: string;
  readonly sequence: number;
  /** The ballot this one replaced under `last_counts`, if any. */
  readonly superseded: string | null;
  readonly boardHead: string;
  /** What the member keeps: the ballot's board position and the chain hash there (docs/record-format.md §7). */
  readonly receipt: Receipt;
};

/** The signed-in member who submits a ballot (the server; the demo seeds through the same path). */
export type Participant = { readonly memberNumber: string };

/** Refuses a credential not issued to the submitting member (the private holder link). */
async function checkHolder(store: Store, voteId: VoteId, credential: string, participant: Participant | undefined): Promise<Result<void, 'credential_not_yours'>> {
  if (participant === undefined) return ok(undefined);
  const holder = await store.ballots.getHolder(voteId, credential);
  return holder === participant.memberNumber ? ok(undefined) : err('credential_not_yours', 'this credential was not issued to the signed-in member');
}

/** The vote and credential a ballot claims, without decoding anything; undefined fields if absent. */
function claimed(text: string): { readonly vote?: string; readonly credential?: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return {};
    const { vote, credential } = value as { vote?: unknown; credential?: unknown };
    return {
      ...(typeof vote === 'string' ? { vote } : {}),
      ...(typeof credential === 'string' && /^[0-9a-f]{64}$/.test(credential) ? { credential } : {}),
    };
  } catch {
    return {};
  }
}

/** A ballot whose proofs and signature passed: ready for `storeCheckedBallot`. */
export type VerifiedBallotText = CheckedBallot & { readonly text: string };

/**
 * The checks of receiving a ballot, without writing anything: cheap refusals first (vote open,
 * credential listed and not revoked) so junk costs no proof checks, then the proofs and signature
 * (in the worker pool when there is one).
 */
export async function verifyIncomingBallot(
  store: Store,
  group: Group,
  ctx: VoteContext,
  ballotText: string,
  checker?: BallotChecker,
  participant?: Participant,
): Promise<Result<VerifiedBallotText, CastBallotError>> {
  const voteId = ctx.manifest.voteId;
  const vote = await store.votes.getVote(voteId);
  if (!vote) return err('vote_not_found');
  if (vote.status !== 'open') return err('vote_closed', vote.status);
  const claim = claimed(ballotText);
  // A ballot made for another vote says so: refuse it as such before looking up its credential.
  if (claim.vote !== undefined && claim.vote !== voteId) return err('wrong_vote', `ballot for ${claim.vote}`);
  if (claim.credential !== undefined) {
    const listed = await store.ballots.getCredential(voteId, claim.credential);
    if (!listed) return err('unknown_credential');
    if (listed.revoked) return err('credential_revoked');
    const mine = await checkHolder(store, voteId, claim.credential, participant);
    if (!mine.ok) return mine;
  }
  let checked: Result<CheckedBallot, CastBallotError>;
  if (checker) {
    const r = await checker.check(ctx.manifestText, ballotText);
    checked = r.ok ? ok({ trackingCode: r.trackingCode, credential: r.credential }) : err(r.error as CastBallotError, r.detail);
  } else {
    checked = checkBallotText(group, ctx, ballotText);
  }
  return checked.ok ? ok({ ...checked.value, text: ballotText }) : checked;
}

/**
 * Stores a verified ballot in ONE transaction: the ballot box under the revote policy (which checks
 * again that the vote is open and the credential listed), and its board event(s); with a
 * participant, only if the credential was issued to them (checked again here, in the transaction).
 * "Has voted" is derived from the counted ballots, so nothing else is written.
 */
export async function storeVerifiedBallot(
  store: Store,
  ctx: VoteContext,
  verified: VerifiedBallotText,
  participant?: Participant,
): Promise<Result<CastResult, CastBallotError>> {
  const voteId = ctx.manifest.voteId;
  const { trackingCode: code, credential, text } = verified;
  const policy = ctx.manifest.revotePolicy;
  const hash = hasherFor(voteId);
  return store.transaction<CastResult, CastBallotError>(async (tx) => {
    const mine = await checkHolder(tx, voteId, credential, participant);
    if (!mine.ok) return mine;
    const cast = await tx.ballots.castBallot(voteId, { credential, trackingCode: code, ballot: text }, policy);
    if (!cast.ok) return cast;
    // Under first_counts a later ballot would never count: refuse it rather than store it.
    if (!cast.value.counted) return err('already_voted');
    const accepted = await tx.board.appendEvent(
      voteId,
      eventInput('ballot_accepted', { ballot: JSON.parse(text) as CanonicalValue, trackingCode: code }),
      hash,
    );
    if (!accepted.ok) return accepted;
    let head = accepted.value.hash;
    const superseded = cast.value.supersededTrackingCode;
    if (superseded !== null) {
      const event = await tx.board.appendEvent(voteId, eventInput('ballot_superseded', { supersededBy: code, trackingCode: superseded }), hash);
      if (!event.ok) return event;
      head = event.value.hash;
    }
    const receipt: Receipt = {
      format: RECEIPT_FORMAT,
      voteId,
      fingerprint: toHex(ctx.fingerprint),
      trackingCode: code,
      boardSeq: accepted.value.seq,
      boardHash: accepted.value.hash,
    };
    return ok({ trackingCode: code, sequence: cast.value.sequence, superseded, boardHead: head, receipt });
  });
}

/** Receiving a ballot: verify, then store. A refused ballot changes nothing. */
export async function castBallot(
  store: Store,
  group: Group,
  ctx: VoteContext,
  ballotText: string,
  /** The signed-in member who submitted it (server): the credential must have been issued to them. */
  participant?: Participant,
  checker?: BallotChecker,
): Promise<Result<CastResult, CastBallotError>> {
  const verified = await verifyIncomingBallot(store, group, ctx, ballotText, checker, participant);
  if (!verified.ok) return verified;
  return storeVerifiedBallot(store, ctx, verified.value, participant);
}

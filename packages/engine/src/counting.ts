// After the close: the encrypted tally is computed from the counted ballots and put on the board;
// trustees' partial decryptions are verified on receipt and put on the board; once k valid ones
// exist the counts are recovered (Lagrange combination + discrete log) and the result — every
// rule evaluated exactly — is published. Nothing here ever decrypts a single ballot.
import {
  type Ciphertext,
  type Group,
  type Result,
  type VerifiedPartialDecryption,
  combinePartialDecryptions,
  createDlogTable,
  discreteLog,
  err,
  ok,
  verifyPartialDecryption,
} from '@ratify/crypto';
import {
  type CanonicalValue,
  type EncryptedTally,
  type ElectionResult,
  type EvaluationError,
  type WireError,
  computeEncryptedTally,
  computeResult,
  parseWireBallot,
  parseWireEncryptedTally,
  parseWirePartialDecryption,
  toCanonical,
  toWireEncryptedTally,
  toWirePartialDecryption,
  toWireResult,
} from '@ratify/protocol';
import type { VoteId } from '@ratify/protocol';
import type { Store } from '@ratify/storage';
import { eventInput, hasherFor } from './board-writer.ts';
import { isoSeconds } from './setup.ts';
import type { VoteContext } from './vote-context.ts';

export type CloseError = 'vote_not_found' | 'invalid_transition' | 'stored_ballot_unreadable';

export async function closeVote(store: Store, group: Group, ctx: VoteContext, at: Date): Promise<Result<EncryptedTally, CloseError>> {
  const voteId = ctx.manifest.voteId;
  const hash = hasherFor(voteId);
  return store.transaction<EncryptedTally, CloseError>(async (tx) => {
    const t = await tx.votes.transitionVote(voteId, 'closed');
    if (!t.ok) return t;
    const all = await tx.ballots.listBallots(voteId);
    const counted = all.filter((b) => b.counted);
    const ballots = [];
    for (const b of counted) {
      // Read back from the database: parsed again at this edge (proofs were checked on receipt).
      const parsed = parseWireBallot(group, b.ballot);
      if (!parsed.ok) return err('stored_ballot_unreadable', `ballot ${b.trackingCode}: ${parsed.error}`);
      ballots.push(parsed.value);
    }
    const tally = computeEncryptedTally(group, ctx.ballotParams.questions, ballots);
    const closed = await tx.board.appendEvent(
      voteId,
      eventInput('vote_closed', { at: isoSeconds(at), ballotsAccepted: all.length, ballotsCounted: counted.length }),
      hash,
    );
    if (!closed.ok) return closed;
    const computed = await tx.board.appendEvent(voteId, eventInput('tally_computed', { tally: toWireEncryptedTally(group, tally) as CanonicalValue }), hash);
    if (!computed.ok) return computed;
    return ok(tally);
  });
}

/** The tally's ciphertexts in decryption order: questions in manifest order, options in order. */
export function flattenTally(tally: EncryptedTally): Ciphertext[] {
  return tally.flatMap((row) => [...row]);
}

type Payload = { readonly [key: string]: unknown };
async function eventsOf(store: Store, voteId: VoteId, kind: string): Promise<Payload[]> {
  return (await store.board.listEvents(voteId)).filter((e) => e.kind === kind).map((e) => JSON.parse(e.payload) as Payload);
}

export type TallyReadError = 'tally_not_computed' | WireError;

export async function readTally(store: Store, group: Group, voteId: VoteId): Promise<Result<EncryptedTally, TallyReadError>> {
  const [payload] = await eventsOf(store, voteId, 'tally_computed');
  if (!payload) return err('tally_not_computed');
  return parseWireEncryptedTally(group, toCanonical(payload['tally'] as CanonicalValue));
}

export type PartialDecryptionError =
  | TallyReadError
  | 'vote_not_closed'
  | 'unknown_trustee'
  | 'duplicate_partial_decryption'
  | 'wrong_count'
  | 'bad_decryption_proof'
  | 'vote_not_found';

/** Verifies a trustee's partial decryption of the tally and, if valid, puts it on the board. */
export async function submitPartialDecryption(
  store: Store,
  group: Group,
  ctx: VoteContext,
  text: string,
): Promise<Result<{ readonly trustee: number; readonly received: number; readonly threshold: number }, PartialDecryptionError>> {
  const voteId = ctx.manifest.voteId;
  const vote = await store.votes.getVote(voteId);
  if (!vote) return err('vote_not_found');
  if (vote.status !== 'closed') return err('vote_not_closed');
  const tally = await readTally(store, group, voteId);
  if (!tally.ok) return tally;
  const partial = parseWirePartialDecryption(group, text);
  if (!partial.ok) return partial;
  const share = ctx.publicKeyShares[partial.value.trustee - 1];
  if (!share) return err('unknown_trustee', `trustee ${partial.value.trustee}`);
  const verified = verifyPartialDecryption(group, partial.value, share, flattenTally(tally.value), ctx.fingerprint);
  if (!verified.ok) return err(verified.error, `trustee ${partial.value.trustee}: ${verified.detail ?? ''}`);
  const existing = await eventsOf(store, voteId, 'partial_decryption');
  const trustees = existing.map((p) => (p['partialDecryption'] as { trustee: number }).trustee);
  if (trustees.includes(partial.value.trustee)) return err('duplicate_partial_decryption', `trustee ${partial.value.trustee}`);
  const appended = await store.board.appendEvent(
    voteId,
    eventInput('partial_decryption', { partialDecryption: toWirePartialDecryption(group, partial.value) as CanonicalValue }),
    hasherFor(voteId),
  );
  if (!appended.ok) return appended;
  return ok({ trustee: partial.value.trustee, received: trustees.length + 1, threshold: ctx.manifest.trustees.threshold });
}

export type ResultError = PartialDecryptionError | EvaluationError | 'not_enough_shares' | 'duplicate_trustee' | 'count_out_of_range' | 'invalid_transition';

/** Combines the first k valid partial decryptions, recovers the counts and publishes the result. */
export async function publishResult(store: Store, group: Group, ctx: VoteContext): Promise<Result<ElectionResult, ResultError>> {
  const voteId = ctx.manifest.voteId;
  const tally = await readTally(store, group, voteId);
  if (!tally.ok) return tally;
  const ciphertexts = flattenTally(tally.value);
  const verified: VerifiedPartialDecryption[] = [];
  for (const p of await eventsOf(store, voteId, 'partial_decryption')) {
    const parsed = parseWirePartialDecryption(group, toCanonical(p['partialDecryption'] as CanonicalValue));
    if (!parsed.ok) return parsed;
    const v = verifyPartialDecryption(group, parsed.value, ctx.publicKeyShares[parsed.value.trustee - 1]!, ciphertexts, ctx.fingerprint);
    if (!v.ok) return err(v.error, `trustee ${parsed.value.trustee}`);
    if (verified.length < ctx.manifest.trustees.threshold) verified.push(v.value);
  }
  const combined = combinePartialDecryptions(group, ciphertexts, verified, ctx.manifest.trustees.threshold);
  if (!combined.ok) return combined;
  const voted = (await store.ballots.listBallots(voteId, { countedOnly: true })).length;
  const table = createDlogTable(group, Math.max(voted, 1));
  const flat: number[] = [];
  for (const element of combined.value) {
    const m = discreteLog(table, element);
    if (!m.ok) return err('count_out_of_range');
    flat.push(m.value);
  }
  let offset = 0;
  const optionCounts = ctx.ballotParams.questions.map((q) => {
    const row = flat.slice(offset, offset + q.optionCount);
    offset += q.optionCount;
    return row;
  });
  const result = computeResult(ctx.manifest, optionCounts, voted, verified.map((v) => v.trustee));
  if (!result.ok) return result;
  return store.transaction<ElectionResult, ResultError>(async (tx) => {
    const t = await tx.votes.transitionVote(voteId, 'tallied');
    if (!t.ok) return t;
    const published = await tx.board.appendEvent(voteId, eventInput('result_published', { result: toWireResult(result.value) }), hasherFor(voteId));
    if (!published.ok) return published;
    const p = await tx.votes.transitionVote(voteId, 'published');
    if (!p.ok) return p;
    return ok(result.value);
  });
}

// Verifies a chunk of ballots: the unit of work of a ballot worker, also run in-thread for small
// records. Per ballot: strict wire parse (protocol parseWireBallot), recomputed tracking code, every
// proof and the signature (protocol checkBallot). It also sums the counted, well-shaped ballots into
// a partial encrypted tally (protocol addBallotToTally), so the tally check needs no second parse.
// Inputs and outputs are structured-clone-able plain data. Must not know the credential list or the
// revote policy: the caller decides which ballots count and compares tracking codes.
import { fromHex, type Group, type GroupElement, ristretto255 } from '@ratify/crypto';
import {
  addBallotToTally,
  type Ballot,
  type BallotParams,
  type BallotQuestionSpec,
  checkBallot,
  emptyTally,
  encodeEncryptedTally,
  parseWireBallot,
  trackingCode,
} from '@ratify/protocol';

export type BallotJobContext = {
  readonly voteId: string;
  readonly fingerprintHex: string;
  readonly electionKeyHex: string;
  readonly questions: readonly BallotQuestionSpec[];
};

export type BallotJobItem = { readonly seq: number; readonly text: string; readonly counted: boolean };

export type BallotItemResult = {
  readonly seq: number;
  /** Recomputed tracking code (absent if the ballot does not parse). */
  readonly trackingCode?: string;
  /** The first failed check: a wire error or a checkBallot code. */
  readonly error?: { readonly code: string; readonly detail: string };
  /** Parsed and shaped like the manifest's questions: it can be added to the tally. */
  readonly usable: boolean;
};

export type BallotChunkResult = {
  readonly results: readonly BallotItemResult[];
  /** Canonical wire text of the sum of this chunk's counted, usable ballots. */
  readonly tally: string;
};

const paramsCache = new Map<string, BallotParams>();

function paramsFor(group: Group, context: BallotJobContext): BallotParams {
  const key = JSON.stringify(context);
  const cached = paramsCache.get(key);
  if (cached !== undefined && cached.group === group) return cached;
  const decoded = group.decodeElement(fromHex(context.electionKeyHex) ?? new Uint8Array(0));
  if (!decoded.ok) throw new Error('ballot job context has an invalid election key');
  const electionKey: GroupElement = group.precompute(decoded.value);
  const params: BallotParams = {
    group,
    voteId: context.voteId,
    fingerprint: fromHex(context.fingerprintHex) ?? new Uint8Array(0),
    electionKey,
    questions: context.questions,
  };
  paramsCache.clear();
  paramsCache.set(key, params);
  return params;
}

function shapedLike(ballot: Ballot, questions: readonly BallotQuestionSpec[]): boolean {
  return (
    ballot.answers.length === questions.length &&
    questions.every((q, i) => ballot.answers[i]!.questionId === q.id && ballot.answers[i]!.choices.length === q.optionCount)
  );
}

export function verifyBallotChunk(context: BallotJobContext, items: readonly BallotJobItem[], group: Group = ristretto255): BallotChunkResult {
  const params = paramsFor(group, context);
  const tally = emptyTally(group, context.questions);
  const results = items.map((item): BallotItemResult => {
    const parsed = parseWireBallot(group, item.text);
    if (!parsed.ok) return { seq: item.seq, error: { code: parsed.error, detail: parsed.detail ?? parsed.error }, usable: false };
    const ballot = parsed.value;
    const usable = shapedLike(ballot, context.questions);
    if (usable && item.counted) addBallotToTally(group, tally, ballot);
    const code = trackingCode(group, ballot);
    const checked = checkBallot(params, ballot);
    return checked.ok
      ? { seq: item.seq, trackingCode: code, usable }
      : { seq: item.seq, trackingCode: code, error: { code: checked.error, detail: checked.detail ?? checked.error }, usable };
  });
  return { results, tally: encodeEncryptedTally(group, tally) };
}

// Seeded builders for the `ratify/v2` wire golden files (README.md here): a whole 2-of-3 key
// ceremony, ballots under its joint key, their tally and one trustee's partial decryption. Built
// with real crypto and `seededRandom` — test values only, never real keys. Shared by generate.ts
// and packages/protocol/test/codec-v1-golden.test.ts, so the files and the tests cannot drift.
import {
  type CeremonyMessage,
  type Ciphertext,
  type CommitmentsMessage,
  type ComplaintMessage,
  type KeyConfirmationMessage,
  type PartialDecryption,
  type SharesMessage,
  type ShareRevealMessage,
  type ThresholdParameters,
  type TrusteeKey,
  collectShares,
  createComplaint,
  createKeyConfirmation,
  createPartialDecryption,
  createShareReveal,
  createShares,
  createTrusteeCommitments,
  deriveTrusteeKey,
  generateTrusteeEncryptionKey,
  hashItems,
  ristretto255 as group,
  seededRandom,
  blame,
  unwrap,
  utf8,
} from '@ratify/crypto';
import { type Ballot, type BallotParams, allowedTotals, createBallot } from '../../../packages/protocol/src/ballot/index.ts';
import { credentialSecret, generatePrivateCredential } from '../../../packages/protocol/src/credentials.ts';
import { type EncryptedTally, computeEncryptedTally } from '../../../packages/protocol/src/tally.ts';
import {
  encodeBallot,
  encodeCommitmentsMessage,
  encodeComplaintMessage,
  encodeEncryptedTally,
  encodeKeyConfirmationMessage,
  encodePartialDecryption,
  encodeShareRevealMessage,
  encodeSharesMessage,
} from '../../../packages/protocol/src/codec/v1/index.ts';

export { group };

export type WireV1Fixtures = {
  readonly parameters: ThresholdParameters;
  readonly commitments: readonly CommitmentsMessage[];
  readonly shares: readonly SharesMessage[];
  readonly complaint: ComplaintMessage;
  readonly shareReveal: ShareRevealMessage;
  readonly keyConfirmations: readonly KeyConfirmationMessage[];
  readonly messages: readonly CeremonyMessage[];
  readonly keys: readonly TrusteeKey[];
  readonly params: BallotParams;
  readonly ballots: readonly Ballot[];
  readonly tally: EncryptedTally;
  readonly tallyCiphertexts: readonly Ciphertext[];
  readonly partialDecryption: PartialDecryption;
};

export const VOTE_ID = 'wire-v1-golden';
export const ELECTION_ID = '901de2019901de2019901de2019901de';

export function buildWireV1Fixtures(seed = 'wire-v1-golden'): WireV1Fixtures {
  const rng = seededRandom(seed);
  const parameters: ThresholdParameters = { context: utf8(`ratify test ceremony ${seed}`), threshold: 2, trusteeCount: 3 };
  const encryptionKeys = [1, 2, 3].map(() => generateTrusteeEncryptionKey(group, rng));
  const round1 = encryptionKeys.map((k, i) => createTrusteeCommitments(group, parameters, i + 1, k, rng));
  const commitments = round1.map((r) => r.message);
  const round2 = round1.map((r) => createShares(group, parameters, r.polynomial, commitments, rng));
  const shares = round2.map((r) => r.message);
  // A complaint and its answer, as if trustee 2 had failed to authenticate trustee 1's share.
  const complaint = createComplaint(2, blame('authentication_failed', 1, 'golden-file example'));
  const shareReveal = createShareReveal(1, round2[0]!.openings.find((o) => o.recipient === 2)!);
  const rounds12: CeremonyMessage[] = [...commitments, ...shares];
  const keys = round1.map((r, i) => {
    const { shares: received } = collectShares(group, parameters, i + 1, encryptionKeys[i]!, rounds12);
    return unwrap(deriveTrusteeKey(group, parameters, r.polynomial, received, commitments));
  });
  const keyConfirmations = keys.map((k) => createKeyConfirmation(group, parameters, k, rng));

  const params: BallotParams = {
    group,
    voteId: VOTE_ID,
    fingerprint: hashItems('ratify/v2/test-fingerprint', [['seed', utf8(seed)]]),
    electionKey: keys[0]!.jointPublicKey,
    questions: [
      { id: 'ratify', optionCount: 2, allowedTotals: allowedTotals(1, 1, false) },
      { id: 'board', optionCount: 3, allowedTotals: allowedTotals(1, 2, true) },
    ],
  };
  const selections: (0 | 1)[][][] = [
    [[1, 0], [0, 1, 1]],
    [[0, 1], [1, 0, 0]],
    [[1, 0], [0, 0, 0]],
  ];
  const ballots = selections.map(
    (sel) => unwrap(createBallot(params, sel, credentialSecret(group, { voteId: VOTE_ID, electionId: ELECTION_ID }, generatePrivateCredential(rng)), rng)).ballot,
  );
  const tally = computeEncryptedTally(group, params.questions, ballots);
  const tallyCiphertexts = tally.flat();
  const partialDecryption = createPartialDecryption(group, keys[1]!, tallyCiphertexts, parameters.context, rng);
  return {
    parameters,
    commitments,
    shares,
    complaint,
    shareReveal,
    keyConfirmations,
    messages: [...rounds12, complaint, shareReveal, ...keyConfirmations],
    keys,
    params,
    ballots,
    tally,
    tallyCiphertexts,
    partialDecryption,
  };
}

/** Every golden file of this folder with the exact text it must contain. */
export function goldenFiles(f: WireV1Fixtures): readonly (readonly [string, string])[] {
  return [
    ['ballot.json', encodeBallot(group, f.ballots[0]!)],
    ['encrypted-tally.json', encodeEncryptedTally(group, f.tally)],
    ['ceremony-commitments.json', encodeCommitmentsMessage(group, f.commitments[0]!)],
    ['ceremony-encrypted-shares.json', encodeSharesMessage(group, f.shares[0]!)],
    ['ceremony-complaint.json', encodeComplaintMessage(group, f.complaint)],
    ['ceremony-share-reveal.json', encodeShareRevealMessage(group, f.shareReveal)],
    ['ceremony-key-confirmation.json', encodeKeyConfirmationMessage(group, f.keyConfirmations[0]!)],
    ['partial-decryption.json', encodePartialDecryption(group, f.partialDecryption)],
  ];
}

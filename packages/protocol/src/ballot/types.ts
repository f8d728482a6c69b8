// Ballot domain types (docs/protocol.md §B2). Decoded, validated values only: the wire codec
// (wire.ts) is the single place that turns untrusted JSON into these.
import type { Ciphertext, DisjunctiveProof, Group, GroupElement, Scalar, SchnorrSignature } from '@ratify/crypto';

/** What the ballot functions need to know about one question. */
export type BallotQuestionSpec = {
  readonly id: string;
  readonly optionCount: number;
  /** Allowed numbers of selected options, ascending: [min..max], plus 0 first when blank is allowed. */
  readonly allowedTotals: readonly number[];
};

export type BallotParams = {
  readonly group: Group;
  readonly voteId: string;
  /** The election fingerprint (64 bytes; protocol fingerprint.ts). */
  readonly fingerprint: Uint8Array;
  /** The joint election public key (precompute it for speed). */
  readonly electionKey: GroupElement;
  readonly questions: readonly BallotQuestionSpec[];
};

export type EncryptedChoice = { readonly ciphertext: Ciphertext; readonly proof: DisjunctiveProof };

export type EncryptedAnswer = {
  readonly questionId: string;
  readonly choices: readonly EncryptedChoice[];
  /** Proof that the sum of the choices is one of the question's allowed totals. */
  readonly overall: DisjunctiveProof;
};

export type Ballot = {
  readonly voteId: string;
  readonly fingerprint: Uint8Array;
  /** The voter's public credential; the signature and every proof are bound to it. */
  readonly credential: GroupElement;
  readonly answers: readonly EncryptedAnswer[];
  readonly signature: SchnorrSignature;
};

/** Per question, per option: 0 or 1. */
export type Selections = readonly (readonly (0 | 1)[])[];

/** What the voter's device keeps to audit a ballot (Benaloh challenge). Never sent unless audited. */
export type BallotSecrets = {
  readonly selections: Selections;
  readonly randomness: readonly (readonly Scalar[])[];
};

export type BallotCheckError =
  | 'wrong_vote'
  | 'wrong_question_count'
  | 'wrong_question'
  | 'wrong_option_count'
  | 'invalid_choice_proof'
  | 'invalid_overall_proof'
  | 'invalid_signature';

export function allowedTotals(min: number, max: number, blankAllowed: boolean): number[] {
  const out: number[] = blankAllowed && min > 0 ? [0] : [];
  for (let t = min; t <= max; t++) out.push(t);
  return out;
}

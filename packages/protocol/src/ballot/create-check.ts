// Creating and checking ballots — twins, side by side (docs/protocol.md §B2; Belenios spec §4.10).
// createBallot runs in the voter's browser (pure-TS backend); checkBallot runs on the server and in
// the verifier. Eligibility of the credential and the revote policy are checked by the caller, who
// holds the credential list.
import {
  type DisjunctiveProof,
  type RandomSource,
  type Result,
  type Scalar,
  ciphertextEquals,
  encryptWith,
  err,
  ok,
  proveEncryptionIn,
  signMessage,
  sumCiphertexts,
  systemRandom,
  bytesEqual,
  verifyEncryptionIn,
  verifySignature,
} from '@ratify/crypto';
import { ballotSigningMessage, proofContext } from './encoding.ts';
import type { Ballot, BallotCheckError, BallotParams, BallotSecrets, EncryptedAnswer, Selections } from './types.ts';

const ZERO_ONE = [0, 1] as const;

export type CreateBallotError = 'wrong_question_count' | 'wrong_option_count' | 'total_not_allowed';

export function createBallot(
  params: BallotParams,
  selections: Selections,
  credentialSecret: Scalar,
  rng: RandomSource = systemRandom,
): Result<{ readonly ballot: Ballot; readonly secrets: BallotSecrets }, CreateBallotError> {
  const { group, questions, electionKey } = params;
  if (selections.length !== questions.length) return err('wrong_question_count');
  const credential = group.baseMultiply(credentialSecret);
  const randomness: Scalar[][] = [];
  const answers: EncryptedAnswer[] = [];
  for (const [q, spec] of questions.entries()) {
    const sel = selections[q]!;
    if (sel.length !== spec.optionCount) return err('wrong_option_count', `question ${spec.id}`);
    const total = sel.reduce<number>((a, b) => a + b, 0);
    if (!spec.allowedTotals.includes(total)) return err('total_not_allowed', `question ${spec.id}: ${total} selections`);
    const rs = sel.map(() => group.scalars.randomNonZero(rng));
    const choices = sel.map((m, i) => {
      const ciphertext = encryptWith(group, electionKey, m, rs[i]!);
      const statement = { publicKey: electionKey, ciphertext, allowed: ZERO_ONE };
      const ctx = proofContext(group, params.fingerprint, credential, spec.id, i);
      return { ciphertext, proof: proveEncryptionIn(group, statement, m, rs[i]!, ctx, rng) };
    });
    const sum = sumCiphertexts(group, choices.map((c) => c.ciphertext));
    const rSum = rs.reduce((a, b) => group.scalars.add(a, b), group.scalars.zero);
    const overallCtx = proofContext(group, params.fingerprint, credential, spec.id, 'overall');
    const overall: DisjunctiveProof = proveEncryptionIn(
      group,
      { publicKey: electionKey, ciphertext: sum, allowed: spec.allowedTotals },
      total,
      rSum,
      overallCtx,
      rng,
    );
    randomness.push(rs);
    answers.push({ questionId: spec.id, choices, overall });
  }
  const unsigned = { voteId: params.voteId, fingerprint: params.fingerprint, credential, answers };
  const signature = signMessage(group, credentialSecret, credential, ballotSigningMessage(group, unsigned), params.fingerprint, rng);
  return ok({ ballot: { ...unsigned, signature }, secrets: { selections, randomness } });
}

/** Every cryptographic check of one ballot. Locations in `detail` are "question <id> option <i>". */
export function checkBallot(params: BallotParams, ballot: Ballot): Result<void, BallotCheckError> {
  const { group, questions, electionKey } = params;
  if (ballot.voteId !== params.voteId || !bytesEqual(ballot.fingerprint, params.fingerprint)) return err('wrong_vote');
  if (ballot.answers.length !== questions.length) return err('wrong_question_count');
  for (const [q, spec] of questions.entries()) {
    const answer = ballot.answers[q]!;
    if (answer.questionId !== spec.id) return err('wrong_question', `expected ${spec.id}, got ${answer.questionId}`);
    if (answer.choices.length !== spec.optionCount) return err('wrong_option_count', `question ${spec.id}`);
    for (const [i, choice] of answer.choices.entries()) {
      const ctx = proofContext(group, params.fingerprint, ballot.credential, spec.id, i);
      const statement = { publicKey: electionKey, ciphertext: choice.ciphertext, allowed: ZERO_ONE };
      if (!verifyEncryptionIn(group, statement, choice.proof, ctx))
        return err('invalid_choice_proof', `question ${spec.id} option ${i}`);
    }
    const sum = sumCiphertexts(group, answer.choices.map((c) => c.ciphertext));
    const ctx = proofContext(group, params.fingerprint, ballot.credential, spec.id, 'overall');
    if (!verifyEncryptionIn(group, { publicKey: electionKey, ciphertext: sum, allowed: spec.allowedTotals }, answer.overall, ctx))
      return err('invalid_overall_proof', `question ${spec.id}`);
  }
  const message = ballotSigningMessage(group, ballot);
  if (!verifySignature(group, ballot.credential, message, ballot.signature, params.fingerprint)) return err('invalid_signature');
  return ok(undefined);
}

export type AuditError = 'wrong_shape' | 'ciphertext_mismatch' | 'not_zero_or_one';

/**
 * Benaloh audit (cast-or-audit, docs/protocol.md §B2.4): given the revealed selections and
 * randomness, recompute every ciphertext and compare. An audited ballot is never cast.
 */
export function auditBallot(params: BallotParams, ballot: Ballot, secrets: BallotSecrets): Result<void, AuditError> {
  const { group, electionKey } = params;
  if (secrets.selections.length !== ballot.answers.length || secrets.randomness.length !== ballot.answers.length)
    return err('wrong_shape');
  for (const [q, answer] of ballot.answers.entries()) {
    const sel = secrets.selections[q]!;
    const rs = secrets.randomness[q]!;
    if (sel.length !== answer.choices.length || rs.length !== answer.choices.length) return err('wrong_shape');
    for (const [i, choice] of answer.choices.entries()) {
      const m = sel[i]!;
      if (m !== 0 && m !== 1) return err('not_zero_or_one');
      if (!ciphertextEquals(group, encryptWith(group, electionKey, m, rs[i]!), choice.ciphertext))
        return err('ciphertext_mismatch', `question ${answer.questionId} option ${i}`);
    }
  }
  return ok(undefined);
}

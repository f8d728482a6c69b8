// Homomorphic tally (docs/protocol.md §B4): per question, per option, the product of the counted
// ballots' ciphertexts is an encryption of the number of selections. Anyone recomputes it from the
// board's counted ballots; trustees decrypt only this, never single ballots.
import { type Ciphertext, type Group, addCiphertexts } from '@ratify/crypto';
import type { Ballot, BallotQuestionSpec } from './ballot/types.ts';

/** tally[q][i] encrypts the number of counted ballots selecting option i of question q. */
export type EncryptedTally = readonly (readonly Ciphertext[])[];

export function emptyTally(group: Group, questions: readonly BallotQuestionSpec[]): Ciphertext[][] {
  return questions.map((q) => Array.from({ length: q.optionCount }, () => ({ alpha: group.identity, beta: group.identity })));
}

/** Adds one (already checked) ballot into a running tally, in place. */
export function addBallotToTally(group: Group, tally: Ciphertext[][], ballot: Ballot): void {
  ballot.answers.forEach((a, q) =>
    a.choices.forEach((c, i) => {
      const row = tally[q]!;
      row[i] = addCiphertexts(group, row[i]!, c.ciphertext);
    }),
  );
}

export function computeEncryptedTally(group: Group, questions: readonly BallotQuestionSpec[], ballots: Iterable<Ballot>): EncryptedTally {
  const tally = emptyTally(group, questions);
  for (const b of ballots) addBallotToTally(group, tally, b);
  return tally;
}

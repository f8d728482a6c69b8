// Chaum–Pedersen proof of equality of discrete logs (docs/protocol.md §5.4; ElectionGuard 2.1
// §3.6.3, Belenios spec §4.11 "decryption proofs"). Used for decryption shares: a trustee with key
// share x, public share X = g^x, shows that D = α^x for a ciphertext component α.
// Statement: (g, X, B, D) with X = g^x and D = B^x.
//   prover:   w ←$ Zℓ; A1 = g^w; A2 = B^w; c = H(ctx, g, X, B, D, A1, A2); s = w − c·x
//   verifier: A1' = g^s · X^c; A2' = B^s · D^c; accept iff c = H(ctx, g, X, B, D, A1', A2').
import type { Group, GroupElement } from '../group.ts';
import { type RandomSource, systemRandom } from '../random.ts';
import type { Scalar } from '../scalar.ts';
import { Transcript } from '../transcript.ts';
import type { ChallengeResponse } from './challenge-response.ts';

export const CHAUM_PEDERSEN_DOMAIN = 'ratify/v2/proof/chaum-pedersen';

export type EqualLogsStatement = {
  /** X = g^x */
  readonly publicKey: GroupElement;
  /** B: the second base (a ciphertext's α) */
  readonly base: GroupElement;
  /** D = B^x */
  readonly result: GroupElement;
};

export type EqualLogsProof = ChallengeResponse;

function equalLogsChallenge(
  group: Group,
  context: Uint8Array,
  st: EqualLogsStatement,
  a1: GroupElement,
  a2: GroupElement,
): Scalar {
  return new Transcript(group, CHAUM_PEDERSEN_DOMAIN)
    .appendBytes('context', context)
    .appendElement('generator', group.generator)
    .appendElement('public_key', st.publicKey)
    .appendElement('base', st.base)
    .appendElement('result', st.result)
    .appendElement('commitment_1', a1)
    .appendElement('commitment_2', a2)
    .challenge();
}

export function proveEqualLogs(
  group: Group,
  secret: Scalar,
  statement: EqualLogsStatement,
  context: Uint8Array,
  rng: RandomSource = systemRandom,
): EqualLogsProof {
  const F = group.scalars;
  const w = F.randomNonZero(rng);
  const challenge = equalLogsChallenge(group, context, statement, group.baseMultiply(w), group.multiply(statement.base, w));
  return { challenge, response: F.sub(w, F.mul(challenge, secret)) };
}

export function verifyEqualLogs(
  group: Group,
  statement: EqualLogsStatement,
  proof: EqualLogsProof,
  context: Uint8Array,
): boolean {
  if (group.isIdentity(statement.publicKey) || group.isIdentity(statement.base)) return false;
  const a1 = group.multiMultiplyPublic([group.generator, statement.publicKey], [proof.response, proof.challenge]);
  const a2 = group.multiMultiplyPublic([statement.base, statement.result], [proof.response, proof.challenge]);
  return equalLogsChallenge(group, context, statement, a1, a2) === proof.challenge;
}

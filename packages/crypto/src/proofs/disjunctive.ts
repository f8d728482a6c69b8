// Disjunctive Chaum–Pedersen proof that an exponential-ElGamal ciphertext (α, β) under public key h
// encrypts one of a public list of small integers M = [m_0, …, m_k] (docs/protocol.md §5.5;
// Belenios spec §4.10 "iprove"/"iverify", Helios' "disjunctive proof", CDS94 OR-composition).
// It is the 0/1 proof for each option (M = [0, 1]) and the "overall" range proof that a question's
// sum lies in [min, max] (M = [min, …, max]).
// Statement: h, (α, β), M. Witness: r with α = g^r, β = h^r·g^{m_j} for the true index j.
//   For i ≠ j (simulated): c_i, s_i ←$ Zℓ; A_i = g^{s_i}·α^{c_i}; B_i = h^{s_i}·(β/g^{m_i})^{c_i}
//   For j (real):          w ←$ Zℓ;      A_j = g^w;            B_j = h^w
//   c = H(ctx, g, h, α, β, M, A_0, B_0, …, A_k, B_k); c_j = c − Σ_{i≠j} c_i; s_j = w − c_j·r
//   Verifier recomputes every A_i, B_i from (c_i, s_i) and accepts iff Σ c_i = H(…).
import { u64be } from '../bytes.ts';
import type { Ciphertext } from '../elgamal.ts';
import { encodeMessage, encodePublicMessage } from '../elgamal.ts';
import type { Group, GroupElement } from '../group.ts';
import { type RandomSource, systemRandom } from '../random.ts';
import type { Scalar } from '../scalar.ts';
import { Transcript } from '../transcript.ts';
import type { ChallengeResponse } from './challenge-response.ts';

export const DISJUNCTIVE_DOMAIN = 'ratify/v2/proof/disjunctive-chaum-pedersen';

/** One (challenge, response) per allowed value, in the order of the allowed values. */
export type DisjunctiveProof = readonly ChallengeResponse[];

export type EncryptionStatement = {
  readonly publicKey: GroupElement;
  readonly ciphertext: Ciphertext;
  /** The allowed plaintexts, distinct non-negative integers, in the order fixed by the protocol. */
  readonly allowed: readonly number[];
};

function disjunctiveChallenge(
  group: Group,
  context: Uint8Array,
  st: EncryptionStatement,
  commitments: readonly GroupElement[],
): Scalar {
  const t = new Transcript(group, DISJUNCTIVE_DOMAIN)
    .appendBytes('context', context)
    .appendElement('generator', group.generator)
    .appendElement('public_key', st.publicKey)
    .appendElement('alpha', st.ciphertext.alpha)
    .appendElement('beta', st.ciphertext.beta)
    .appendUint('allowed_count', st.allowed.length);
  st.allowed.forEach((m, i) => t.appendBytes(`allowed[${i}]`, u64be(m)));
  return t.appendElements('commitments', commitments).challenge();
}

function checkAllowed(allowed: readonly number[]): void {
  if (allowed.length === 0) throw new Error('empty allowed set');
  const seen = new Set<number>();
  for (const m of allowed) {
    if (!Number.isSafeInteger(m) || m < 0 || seen.has(m)) throw new Error(`bad allowed value ${m}`);
    seen.add(m);
  }
}

/**
 * β / g^m: the element that must equal h^r if the ciphertext encrypts m. The prover uses constant
 * time (which branches it simulates depends on the secret choice); the verifier, variable time.
 */
function shiftedBeta(group: Group, beta: GroupElement, m: number, secretContext: boolean): GroupElement {
  return group.subtract(beta, secretContext ? encodeMessage(group, m) : encodePublicMessage(group, m));
}

export function proveEncryptionIn(
  group: Group,
  statement: EncryptionStatement,
  plaintext: number,
  randomness: Scalar,
  context: Uint8Array,
  rng: RandomSource = systemRandom,
): DisjunctiveProof {
  checkAllowed(statement.allowed);
  const j = statement.allowed.indexOf(plaintext);
  if (j < 0) throw new Error('plaintext is not in the allowed set');
  const F = group.scalars;
  const { alpha, beta } = statement.ciphertext;
  const h = statement.publicKey;
  const simulated: (ChallengeResponse | undefined)[] = [];
  const commitments: GroupElement[] = [];
  const w = F.randomNonZero(rng);
  statement.allowed.forEach((m, i) => {
    if (i === j) {
      simulated.push(undefined);
      commitments.push(group.baseMultiply(w), group.multiply(h, w));
      return;
    }
    const challenge = F.random(rng);
    const response = F.random(rng);
    simulated.push({ challenge, response });
    commitments.push(
      group.add(group.baseMultiply(response), group.multiply(alpha, challenge)),
      group.add(group.multiply(h, response), group.multiply(shiftedBeta(group, beta, m, true), challenge)),
    );
  });
  const c = disjunctiveChallenge(group, context, statement, commitments);
  let cj = c;
  for (const p of simulated) if (p) cj = F.sub(cj, p.challenge);
  const real: ChallengeResponse = { challenge: cj, response: F.sub(w, F.mul(cj, randomness)) };
  return simulated.map((p) => p ?? real);
}

export function verifyEncryptionIn(
  group: Group,
  statement: EncryptionStatement,
  proof: DisjunctiveProof,
  context: Uint8Array,
): boolean {
  checkAllowed(statement.allowed);
  if (proof.length !== statement.allowed.length) return false;
  const { alpha, beta } = statement.ciphertext;
  const h = statement.publicKey;
  if (group.isIdentity(h) || group.isIdentity(alpha)) return false;
  const F = group.scalars;
  const commitments: GroupElement[] = [];
  let sum = F.zero;
  statement.allowed.forEach((m, i) => {
    const { challenge, response } = proof[i]!;
    sum = F.add(sum, challenge);
    commitments.push(
      group.multiMultiplyPublic([group.generator, alpha], [response, challenge]),
      group.multiMultiplyPublic([h, shiftedBeta(group, beta, m, false)], [response, challenge]),
    );
  });
  return disjunctiveChallenge(group, context, statement, commitments) === sum;
}

/** The allowed list for a range [min, max]: [min, min+1, …, max]. */
export function rangeValues(min: number, max: number): number[] {
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min < 0 || max < min) throw new Error('bad range');
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

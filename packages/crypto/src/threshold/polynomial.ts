// Polynomial arithmetic of Shamir/Feldman sharing (ElectionGuard 2.1 §3.2.1–3.2.2, Belenios spec
// v1.5 §4.5.4–4.5.6): evaluating a secret polynomial at a trustee index, evaluating its public
// commitments "in the exponent", and Lagrange coefficients at 0 (ElectionGuard 2.1 §3.6.3).
// Pure scalar / group math; must not know about messages, proofs or bytes.
import type { Group, GroupElement } from '../group.ts';
import type { Scalar } from '../scalar.ts';
import { indexScalar } from './common.ts';

/** P(ℓ) = Σ_j a_j · ℓ^j mod q, by Horner's rule. `coefficients[j]` is a_j. */
export function evaluatePolynomial(group: Group, coefficients: readonly Scalar[], index: number): Scalar {
  const F = group.scalars;
  const x = indexScalar(group, index);
  let acc = F.zero;
  for (let j = coefficients.length - 1; j >= 0; j--) acc = F.add(F.mul(acc, x), coefficients[j]!);
  return acc;
}

/** The exponents ℓ^0, ℓ^1, …, ℓ^(k−1) mod q. */
export function indexPowers(group: Group, index: number, count: number): Scalar[] {
  const F = group.scalars;
  const x = indexScalar(group, index);
  const out: Scalar[] = [];
  let p = F.one;
  for (let j = 0; j < count; j++) {
    out.push(p);
    p = F.mul(p, x);
  }
  return out;
}

/** g^{P(ℓ)} computed from the commitments alone: Π_j K_j^{ℓ^j} (public data: variable time). */
export function evaluateCommitments(
  group: Group,
  commitments: readonly GroupElement[],
  index: number,
): GroupElement {
  return group.multiMultiplyPublic(commitments, indexPowers(group, index, commitments.length));
}

/**
 * w_ℓ = Π_{j ∈ indices, j ≠ ℓ} j / (j − ℓ) mod q (ElectionGuard 2.1 §3.6.3, eq. for w_i).
 * Throws if `indices` has duplicates, non-positive entries, or does not contain ℓ (bugs: callers
 * check their inputs and return Results first).
 */
export function lagrangeCoefficient(group: Group, indices: readonly number[], index: number): Scalar {
  const F = group.scalars;
  if (new Set(indices).size !== indices.length) throw new Error('duplicate trustee indices');
  if (!indices.includes(index)) throw new Error(`trustee ${index} is not among the indices`);
  let numerator = F.one;
  let denominator = F.one;
  const l = indexScalar(group, index);
  for (const j of indices) {
    if (j === index) continue;
    const x = indexScalar(group, j);
    numerator = F.mul(numerator, x);
    denominator = F.mul(denominator, F.sub(x, l));
  }
  return F.mul(numerator, F.inv(denominator));
}

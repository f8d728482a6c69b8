// The DKG's outputs (ElectionGuard 2.1 §3.2.2 "joint key" and "guardian key shares"; Belenios spec
// v1.5 §4.5.6 voutput, §4.5.7 threshold parameters): the joint key K = Π_i K_{i,0}, each trustee's
// public key share G_ℓ = Π_i Π_j K_{i,j}^{ℓ^j} (computable by anyone), the secret share
// s_ℓ = Σ_i P_i(ℓ) (`deriveTrusteeKey`), and the key confirmation: trustee ℓ proves knowledge of
// s_ℓ for G_ℓ (`createKeyConfirmation` / `verifyKeyConfirmation`, Belenios voutput).
// Must not accept shares it has not Feldman-checked.
import type { Group, GroupElement } from '../group.ts';
import { proveKnowledge, verifyKnowledge, type SchnorrProof } from '../proofs/index.ts';
import { type RandomSource, systemRandom } from '../random.ts';
import type { Ok } from '../result.ts';
import { ok } from '../result.ts';
import type { Scalar } from '../scalar.ts';
import {
  assertParameters,
  type Blame,
  blame,
  KEY_CONFIRMATION_CONTEXT_DOMAIN,
  subContext,
  type ThresholdParameters,
} from './common.ts';
import type { CommitmentsMessage, TrusteePolynomial } from './commitments.ts';
import { evaluatePolynomial, indexPowers } from './polynomial.ts';
import { verifyShare } from './shares.ts';

/** What trustee ℓ keeps after the ceremony. `publicKeyShares[ℓ − 1]` is G_ℓ. */
export type TrusteeKey = {
  readonly trustee: number;
  readonly threshold: number;
  readonly secretShare: Scalar;
  readonly jointPublicKey: GroupElement;
  readonly publicKeyShares: readonly GroupElement[];
};

/** Message 5, from trustee ℓ: G_ℓ with a proof of knowledge of s_ℓ. */
export type KeyConfirmationMessage = {
  readonly kind: 'key_confirmation';
  readonly trustee: number;
  readonly publicKeyShare: GroupElement;
  readonly proof: SchnorrProof;
};

/** K = Π_i K_{i,0} over all (qualified) trustees. */
export function jointPublicKey(group: Group, allCommitments: readonly CommitmentsMessage[]): GroupElement {
  let acc = group.identity;
  for (const m of allCommitments) acc = group.add(acc, m.coefficients[0]!.commitment);
  return acc;
}

/** G_ℓ = Π_i Π_j K_{i,j}^{ℓ^j}: trustee ℓ's public verification key, from public data only. */
export function publicKeyShare(
  group: Group,
  allCommitments: readonly CommitmentsMessage[],
  index: number,
): GroupElement {
  const elements: GroupElement[] = [];
  const scalars: Scalar[] = [];
  for (const m of allCommitments) {
    const powers = indexPowers(group, index, m.coefficients.length);
    m.coefficients.forEach((c, j) => {
      elements.push(c.commitment);
      scalars.push(powers[j]!);
    });
  }
  return group.multiMultiplyPublic(elements, scalars);
}

/** G_1 … G_n in index order. */
export function allPublicKeyShares(
  group: Group,
  allCommitments: readonly CommitmentsMessage[],
  trusteeCount: number,
): GroupElement[] {
  return Array.from({ length: trusteeCount }, (_, i) => publicKeyShare(group, allCommitments, i + 1));
}

export type DeriveKeyError = 'missing_commitments' | 'missing_share' | 'bad_share';

/**
 * Trustee ℓ's final step: s_ℓ = P_ℓ(ℓ) + Σ_{i≠ℓ} P_i(ℓ), every received share re-checked against its
 * sender's commitments. `receivedShares` maps sender index → decrypted (or publicly revealed) share.
 */
export function deriveTrusteeKey(
  group: Group,
  parameters: ThresholdParameters,
  polynomial: TrusteePolynomial,
  receivedShares: ReadonlyMap<number, Scalar>,
  allCommitments: readonly CommitmentsMessage[],
): Ok<TrusteeKey> | Blame<DeriveKeyError> {
  assertParameters(parameters);
  const { threshold, trusteeCount } = parameters;
  const l = polynomial.trustee;
  const F = group.scalars;
  let secretShare = evaluatePolynomial(group, polynomial.coefficients, l);
  const ordered: CommitmentsMessage[] = [];
  for (let i = 1; i <= trusteeCount; i++) {
    const commitments = allCommitments.find((m) => m.trustee === i);
    if (!commitments) return blame('missing_commitments', i, `no commitments from trustee ${i}`);
    ordered.push(commitments);
    if (i === l) continue;
    const share = receivedShares.get(i);
    if (share === undefined) return blame('missing_share', i, `no share from trustee ${i}`);
    if (!verifyShare(group, commitments, l, share))
      return blame('bad_share', i, `trustee ${i}: share does not match its commitments`);
    secretShare = F.add(secretShare, share);
  }
  const publicKeyShares = allPublicKeyShares(group, ordered, trusteeCount);
  // Our own polynomial must match our own published commitments (a bug otherwise).
  if (!group.equals(group.baseMultiply(secretShare), publicKeyShares[l - 1]!))
    throw new Error('own polynomial does not match own commitments');
  return ok({
    trustee: l,
    threshold,
    secretShare,
    jointPublicKey: jointPublicKey(group, ordered),
    publicKeyShares,
  });
}

export function keyConfirmationContext(group: Group, context: Uint8Array, trustee: number): Uint8Array {
  return subContext(KEY_CONFIRMATION_CONTEXT_DOMAIN, group, context, trustee, 0);
}

export function createKeyConfirmation(
  group: Group,
  parameters: ThresholdParameters,
  key: TrusteeKey,
  rng: RandomSource = systemRandom,
): KeyConfirmationMessage {
  const publicKey = key.publicKeyShares[key.trustee - 1]!;
  const proof = proveKnowledge(
    group,
    key.secretShare,
    publicKey,
    keyConfirmationContext(group, parameters.context, key.trustee),
    rng,
  );
  return { kind: 'key_confirmation', trustee: key.trustee, publicKeyShare: publicKey, proof };
}

/** Checks G_ℓ against the commitments and the proof of knowledge of s_ℓ; failure names trustee ℓ. */
export function verifyKeyConfirmation(
  group: Group,
  parameters: ThresholdParameters,
  message: KeyConfirmationMessage,
  allCommitments: readonly CommitmentsMessage[],
): Ok<KeyConfirmationMessage> | Blame<'bad_key_confirmation'> {
  const l = message.trustee;
  if (!group.equals(message.publicKeyShare, publicKeyShare(group, allCommitments, l))) {
    return blame('bad_key_confirmation', l, `trustee ${l}: public key share does not match the commitments`);
  }
  if (
    !verifyKnowledge(
      group,
      message.publicKeyShare,
      message.proof,
      keyConfirmationContext(group, parameters.context, l),
    )
  ) {
    return blame(
      'bad_key_confirmation',
      l,
      `trustee ${l}: proof of knowledge of the key share does not verify`,
    );
  }
  return ok(message);
}

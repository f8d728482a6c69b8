// Round 1 of the DKG: a trustee's polynomial, its Feldman commitments K_{i,j} = g^{a_{i,j}}, each
// with a Schnorr proof of knowledge, and the trustee's share-encryption key with its own proof
// (ElectionGuard 2.1 §3.2.2 "coefficient commitments and proofs"; Belenios spec v1.5 §4.5.2 cert,
// §4.5.4 polynomial/coefexps). Producer `createTrusteeCommitments`, checker `verifyTrusteeCommitments`.
// Must not see another trustee's secrets; the returned polynomial never leaves its trustee.
import type { KeyPair } from '../elgamal.ts';
import { generateKeyPair } from '../elgamal.ts';
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
  COEFFICIENT_CONTEXT_DOMAIN,
  ENCRYPTION_KEY_CONTEXT_DOMAIN,
  isTrusteeIndex,
  subContext,
  type ThresholdParameters,
} from './common.ts';

/** A trustee's long-lived key pair for receiving encrypted shares (distinct from its key share). */
export type TrusteeEncryptionKey = KeyPair;

export function generateTrusteeEncryptionKey(
  group: Group,
  rng: RandomSource = systemRandom,
): TrusteeEncryptionKey {
  return generateKeyPair(group, rng);
}

/** Secret: the trustee's polynomial P_i(z) = Σ_j a_{i,j} z^j, degree k − 1. Never published. */
export type TrusteePolynomial = { readonly trustee: number; readonly coefficients: readonly Scalar[] };

export type CoefficientCommitment = { readonly commitment: GroupElement; readonly proof: SchnorrProof };

/** Message 1, broadcast by trustee i. */
export type CommitmentsMessage = {
  readonly kind: 'commitments';
  readonly trustee: number;
  readonly encryptionKey: GroupElement;
  readonly encryptionKeyProof: SchnorrProof;
  /** K_{i,0} … K_{i,k−1}, in coefficient order. */
  readonly coefficients: readonly CoefficientCommitment[];
};

export type CommitmentsError =
  | 'bad_trustee_index'
  | 'wrong_coefficient_count'
  | 'identity_commitment'
  | 'bad_coefficient_proof'
  | 'bad_encryption_key';

export function coefficientContext(
  group: Group,
  context: Uint8Array,
  trustee: number,
  coefficient: number,
): Uint8Array {
  return subContext(COEFFICIENT_CONTEXT_DOMAIN, group, context, trustee, coefficient);
}

export function encryptionKeyContext(group: Group, context: Uint8Array, trustee: number): Uint8Array {
  return subContext(ENCRYPTION_KEY_CONTEXT_DOMAIN, group, context, trustee, 0);
}

export function createTrusteeCommitments(
  group: Group,
  parameters: ThresholdParameters,
  trustee: number,
  encryptionKey: TrusteeEncryptionKey,
  rng: RandomSource = systemRandom,
): { readonly polynomial: TrusteePolynomial; readonly message: CommitmentsMessage } {
  assertParameters(parameters);
  if (!isTrusteeIndex(trustee, parameters.trusteeCount)) throw new RangeError(`bad trustee index ${trustee}`);
  const { context, threshold } = parameters;
  // Non-zero coefficients: a zero a_{i,j} would commit to the identity, which checkers reject.
  const coefficients = Array.from({ length: threshold }, () => group.scalars.randomNonZero(rng));
  const committed = coefficients.map((a, j) => {
    const commitment = group.baseMultiply(a);
    const proof = proveKnowledge(group, a, commitment, coefficientContext(group, context, trustee, j), rng);
    return { commitment, proof };
  });
  return {
    polynomial: { trustee, coefficients },
    message: {
      kind: 'commitments',
      trustee,
      encryptionKey: encryptionKey.publicKey,
      encryptionKeyProof: proveKnowledge(
        group,
        encryptionKey.secretKey,
        encryptionKey.publicKey,
        encryptionKeyContext(group, context, trustee),
        rng,
      ),
      coefficients: committed,
    },
  };
}

/** Checks one trustee's commitments message; a failure names the trustee and the coefficient. */
export function verifyTrusteeCommitments(
  group: Group,
  parameters: ThresholdParameters,
  message: CommitmentsMessage,
): Ok<CommitmentsMessage> | Blame<CommitmentsError> {
  assertParameters(parameters);
  const { context, threshold, trusteeCount } = parameters;
  const i = message.trustee;
  if (!isTrusteeIndex(i, trusteeCount))
    return blame('bad_trustee_index', i, `trustee index ${i} not in [1, ${trusteeCount}]`);
  if (message.coefficients.length !== threshold) {
    return blame(
      'wrong_coefficient_count',
      i,
      `expected ${threshold} commitments, got ${message.coefficients.length}`,
    );
  }
  if (
    group.isIdentity(message.encryptionKey) ||
    !verifyKnowledge(
      group,
      message.encryptionKey,
      message.encryptionKeyProof,
      encryptionKeyContext(group, context, i),
    )
  ) {
    return blame('bad_encryption_key', i, `trustee ${i}: encryption key proof does not verify`);
  }
  for (let j = 0; j < message.coefficients.length; j++) {
    const { commitment, proof } = message.coefficients[j]!;
    if (group.isIdentity(commitment))
      return blame('identity_commitment', i, `trustee ${i}: commitment ${j} is the identity`, j);
    if (!verifyKnowledge(group, commitment, proof, coefficientContext(group, context, i, j))) {
      return blame('bad_coefficient_proof', i, `trustee ${i}: proof for coefficient ${j} does not verify`, j);
    }
  }
  return ok(message);
}

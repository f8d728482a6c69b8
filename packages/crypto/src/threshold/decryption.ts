// Threshold decryption of a list of ciphertexts (a whole tally): trustee ℓ publishes
// D_ℓ = α^{s_ℓ} with a Chaum–Pedersen proof against G_ℓ (ElectionGuard 2.1 §3.6.2–3.6.3, Belenios
// spec v1.5 §4.12 partial_decryption), and any k distinct verified partial decryptions are combined
// by Lagrange interpolation at 0: α^s = Π_ℓ D_ℓ^{w_ℓ}, g^m = β / α^s.
// Producer `createPartialDecryption`, checker `verifyPartialDecryption`; `combinePartialDecryptions`
// only accepts verified ones (branded). Must not recover m (dlog.ts does) nor know about questions.
import { type Ciphertext, decryptWithFactor, partialDecrypt } from '../elgamal.ts';
import type { Group, GroupElement } from '../group.ts';
import { type EqualLogsProof, proveEqualLogs, verifyEqualLogs } from '../proofs/index.ts';
import { type RandomSource, systemRandom } from '../random.ts';
import { type Ok, type Result, err, ok } from '../result.ts';
import type { Scalar } from '../scalar.ts';
import { type Blame, blame, PARTIAL_DECRYPTION_CONTEXT_DOMAIN, subContext } from './common.ts';
import type { TrusteeKey } from './keys.ts';
import { lagrangeCoefficient } from './polynomial.ts';

export type PartialDecryption = {
  readonly trustee: number;
  /** D_ℓ for each ciphertext, in ciphertext order. */
  readonly factors: readonly GroupElement[];
  readonly proofs: readonly EqualLogsProof[];
};

declare const verifiedBrand: unique symbol;
/** A partial decryption that `verifyPartialDecryption` accepted for a given ciphertext list. */
export type VerifiedPartialDecryption = PartialDecryption & { readonly [verifiedBrand]: true };

export type PartialDecryptionError = 'wrong_count' | 'bad_decryption_proof';
/** `duplicate_trustee` failures also carry `trustee` (a Blame) at run time. */
export type CombineError = 'not_enough_shares' | 'wrong_count' | 'duplicate_trustee';

export function partialDecryptionContext(
  group: Group,
  context: Uint8Array,
  trustee: number,
  index: number,
): Uint8Array {
  return subContext(PARTIAL_DECRYPTION_CONTEXT_DOMAIN, group, context, trustee, index);
}

export function createPartialDecryption(
  group: Group,
  key: TrusteeKey,
  ciphertexts: readonly Ciphertext[],
  context: Uint8Array,
  rng: RandomSource = systemRandom,
): PartialDecryption {
  const publicKey = key.publicKeyShares[key.trustee - 1]!;
  const F = group.scalars;
  const factors: GroupElement[] = [];
  const proofs: EqualLogsProof[] = [];
  ciphertexts.forEach((c, index) => {
    // α = 1 only for an empty sum: D = 1 and the proof is fixed to (0, 0) (threshold.md §T7.1).
    if (group.isIdentity(c.alpha)) {
      factors.push(group.identity);
      proofs.push({ challenge: F.zero, response: F.zero });
      return;
    }
    const result = partialDecrypt(group, key.secretShare, c);
    factors.push(result);
    const statement = { publicKey, base: c.alpha, result };
    proofs.push(
      proveEqualLogs(
        group,
        key.secretShare,
        statement,
        partialDecryptionContext(group, context, key.trustee, index),
        rng,
      ),
    );
  });
  return { trustee: key.trustee, factors, proofs };
}

/** Checks every D_ℓ against G_ℓ; a failure names the trustee and the ciphertext index. */
export function verifyPartialDecryption(
  group: Group,
  partial: PartialDecryption,
  publicKeyShare: GroupElement,
  ciphertexts: readonly Ciphertext[],
  context: Uint8Array,
): Ok<VerifiedPartialDecryption> | Blame<PartialDecryptionError> {
  const l = partial.trustee;
  if (partial.factors.length !== ciphertexts.length || partial.proofs.length !== ciphertexts.length) {
    return blame(
      'wrong_count',
      l,
      `trustee ${l}: ${partial.factors.length} factors / ${partial.proofs.length} proofs for ${ciphertexts.length} ciphertexts`,
    );
  }
  for (let index = 0; index < ciphertexts.length; index++) {
    const { alpha } = ciphertexts[index]!;
    const result = partial.factors[index]!;
    const proof = partial.proofs[index]!;
    const valid = group.isIdentity(alpha)
      ? group.isIdentity(result) && proof.challenge === 0n && proof.response === 0n
      : verifyEqualLogs(
          group,
          { publicKey: publicKeyShare, base: alpha, result },
          proof,
          partialDecryptionContext(group, context, l, index),
        );
    if (!valid)
      return blame(
        'bad_decryption_proof',
        l,
        `trustee ${l}: decryption proof for ciphertext ${index} does not verify`,
        index,
      );
  }
  return ok(partial as VerifiedPartialDecryption);
}

/**
 * Combines verified partial decryptions from at least `threshold` distinct trustees into g^m for
 * each ciphertext. All given partials are used (any set of ≥ k distinct indices interpolates to s).
 */
export function combinePartialDecryptions(
  group: Group,
  ciphertexts: readonly Ciphertext[],
  partials: readonly VerifiedPartialDecryption[],
  threshold: number,
): Result<GroupElement[], CombineError> {
  const indices = partials.map((p) => p.trustee);
  const seen = new Set<number>();
  for (const i of indices) {
    if (seen.has(i)) return blame('duplicate_trustee', i, `two partial decryptions from trustee ${i}`);
    seen.add(i);
  }
  if (indices.length < threshold)
    return err('not_enough_shares', `${indices.length} partial decryptions, ${threshold} needed`);
  for (const p of partials) {
    if (p.factors.length !== ciphertexts.length)
      return err('wrong_count', `trustee ${p.trustee}: wrong number of factors`);
  }
  const weights: Scalar[] = indices.map((l) => lagrangeCoefficient(group, indices, l));
  return ok(
    ciphertexts.map((c, index) => {
      const factor = group.multiMultiplyPublic(
        partials.map((p) => p.factors[index]!),
        weights,
      );
      return decryptWithFactor(group, c, factor);
    }),
  );
}

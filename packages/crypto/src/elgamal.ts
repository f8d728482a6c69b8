// Exponential ElGamal over the group (docs/protocol.md §4; Belenios spec §4.1, ElectionGuard 2.1 §3.3):
//   public key h = g^x; Enc(m; r) = (α, β) = (g^r, h^r · g^m).
// Homomorphic: Enc(m1; r1) ⊗ Enc(m2; r2) = Enc(m1 + m2; r1 + r2). Decryption yields g^m; the small
// integer m is recovered by the discrete-log solver (dlog.ts).
import { concatBytes } from './bytes.ts';
import type { ElementDecodeError, Group, GroupElement } from './group.ts';
import { type RandomSource, systemRandom } from './random.ts';
import { type Result, ok, err } from './result.ts';
import type { Scalar } from './scalar.ts';

export type Ciphertext = { readonly alpha: GroupElement; readonly beta: GroupElement };

export type KeyPair = { readonly secretKey: Scalar; readonly publicKey: GroupElement };

export function generateKeyPair(group: Group, rng: RandomSource = systemRandom): KeyPair {
  const secretKey = group.scalars.randomNonZero(rng);
  return { secretKey, publicKey: group.baseMultiply(secretKey) };
}

/** g^m for a small non-negative integer m (a vote count or a 0/1 selection). Constant time: m may be a secret choice. */
export function encodeMessage(group: Group, m: bigint | number): GroupElement {
  return group.baseMultiply(group.scalars.fromBigint(m));
}

/** g^m for a PUBLIC m (an allowed value in a proof statement, a count being checked): variable time. */
export function encodePublicMessage(group: Group, m: bigint | number): GroupElement {
  return group.baseMultiplyPublic(group.scalars.fromBigint(m));
}

/** Encrypts m with the given randomness r (r is secret: constant-time multiplications). */
export function encryptWith(group: Group, publicKey: GroupElement, m: bigint | number, r: Scalar): Ciphertext {
  return {
    alpha: group.baseMultiply(r),
    beta: group.add(group.multiply(publicKey, r), encodeMessage(group, m)),
  };
}

export function encrypt(
  group: Group,
  publicKey: GroupElement,
  m: bigint | number,
  rng: RandomSource = systemRandom,
): { readonly ciphertext: Ciphertext; readonly randomness: Scalar } {
  const randomness = group.scalars.randomNonZero(rng);
  return { ciphertext: encryptWith(group, publicKey, m, randomness), randomness };
}

export function addCiphertexts(group: Group, a: Ciphertext, b: Ciphertext): Ciphertext {
  return { alpha: group.add(a.alpha, b.alpha), beta: group.add(a.beta, b.beta) };
}

/** Product of many ciphertexts: an encryption of the sum. The empty sum is (1, 1) = Enc(0; 0). */
export function sumCiphertexts(group: Group, cts: readonly Ciphertext[]): Ciphertext {
  let alpha = group.identity;
  let beta = group.identity;
  for (const c of cts) {
    alpha = group.add(alpha, c.alpha);
    beta = group.add(beta, c.beta);
  }
  return { alpha, beta };
}

/** Re-randomisation: multiplies by Enc(0; r). */
export function reRandomize(group: Group, publicKey: GroupElement, c: Ciphertext, r: Scalar): Ciphertext {
  return addCiphertexts(group, c, encryptWith(group, publicKey, 0, r));
}

/** A decryption share α^x for key share x (ElectionGuard 2.1 §3.6.2). */
export function partialDecrypt(group: Group, secretKey: Scalar, c: Ciphertext): GroupElement {
  return group.multiply(c.alpha, secretKey);
}

/** Given α^x (combined decryption factor), returns g^m = β / α^x. */
export function decryptWithFactor(group: Group, c: Ciphertext, factor: GroupElement): GroupElement {
  return group.subtract(c.beta, factor);
}

export function decryptToElement(group: Group, secretKey: Scalar, c: Ciphertext): GroupElement {
  return decryptWithFactor(group, c, partialDecrypt(group, secretKey, c));
}

export function ciphertextEquals(group: Group, a: Ciphertext, b: Ciphertext): boolean {
  return group.equals(a.alpha, b.alpha) && group.equals(a.beta, b.beta);
}

/** 2 × elementLength bytes: α || β. */
export function encodeCiphertext(group: Group, c: Ciphertext): Uint8Array {
  return concatBytes(group.encodeElement(c.alpha), group.encodeElement(c.beta));
}

/**
 * Strict decoding of a ciphertext received from outside. α is never the identity (it would mean
 * r = 0, i.e. the plaintext is in the clear); β may be the identity only in computed sums, which
 * callers decode with `allowIdentity`.
 */
export function decodeCiphertext(
  group: Group,
  bytes: Uint8Array,
  options?: { readonly allowIdentity?: boolean },
): Result<Ciphertext, ElementDecodeError> {
  const n = group.elementLength;
  if (bytes.length !== 2 * n) return err('bad_length', `expected ${2 * n} bytes, got ${bytes.length}`);
  const alpha = group.decodeElement(bytes.subarray(0, n), options);
  if (!alpha.ok) return alpha;
  const beta = group.decodeElement(bytes.subarray(n), { allowIdentity: true });
  if (!beta.ok) return beta;
  return ok({ alpha: alpha.value, beta: beta.value });
}

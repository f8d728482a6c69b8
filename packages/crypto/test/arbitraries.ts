// Shared fast-check arbitraries and tamper helpers for the crypto tests. Not a test file itself.
// Everything is built on the public API of @ratify/crypto; nothing here reaches into a backend.
import fc from 'fast-check';
import { type GroupElement, type Scalar, fromHex, hashItems, ristretto255 as g, utf8 } from '../src/index.ts';

const F = g.scalars;

/** Any scalar in [0, ℓ), with the edges (0, 1, ℓ−1) over-represented by fast-check's bigInt. */
export const arbScalar: fc.Arbitrary<Scalar> = fc
  .bigInt({ min: 0n, max: F.order - 1n })
  .map((v) => F.fromBigint(v));

/** A scalar in [1, ℓ). */
export const arbNonZeroScalar: fc.Arbitrary<Scalar> = fc
  .bigInt({ min: 1n, max: F.order - 1n })
  .map((v) => F.fromBigint(v));

/** g^k for a random k ≠ 0: a non-identity element. */
export const arbElement: fc.Arbitrary<GroupElement> = arbNonZeroScalar.map((k) => g.baseMultiply(k));

/** A proof/signature context: arbitrary bytes (the protocol uses election fingerprints). */
export const arbContext: fc.Arbitrary<Uint8Array> = fc.uint8Array({ minLength: 0, maxLength: 64 });

/** A key pair whose secret comes from fast-check (so shrinking works), not from systemRandom. */
export const arbKeyPair = arbNonZeroScalar.map((secretKey) => ({
  secretKey,
  publicKey: g.baseMultiply(secretKey),
}));

/** A different element: e + g^delta with delta ≠ 0. */
export function otherElement(e: GroupElement, delta: Scalar): GroupElement {
  return g.add(e, g.baseMultiply(delta));
}

/** A different scalar: s + delta with delta ≠ 0. */
export function otherScalar(s: Scalar, delta: Scalar): Scalar {
  return F.add(s, delta);
}

/** A different byte string of the same length (one bit flipped), or one byte longer when empty. */
export function otherBytes(bytes: Uint8Array, position: number): Uint8Array {
  if (bytes.length === 0) return new Uint8Array([0]);
  const out = bytes.slice();
  const i = position % bytes.length;
  out[i] = (out[i] as number) ^ 1;
  return out;
}

export function hex(s: string): Uint8Array {
  const b = fromHex(s);
  if (!b) throw new Error(`bad hex in test: ${s}`);
  return b;
}

/**
 * The context a ballot's proofs and signature are bound to: the election fingerprint and the
 * voter's credential public key (Cortier–Smyth: without the credential, a ballot can be copied).
 */
export function ballotContext(election: string, credential: GroupElement): Uint8Array {
  return hashItems('ratify/test/ballot-context', [
    ['election', utf8(election)],
    ['credential', g.encodeElement(credential)],
  ]);
}

/** Modest run counts: every property does a few group operations per run. */
export const RUNS = { numRuns: 25 } as const;

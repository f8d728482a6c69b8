// Scalars: integers modulo the group order ℓ, branded so that only decode/reduce functions mint them.
// Encoding (docs/protocol.md §2.2): 32 bytes little-endian, canonical (value < ℓ), as RFC 9496 / RFC 8032.
// Hash-to-scalar uses wide reduction of 64 bytes (SHA-512 output) mod ℓ, so the bias is < 2^-250.
import { type RandomSource, systemRandom } from './random.ts';
import { type Result, ok, err } from './result.ts';
import { bigintToBytesLE, bytesToBigintLE } from './bytes.ts';

declare const scalarBrand: unique symbol;
/** An integer in [0, ℓ) for the group it belongs to. */
export type Scalar = bigint & { readonly [scalarBrand]: true };

export type ScalarDecodeError = 'bad_length' | 'non_canonical';

export interface ScalarField {
  readonly order: bigint;
  readonly byteLength: number;
  readonly zero: Scalar;
  readonly one: Scalar;
  /** Reduces any integer (including negatives) mod ℓ. */
  fromBigint(value: bigint | number): Scalar;
  /** Strict: exactly byteLength bytes, little-endian, value < ℓ. */
  decode(bytes: Uint8Array): Result<Scalar, ScalarDecodeError>;
  encode(s: Scalar): Uint8Array;
  /** Wide reduction: interprets 64 bytes little-endian and reduces mod ℓ. */
  fromWideBytes(bytes: Uint8Array): Scalar;
  /** Uniform in [0, ℓ) via wide reduction of 64 random bytes. */
  random(rng?: RandomSource): Scalar;
  /** Uniform in [1, ℓ). */
  randomNonZero(rng?: RandomSource): Scalar;
  add(a: Scalar, b: Scalar): Scalar;
  sub(a: Scalar, b: Scalar): Scalar;
  mul(a: Scalar, b: Scalar): Scalar;
  neg(a: Scalar): Scalar;
  /** Multiplicative inverse; throws on zero (a bug: callers never invert zero). */
  inv(a: Scalar): Scalar;
  isValid(value: bigint): value is Scalar;
}

function modInverse(a: bigint, m: bigint): bigint {
  // Extended Euclid; a and m coprime (m prime, a ≠ 0).
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw new Error('not invertible');
  return ((oldS % m) + m) % m;
}

export function createScalarField(order: bigint, byteLength: number): ScalarField {
  const mod = (v: bigint): Scalar => (((v % order) + order) % order) as Scalar;
  const field: ScalarField = {
    order,
    byteLength,
    zero: 0n as Scalar,
    one: 1n as Scalar,
    fromBigint: (value) => mod(BigInt(value)),
    decode(bytes) {
      if (bytes.length !== byteLength) return err('bad_length', `expected ${byteLength} bytes, got ${bytes.length}`);
      const v = bytesToBigintLE(bytes);
      if (v >= order) return err('non_canonical', 'scalar is not reduced mod the group order');
      return ok(v as Scalar);
    },
    encode: (s) => bigintToBytesLE(s, byteLength),
    fromWideBytes(bytes) {
      if (bytes.length !== 64) throw new RangeError('wide reduction takes 64 bytes');
      return mod(bytesToBigintLE(bytes));
    },
    random: (rng = systemRandom) => mod(bytesToBigintLE(rng(64))),
    randomNonZero(rng = systemRandom) {
      for (;;) {
        const s = mod(bytesToBigintLE(rng(64)));
        if (s !== 0n) return s;
      }
    },
    add: (a, b) => mod(a + b),
    sub: (a, b) => mod(a - b),
    mul: (a, b) => mod(a * b),
    neg: (a) => mod(-a),
    inv(a) {
      if (a === 0n) throw new Error('inverse of zero');
      return modInverse(a, order) as Scalar;
    },
    isValid: (value): value is Scalar => value >= 0n && value < order,
  };
  return field;
}

// The prime-order group interface every other module uses. Backends (pure-TS ristretto255 today,
// native/WASM later, possibly an integer group) implement it; callers never touch a curve library.
// Math never sees bytes: `decodeElement`/`encodeElement` are the only edges, strict and canonical.
import type { Result } from './result.ts';
import type { Scalar, ScalarField } from './scalar.ts';

declare const elementBrand: unique symbol;
/** An element of the group of the backend that produced it. Opaque; compare with `group.equals`. */
export type GroupElement = { readonly [elementBrand]: true };

export type ElementDecodeError = 'bad_length' | 'invalid_element' | 'identity';

export interface Group {
  /** Stable name that goes into every hash (e.g. "ristretto255"). */
  readonly name: string;
  readonly elementLength: number;
  readonly scalars: ScalarField;
  readonly generator: GroupElement;
  readonly identity: GroupElement;
  /**
   * Canonical decoding (RFC 9496 §4.3.1 for ristretto255). Rejects wrong lengths and non-canonical
   * or invalid encodings. The identity is accepted only when `allowIdentity` is true: public keys,
   * commitments and ciphertext components from outside are never the identity.
   */
  decodeElement(bytes: Uint8Array, options?: { readonly allowIdentity?: boolean }): Result<GroupElement, ElementDecodeError>;
  encodeElement(element: GroupElement): Uint8Array;
  add(a: GroupElement, b: GroupElement): GroupElement;
  subtract(a: GroupElement, b: GroupElement): GroupElement;
  negate(a: GroupElement): GroupElement;
  /** Constant-time scalar multiplication: use with secret scalars. */
  multiply(element: GroupElement, scalar: Scalar): GroupElement;
  /** Variable-time: ONLY for public scalars (verification). */
  multiplyPublic(element: GroupElement, scalar: Scalar): GroupElement;
  /** generator·scalar, constant time. */
  baseMultiply(scalar: Scalar): GroupElement;
  /** generator·scalar, variable time: ONLY for public scalars (e.g. g^m for a public m in a verifier). */
  baseMultiplyPublic(scalar: Scalar): GroupElement;
  /** Σ elements[i]·scalars[i], variable time: ONLY for public data (verification). */
  multiMultiplyPublic(elements: readonly GroupElement[], scalars: readonly Scalar[]): GroupElement;
  /** Returns an equal element prepared for many multiplications (e.g. the election key). */
  precompute(element: GroupElement): GroupElement;
  equals(a: GroupElement, b: GroupElement): boolean;
  isIdentity(a: GroupElement): boolean;
}

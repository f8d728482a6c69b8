// Shared vocabulary of the threshold module: trustee indices, parameters, the "blame" failure that
// names the trustee (and coefficient / ciphertext) at fault, and the sub-context hashing that binds
// every proof to the ceremony context, the trustee and the item (docs/protocol.md §T1).
// Must not hold state or do any group arithmetic beyond scalar conversion.
import { u32be, u64be, utf8 } from '../bytes.ts';
import type { Group } from '../group.ts';
import type { Err } from '../result.ts';
import type { Scalar } from '../scalar.ts';
import { hashItems } from '../transcript.ts';

/** k-of-n: any `threshold` of the `trusteeCount` trustees can decrypt. Trustees are 1-based. */
export type ThresholdParameters = {
  /** Ceremony / election context bytes (e.g. the hash of the vote id and manifest draft). */
  readonly context: Uint8Array;
  readonly threshold: number;
  readonly trusteeCount: number;
};

/** A failure that names the trustee at fault (the sender of a bad share, the author of a bad proof). */
export type Blame<E extends string> = Err<E> & {
  readonly trustee: number;
  /** Coefficient index j (commitments) or ciphertext index (partial decryptions), when relevant. */
  readonly item?: number;
};

export function blame<E extends string>(error: E, trustee: number, detail: string, item?: number): Blame<E> {
  return item === undefined
    ? { ok: false, error, detail, trustee }
    : { ok: false, error, detail, trustee, item };
}

/** Throws on parameters that are a bug (1 ≤ k ≤ n ≤ 2^16). */
export function assertParameters(p: Pick<ThresholdParameters, 'threshold' | 'trusteeCount'>): void {
  const { threshold: k, trusteeCount: n } = p;
  if (!Number.isSafeInteger(k) || !Number.isSafeInteger(n) || k < 1 || n < k || n > 65536) {
    throw new RangeError(`bad threshold parameters k=${k}, n=${n}`);
  }
}

export function isTrusteeIndex(index: number, trusteeCount: number): boolean {
  return Number.isSafeInteger(index) && index >= 1 && index <= trusteeCount;
}

/** The scalar ℓ for trustee index ℓ (never 0: P(0) is the secret). */
export function indexScalar(group: Group, index: number): Scalar {
  if (!Number.isSafeInteger(index) || index < 1) throw new RangeError(`bad trustee index ${index}`);
  return group.scalars.fromBigint(index);
}

/**
 * Sub-context for one proof: SHA-512 over labelled items (transcript.ts `hashItems`)
 *   domain, group name, ceremony context, trustee index (u32be), item index (u64be).
 * The 64-byte digest is what the proof's transcript absorbs under the label "context".
 */
export function subContext(
  domain: string,
  group: Group,
  context: Uint8Array,
  trustee: number,
  item: number,
): Uint8Array {
  return hashItems(domain, [
    ['group', utf8(group.name)],
    ['context', context],
    ['trustee', u32be(trustee)],
    ['item', u64be(item)],
  ]);
}

export const COEFFICIENT_CONTEXT_DOMAIN = 'ratify/v2/threshold/coefficient';
export const ENCRYPTION_KEY_CONTEXT_DOMAIN = 'ratify/v2/threshold/encryption-key';
export const KEY_CONFIRMATION_CONTEXT_DOMAIN = 'ratify/v2/threshold/key-confirmation';
export const PARTIAL_DECRYPTION_CONTEXT_DOMAIN = 'ratify/v2/threshold/partial-decryption';

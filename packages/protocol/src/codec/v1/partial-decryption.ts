// Wire codec of a trustee's partial decryption of the tally, `ratify/v2` (wire-v1.md §W5):
// one factor D = α^{s_ℓ} and one Chaum–Pedersen proof per tally ciphertext, in the tally's
// row-major order (question, then option). A factor may be the identity (for an empty-sum
// ciphertext, whose proof is then (0, 0); threshold.md §T7.1). Must not verify the proofs
// (verifyPartialDecryption does, against the tally and the trustee's public key share).
import type { Group, PartialDecryption } from '@ratify/crypto';
import { ok } from '@ratify/crypto';
import { z } from 'zod';
import { toCanonical } from '../canonical-json.ts';
import { MAX_BALLOT_OPTIONS, MAX_BALLOT_QUESTIONS } from './ballot.ts';
import {
  decodeChallengeResponseAt,
  decodeEach,
  decodeElementAt,
  elementToHex,
  groupSchemas,
  parseWire,
  perGroup,
  toWireChallengeResponse,
  trusteeIndexSchema,
  WIRE_MAX_DEPTH,
  WIRE_VERSION,
  type WireChallengeResponse,
  type WireResult,
} from './common.ts';

/** At most one factor per tally ciphertext. */
export const MAX_DECRYPTION_FACTORS = MAX_BALLOT_QUESTIONS * MAX_BALLOT_OPTIONS;
/** 16 384 × ~227 bytes per (factor, proof) fits in 4 MiB. */
export const MAX_PARTIAL_DECRYPTION_BYTES = 4 * 1024 * 1024;

export type WirePartialDecryption = {
  readonly version: typeof WIRE_VERSION;
  readonly trustee: number;
  readonly factors: readonly string[];
  readonly proofs: readonly WireChallengeResponse[];
};

const partialDecryptionSchema = perGroup((group: Group): z.ZodType<WirePartialDecryption> => {
  const s = groupSchemas(group);
  return z
    .strictObject({
      version: z.literal(WIRE_VERSION),
      trustee: trusteeIndexSchema,
      factors: z.array(s.element).min(1).max(MAX_DECRYPTION_FACTORS),
      proofs: z.array(s.challengeResponse).min(1).max(MAX_DECRYPTION_FACTORS),
    })
    .refine((p) => p.factors.length === p.proofs.length, {
      message: 'factors and proofs differ in length',
      path: ['proofs'],
    });
});

export function toWirePartialDecryption(group: Group, partial: PartialDecryption): WirePartialDecryption {
  return {
    version: WIRE_VERSION,
    trustee: partial.trustee,
    factors: partial.factors.map((f) => elementToHex(group, f)),
    proofs: partial.proofs.map((p) => toWireChallengeResponse(group, p)),
  };
}

export function encodePartialDecryption(group: Group, partial: PartialDecryption): string {
  return toCanonical(toWirePartialDecryption(group, partial));
}

export function parseWirePartialDecryption(group: Group, text: string): WireResult<PartialDecryption> {
  const limits = { maxBytes: MAX_PARTIAL_DECRYPTION_BYTES, maxDepth: WIRE_MAX_DEPTH };
  return parseWire(text, partialDecryptionSchema(group), limits, (w) => {
    const factors = decodeEach(w.factors, '$.factors', (f, path) => decodeElementAt(group, f, path, true));
    if (!factors.ok) return factors;
    const proofs = decodeEach(w.proofs, '$.proofs', (p, path) => decodeChallengeResponseAt(group, p, path));
    if (!proofs.ok) return proofs;
    return ok({ trustee: w.trustee, factors: factors.value, proofs: proofs.value });
  });
}

// Context values derived from the manifest that the key ceremony and the decryption proofs are bound
// to (docs/record-format.md §4). Pure. Must not know how the ceremony is run.
import { hashItems, u64be, utf8 } from '@ratify/crypto';
import type { Manifest } from './manifest.ts';

/** Ceremony context: vote id, k, n and the trustee ids in manifest order (not the joint key). */
export function ceremonyContext(voteId: string, threshold: number, trusteeIds: readonly string[]): Uint8Array {
  return hashItems('ratify/v1/ceremony-context', [
    ['vote', utf8(voteId)],
    ['threshold', u64be(threshold)],
    ['trustee_count', u64be(trusteeIds.length)],
    ...trusteeIds.map((id, i) => [`trustee[${i + 1}]`, utf8(id)] as const),
  ]);
}

export function manifestCeremonyContext(m: Manifest): Uint8Array {
  return ceremonyContext(m.voteId, m.trustees.threshold, m.trustees.members.map((t) => t.id));
}

// Context values derived from the manifest that the key ceremony and the decryption proofs are bound
// to (docs/record-format.md §4). Pure. Must not know how the ceremony is run.
import { fromHex, hashItems, u64be, utf8 } from '@ratify/crypto';
import type { ElectionScope } from './credentials.ts';
import type { Manifest } from './manifest.ts';

/** Ceremony context: vote id, election id, k, n and the trustee ids in manifest order (not the joint key). */
export function ceremonyContext(election: ElectionScope, threshold: number, trusteeIds: readonly string[]): Uint8Array {
  const electionId = fromHex(election.electionId);
  if (electionId === undefined || electionId.length !== 16) throw new Error('ceremonyContext: the election id must be 16 bytes of lowercase hex');
  return hashItems('ratify/v2/ceremony-context', [
    ['vote', utf8(election.voteId)],
    ['election', electionId],
    ['threshold', u64be(threshold)],
    ['trustee_count', u64be(trusteeIds.length)],
    ...trusteeIds.map((id, i) => [`trustee[${i + 1}]`, utf8(id)] as const),
  ]);
}

export function manifestCeremonyContext(m: Manifest): Uint8Array {
  return ceremonyContext(m, m.trustees.threshold, m.trustees.members.map((t) => t.id));
}

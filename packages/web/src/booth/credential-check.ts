// The booth's check of a credential against the vote before it encrypts (issue 16): its checksum
// (parsed in the page), then its public credential (computed in the crypto worker) looked up among the
// vote's published public credentials. The lookup asks the server for one bucket (the public
// credentials sharing the first byte, about 1/256 of the public list), so the server does not learn
// which credential the member holds; the private credential never leaves the device.
import { api, type ApiFailure } from '../api.ts';
import { callWorker } from '../crypto/worker-client.ts';
import type { WorkerError } from '../crypto/worker-protocol.ts';

/** Where a public credential stands on the vote's list. */
export type CredentialStanding = 'active' | 'revoked' | 'not_listed';

/** Pure: the standing of `publicHex` in a bucket the server returned (which must be the bucket asked for). */
export function credentialStanding(bucket: { readonly prefix: string; readonly active: readonly string[]; readonly revoked: readonly string[] }, publicHex: string): CredentialStanding | 'wrong_bucket' {
  if (!publicHex.startsWith(bucket.prefix) || bucket.prefix.length !== 2) return 'wrong_bucket';
  if (bucket.active.includes(publicHex)) return 'active';
  if (bucket.revoked.includes(publicHex)) return 'revoked';
  return 'not_listed';
}

export type CredentialCheck =
  | { readonly kind: 'ok' }
  /** The credential is well formed but not this vote's: for another vote, or replaced. */
  | { readonly kind: 'not_for_vote' | 'replaced' }
  | { readonly kind: 'worker_failed'; readonly error: WorkerError }
  | { readonly kind: 'lookup_failed'; readonly failure: ApiFailure };

export async function checkCredentialForVote(voteId: string, credential: string): Promise<CredentialCheck> {
  const pub = await callWorker('public_credential', { kind: 'public_credential', voteId, credential });
  if (!pub.ok) return { kind: 'worker_failed', error: pub.error };
  const hex = pub.value.publicCredential;
  const bucket = await api.credentialBucket(voteId, hex.slice(0, 2));
  if (!bucket.ok) return { kind: 'lookup_failed', failure: bucket };
  const standing = credentialStanding(bucket.value, hex);
  switch (standing) {
    case 'active':
      return { kind: 'ok' };
    case 'revoked':
      return { kind: 'replaced' };
    case 'not_listed':
      return { kind: 'not_for_vote' };
    case 'wrong_bucket':
      return { kind: 'lookup_failed', failure: { ok: false, code: 'bad_response', status: 200, message: 'the server answered for another bucket' } };
  }
}

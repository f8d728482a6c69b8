// The (challenge, response) pair every sigma-protocol proof in Ratify is made of, and its strict
// byte codec: 2 × 32 bytes, each a canonical scalar (docs/protocol.md §5.1). Proofs store the
// challenge, not the commitment: the verifier recomputes the commitment from the response and the
// statement and checks that hashing it reproduces the challenge (Belenios spec §4.4 style).
import { concatBytes } from '../bytes.ts';
import type { Group } from '../group.ts';
import { type Result, ok, err } from '../result.ts';
import type { Scalar, ScalarDecodeError } from '../scalar.ts';

export type ChallengeResponse = { readonly challenge: Scalar; readonly response: Scalar };

export function encodeChallengeResponse(group: Group, p: ChallengeResponse): Uint8Array {
  return concatBytes(group.scalars.encode(p.challenge), group.scalars.encode(p.response));
}

export function decodeChallengeResponse(group: Group, bytes: Uint8Array): Result<ChallengeResponse, ScalarDecodeError> {
  const n = group.scalars.byteLength;
  if (bytes.length !== 2 * n) return err('bad_length', `expected ${2 * n} bytes, got ${bytes.length}`);
  const challenge = group.scalars.decode(bytes.subarray(0, n));
  if (!challenge.ok) return challenge;
  const response = group.scalars.decode(bytes.subarray(n));
  if (!response.ok) return response;
  return ok({ challenge: challenge.value, response: response.value });
}

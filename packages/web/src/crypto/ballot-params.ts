// Ballot parameters derived from a vote's manifest, in the browser: the same derivation as the
// engine's buildVoteContext (which web must not import), with the election key precomputed once per
// vote. Also checks that the server's claimed fingerprint matches the manifest it sent, so the booth
// never encrypts under a manifest it did not verify. Pure: no I/O, no DOM.
import { err, fromHex, ok, toHex, type Group, type Result } from '@ratify/crypto';
import { ballotQuestionSpecs, electionFingerprint, parseWireManifest, type BallotParams, type Manifest, type ManifestError } from '@ratify/protocol';

export type PreparedVote = { readonly manifest: Manifest; readonly params: BallotParams; readonly fingerprintHex: string };
export type PrepareVoteError = ManifestError | 'fingerprint_mismatch' | 'invalid_election_key';

/** Parses the manifest text strictly; if `claimedFingerprint` is given it must equal the computed one. */
export function prepareVote(group: Group, manifestText: string, claimedFingerprint?: string): Result<PreparedVote, PrepareVoteError> {
  const parsed = parseWireManifest(manifestText);
  if (!parsed.ok) return parsed;
  const manifest = parsed.value;
  const fingerprint = electionFingerprint(manifest);
  const fingerprintHex = toHex(fingerprint);
  if (claimedFingerprint !== undefined && claimedFingerprint.toLowerCase() !== fingerprintHex) return err('fingerprint_mismatch');
  const key = group.decodeElement(fromHex(manifest.jointPublicKey) ?? new Uint8Array());
  if (!key.ok) return err('invalid_election_key', key.error);
  const params: BallotParams = {
    group,
    voteId: manifest.voteId,
    fingerprint,
    electionKey: group.precompute(key.value),
    questions: ballotQuestionSpecs(manifest),
  };
  return ok({ manifest, params, fingerprintHex });
}

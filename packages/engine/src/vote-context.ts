// Everything derived from a vote's manifest that the services need on every call: the parsed
// manifest, fingerprint, ballot parameters with the election key precomputed, ceremony context and
// trustees' public key shares. Built once per vote and cached by the engine instance (never a
// module-level singleton). Must not touch storage.
import {
  type Group,
  type GroupElement,
  type Result,
  evaluateCommitments,
  fromHex,
  ok,
  unwrap,
} from '@ratify/crypto';
import {
  type BallotParams,
  type Manifest,
  type ManifestError,
  ballotQuestionSpecs,
  electionFingerprint,
  manifestCeremonyContext,
  parseWireManifest,
  toWireManifest,
} from '@ratify/protocol';

export type VoteContext = {
  readonly manifest: Manifest;
  /** The manifest's canonical text (what the worker pool is given). */
  readonly manifestText: string;
  readonly fingerprint: Uint8Array;
  readonly ballotParams: BallotParams;
  readonly ceremonyContext: Uint8Array;
  /** G_1 … G_n, computed from the manifest's commitments. */
  readonly publicKeyShares: readonly GroupElement[];
};

function element(group: Group, hex: string): GroupElement {
  return unwrap(group.decodeElement(fromHex(hex) ?? new Uint8Array()));
}

export function buildVoteContext(group: Group, manifest: Manifest): VoteContext {
  const fingerprint = electionFingerprint(manifest);
  const commitments = manifest.trustees.members.map((t) => t.commitments.map((c) => element(group, c)));
  const publicKeyShares = manifest.trustees.members.map((_, i) =>
    commitments.reduce((acc, ks) => group.add(acc, evaluateCommitments(group, ks, i + 1)), group.identity),
  );
  return {
    manifest,
    manifestText: toWireManifest(manifest),
    fingerprint,
    ceremonyContext: manifestCeremonyContext(manifest),
    publicKeyShares,
    ballotParams: {
      group,
      voteId: manifest.voteId,
      fingerprint,
      electionKey: group.precompute(element(group, manifest.jointPublicKey)),
      questions: ballotQuestionSpecs(manifest),
    },
  };
}

export function parseVoteContext(group: Group, manifestText: string): Result<VoteContext, ManifestError> {
  const m = parseWireManifest(manifestText);
  if (!m.ok) return m;
  return ok(buildVoteContext(group, m.value));
}


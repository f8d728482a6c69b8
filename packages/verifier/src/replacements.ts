// The report's account of the credential authority (docs/record-format.md §5.7, protocol §B1.1):
// who held its key (the manifest's mode), every credential replacement on the board with whether
// the authority's signature verifies and whether it dropped a ballot that had been cast (the
// revoked credential's counting ballot stops counting), and the plain warning that a vote whose
// credentials the server generated is not protected against ballot stuffing by the operator.
// Judges nothing: the `credentials` check reports bad signatures as findings.
import { type Group } from '@ratify/crypto';
import { type RevotePolicy, verifyCredentialReplacement } from '@ratify/protocol';
import type { ManifestContext } from './check-manifest.ts';
import { credentialOf } from './check-revote.ts';
import type { BoardModel } from './model.ts';
import type { CredentialAuthorityReport, ReplacementReport } from './types.ts';

export const SERVER_MODE_WARNING =
  'The server generated the voters\u2019 credentials (credential authority mode "server"): this vote is NOT protected against ballot stuffing by the operator of the server.';

export function authorityReport(ctx: ManifestContext | undefined): CredentialAuthorityReport | undefined {
  const authority = ctx?.manifest.credentialAuthority;
  if (authority === undefined) return undefined;
  return { mode: authority.mode, publicKey: authority.publicKey, ...(authority.mode === 'server' && { warning: SERVER_MODE_WARNING }) };
}

export function replacementReports(group: Group, model: BoardModel, ctx: ManifestContext | undefined, policy: RevotePolicy | undefined): ReplacementReport[] {
  return model.replacements.map((r) => {
    const cast = model.ballots.filter((b) => b.seq < r.seq && credentialOf(b) === r.revoked);
    const dropped = policy === 'first_counts' ? cast[0] : cast[cast.length - 1];
    const signatureValid =
      ctx !== undefined && verifyCredentialReplacement(group, ctx.manifest.credentialAuthority.publicKey, ctx.fingerprint, r.revoked, r.added, r.authoritySignature).ok;
    return {
      seq: r.seq,
      revoked: r.revoked,
      added: r.added,
      signatureValid,
      ...(dropped !== undefined && { droppedBallot: { seq: dropped.seq, trackingCode: dropped.trackingCode } }),
    };
  });
}

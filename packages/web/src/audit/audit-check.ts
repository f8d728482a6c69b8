// The independent audit check (cast-or-audit, docs/protocol.md §B2.4): from the vote's manifest and a
// revealed ballot, recompute every ciphertext (g^r, h^r·g^m) and compare; also check the ballot's
// proofs and signature and recompute its tracking code, so the voter can compare it with what the
// booth showed. Shares no code with the booth's worker beyond the protocol package. Pure.
import { err, ok, type Group, type Result } from '@ratify/crypto';
import { auditBallot, checkBallot, parseWireBallot, trackingCode, type Manifest } from '@ratify/protocol';
import { prepareVote } from '../crypto/ballot-params.ts';
import { parseWireAuditPackage } from './audit-package.ts';

/** Per question: the indices of the options the revealed selections say were chosen (empty = blank). */
export type RevealedChoices = readonly (readonly number[])[];

export type AuditReport =
  | { readonly kind: 'match'; readonly manifest: Manifest; readonly trackingCode: string; readonly choices: RevealedChoices }
  | {
      readonly kind: 'mismatch';
      readonly manifest: Manifest;
      readonly trackingCode: string;
      /** auditBallot's codes, a checkBallot code (proofs, signature), `wrong_election` or `tracking_code_mismatch`. */
      readonly reason: string;
      readonly detail?: string;
    };
export type AuditCheckError = 'invalid_audit_package' | 'invalid_ballot' | 'invalid_manifest';

/** The vote id a package's ballot claims, to fetch its manifest. */
export function auditPackageVoteId(group: Group, packageText: string): Result<string, AuditCheckError> {
  const pkg = parseWireAuditPackage(group, packageText);
  if (!pkg.ok) return pkg;
  const ballot = parseWireBallot(group, pkg.value.ballotText);
  return ballot.ok ? ok(ballot.value.voteId) : err('invalid_ballot', `${ballot.error} ${ballot.detail ?? ''}`.trim());
}

export function checkAudit(group: Group, manifestText: string, packageText: string): Result<AuditReport, AuditCheckError> {
  const pkg = parseWireAuditPackage(group, packageText);
  if (!pkg.ok) return pkg;
  const parsedBallot = parseWireBallot(group, pkg.value.ballotText);
  if (!parsedBallot.ok) return err('invalid_ballot', `${parsedBallot.error} ${parsedBallot.detail ?? ''}`.trim());
  const vote = prepareVote(group, manifestText);
  if (!vote.ok) return err('invalid_manifest', vote.error);
  const { manifest, params } = vote.value;
  const ballot = parsedBallot.value;
  const code = trackingCode(group, ballot);
  const mismatch = (reason: string, detail?: string): Result<AuditReport, never> =>
    ok({ kind: 'mismatch', manifest, trackingCode: code, reason, ...(detail === undefined ? {} : { detail }) });
  if (ballot.voteId !== manifest.voteId) return mismatch('wrong_election', 'the ballot is for another vote');
  if (code !== pkg.value.trackingCode) return mismatch('tracking_code_mismatch', 'the audit data names another ballot');
  const checked = checkBallot(params, ballot);
  if (!checked.ok) return mismatch(checked.error === 'wrong_vote' ? 'wrong_election' : checked.error, checked.detail);
  const audited = auditBallot(params, ballot, pkg.value.secrets);
  if (!audited.ok) return mismatch(audited.error, audited.detail);
  const choices = pkg.value.secrets.selections.map((sel) => sel.flatMap((m, i) => (m === 1 ? [i] : [])));
  return ok({ kind: 'match', manifest, trackingCode: code, choices });
}

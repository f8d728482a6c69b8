// The crypto worker's logic, independent of the Worker global so it runs in unit tests: prepare a
// vote (parse + verify the manifest, precompute the election key once), encrypt a ballot with
// createBallot and the voter's credential, and reveal or forget the last encryption's secrets.
// Holds the credential only for the duration of one `encrypt` call. Must not touch the DOM or network.
import { assertNever, systemRandom, toHex, type Group, type RandomSource } from '@ratify/crypto';
import { credentialSecret, createBallot, encodeBallot, parsePrivateCredential, publicCredential, trackingCode, type BallotSecrets } from '@ratify/protocol';
import { toWireAuditPackage } from '../audit/audit-package.ts';
import { prepareVote, type PreparedVote } from './ballot-params.ts';
import { parseWorkerRequest, requestIdOf, type WorkerResponse } from './worker-protocol.ts';

type LastBallot = { readonly voteId: string; readonly trackingCode: string; readonly ballotText: string; readonly secrets: BallotSecrets };

export type WorkerHandler = (data: unknown) => WorkerResponse;

export function createWorkerHandler(group: Group, rng: RandomSource = systemRandom, now: () => number = () => performance.now()): WorkerHandler {
  const votes = new Map<string, PreparedVote>();
  let last: LastBallot | undefined;

  return (data) => {
    const request = parseWorkerRequest(data);
    if (!request.ok) return { kind: 'failed', id: requestIdOf(data), error: 'bad_request', detail: request.detail };
    const req = request.value;
    switch (req.kind) {
      case 'prepare': {
        const start = now();
        const prepared = prepareVote(group, req.manifest, req.fingerprint);
        if (!prepared.ok) {
          const error = prepared.error === 'fingerprint_mismatch' ? 'fingerprint_mismatch' : 'invalid_manifest';
          return { kind: 'failed', id: req.id, error, ...(prepared.detail === undefined ? {} : { detail: prepared.detail }) };
        }
        votes.set(prepared.value.manifest.voteId, prepared.value);
        return { kind: 'prepared', id: req.id, voteId: prepared.value.manifest.voteId, fingerprint: prepared.value.fingerprintHex, millis: now() - start };
      }
      case 'encrypt': {
        const vote = votes.get(req.voteId);
        if (vote === undefined) return { kind: 'failed', id: req.id, error: 'not_prepared' };
        const credential = parsePrivateCredential(req.credential);
        if (!credential.ok) return { kind: 'failed', id: req.id, error: credential.error };
        const start = now();
        const secret = credentialSecret(group, vote.manifest, credential.value);
        const created = createBallot(vote.params, req.selections, secret, rng);
        if (!created.ok) return { kind: 'failed', id: req.id, error: 'invalid_selection', detail: created.error };
        const ballotText = encodeBallot(group, created.value.ballot);
        const code = trackingCode(group, created.value.ballot);
        const millis = now() - start;
        last = { voteId: req.voteId, trackingCode: code, ballotText, secrets: created.value.secrets };
        return { kind: 'encrypted', id: req.id, ballot: ballotText, trackingCode: code, millis };
      }
      case 'public_credential': {
        // The public credential depends on the vote id, the manifest's election id and the private
        // credential (protocol §B1), so the vote must be prepared (its manifest checked). Nothing is kept.
        const vote = votes.get(req.voteId);
        if (vote === undefined) return { kind: 'failed', id: req.id, error: 'not_prepared' };
        const credential = parsePrivateCredential(req.credential);
        if (!credential.ok) return { kind: 'failed', id: req.id, error: credential.error };
        return { kind: 'public_credential', id: req.id, publicCredential: toHex(group.encodeElement(publicCredential(group, vote.manifest, credential.value))) };
      }
      case 'reveal': {
        if (last === undefined || last.trackingCode !== req.trackingCode) return { kind: 'failed', id: req.id, error: 'nothing_to_reveal' };
        const auditPackage = toWireAuditPackage(group, last);
        last = undefined;
        return { kind: 'revealed', id: req.id, auditPackage };
      }
      case 'forget':
        last = undefined;
        return { kind: 'forgotten', id: req.id };
      default:
        return assertNever(req);
    }
  };
}

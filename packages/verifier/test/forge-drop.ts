// Test forger (tests only), forgery class 5 of issue 12: removes one accepted ballot from a built
// vote and recomputes, with the project's own functions, everything that depends on it — closing
// counts, encrypted tally, the trustees' partial decryptions with valid proofs, the result — then
// writes the record with a fresh hash chain, extracts and record.json. Only a member's receipt can
// tell the difference.
import { createDlogTable, combinePartialDecryptions, createPartialDecryption, discreteLog, unwrap, verifyPartialDecryption } from '@ratify/crypto';
import {
  type Ballot,
  type CanonicalValue,
  ballotQuestionSpecs,
  computeEncryptedTally,
  computeResult,
  parseWireBallot,
  toCanonical,
  toWireEncryptedTally,
  toWirePartialDecryption,
  toWireResult,
} from '@ratify/protocol';
import { type BuiltVote, editableEntries, writeRecord } from './record-builder.ts';

export /** Drops the ballot with `trackingCode` and recomputes counts, tally, partial decryptions and result. */
function dropBallotAndRebuild(built: BuiltVote, trackingCode: string): Record<string, string> {
  const { group, manifest, fingerprint, keys, rng } = built;
  const entries = editableEntries(built.entries).filter((e) => !(e.kind === 'ballot_accepted' && e.payload.trackingCode === trackingCode));
  const superseded = new Set(entries.filter((e) => e.kind === 'ballot_superseded').map((e) => e.payload.trackingCode as string));
  const accepted = entries.filter((e) => e.kind === 'ballot_accepted');
  const counted: Ballot[] = accepted
    .filter((e) => !superseded.has(e.payload.trackingCode as string))
    .map((e) => unwrap(parseWireBallot(group, toCanonical(e.payload.ballot!))));
  const questions = ballotQuestionSpecs(manifest);
  const tally = computeEncryptedTally(group, questions, counted);
  const ciphertexts = tally.flat();
  const partials = [1, 3].map((t) => createPartialDecryption(group, keys[t - 1]!, ciphertexts, fingerprint, rng));
  const verified = partials.map((p) => unwrap(verifyPartialDecryption(group, p, keys[0]!.publicKeyShares[p.trustee - 1]!, ciphertexts, fingerprint)));
  const table = createDlogTable(group, manifest.eligibleCount);
  const flat = unwrap(combinePartialDecryptions(group, ciphertexts, verified, 2)).map((e) => unwrap(discreteLog(table, e)));
  let offset = 0;
  const counts = questions.map((q) => flat.slice(offset, (offset += q.optionCount)));
  const result = unwrap(computeResult(manifest, counts, counted.length, [1, 3]));
  const rebuilt = entries.filter((e) => e.kind !== 'partial_decryption');
  for (const e of rebuilt) {
    if (e.kind === 'vote_closed') Object.assign(e.payload, { ballotsAccepted: accepted.length, ballotsCounted: counted.length });
    if (e.kind === 'tally_computed') e.payload.tally = toWireEncryptedTally(group, tally);
    if (e.kind === 'result_published') e.payload.result = toWireResult(result);
  }
  const at = rebuilt.findIndex((e) => e.kind === 'result_published');
  rebuilt.splice(at, 0, ...partials.map((p) => ({ kind: 'partial_decryption' as const, payload: { partialDecryption: toWirePartialDecryption(group, p) as CanonicalValue } })));
  return writeRecord(rebuilt);
}

// The replay check on its own (issue 12, classes 3 and 4; ballot copying): each kind of repeat is
// named, the first occurrence is not, and distinct ballots pass. Ballots here are wire-shaped
// objects (W2) with only the fields the check reads; the full forgeries are in e2e/forged-replays.
import { describe, expect, it } from 'vitest';
import { checkReplays } from '../src/check-revote.ts';
import { FindingCollector } from '../src/collector.ts';
import type { BallotEntry, BoardModel } from '../src/model.ts';

const ballot = (seq: number, code: string, signature: string, ciphertexts: readonly string[]): BallotEntry => ({
  seq,
  line: seq + 1,
  trackingCode: code,
  ballot: { signature: { challenge: signature, response: signature }, answers: [{ question: 'q', choices: ciphertexts.map((c) => ({ ciphertext: { alpha: c, beta: c } })) }] },
});
const model = (ballots: readonly BallotEntry[]): BoardModel => ({ ballots, superseded: [], replacements: [], partials: [] });
function findings(ballots: readonly BallotEntry[]) {
  const collector = new FindingCollector(100);
  checkReplays(model(ballots), collector);
  return collector.reports().flatMap((r) => r.findings.map((f) => [r.name, f.code, f.location.seq]));
}

describe('checkReplays', () => {
  it('passes distinct ballots', () => {
    expect(findings([ballot(4, 'a', 's1', ['x1', 'x2']), ballot(5, 'b', 's2', ['y1', 'y2'])])).toEqual([]);
  });
  it('names a ballot accepted twice (the same bytes, so the same tracking code), at the repeat only', () => {
    expect(findings([ballot(4, 'a', 's1', ['x1']), ballot(5, 'b', 's2', ['y1']), ballot(6, 'a', 's1', ['x1'])])).toEqual([['revote_policy', 'replayed_ballot', 6]]);
  });
  it('names a reused signature under another tracking code', () => {
    expect(findings([ballot(4, 'a', 's1', ['x1']), ballot(5, 'b', 's1', ['y1'])])).toEqual([['revote_policy', 'replayed_signature', 5]]);
  });
  it('names a ciphertext copied from another ballot (ballot copying); a repeat inside one ballot is not a replay', () => {
    expect(findings([ballot(4, 'a', 's1', ['x1', 'x2']), ballot(5, 'b', 's2', ['y1', 'x2'])])).toEqual([['revote_policy', 'replayed_ciphertext', 5]]);
    expect(findings([ballot(4, 'a', 's1', ['x1', 'x1'])])).toEqual([]);
  });
});

// Forgery classes 3 and 4 of issue 12 through `ratify verify`: a server that replays a member's
// superseded ballot after their revote (same bytes, same tracking code, so the old choice counts
// again), or appends one accepted ballot twice, and rebuilds everything after it with the project's
// own code — the `ballot_superseded` event the revote policy expects, the hash chain, the extracts,
// record.json, the closing counts, the encrypted tally, valid partial decryptions by the trustees and
// the re-computed result. The replay check (docs/protocol.md §B2.5) must name it: `revote_policy`
// with `replayed_ballot`; the honest record still verifies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltVote, buildVote, closeAndCount, type Entry, writeRecord } from '../packages/verifier/test/record-builder.ts';
import { verifyRecord, type VerificationReport } from '../packages/verifier/src/index.ts';
import { type Run, verifyRecordFiles, workDir } from './fixtures/cli-harness.ts';

// A ratification (majority of yes/no): voters 0–2 yes, 3–5 no, voter 6 first yes then no.
// Honest: 3 yes, 4 no — failed. Replaying voter 6's first ballot: 4 yes, 3 no — passed.
const REVOTER = 6;
const vote = buildVote({
  seed: 'forged-replays',
  voters: 7,
  revoters: [REVOTER],
  chooseQuestion: false,
  yesNo: (voter, round) => (voter < 3 || (voter === REVOTER && round === 0) ? 'yes' : 'no'),
});

const accepted = (v: BuiltVote) => v.entries.filter((e) => e.kind === 'ballot_accepted');
const codeOf = (e: Entry) => String(e.payload.trackingCode);
const outcome = (report: VerificationReport) => report.outcomes[0]?.recomputed;
const failedChecks = (report: VerificationReport) => report.checks.filter((c) => c.status === 'failed').map((c) => c.name);
const codes = (report: VerificationReport) => report.checks.flatMap((c) => c.findings.map((f) => f.code));

/** The board up to the close, plus `extra`, closed and counted again with the project's own code. */
function forge(extra: readonly Entry[]): Record<string, string> {
  const open = vote.entries.slice(0, vote.entries.findIndex((e) => e.kind === 'vote_closed'));
  return writeRecord(closeAndCount(vote, [...open, ...extra]));
}

let work: Awaited<ReturnType<typeof workDir>>;
const cliVerify = (name: string, files: Record<string, string>): Promise<Run> => verifyRecordFiles(work, name, files);

beforeAll(async () => {
  work = await workDir('forged-replays');
});
afterAll(async () => {
  await work.cleanup();
});

describe('replayed ballots are caught', () => {
  const ballots = accepted(vote);
  // Voter 6's first ballot is the 7th accepted, their revote the 8th (the last).
  const first = ballots[REVOTER]!;
  const revote = ballots.at(-1)!;

  it('the honest record verifies, and the ratification fails (3 yes, 4 no)', async () => {
    const report = await verifyRecord(vote.files, { workers: 0 });
    expect(report.ok).toBe(true);
    expect(outcome(report)).toBe('failed');
    const run = await cliVerify('honest', vote.files);
    expect(run.code, run.stdout + run.stderr).toBe(0);
  });

  it('class 3 — a superseded ballot replayed after the revote: failed → passed; exit 1 naming revote_policy', async () => {
    const files = forge([first, { kind: 'ballot_superseded', payload: { supersededBy: codeOf(first), trackingCode: codeOf(revote) } }]);
    const report = await verifyRecord(files, { workers: 0 });
    // Consistent everywhere else: the recomputed result is the forger's "passed", the signature valid.
    expect(outcome(report)).toBe('passed');
    expect(report.outcomes[0]?.published).toBe('passed');
    expect(failedChecks(report)).toEqual(['revote_policy']);
    expect(codes(report)).toEqual(['replayed_ballot']);
    const run = await cliVerify('class-3', files);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAIL revote_policy\n\s+replayed_ballot/);
    expect(run.stderr).toContain('failed check(s): revote_policy');
  });

  it('class 4 — the same accepted ballot appended twice: exit 1 naming revote_policy', async () => {
    const once = ballots[0]!;
    const files = forge([once, { kind: 'ballot_superseded', payload: { supersededBy: codeOf(once), trackingCode: codeOf(once) } }]);
    const report = await verifyRecord(files, { workers: 0 });
    expect(failedChecks(report)).toEqual(['revote_policy']);
    expect(codes(report)).toEqual(['replayed_ballot']);
    const run = await cliVerify('class-4', files);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('failed check(s): revote_policy');
  });
});

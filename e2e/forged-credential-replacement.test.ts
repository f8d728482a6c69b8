// Forgery classes 1 and 2 of issue 12 through `ratify verify`: a server that stuffs a ballot or drops
// a member's ballot through a credential replacement, and rebuilds everything after it with the
// project's own code — the hash chain, the extracts, record.json, the closing counts, the encrypted
// tally, valid partial decryptions by the trustees and the re-computed result. Only the credential
// authority's signature (docs/protocol.md §B1.1) tells the forgery apart, so `ratify verify` must exit
// 1 naming the `credentials` check; the honest record still verifies; and when the server itself is
// the credential authority (decision 0006 mode) the same forgery verifies — which is why the report
// says plainly that such a vote is not protected against ballot stuffing by the operator, and lists
// the replacement and the ballot it dropped.
import { type Scalar, toHex, unwrap } from '@ratify/crypto';
import {
  type AuthorityKeyPair,
  createBallot,
  credentialSecret,
  generateAuthorityKey,
  generatePrivateCredential,
  publicCredential,
  signCredentialReplacement,
  toWireBallot,
  trackingCode,
} from '@ratify/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltVote, buildVote, closeAndCount, type Entry, writeRecord } from '../packages/verifier/test/record-builder.ts';
import { verifyRecord, type VerificationReport } from '../packages/verifier/src/index.ts';
import { type Run, verifyRecordFiles, workDir } from './fixtures/cli-harness.ts';

// A 3/4 strike authorization: 5 yes and 2 no of 7 ballots (71.4%) fails; one more yes (6 of 8, 75%) passes.
const STRIKE = { kind: 'supermajority' as const, threshold: { numerator: 3, denominator: 4 }, blankPolicy: 'excluded' as const };
const VOTERS = 7;
const NO_VOTER = 5;
const options = (authorityMode: 'offline' | 'server') => ({
  seed: `forged-replacement-${authorityMode}`,
  voters: VOTERS,
  revoters: [],
  chooseQuestion: false,
  ratifyRule: STRIKE,
  yesNo: (voter: number) => (voter < NO_VOTER ? 'yes' : 'no') as 'yes' | 'no',
  authorityMode,
});

const hex = (vote: BuiltVote, secret: bigint) => toHex(vote.group.encodeElement(vote.group.baseMultiply(secret as Scalar)));

/**
 * The forger's record: `revoked` replaced by a credential the forger holds (signed with `signer`),
 * a "yes" cast with it, and everything from the close on recomputed.
 */
function forge(vote: BuiltVote, revoked: string, signer: AuthorityKeyPair): Entry[] {
  const { group, ballotParams, fingerprint, rng } = vote;
  const code = generatePrivateCredential(rng);
  const secret = credentialSecret(group, vote.manifest, code);
  const added = toHex(group.encodeElement(publicCredential(group, vote.manifest, code)));
  const open = vote.entries.slice(0, vote.entries.findIndex((e) => e.kind === 'vote_closed'));
  const { ballot } = unwrap(createBallot(ballotParams, [[1, 0]], secret, rng));
  const forged: Entry[] = [
    ...open,
    { kind: 'credential_replaced', payload: { added, authoritySignature: signCredentialReplacement(group, signer, fingerprint, revoked, added, rng), revoked } },
    { kind: 'ballot_accepted', payload: { ballot: toWireBallot(group, ballot), trackingCode: trackingCode(group, ballot) } },
  ];
  return closeAndCount(vote, forged);
}

const abstainer = (vote: BuiltVote) => hex(vote, vote.credentialSecrets[VOTERS + 3]!);
const noVoter = (vote: BuiltVote) => hex(vote, vote.credentialSecrets[NO_VOTER]!);
const outcome = (report: VerificationReport) => report.outcomes[0]?.recomputed;
const failedChecks = (report: VerificationReport) => report.checks.filter((c) => c.status === 'failed').map((c) => c.name);

let work: Awaited<ReturnType<typeof workDir>>;
const cliVerify = (name: string, files: Record<string, string>): Promise<Run> => verifyRecordFiles(work, name, files);

beforeAll(async () => {
  work = await workDir('forged-replacement');
});
afterAll(async () => {
  await work.cleanup();
});

describe('offline credential authority: forged replacements are caught', () => {
  const vote = buildVote(options('offline'));
  // The forger runs the server (and here even has the trustees' cooperation) but not the committee's key.
  const forgerKey = generateAuthorityKey(vote.group, vote.rng);

  it('the honest record verifies and the strike vote fails (5 of 7)', async () => {
    const run = await cliVerify('honest', vote.files);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('authority offline');
    expect(run.stdout).not.toContain('WARNING');
    const report = await verifyRecord(vote.files, { workers: 0 });
    expect(report.ok).toBe(true);
    expect(outcome(report)).toBe('failed');
    expect(report.replacements).toEqual([]);
  });

  it('class 1 — stuffing through replacement: an abstainer replaced, "yes" cast, failed → passed; exit 1 naming credentials', async () => {
    const files = writeRecord(forge(vote, abstainer(vote), forgerKey));
    const report = await verifyRecord(files, { workers: 0 });
    // Consistent everywhere else: the recomputed result is the forger's "passed".
    expect(outcome(report)).toBe('passed');
    expect(report.outcomes[0]?.published).toBe('passed');
    expect(failedChecks(report)).toEqual(['credentials']);
    const finding = report.checks.find((c) => c.name === 'credentials')!.findings[0]!;
    expect(finding).toMatchObject({ code: 'invalid_authority_signature', location: { file: 'board.jsonl', path: '$.authoritySignature' } });
    expect(report.replacements).toEqual([expect.objectContaining({ revoked: abstainer(vote), signatureValid: false })]);
    expect(report.replacements[0]!.droppedBallot).toBeUndefined();
    const run = await cliVerify('class-1', files);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAIL credentials\n\s+invalid_authority_signature/);
    expect(run.stderr).toContain('failed check(s): credentials');
  });

  it('class 2 — dropping a member\'s "no" through replacement: exit 1 naming credentials; the report names the dropped ballot', async () => {
    const files = writeRecord(forge(vote, noVoter(vote), forgerKey));
    const report = await verifyRecord(files, { workers: 0 });
    expect(outcome(report)).toBe('passed'); // 6 yes, 1 no
    expect(failedChecks(report)).toEqual(['credentials']);
    const noBallot = String(vote.entries.filter((e) => e.kind === 'ballot_accepted')[NO_VOTER]!.payload.trackingCode);
    expect(report.replacements).toHaveLength(1);
    expect(report.replacements[0]).toMatchObject({ revoked: noVoter(vote), signatureValid: false });
    expect(report.replacements[0]!.droppedBallot?.trackingCode).toBe(noBallot);
    const run = await cliVerify('class-2', files);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`DROPPED the ballot ${noBallot}`);
    expect(run.stderr).toContain('failed check(s): credentials');
  });

  it("a forger who also swaps the manifest's authority key changes the fingerprint: every ballot and the list fail", async () => {
    const forged = forge(vote, abstainer(vote), forgerKey).map((e) => structuredClone(e));
    const manifest = forged[0]!.payload.manifest as { credentialAuthority: { publicKey: string } };
    manifest.credentialAuthority.publicKey = toHex(vote.group.encodeElement(forgerKey.publicKey));
    const report = await verifyRecord(writeRecord(forged), { workers: 0 });
    expect(report.ok).toBe(false);
    expect(failedChecks(report)).toEqual(expect.arrayContaining(['credentials', 'ballots', 'partial_decryptions']));
  });
});

describe('server-mode credential authority: the report says what it cannot prove', () => {
  const vote = buildVote(options('server'));

  it('the same forgery, signed with the server-held key, verifies — and the summary warns and lists the dropped ballot', async () => {
    const files = writeRecord(forge(vote, noVoter(vote), vote.authority));
    const report = await verifyRecord(files, { workers: 0 });
    expect(report.ok).toBe(true);
    expect(report.credentialAuthority).toMatchObject({ mode: 'server', warning: expect.stringContaining('NOT protected against ballot stuffing by the operator') });
    expect(report.replacements).toEqual([expect.objectContaining({ signatureValid: true, droppedBallot: expect.any(Object) })]);
    const run = await cliVerify('server-mode', files);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('WARNING      The server generated the voters’ credentials');
    expect(run.stdout).toMatch(/replacements 1\n\s+seq \d+: [0-9a-f]{64} → [0-9a-f]{64}; authority signature valid; DROPPED the ballot/);
  });

  it('an honest server-mode record verifies with the warning', async () => {
    const report = await verifyRecord(vote.files, { workers: 0 });
    expect(report.ok).toBe(true);
    expect(report.credentialAuthority?.warning).toBeDefined();
  });
});

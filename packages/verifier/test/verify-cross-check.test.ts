// `crossCheck` (`ratify verify --cross-check N`): N ballots drawn at random are re-verified with the
// pure-TypeScript reference backend and every verdict is compared with the main run's. A good record
// agrees (in-thread and through the worker pool); a tampered ballot is rejected by both backends
// alike (no disagreement, only the ballot's own finding); a fast backend that computes wrongly is
// caught and named `backend_disagreement` at each sampled ballot and on the sample's encrypted sum.
import { type Group, type GroupElement, ristretto255, type Scalar } from '@ratify/crypto';
import { describe, expect, it } from 'vitest';
import { sampleIndexes } from '../src/cross-check.ts';
import { formatReport, verifyRecord } from '../src/index.ts';
import { codes, failed, findings, verify } from './helpers.ts';
import { buildVote } from './record-builder.ts';

const vote = buildVote();
const ballotSeqs = (JSON.parse(`[${vote.files['board.jsonl']!.trimEnd().split('\n').join(',')}]`) as { seq: number; kind: string }[])
  .filter((e) => e.kind === 'ballot_accepted')
  .map((e) => e.seq);

/** A fast backend with a bug: every multi-scalar multiplication is off by one generator. */
const brokenMultiply: Group = {
  ...ristretto255,
  multiMultiplyPublic: (elements: readonly GroupElement[], scalars: readonly Scalar[]) =>
    ristretto255.add(ristretto255.multiMultiplyPublic(elements, scalars), ristretto255.generator),
};
/** A fast backend with a bug in addition: a + b + g. */
const brokenAdd: Group = { ...ristretto255, add: (a, b) => ristretto255.add(ristretto255.add(a, b), ristretto255.generator) };

describe('sampleIndexes', () => {
  it('draws distinct indexes in range, ascending, at most the total', () => {
    let state = 7;
    const rnd = (bound: number) => (state = (state * 1103515245 + 12345) % 2 ** 31) % bound;
    for (const [total, count] of [[12, 5], [12, 12], [12, 40], [1000, 999], [5, 0]] as const) {
      const picked = sampleIndexes(total, count, rnd);
      expect(picked).toHaveLength(Math.min(total, count));
      expect(new Set(picked).size).toBe(picked.length);
      expect([...picked].sort((a, b) => a - b)).toEqual(picked);
      expect(picked.every((i) => Number.isInteger(i) && i >= 0 && i < total)).toBe(true);
    }
  });

  it('reaches every index (the platform CSPRNG by default)', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 400; i++) for (const x of sampleIndexes(10, 2)) seen.add(x);
    expect(seen.size).toBe(10);
  });
});

describe('cross-check with the reference backend', () => {
  it('a good record: the sampled ballots agree, the report says which and how many', async () => {
    const report = await verify(vote.files, { crossCheck: 5 });
    expect(report.ok).toBe(true);
    expect(report.crossCheck).toMatchObject({ backend: 'reference', requested: 5, disagreements: 0 });
    expect(report.crossCheck!.seqs).toHaveLength(5);
    expect(report.crossCheck!.seqs.every((s) => ballotSeqs.includes(s))).toBe(true);
    expect(formatReport(report)).toMatch(/cross-check {2}5 ballot\(s\) drawn at random re-verified with the reference backend .*: the backends agree/);
  });

  it('N above the number of ballots re-verifies them all; through the worker pool too', { timeout: 60_000 }, async () => {
    const report = await verifyRecord(vote.files, { workers: 2, inThreadBelow: 0, crossCheck: 1000 });
    expect(report.ok).toBe(true);
    expect(report.crossCheck).toMatchObject({ requested: 1000, seqs: ballotSeqs, disagreements: 0 });
  });

  it('no cross-check asked: no summary in the report', async () => {
    expect((await verify(vote.files)).crossCheck).toBeUndefined();
  });

  it('a ballot with a forged signature is rejected by both backends alike', async () => {
    const board = vote.files['board.jsonl']!.replace(/"signature":\{"challenge":"(.)/, (_, c: string) => `"signature":{"challenge":"${c === '0' ? '1' : '0'}`);
    const report = await verify({ ...vote.files, 'board.jsonl': board }, { crossCheck: 1000 });
    expect(failed(report)).toContain('ballots');
    expect(codes(report, 'ballots')).not.toContain('backend_disagreement');
    expect(report.crossCheck!.disagreements).toBe(0);
  });

  it('a fast backend whose multiplication is wrong is caught at each sampled ballot', async () => {
    const report = await verify(vote.files, { crossCheck: 3, group: brokenMultiply });
    expect(report.ok).toBe(false);
    const disagreements = findings(report, 'ballots').filter((f) => f.code === 'backend_disagreement');
    expect(disagreements.map((f) => f.location.seq)).toEqual(report.crossCheck!.seqs);
    expect(disagreements[0]!.detail).toMatch(/the ristretto255 \(given\) backend found it rejected \(.+\).*; the reference backend found it valid/);
    expect(report.crossCheck).toMatchObject({ primaryBackend: 'ristretto255 (given)', disagreements: 3 });
  });

  it('a fast backend whose addition is wrong is caught on the encrypted sum of the sample as well', async () => {
    const report = await verify(vote.files, { crossCheck: 4, group: brokenAdd });
    const disagreements = findings(report, 'ballots').filter((f) => f.code === 'backend_disagreement');
    expect(disagreements.some((f) => f.location.seq === undefined && /encrypted sum of the 4 sampled ballots differs/.test(f.detail))).toBe(true);
    expect(report.crossCheck!.disagreements).toBe(disagreements.length);
  });
});

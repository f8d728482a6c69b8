// A real record of a small vote (record-builder.ts) passes every check of docs/record-format.md §5,
// in-thread and through the worker pool, from memory and from a directory; the report carries the
// board head, the ballot counts and each question's outcome.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_NAMES, formatReport, readRecordDir, reportToJson, type VerifyProgress, verifyRecord } from '../src/index.ts';
import { buildVote } from './record-builder.ts';
import { failed, verify } from './helpers.ts';

const vote = buildVote();

describe('a good record', () => {
  it('passes every check, in the order of record-format §5', async () => {
    const report = await verify(vote.files);
    // `receipts` runs only when receipts are given (verify-receipts.test.ts).
    expect(report.checks.map((c) => c.name)).toEqual(CHECK_NAMES.filter((name) => name !== 'receipts'));
    expect(failed(report)).toEqual([]);
    expect(report.checks.every((c) => c.status === 'passed')).toBe(true);
    expect(report.ok).toBe(true);
  });

  it('reports the head, the fingerprint, the ballot counts and the outcome of each question', async () => {
    const report = await verify(vote.files);
    const index = JSON.parse(vote.files['record.json']!) as { boardHead: string; fingerprint: string; events: number };
    expect(report.boardHead).toBe(index.boardHead);
    expect(report.fingerprint).toBe(index.fingerprint);
    expect(report.events).toBe(index.events);
    expect(report.voteId).toBe(vote.manifest.voteId);
    expect(report.ballots).toEqual({ accepted: 12, checked: 12, valid: 12, counted: 10, superseded: 2 });
    expect(report.outcomes).toEqual([
      { questionId: 'ratify', recomputed: 'passed', published: 'passed', counts: { options: [6, 3], blank: 1 } },
      { questionId: 'stewards', recomputed: 'elected', published: 'elected', counts: { options: [6, 4, 6], blank: 0 } },
    ]);
  });

  it('accepts the published head when it matches and formats the report for people and machines', async () => {
    const report = await verify(vote.files, { expectedBoardHead: JSON.parse(vote.files['record.json']!).boardHead as string });
    expect(report.ok).toBe(true);
    const text = formatReport(report);
    expect(text).toContain('VALID');
    expect(text).toContain('ok   ballots');
    expect(text).toContain('question ratify: passed');
    expect(JSON.parse(reportToJson(report))).toEqual(report);
  });

  it('gives the same report through the worker pool, with progress', async () => {
    const progress: VerifyProgress[] = [];
    const pooled = await verifyRecord(vote.files, { workers: 2, inThreadBelow: 0, onProgress: (p) => progress.push(p) });
    const inThread = await verify(vote.files);
    expect({ ...pooled, durationMs: 0 }).toEqual({ ...inThread, durationMs: 0 });
    const ballots = progress.filter((p) => p.check === 'ballots');
    expect(ballots[0]).toEqual({ check: 'ballots', done: 0, total: 12 });
    expect(ballots[ballots.length - 1]).toEqual({ check: 'ballots', done: 12, total: 12 });
    expect(new Set(progress.map((p) => p.check)).has('outcome')).toBe(true);
  });

  it('finds the failures through the worker pool as well', async () => {
    const ballots = vote.files['ballots.jsonl']!;
    const board = vote.files['board.jsonl']!.replace(/"signature":\{"challenge":"(.)/, (_, c: string) => `"signature":{"challenge":"${c === '0' ? '1' : '0'}`);
    const report = await verifyRecord({ ...vote.files, 'board.jsonl': board, 'ballots.jsonl': ballots }, { workers: 2, inThreadBelow: 0 });
    expect(report.ok).toBe(false);
    expect(failed(report)).toContain('ballots');
  });

  it('reads a record directory (bytes) and verifies it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ratify-record-'));
    try {
      for (const [name, text] of Object.entries(vote.files)) await writeFile(join(dir, name), text, 'utf8');
      const files = await readRecordDir(dir);
      expect(files['board.jsonl']).toBeInstanceOf(Uint8Array);
      expect((await verify(files)).ok).toBe(true);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

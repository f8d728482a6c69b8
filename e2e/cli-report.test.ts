// `ratify report` through the real binary: a simulated vote's record gives the certified result report
// (read back with pdftotext from Debian's poppler-utils), the same bytes on every run, and no report
// at all from a record that does not verify.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErrorOutput, json, ratify, workDir } from './fixtures/cli-harness.ts';

type Summary = { boardHead: string; result: { turnout: { voted: number } } };

describe('ratify report', () => {
  let work: Awaited<ReturnType<typeof workDir>>;
  let record = '';
  let summary: Summary;
  beforeAll(async () => {
    work = await workDir('report');
    record = join(work.dir, 'record');
    summary = json<Summary>(await ratify(work.db, ['simulate', '--voters', '40', '--seed', 'report', '--rule', 'supermajority:3/4', '--out', record]));
  }, 90_000);
  afterAll(async () => work.cleanup());

  it('writes the report of a verified record; twice gives the same bytes', { timeout: 90_000 }, async () => {
    const a = join(work.dir, 'a.pdf');
    const b = join(work.dir, 'b.pdf');
    const url = 'https://votes.example.org/api/votes/simulated-ratification/record';
    const [ra, rb] = await Promise.all([
      ratify(work.db, ['report', '--record', record, '--out', a, '--url', url]),
      ratify(work.db, ['report', '--record', record, '--out', b, '--url', url]),
    ]);
    expect(json<{ boardHead: string }>(ra).boardHead).toBe(summary.boardHead);
    json(rb);
    expect((await readFile(a)).equals(await readFile(b))).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', a, '-'], { encoding: 'utf8' });
    expect(text).toContain('CERTIFIED RESULT REPORT');
    expect(text).toContain('Passes with at least 75%');
    expect(text).toContain(`${summary.result.turnout.voted} of 40 eligible members voted`);
    expect(text).toContain(summary.boardHead);
    expect(text).toContain(url);
  });

  it('prints nothing from a record that does not verify (exit 1), and refuses bad options (exit 2)', { timeout: 90_000 }, async () => {
    const resultFile = join(record, 'result.json');
    const original = await readFile(resultFile, 'utf8');
    await writeFile(resultFile, original.replace(/"voted":(\d+)/, (_m, n: string) => `"voted":${Number(n) + 1}`));
    try {
      const out = join(work.dir, 'forged.pdf');
      const r = await ratify(work.db, ['report', '--record', record, '--out', out]);
      expect(json<ErrorOutput>(r, 1).error.code).toBe('record_invalid');
      await expect(readFile(out)).rejects.toThrow();
    } finally {
      await writeFile(resultFile, original);
    }
    expect(json<ErrorOutput>(await ratify(work.db, ['report', '--record', record, '--out', join(work.dir, 'x.pdf'), '--lang', 'fr']), 2).error.code).toBe('invalid_option');
    expect(json<ErrorOutput>(await ratify(work.db, ['report', '--out', join(work.dir, 'x.pdf')]), 2).error.code).toBe('invalid_option');
  });
});

// `ratify simulate` then `ratify verify` on its record, through the real binary: the simulation says
// it is one, is deterministic with a seed, and its record verifies (exit 0).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, ratify, workDir } from './fixtures/cli-harness.ts';

type Summary = { simulation: boolean; note: string; eligible: number; countsMatch: boolean; boardHead: string; outcome: string };

describe('ratify simulate', () => {
  let work: Awaited<ReturnType<typeof workDir>>;
  beforeAll(async () => {
    work = await workDir('simulate');
  });
  afterAll(async () => work.cleanup());

  it('simulates 50 voters with a seed; the record verifies', { timeout: 90_000 }, async () => {
    const out = join(work.dir, 'd');
    const [first, again] = await Promise.all([
      ratify(work.db, ['simulate', '--voters', '50', '--seed', 'x', '--out', out]),
      ratify(work.db, ['simulate', '--voters', '50', '--seed', 'x', '--out', join(work.dir, 'again')]),
    ]);
    const summary = json<Summary>(first);
    expect(summary).toMatchObject({ simulation: true, eligible: 50, countsMatch: true });
    expect(summary.note).toMatch(/SIMULATION/);
    expect(json<Summary>(again).boardHead).toBe(summary.boardHead); // seeded: reproducible
    const verified = await ratify(work.db, ['verify', out]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/VALID/);
    const index = JSON.parse(await readFile(join(out, 'record.json'), 'utf8')) as { boardHead: string };
    expect(index.boardHead).toBe(summary.boardHead);
    const crossChecked = await ratify(work.db, ['verify', out, '--cross-check', '4', '--json']);
    expect(crossChecked.code, crossChecked.stdout + crossChecked.stderr).toBe(0);
    const report = JSON.parse(crossChecked.stdout) as { crossCheck: { backend: string; requested: number; seqs: number[]; disagreements: number } };
    expect(report.crossCheck).toMatchObject({ backend: 'reference', requested: 4, disagreements: 0 });
    expect(report.crossCheck.seqs).toHaveLength(4);
  });

  it('rejects bad options as usage errors (exit 2)', async () => {
    const r = await ratify(work.db, ['simulate', '--voters', '10', '--turnout', '1.5', '--out', join(work.dir, 'x')]);
    expect(r.code).toBe(2);
    expect(json<{ error: { code: string } }>(r, 2).error.code).toBe('invalid_option');
    expect((await ratify(work.db, ['verify', join(work.dir, 'no-such-dir')])).code).toBe(2);
    const badCrossCheck = await ratify(work.db, ['verify', join(work.dir, 'x'), '--cross-check', 'some']);
    expect(badCrossCheck.code).toBe(2);
    expect(json<{ error: { code: string } }>(badCrossCheck, 2).error.code).toBe('invalid_cross_check');
  });
});

// scripts/test-all.mjs on fixture test files (e2e/fixtures/ci-summary): the last line is the plain
// "N passed, N failed" CI reads, and the exit status agrees with it in every case — including a file
// whose beforeAll or afterAll throws (vitest marks its tests skipped or passed, yet the file failed),
// a file that does not load, an error outside any test, and a run that finds no tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { summarize } from '../scripts/ci-summary.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONFIG = 'e2e/fixtures/ci-summary/vitest.config.mjs';
const out = mkdtempSync(join(tmpdir(), 'ratify-ci-summary-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function testAll(...filters: string[]): { lines: string[]; last: string; status: number | null } {
  const r = spawnSync(process.execPath, ['scripts/test-all.mjs', '--', '--config', CONFIG, ...filters], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, RATIFY_CI_OUT: out, NO_COLOR: '1' },
  });
  const lines = r.stdout.trim().split('\n');
  return { lines, last: lines.at(-1) ?? '', status: r.status };
}

describe('test-all summary', () => {
  const cases: [string, string[], string, number][] = [
    ['all pass', ['passes'], '2 passed, 0 failed', 0],
    ['beforeAll throws (tests marked skipped)', ['before-all-throws'], '0 passed, 1 failed', 1],
    ['afterAll throws (test passed)', ['after-all-throws'], '1 passed, 1 failed', 1],
    ['a test fails', ['one-fails'], '1 passed, 1 failed', 1],
    ['a file does not load', ['does-not-load'], '0 passed, 1 failed', 1],
    ['an error outside any test', ['unhandled-error'], '2 passed, 1 failed', 1],
    ['no test files match', ['no-such-fixture'], '0 passed, 1 failed', 1],
    ['passing, hook failures and a file that does not load together', ['passes', 'before-all-throws', 'after-all-throws', 'does-not-load'], '3 passed, 3 failed', 1],
  ];
  for (const [title, filters, line, status] of cases) {
    it(`${title}: "${line}", exit ${status}`, () => {
      const r = testAll(...filters);
      expect(r.last).toBe(line);
      expect(r.last).toMatch(/^\d+ passed, \d+ failed$/);
      expect(r.status).toBe(status);
      // Agreement, stated once more: exit 0 exactly when the line says 0 failed.
      expect(r.status === 0).toBe(r.last.endsWith(' 0 failed'));
    });
  }

  it('names why a file failed outside its tests', () => {
    const r = testAll('before-all-throws', 'does-not-load');
    expect(r.lines.some((l) => l.startsWith('FAILED') && l.includes('before-all-throws.fixture.ts') && l.includes('beforeAll/afterAll'))).toBe(true);
    expect(r.lines.some((l) => l.startsWith('FAILED') && l.includes('does-not-load.fixture.ts') && l.includes('did not load'))).toBe(true);
    expect(r.lines).toContain('2 skipped');
  });
});

describe('required groups (the PostgreSQL tests in the full run)', () => {
  const run = (name: string, passed: number) => ({
    name,
    status: 0,
    passed,
    failed: 0,
    skipped: 0,
    notes: [],
    files: [{ name: `/repo/packages/storage/test/${name}.test.ts`, status: 'passed', message: '', passed, failed: 0, skipped: 0 }],
  });
  const groups = [{ label: 'PostgreSQL contract suite', match: /postgres\.test\.ts$/, required: true }];

  it('counts a required group with no passing test as a failure', () => {
    
    const s = summarize([run('sqlite', 5)], { groups });
    expect(s.lines).toContain('PostgreSQL contract suite: 0 passed, 0 failed, 0 skipped in 0 files');
    expect(s.lines.at(-1)).toBe('5 passed, 1 failed');
    expect(s.exitCode).toBe(1);
  });

  it('shows the group’s count when it ran', () => {
    
    const s = summarize([run('sqlite', 5), run('postgres', 87)], { groups });
    expect(s.lines).toContain('PostgreSQL contract suite: 87 passed, 0 failed, 0 skipped in 1 file');
    expect(s.lines.at(-1)).toBe('92 passed, 0 failed');
    expect(s.exitCode).toBe(0);
  });
});

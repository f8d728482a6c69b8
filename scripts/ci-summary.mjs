// Counting for scripts/test-all.mjs, kept apart so a test can run it on fixtures
// (e2e/ci-summary.test.ts). CI reads only the last line, "N passed, N failed", and the exit status;
// the two must agree in every case: exit 0 exactly when the line says "0 failed" (and something passed).
//
// What counts as a failure, per vitest run (from its JSON report):
// - each failed test;
// - each test file that failed without a failed test of its own: it did not load, or a
//   beforeAll/afterAll hook threw (vitest then marks the file's tests skipped, or keeps them passed);
// - a run that exited non-zero with none of the above (an unhandled error outside any test, no test
//   files found, a crash before the report was written): one failure, named;
// - a run in which no test passed and none failed: one failure ("no tests ran").
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Counts one vitest run. `report` is its parsed JSON report or null when none was written. */
export function countRun(name, status, report) {
  const notes = [];
  if (report === null) {
    notes.push(`${name}: vitest exited ${status} without writing its report`);
    return { name, status, passed: 0, failed: 1, skipped: 0, files: [], notes };
  }
  const files = report.testResults.map((f) => {
    const tests = f.assertionResults;
    const count = (s) => tests.filter((t) => t.status === s).length;
    return {
      name: f.name,
      status: f.status,
      message: f.message ?? '',
      passed: count('passed'),
      failed: count('failed'),
      skipped: tests.length - count('passed') - count('failed'),
    };
  });
  let passed = files.reduce((n, f) => n + f.passed, 0);
  let failed = files.reduce((n, f) => n + f.failed, 0);
  const skipped = files.reduce((n, f) => n + f.skipped, 0);
  for (const f of files) {
    if (f.status === 'failed' && f.failed === 0) {
      failed += 1;
      const why = f.passed + f.skipped === 0 ? 'did not load' : 'a beforeAll/afterAll hook failed';
      notes.push(`${name}: ${f.name} failed outside its tests (${why}): ${f.message.split('\n')[0]}`);
    }
  }
  if (status !== 0 && failed === 0) {
    failed = 1;
    notes.push(`${name}: vitest exited ${status} with no failed test (an error outside the tests; see its output above)`);
  }
  if (passed === 0 && failed === 0) {
    failed = 1;
    notes.push(`${name}: no tests ran`);
  }
  return { name, status, passed, failed, skipped, files, notes };
}

/** Runs vitest with a JSON report in `outDir`; returns the counted run. */
export function runVitest(name, args, { env = {}, outDir, cwd = process.cwd() }) {
  const report = `${outDir}/vitest-${name}.json`;
  if (existsSync(report)) rmSync(report);
  const r = spawnSync(process.execPath, [join(cwd, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args], {
    stdio: 'inherit',
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  let parsed = null;
  if (existsSync(report)) {
    try {
      parsed = JSON.parse(readFileSync(report, 'utf8'));
    } catch {
      parsed = null;
    }
  }
  return countRun(name, r.status ?? 1, parsed);
}

/** Sums the runs: the lines to print (the last is "N passed, N failed") and the exit code. */
export function summarize(runs, { groups = [] } = {}) {
  const passed = runs.reduce((n, r) => n + r.passed, 0);
  let failed = runs.reduce((n, r) => n + r.failed, 0);
  const skipped = runs.reduce((n, r) => n + r.skipped, 0);
  const lines = runs.flatMap((r) => r.notes.map((n) => `FAILED ${n}`));
  // Named groups of files (the PostgreSQL tests): their own counts, so CI shows they really ran.
  // A required group in which no test passed is itself a failure (the PostgreSQL tests must run, not
  // vanish from the run).
  for (const { label, match, required = false } of groups) {
    const files = runs.flatMap((r) => r.files).filter((f) => match.test(f.name));
    const sum = (k) => files.reduce((n, f) => n + f[k], 0);
    lines.push(`${label}: ${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped in ${files.length} file${files.length === 1 ? '' : 's'}`);
    if (required && sum('passed') === 0) {
      failed += 1;
      lines.push(`FAILED ${label}: no test ran`);
    }
  }
  for (const r of runs) lines.push(`run ${r.name}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped (vitest exit ${r.status})`);
  if (skipped > 0) lines.push(`${skipped} skipped`);
  lines.push(`${passed} passed, ${failed} failed`);
  return { lines, passed, failed, skipped, exitCode: failed === 0 ? 0 : 1 };
}

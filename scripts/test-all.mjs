// Runs every test suite and ends with the plain "N passed, N failed" line CI reads.
// vitest's own summary is not machine-read by CI, so we take its JSON reports and sum them.
// Two runs: everything but the Chromium tests (files in parallel), then the Chromium tests one file
// at a time (each starts a server and a browser; on 2 cores running them together starves them).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const outDir = '.ci/out';
mkdirSync(outDir, { recursive: true });
const BROWSER = 'e2e/web-';

function run(name, args) {
  const report = `${outDir}/vitest-${name}.json`;
  if (existsSync(report)) rmSync(report);
  const r = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args], {
    stdio: 'inherit',
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (!existsSync(report)) return { status: 1, passed: 0, failed: 1, skipped: 0 };
  const j = JSON.parse(readFileSync(report, 'utf8'));
  // A file that failed to load counts as a failure even if it had no tests.
  const unloaded = j.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  return { status: r.status, passed: j.numPassedTests, failed: j.numFailedTests + unloaded, skipped: j.numPendingTests + j.numTodoTests };
}

const main = run('main', ['--exclude', '**/e2e/web-*']);
const browser = run('browser', ['--no-file-parallelism', BROWSER]);
const passed = main.passed + browser.passed;
const failed = main.failed + browser.failed;
const skipped = main.skipped + browser.skipped;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(main.status === 0 && browser.status === 0 && failed === 0 && passed > 0 ? 0 : 1);

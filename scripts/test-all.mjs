// Runs every test suite and ends with the plain "N passed, N failed" line CI reads.
// vitest's own summary is not machine-read by CI, so we take its JSON reports and sum them.
// Three runs: everything but the Chromium tests (files in parallel), then the Chromium tests one file
// at a time (each starts a server and a browser; on 2 cores running them together starves them), then
// the crypto tests again on the pure-TypeScript ristretto255 backend (RATIFY_CRYPTO_BACKEND=reference),
// so both backends are tested; the first two use whatever RATIFY_CRYPTO_BACKEND says (CI: native).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const outDir = '.ci/out';
mkdirSync(outDir, { recursive: true });
const BROWSER = 'e2e/web-';

function run(name, args, env = {}) {
  const report = `${outDir}/vitest-${name}.json`;
  if (existsSync(report)) rmSync(report);
  const r = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args], {
    stdio: 'inherit',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  if (!existsSync(report)) return { status: 1, passed: 0, failed: 1, skipped: 0 };
  const j = JSON.parse(readFileSync(report, 'utf8'));
  // A file that failed to load counts as a failure even if it had no tests.
  const unloaded = j.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  return { status: r.status, passed: j.numPassedTests, failed: j.numFailedTests + unloaded, skipped: j.numPendingTests + j.numTodoTests };
}

const main = run('main', ['--exclude', '**/e2e/web-*']);
const browser = run('browser', ['--no-file-parallelism', BROWSER]);
// The differential tests (backend-*) already compare both backends in the first run.
const reference = run('crypto-reference', ['packages/crypto', '--exclude', '**/crypto/test/backend-*'], { RATIFY_CRYPTO_BACKEND: 'reference' });
const runs = [main, browser, reference];
const passed = runs.reduce((n, r) => n + r.passed, 0);
const failed = runs.reduce((n, r) => n + r.failed, 0);
const skipped = runs.reduce((n, r) => n + r.skipped, 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(runs.every((r) => r.status === 0) && failed === 0 && passed > 0 ? 0 : 1);

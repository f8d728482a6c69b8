// Runs every test suite and ends with the plain "N passed, N failed" line CI reads; the exit status is
// 0 exactly when that line says "0 failed" (counting rules in scripts/ci-summary.mjs: a file whose
// beforeAll/afterAll throws, or that does not load, is a failure even though vitest marks its tests
// skipped). vitest's own summary is not machine-read by CI, so we take its JSON reports and sum them.
// Three runs: everything but the Chromium tests (files in parallel), then the Chromium tests one file
// at a time (each starts a server and a browser; on 2 cores running them together starves them), then
// the crypto tests again on the pure-TypeScript ristretto255 backend (RATIFY_CRYPTO_BACKEND=reference),
// so both backends are tested; the first two use whatever RATIFY_CRYPTO_BACKEND says (CI: native).
// The PostgreSQL tests (contract suite and e2e on the throw-away cluster) get their own count line.
//
// `node scripts/test-all.mjs -- <vitest args>` runs one vitest run with those arguments instead and
// summarises it the same way (the summary's own test uses this on fixtures).
import { mkdirSync } from 'node:fs';
import { runVitest, summarize } from './ci-summary.mjs';

const outDir = process.env.RATIFY_CI_OUT ?? '.ci/out';
mkdirSync(outDir, { recursive: true });
const BROWSER = 'e2e/web-';

const dash = process.argv.indexOf('--');
const runs =
  dash >= 0
    ? [runVitest('custom', process.argv.slice(dash + 1), { outDir })]
    : [
        runVitest('main', ['--exclude', '**/e2e/web-*'], { outDir }),
        runVitest('browser', ['--no-file-parallelism', BROWSER], { outDir }),
        // The differential tests (backend-*) already compare both backends in the first run.
        runVitest('crypto-reference', ['packages/crypto', '--exclude', '**/crypto/test/backend-*'], {
          outDir,
          env: { RATIFY_CRYPTO_BACKEND: 'reference' },
        }),
      ];
// In the full run the PostgreSQL groups are required: if none of their tests passed, that is a failure.
const required = dash < 0;
const summary = summarize(runs, {
  groups: [
    { label: 'PostgreSQL contract suite (packages/storage/test/postgres.test.ts)', match: /packages\/storage\/test\/postgres\.test\.ts$/, required },
    { label: 'PostgreSQL e2e (e2e/*postgres*)', match: /e2e\/[^/]*postgres[^/]*\.test\.ts$/, required },
  ],
});
for (const line of summary.lines) console.log(line);
process.exit(summary.exitCode);

// One config for every package and e2e test. globalSetup starts a throw-away PostgreSQL cluster for
// the run (the Store contract suite and the PostgreSQL e2e tests use it; see scripts/pg-cluster.mjs).
import { defineConfig } from 'vitest/config';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the run's PostgreSQL cluster, without a database name (postgres://user@host:port). */
    postgresUrl: string;
  }
}

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['scripts/vitest-postgres.mjs'],
  },
});

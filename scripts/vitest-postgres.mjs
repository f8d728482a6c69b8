// vitest globalSetup: one throw-away PostgreSQL cluster for the whole run (scripts/pg-cluster.mjs),
// handed to test files as `inject('postgresUrl')` (an admin URL; each file creates its own
// database). RATIFY_TEST_POSTGRES_URL points the run at an existing server instead. If PostgreSQL
// cannot start, this throws and the run fails with the reason: PostgreSQL tests are never skipped.
import { startCluster } from './pg-cluster.mjs';

export default async function setup(project) {
  const external = process.env.RATIFY_TEST_POSTGRES_URL;
  if (external !== undefined && external !== '') {
    project.provide('postgresUrl', external.replace(/\/[^/]*$/, ''));
    return undefined;
  }
  const cluster = await startCluster();
  project.provide('postgresUrl', cluster.baseUrl);
  const stop = () => cluster.stop();
  process.once('exit', stop);
  return async () => {
    process.off('exit', stop);
    stop();
  };
}

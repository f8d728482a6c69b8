// The only place that wires: configuration from the environment, the store (DATABASE_URL), the
// engine, the mailer (the development mail log until the notifications issue lands), the clock.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createBallotCheckPool, createEngine } from '@ratify/engine';
import { openStore } from '@ratify/storage';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';
import { DevMailLog } from './mail/mailer.ts';
import { seedDemo } from './demo/seed.ts';
import { printDemoBanner } from './demo/banner.ts';

const config = readConfig(process.env);
if (config.databaseUrl.startsWith('sqlite:') && !config.databaseUrl.includes(':memory:')) {
  mkdirSync(dirname(config.databaseUrl.slice('sqlite:'.length)), { recursive: true });
}
const store = await openStore(config.databaseUrl);
const clock = () => new Date();
// Ballot proofs are verified on every core (design §5); the main thread keeps the event loop free.
const checker = createBallotCheckPool();
const engine = createEngine({ store, now: clock, checker });
const mail = new DevMailLog(clock);
const app = buildApp({
  engine,
  mailer: mail,
  devMailLog: mail,
  clock,
  config,
  logger: { level: config.logLevel },
  ...(config.pagesDir !== undefined ? { pagesDir: config.pagesDir } : {}),
});
const demo = process.env['RATIFY_DEMO'] === '1' ? await seedDemo(engine, process.env['RATIFY_DEMO_DIR'] ?? 'data/demo', clock()) : undefined;

if (config.pepperGenerated) app.log.warn('RATIFY_PEPPER is not set: using a random pepper (codes die on restart; set it when running several instances)');
if (!config.devMail) app.log.warn('no mail transport yet: sign-in codes are only visible with RATIFY_DEV_MAIL=1');
if (config.adminToken === null) app.log.warn('RATIFY_ADMIN_TOKEN is not set: admin routes are disabled');

const shutdown = async () => {
  await app.close();
  await checker.close();
  await store.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());

const address = await app.listen({ port: config.port, host: config.host });
if (demo) printDemoBanner(address, demo, config);

// The only place that wires: configuration from the environment, the store (DATABASE_URL), the
// engine, the mailer (SMTP when SMTP_URL is set, else the development mail log), the mail delivery
// job (drains the database queue at RATIFY_MAIL_PER_MINUTE), the clock.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createBallotCheckPool, createEngine } from '@ratify/engine';
import { openStore } from '@ratify/storage';
import { buildApp } from './app.ts';
import { createScheduler } from './services/scheduler.ts';
import { readConfig } from './config.ts';
import { DevMailLog } from './mail/mailer.ts';
import { createMailDelivery, throttleFromRate } from './mail/delivery.ts';
import { mailKey } from './mail/sealed-body.ts';
import { bestEffortMailer, createSmtpMailer } from './mail/smtp-mailer.ts';
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
const smtp = config.smtpUrl === undefined ? undefined : createSmtpMailer(config.smtpUrl, config.mailFrom);
const app = buildApp({
  engine,
  // Sign-in codes are sent inside the request: an SMTP failure must not change the answer.
  mailer: smtp === undefined ? mail : bestEffortMailer(smtp, { warn: (obj, msg) => app.log.warn(obj, msg) }),
  devMailLog: mail,
  clock,
  config,
  logger: { level: config.logLevel },
  ...(config.pagesDir !== undefined ? { pagesDir: config.pagesDir } : {}),
});
const demo = process.env['RATIFY_DEMO'] === '1' ? await seedDemo(engine, process.env['RATIFY_DEMO_DIR'] ?? 'data/demo', clock(), undefined, undefined, { secretKey: config.secretKey, publicUrl: config.publicUrl }) : undefined;

if (config.pepperGenerated) app.log.warn('RATIFY_PEPPER is not set: using a random pepper (codes die on restart; set it when running several instances)');
if (smtp === undefined && !config.devMail) app.log.warn('SMTP_URL is not set: mail goes to the development log, visible only with RATIFY_DEV_MAIL=1');
// The queue lives in the database, so the job picks up where a previous run stopped.
const delivery =
  config.secretKey === null
    ? undefined
    : createMailDelivery({
        store,
        mailer: smtp ?? mail,
        key: mailKey(config.secretKey),
        clock,
        ...throttleFromRate(config.mailPerMinute),
        log: { info: (obj, msg) => app.log.info(obj, msg), warn: (obj, msg) => app.log.warn(obj, msg) },
      });
if (delivery === undefined) app.log.warn('RATIFY_SECRET_KEY is not set: credential, reminder and result emails are disabled');
if (config.adminToken === null) app.log.warn('RATIFY_ADMIN_TOKEN is not set: admin routes are disabled');

// Opens and closes votes at their manifest's times; the jobs live in the database (vote_schedule),
// so a restart picks up whatever fell due while the server was down.
const scheduler = createScheduler(engine);
const runScheduler = () =>
  void scheduler.runDueJobs(clock()).then(
    (outcomes) => outcomes.forEach((o) => (o.outcome === 'failed' ? app.log.warn(o, 'scheduled job failed') : app.log.info(o, 'scheduled job'))),
    (error: unknown) => app.log.error({ err: error }, 'scheduler run failed'),
  );
const schedulerTimer = setInterval(runScheduler, config.schedulerIntervalMs);

const shutdown = async () => {
  clearInterval(schedulerTimer);
  await delivery?.stop();
  await app.close();
  smtp?.close();
  await checker.close();
  await store.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());

const address = await app.listen({ port: config.port, host: config.host });
runScheduler();
await delivery?.start();
if (demo) printDemoBanner(address, demo, config);

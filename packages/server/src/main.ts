// The only place that wires: configuration from the environment, the store (DATABASE_URL), the
// engine, the mailer (SMTP when SMTP_URL is set, else the development mail log), the mail delivery
// job (drains the database queue at RATIFY_MAIL_PER_MINUTE), the clock.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createBallotCheckPool, createEngine } from '@ratify/engine';
import { openStore, parseStoreUrl } from '@ratify/storage';
import { buildApp } from './app.ts';
import { createScheduler } from './services/scheduler.ts';
import { type ServerConfig, readConfig } from './config.ts';
import { startupWarnings } from './startup-warnings.ts';
import { describeProxyTrust } from './http/proxy-trust.ts';
import { DevMailLog } from './mail/mailer.ts';
import { createMailDelivery, throttleFromRate } from './mail/delivery.ts';
import { mailKey } from './mail/sealed-body.ts';
import { bestEffortMailer, createSmtpMailer } from './mail/smtp-mailer.ts';
import { seedDemo } from './demo/seed.ts';
import { printDemoBanner } from './demo/banner.ts';

/** A setting the server refuses: said in one line on stderr, exit 1, nothing started. */
function refuseToStart(message: string): never {
  process.stderr.write(`ratify server: not starting: ${message}\n`);
  process.exit(1);
}

let config: ServerConfig;
try {
  config = readConfig(process.env);
} catch (error) {
  refuseToStart(error instanceof Error ? error.message : String(error));
}
const storeUrl = parseStoreUrl(config.databaseUrl);
if (!storeUrl.ok) refuseToStart(`DATABASE_URL: ${storeUrl.detail ?? storeUrl.error}`);
if (storeUrl.value.kind === 'sqlite' && storeUrl.value.path !== ':memory:') mkdirSync(dirname(storeUrl.value.path), { recursive: true });
const store = await openStore(config.databaseUrl);
const clock = () => new Date();
// Ballot proofs are verified on every core (design §5); the main thread keeps the event loop free.
const checker = createBallotCheckPool();
const engine = createEngine({ store, now: clock, checker, castGroupMax: config.castGroupMax });
const mail = new DevMailLog(clock);
const smtp = config.smtpUrl === undefined ? undefined : createSmtpMailer(config.smtpUrl, config.mailFrom);
const app = buildApp({
  engine,
  // Sign-in codes are mailed by the sign-in outbox, off the request path: an SMTP failure is logged.
  mailer: smtp === undefined ? mail : bestEffortMailer(smtp, { warn: (obj, msg) => app.log.warn(obj, msg) }),
  devMailLog: mail,
  clock,
  config,
  logger: { level: config.logLevel },
  ...(config.pagesDir !== undefined ? { pagesDir: config.pagesDir } : {}),
});
const demo = config.demo ? await seedDemo(engine, process.env['RATIFY_DEMO_DIR'] ?? 'data/demo', clock(), undefined, undefined, { secretKey: config.secretKey, publicUrl: config.publicUrl }) : undefined;

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
for (const warning of startupWarnings(config, smtp !== undefined)) app.log.warn(warning);
app.log.info(`client addresses: ${describeProxyTrust(config.trustProxy)}`);

// Opens and closes votes at their manifest's times; the jobs live in the database (vote_schedule),
// so a restart picks up whatever fell due while the server was down.
const scheduler = createScheduler(engine);
const runScheduler = () =>
  void scheduler.runDueJobs(clock()).then(
    (outcomes) => outcomes.forEach((o) => (o.outcome === 'failed' ? app.log.warn(o, 'scheduled job failed') : app.log.info(o, 'scheduled job'))),
    (error: unknown) => app.log.error({ err: error }, 'scheduler run failed'),
  );
const schedulerTimer = setInterval(runScheduler, config.schedulerIntervalMs);
// Each request wakes the sign-in outbox; the timer also picks up requests another process queued.
const outboxTimer = setInterval(() => app.signInOutbox.kick(), 5_000);

const shutdown = async () => {
  clearInterval(schedulerTimer);
  clearInterval(outboxTimer);
  await delivery?.stop();
  await app.signInOutbox.idle();
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

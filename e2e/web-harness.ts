// Harness for the Chromium e2e tests of packages/web: builds the pages into a temp dir, starts the
// real server in-process (buildApp over an in-memory SQLite store and the real engine) with the
// built pages served from the same origin (SPA fallback, strict CSP), seeds a small scenario, and
// launches Debian's Chromium through playwright-core with a fresh profile. Never downloads browsers.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type RandomSource, createPartialDecryption, seededRandom, toHex, unwrap } from '@ratify/crypto';
import { type Engine, type VoteDefinition, createEngine, definitionCeremonyContext, flattenTally, ruleOf, runLocalCeremony } from '@ratify/engine';
import { asUnionId, asVoteId, createBallot, credentialSecret, encodeBallot, encodePartialDecryption, formatPrivateCredential, generatePrivateCredential, type PrivateCredential, publicCredential, generateElectionId } from '@ratify/protocol';
import { DevMailLog, type Mailer, appConfig, bestEffortMailer, buildApp, createMailDelivery, createScheduler, createSmtpMailer, mailKey, readConfig } from '@ratify/server';

import { openStore } from '@ratify/storage';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import { expect } from 'vitest';
import { nativeLoaderFindings } from './bundle-checks.ts';
import { ristretto255 as caGroup } from '@ratify/crypto';
import { newAuthority } from '@ratify/engine';

/** The election committee's offline credential authority for this file's votes (test key). */
const TEST_AUTHORITY = newAuthority(caGroup, 'offline');

const ROOT = resolve(import.meta.dirname, '..');

export function buildPages(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'ratify-web-dist-'));
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(ROOT, 'packages/web/vite.config.ts'), '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: join(ROOT, 'packages/web'), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed: ${r.stderr}${r.stdout}`);
  const native = nativeLoaderFindings(outDir);
  if (native.length > 0) throw new Error(`the browser bundle contains the native crypto loader: ${native.join(', ')}`);
  return outDir;
}

export type Member = { readonly memberNumber: string; readonly email: string };
export const G1: Member = { memberNumber: 'G1', email: 'g1@example.org' };
export const G2: Member = { memberNumber: 'G2', email: 'g2@example.org' };
export const DUAL: Member = { memberNumber: 'G3', email: 'dual@example.org' };
const F1: Member = { memberNumber: 'F1', email: 'dual@example.org' };
const F2: Member = { memberNumber: 'F2', email: 'f2@example.org' };
const F3: Member = { memberNumber: 'F3', email: 'f3@example.org' };
export const GUILD_VOTE = 'guild-strike';
export const FED_VOTE = 'fed-ratify';
export const PAST_VOTE = 'fed-2007';

function definition(voteId: string, unionId: string, unionName: string, title: string, rule: string, info: boolean): VoteDefinition {
  return {
    voteId, electionId: generateElectionId(), title, unionId, unionName,
    credentialAuthority: TEST_AUTHORITY.credentialAuthority,
    purpose: rule === 'ratification' ? 'ratification' : 'strike_authorization',
    recordDate: '2026-11-01',
    schedule: { opensAt: '2026-11-02T09:00:00Z', closesAt: '2026-11-20T17:00:00Z' },
    questions: [{ id: 'q1', kind: 'yes_no', text: `${title}: do you vote yes?`, options: ['yes', 'no'], min: 1, max: 1, blankAllowed: false, rule: ruleOf(rule)! }],
    trustees: { threshold: 2, members: [1, 2, 3].map((i) => ({ id: `trustee-${i}`, name: `Trustee ${i}` })) },
    ...(info
      ? {
          information: {
            summary: 'The final offer raises minimum rates by 3.5% a year.\n\nNew media work is covered from day one.',
            statements: [
              { side: 'for' as const, author: 'Vote Yes Committee', text: 'This is the best deal in a generation.' },
              { side: 'against' as const, author: 'Vote No Committee', text: 'New media residuals are still too low.' },
            ],
          },
        }
      : {}),
  };
}

async function seedVote(engine: Engine, def: VoteDefinition, members: readonly Member[], rng: RandomSource) {
  const ceremony = runLocalCeremony(engine.group, { context: definitionCeremonyContext(def), threshold: 2, trusteeCount: 3 }, rng);
  unwrap(await engine.createVote(def, ceremony.messages));
  const credentials = new Map(members.map((m) => [m.memberNumber, generatePrivateCredential(rng)] as const));
  // With the private member ↔ credential link (decision 0018): each member casts only with their own.
  unwrap(await engine.publishHeldCredentials(asVoteId(def.voteId), [...credentials].map(([memberNumber, c]) => ({ credential: toHex(engine.group.encodeElement(publicCredential(engine.group, def, c))), memberNumber })), { key: TEST_AUTHORITY.key }));
  unwrap(await engine.openVote(asVoteId(def.voteId)));
  return { credentials, keys: ceremony.keys };
}

type TrusteeKey = ReturnType<typeof runLocalCeremony>['keys'][number];

/** A finished vote (cast through the engine, closed, decrypted by 2 of 3, published) for the result page. */
async function seedPublishedVote(engine: Engine, rng: RandomSource): Promise<void> {
  const def = definition(PAST_VOTE, 'fed', 'Artists Federation (sample)', 'Commercials contract 2007', 'supermajority:2/3', false);
  const { credentials, keys } = await seedVote(engine, def, [F1, F2, F3], rng);
  const ctx = unwrap(await engine.context(asVoteId(PAST_VOTE)));
  for (const [memberNumber, yes] of [['F1', false], ['F2', true], ['F3', true]] as const) {
    const secret = credentialSecret(engine.group, ctx.manifest, credentials.get(memberNumber)!);
    const { ballot } = unwrap(createBallot(ctx.ballotParams, [yes ? [1, 0] : [0, 1]], secret, rng));
    unwrap(await engine.castBallot(asVoteId(PAST_VOTE), encodeBallot(engine.group, ballot), { memberNumber }));
  }
  unwrap(await engine.closeVote(asVoteId(PAST_VOTE)));
  const tally = flattenTally(unwrap(await engine.readTally(asVoteId(PAST_VOTE))));
  for (const key of keys.slice(0, 2)) {
    unwrap(await engine.submitPartialDecryption(asVoteId(PAST_VOTE), encodePartialDecryption(engine.group, createPartialDecryption(engine.group, key, tally, ctx.fingerprint, rng))));
  }
  unwrap(await engine.publishResult(asVoteId(PAST_VOTE)));
}

export type WebEnv = {
  readonly baseUrl: string;
  /** The engine behind the server (admin e2e tests create staff accounts and publish credentials with it). */
  readonly engine: Engine;
  readonly dist: string;
  readonly context: BrowserContext;
  /** The store's URL (DATABASE_URL): `:memory:` unless `databaseUrl` was given. */
  readonly databaseUrl: string;
  /**
   * Trustee `index`'s partial decryption of a closed vote's tally (canonical JSON text), made with the
   * key share the seeded ceremony gave them, as the trustee's own tools would.
   */
  partialDecryption(voteId: string, index: number): Promise<string>;
  /** The private credential of a member for a vote, grouped as printed on the letter. */
  credential(voteId: string, memberNumber: string): string;
  /** Casts a yes/no ballot through the engine as the member (as the ballot route does: only with their own credential). */
  cast(voteId: string, memberNumber: string, yes: boolean): Promise<void>;
  /** The latest sign-in code mailed to `email`, once the sign-in outbox is idle (a 12-digit code without spaces). */
  lastCode(email: string): Promise<string>;
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
};

/**
 * The server as main.ts runs it: configuration read from these environment variables (SMTP_URL,
 * RATIFY_SECRET_KEY, RATIFY_MAIL_FROM…; RATIFY_PUBLIC_URL is set to the server's own address), mail
 * through nodemailer to SMTP_URL, the mail delivery job draining the queue in throttled batches and
 * the scheduler opening and closing votes, both in the background on `clock`.
 */
export type WebRuntime = {
  readonly env: Readonly<Record<string, string>>;
  readonly clock: () => Date;
  /** How often the scheduler looks for due jobs (main.ts: RATIFY_SCHEDULER_SECONDS). */
  readonly schedulerIntervalMs: number;
  /** Between mail drains (main.ts: 10 s), each sending at most `mailBatchSize` messages. */
  readonly mailIntervalMs: number;
  readonly mailBatchSize: number;
};

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * `databaseUrl`: where the store lives, as main.ts's DATABASE_URL (openStore: `sqlite:…`, `:memory:`
 * — the default — or `postgres://…`); the database must be empty (the harness seeds it).
 * `secretKey`: the server's RATIFY_SECRET_KEY (needed to sign in administrators with TOTP).
 * `runtime`: real mail and background jobs (see WebRuntime); without it, the development mail log
 * and no scheduler.
 */
export async function startWebEnv(seed: string, options: { readonly secretKey?: Uint8Array; readonly runtime?: WebRuntime; readonly databaseUrl?: string } = {}): Promise<WebEnv> {
  const dist = buildPages();
  const rng = seededRandom(`web-e2e-${seed}`);
  const databaseUrl = options.databaseUrl ?? ':memory:';
  const store = await openStore(databaseUrl);
  const runtime = options.runtime;
  const clock = runtime?.clock ?? (() => new Date());
  const engine = createEngine({ store, now: clock });
  const mail = new DevMailLog(clock);
  unwrap(await store.members.createUnion({ id: asUnionId('guild'), name: 'Screen Actors Guild (sample)' }));
  unwrap(await store.members.createUnion({ id: asUnionId('fed'), name: 'Artists Federation (sample)' }));
  const row = (m: Member) => ({ memberNumber: m.memberNumber, name: `Member ${m.memberNumber}`, email: m.email, goodStanding: true, unit: null });
  unwrap(await store.members.importRoll(asUnionId('guild'), [G1, G2, DUAL].map(row)));
  unwrap(await store.members.importRoll(asUnionId('fed'), [F1, F2, F3].map(row)));
  const creds = new Map<string, ReadonlyMap<string, PrivateCredential>>();
  const trusteeKeys = new Map<string, readonly TrusteeKey[]>();
  for (const [voteId, def, members] of [
    [GUILD_VOTE, definition(GUILD_VOTE, 'guild', 'Screen Actors Guild (sample)', 'Strike authorization', 'supermajority:3/4', true), [G1, G2, DUAL]],
    [FED_VOTE, definition(FED_VOTE, 'fed', 'Artists Federation (sample)', 'Primetime contract ratification', 'ratification', true), [F1, F2, F3]],
  ] as const) {
    const seeded = await seedVote(engine, def, members, rng);
    creds.set(voteId, seeded.credentials);
    trusteeKeys.set(voteId, seeded.keys);
  }
  await seedPublishedVote(engine, rng);

  // The pages are served by the server itself (SPA fallback, strict CSP), as in production.
  let baseUrl: string;
  let stopRuntime = async (): Promise<void> => undefined;
  let app: ReturnType<typeof buildApp>;
  if (runtime === undefined) {
    app = buildApp({ engine, mailer: mail, devMailLog: mail, clock, config: appConfig({ devMail: true, cookieSecure: 'never', ...(options.secretKey ? { secretKey: options.secretKey } : {}) }), logger: false, pagesDir: dist });
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  } else {
    // As main.ts: the config from the environment, SMTP for sign-in codes (the sign-in outbox,
    // best effort) and for the queue the delivery job drains, the scheduler polling on the clock.
    const port = await freePort();
    const config = { ...readConfig({ ...runtime.env, PORT: String(port), HOST: '127.0.0.1', RATIFY_PUBLIC_URL: `http://127.0.0.1:${port}` }), cookieSecure: 'never' as const };
    if (config.smtpUrl === undefined || config.secretKey === null) throw new Error('runtime: SMTP_URL and RATIFY_SECRET_KEY are needed');
    const smtp = createSmtpMailer(config.smtpUrl, config.mailFrom);
    const warn = (obj: object, msg: string) => console.warn(`[server] ${msg}`, obj);
    const mailer: Mailer = bestEffortMailer(smtp, { warn });
    app = buildApp({ engine, mailer, devMailLog: mail, clock, config, logger: false, pagesDir: dist });
    baseUrl = await app.listen({ port: config.port, host: config.host });
    const delivery = createMailDelivery({ store, mailer: smtp, key: mailKey(config.secretKey), clock, batchSize: runtime.mailBatchSize, intervalMs: runtime.mailIntervalMs, log: { info: () => undefined, warn } });
    const scheduler = createScheduler(engine);
    const timer = setInterval(() => {
      void scheduler.runDueJobs(clock()).then((outcomes) => outcomes.filter((o) => o.outcome === 'failed').forEach((o) => warn(o, 'scheduled job failed')));
    }, runtime.schedulerIntervalMs);
    await delivery.start();
    stopRuntime = async () => {
      clearInterval(timer);
      await delivery.stop();
      smtp.close();
    };
  }

  const profile = mkdtempSync(join(tmpdir(), 'ratify-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    baseURL: baseUrl,
    locale: 'en-US',
  });
  return {
    baseUrl, dist, context, engine, databaseUrl,
    partialDecryption: async (voteId, index) => {
      const ctx = unwrap(await engine.context(asVoteId(voteId)));
      const tally = flattenTally(unwrap(await engine.readTally(asVoteId(voteId))));
      const key = trusteeKeys.get(voteId)?.[index];
      if (key === undefined) throw new Error(`no trustee ${index} for ${voteId}`);
      return encodePartialDecryption(engine.group, createPartialDecryption(engine.group, key, tally, ctx.fingerprint, rng));
    },
    credential: (voteId, memberNumber) => formatPrivateCredential(creds.get(voteId)!.get(memberNumber)!),
    cast: async (voteId, memberNumber, yes) => {
      const ctx = unwrap(await engine.context(asVoteId(voteId)));
      const secret = credentialSecret(engine.group, ctx.manifest, creds.get(voteId)!.get(memberNumber)!);
      const { ballot } = unwrap(createBallot(ctx.ballotParams, [yes ? [1, 0] : [0, 1]], secret, rng));
      unwrap(await engine.castBallot(asVoteId(voteId), encodeBallot(engine.group, ballot), { memberNumber }));
    },
    lastCode: async (email) => {
      await app.signInOutbox.idle();
      const message = [...mail.messages()].reverse().find((m) => m.to === email);
      const code = message ? /code is (\d{4} \d{4} \d{4}|\d{6})\b/.exec(message.text)?.[1] : undefined;
      if (code === undefined) throw new Error(`no code mailed to ${email}`);
      return code.replace(/ /g, '');
    },
    newPage: async (viewport) => {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
      return page;
    },
    close: async () => {
      await context.close();
      await stopRuntime();
      await app.close();
      await store.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(dist, { recursive: true, force: true });
    },
  };
}

/** Signs in through the booth's form, reading the one-time code from the development mail log. */
export async function signIn(env: WebEnv, page: Page, member: Member, path = '/booth'): Promise<void> {
  await page.context().clearCookies();
  await page.goto(path);
  await page.getByLabel('Member number').fill(member.memberNumber);
  await page.getByRole('button', { name: 'Send me a code' }).click();
  await page.getByLabel('One-time code').waitFor();
  await page.getByLabel('One-time code').fill(await env.lastCode(member.email));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByLabel('One-time code').waitFor({ state: 'detached' });
}

/** Signs a staff member in through /staff (administrators also give their TOTP code). */
export async function staffSignIn(page: Page, username: string, password: string, totp?: string): Promise<void> {
  await page.goto('/staff');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  if (totp !== undefined) await page.getByLabel('Authenticator code').fill(totp);
  await page.getByRole('button', { name: 'Sign in as staff' }).click();
  await page.getByText(`Signed in as ${username}`).waitFor();
}

/** No axe-core violation, and the page is no wider than the window (the tests run pages at 360 px). */
export async function noViolations(page: Page, label: string): Promise<void> {
  expect(await axeViolations(page), label).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${label} fits 360 px`).toBe(true);
}

/** axe-core, WCAG 2.x A and AA rules (incl. 2.2): returns the violations, formatted for a failure message. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact ?? '?'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

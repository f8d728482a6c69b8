// Chromium flow of the campaign pages against the real server, with real SMTP (SMTP_URL pointing at
// an in-process sink on 127.0.0.1) and the real mail delivery job: a member signs in on an
// endorsement page, signs it with a role, and appears in the public list and count; a campaign
// committee signs in and submits an appeal; an administrator (password + TOTP) approves it on the
// review page; the appeal arrives in the sink for every member of the roll with the labelled
// footer, the review page shows the delivery record by member number, and no response the
// committee's browser received held an address. axe-core: no violations on any of these pages.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { systemRandom, toHex, unwrap } from '@ratify/crypto';
import { type VoteDefinition, createEngine, createStaffAccount, definitionCeremonyContext, ruleOf, runLocalCeremony, totpCode } from '@ratify/engine';
import { asUnionId, asVoteId, generatePrivateCredential, publicCredential, generateElectionId } from '@ratify/protocol';
import { buildApp, readConfig } from '@ratify/server';
import { type SqlStore, openSqliteStore } from '@ratify/storage';
import type { FastifyInstance } from 'fastify';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MailDelivery, createMailDelivery } from '../packages/server/src/mail/delivery.ts';
import { mailKey } from '../packages/server/src/mail/sealed-body.ts';
import { type SmtpMailer, createSmtpMailer } from '../packages/server/src/mail/smtp-mailer.ts';
import { type SmtpSink, startSmtpSink } from '../packages/server/test/smtp-sink.ts';
import { buildPages, staffSignIn, noViolations } from './web-harness.ts';
import { ristretto255 as caGroup } from '@ratify/crypto';
import { newAuthority } from '@ratify/engine';

/** The election committee's offline credential authority for this file's votes (test key). */
const TEST_AUTHORITY = newAuthority(caGroup, 'offline');

const PHONE = { width: 360, height: 740 };
const KEY = randomBytes(32);
const TOKEN = 'campaigns-e2e-admin-token-0123456789';
const PASSWORD = 'a long enough staff password';
const VOTE = 'sag-2008';
const ROLL = [
  ['M1', 'Ana Rivera', 'ana@example.org'],
  ['M2', 'Ben Okafor', 'ben@example.org'],
  ['M3', 'Cy Novak', 'cy@example.org'],
] as const;

let sink: SmtpSink;
let store: SqlStore;
let app: FastifyInstance;
let smtp: SmtpMailer;
let delivery: MailDelivery;
let browser: Browser;
let baseUrl: string;
let dist: string;
let adminSecret: string;
let pageId: string;

async function api(path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const r = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(body) });
  return { status: r.status, json: (await r.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  sink = await startSmtpSink();
  dist = buildPages();
  store = await openSqliteStore(':memory:');
  const engine = createEngine({ store });
  unwrap(await store.members.createUnion({ id: asUnionId('sag'), name: 'Screen Actors Guild (sample)' }));
  unwrap(await store.members.importRoll(asUnionId('sag'), ROLL.map(([memberNumber, name, email]) => ({ memberNumber, name, email, goodStanding: true, unit: null }))));
  const definition: VoteDefinition = {
    credentialAuthority: TEST_AUTHORITY.credentialAuthority,
    voteId: VOTE, electionId: generateElectionId(), title: 'Ratification of the 2008 contract', unionId: 'sag', unionName: 'Screen Actors Guild (sample)', recordDate: '2026-11-01',
    schedule: { opensAt: '2026-11-02T09:00:00Z', closesAt: '2027-11-20T17:00:00Z' },
    questions: [{ id: 'q1', kind: 'yes_no', text: 'Do you ratify the agreement?', options: ['yes', 'no'], min: 1, max: 1, blankAllowed: false, rule: ruleOf('ratification')! }],
    trustees: { threshold: 2, members: [1, 2, 3].map((i) => ({ id: `trustee-${i}`, name: `Trustee ${i}` })) },
  };
  unwrap(await engine.createVote(definition, runLocalCeremony(engine.group, { context: definitionCeremonyContext(definition), threshold: 2, trusteeCount: 3 }, systemRandom).messages));
  unwrap(await engine.publishCredentials(asVoteId(VOTE), ROLL.map(() => toHex(engine.group.encodeElement(publicCredential(engine.group, definition, generatePrivateCredential())))), { key: TEST_AUTHORITY.key }));
  unwrap(await engine.openVote(asVoteId(VOTE)));
  const admin = unwrap(await createStaffAccount(store, { username: 'ada', password: PASSWORD, role: 'administrator', secretKey: KEY }));
  adminSecret = new URL(admin.totpUri!).searchParams.get('secret')!;

  // As main.ts wires it with SMTP_URL set: the same SMTP mailer for sign-in codes and the queue.
  const config = readConfig({ SMTP_URL: sink.url, RATIFY_SECRET_KEY: KEY.toString('hex'), RATIFY_ADMIN_TOKEN: TOKEN, RATIFY_COOKIE_SECURE: 'never', RATIFY_MAIL_FROM: 'Union elections <elections@example.org>' });
  smtp = createSmtpMailer(config.smtpUrl!, config.mailFrom);
  app = buildApp({ engine, mailer: smtp, clock: () => new Date(), config, logger: false, pagesDir: dist });
  baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  delivery = createMailDelivery({ store, mailer: smtp, key: mailKey(KEY), clock: () => new Date(), batchSize: 20, intervalMs: 100 });
  await delivery.start();

  const created = await api(`/api/admin/votes/${VOTE}/endorsement-pages`, { side: 'for', title: 'Actors for a Fair Contract', statement: 'We urge every member to vote yes.' });
  pageId = created.json['id'] as string;
  await api(`/api/admin/votes/${VOTE}/endorsement-pages`, { side: 'against', title: 'Vote No: Hold Out for New Media', statement: 'Send the negotiators back.' });
  expect((await api(`/api/admin/votes/${VOTE}/committees`, { side: 'for', name: 'Actors for a Fair Contract', username: 'fair-contract', password: PASSWORD })).status).toBe(201);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await delivery?.stop();
  await app?.close();
  smtp?.close();
  await store?.close();
  await sink?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'en-US', viewport: PHONE });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
  return page;
}

/** The latest sign-in code the sink received for `email`. */
async function codeFor(email: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const message = [...sink.received].reverse().find((m) => m.to === email && m.subject === 'Your Ratify sign-in code');
    const code = message ? /\b(\d{6})\b/.exec(message.text)?.[1] : undefined;
    if (code !== undefined) return code;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no code for ${email}`);
}

describe('campaigns in Chromium', () => {
  it('a member signs an endorsement page after signing in, and appears in the public list and count', async () => {
    const page = await newPage();
    await page.goto(`/votes/${VOTE}`);
    await page.getByRole('link', { name: 'Endorsements from both sides' }).click();
    await page.getByRole('heading', { level: 1, name: 'Endorsements: Ratification of the 2008 contract' }).waitFor();
    await noViolations(page, 'endorsement pages list');
    await page.getByRole('link', { name: 'Actors for a Fair Contract' }).click();
    await page.getByText('Signatures: 0').waitFor();
    await noViolations(page, 'endorsement page, signed out');

    await page.getByLabel('Member number').fill('M1');
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await page.getByLabel('One-time code').fill(await codeFor('ana@example.org'));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByLabel('Your role (optional)').fill('Shop steward');
    await noViolations(page, 'endorsement page, sign form');
    await page.getByRole('button', { name: 'Sign this page' }).click();
    await page.getByText('You signed this page as Ana Rivera.').first().waitFor();
    await page.getByText('Signatures: 1').waitFor();
    const endorsers = page.getByRole('list').filter({ hasText: 'Ana Rivera' });
    await expect(endorsers.textContent()).resolves.toContain('Ana Rivera, Shop steward');
    expect(await page.content()).not.toContain('M1<');
    await noViolations(page, 'endorsement page, signed');

    // The public list, in a fresh browser with no session, shows the count.
    const anonymous = await newPage();
    await anonymous.goto(`/votes/${VOTE}/endorsements`);
    await anonymous.getByText('Signatures: 1').waitFor();
    await anonymous.goto(`/endorsements/${pageId}`);
    await anonymous.getByText('Ana Rivera').waitFor();
    // In Spanish too, without violations.
    await anonymous.evaluate(() => localStorage.setItem('ratify.lang', 'es'));
    await anonymous.goto(`/votes/${VOTE}/endorsements`);
    await anonymous.getByRole('heading', { level: 1, name: 'Apoyos: Ratification of the 2008 contract' }).waitFor();
    await anonymous.getByText('Firmas: 1').waitFor();
    await noViolations(anonymous, 'endorsement pages list in Spanish');
    await anonymous.goto(`/endorsements/${pageId}`);
    await anonymous.getByText('Identifíquese con su número de miembro para firmar esta página.').waitFor();
    await noViolations(anonymous, 'endorsement page in Spanish');

    // Withdraw and sign again: the count follows.
    await page.getByRole('button', { name: 'Withdraw my signature' }).click();
    await page.getByText('Signatures: 0').waitFor();
    await page.getByRole('button', { name: 'Sign this page' }).click();
    await page.getByText('Signatures: 1').waitFor();
  }, 120_000);

  it('shows an HTML-looking name as literal text, and refuses a name with a right-to-left override', async () => {
    const page = await newPage();
    await page.goto(`/endorsements/${pageId}`);
    await page.getByLabel('Member number').fill('M2');
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await page.getByLabel('One-time code').fill(await codeFor('ben@example.org'));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    // U+202E would make "Ben\u202Eraey" read as "Benyear" backwards: refused, with the reason.
    await page.getByLabel('Name to show').fill('Ben \u202Eevil');
    await page.getByRole('button', { name: 'Sign this page' }).click();
    await page.getByRole('alert').filter({ hasText: 'change the direction of text' }).waitFor();
    const html = '<img src=x onerror="document.title=\'pwned\'"><b>Ben</b>';
    await page.getByLabel('Name to show').fill(html);
    await page.getByRole('button', { name: 'Sign this page' }).click();
    await page.getByText(`You signed this page as ${html}.`).first().waitFor();
    const anonymous = await newPage();
    await anonymous.goto(`/endorsements/${pageId}`);
    const entry = anonymous.getByRole('listitem').filter({ hasText: '<img src=x' });
    await expect(entry.locator('strong').textContent()).resolves.toBe(html);
    // Text, not markup: no image or bold element came from the name, and its handler never ran.
    expect(await anonymous.locator('main img, main b').count()).toBe(0);
    expect(await anonymous.title()).not.toBe('pwned');
    expect(await page.title()).not.toBe('pwned');
    await noViolations(anonymous, 'endorsement page with an HTML-looking name');
    await page.getByRole('button', { name: 'Withdraw my signature' }).click();
  }, 120_000);

  it('a committee submits an appeal, the administrator approves it, and it reaches every roll member by SMTP', async () => {
    // The administrator sets up the other side's committee from the review page.
    const admin = await newPage();
    await staffSignIn(admin, 'ada', PASSWORD, totpCode('ada', adminSecret, new Date()));
    await admin.goto(`/admin/votes/${VOTE}`);
    await admin.getByRole('link', { name: 'Campaign appeals' }).click();
    await admin.getByRole('heading', { level: 2, name: 'Set up the campaigns' }).waitFor();
    await admin.getByLabel('Side').first().selectOption('against');
    await admin.getByLabel('Committee name (shown in every appeal)').fill('Vote No: Hold Out for New Media');
    await admin.getByLabel('Username for the committee').fill('hold-out');
    await admin.getByLabel('Password (at least 12 characters; give it to the committee)').fill(PASSWORD);
    await admin.getByRole('button', { name: 'Create committee' }).click();
    await admin.getByText('Vote No: Hold Out for New Media — Against (hold-out)').waitFor();
    await noViolations(admin, 'appeals review with the campaign set-up');

    const committee = await newPage();
    const seen: string[] = [];
    committee.on('response', (r) => {
      if (r.url().includes('/api/')) void r.text().then((t) => seen.push(t), () => undefined);
    });
    await staffSignIn(committee, 'fair-contract', PASSWORD);
    await committee.getByRole('heading', { level: 1, name: 'Campaign committee' }).waitFor();
    await committee.getByText('Equal terms: each side may send at most 2 approved appeals').waitFor();
    await noViolations(committee, 'campaign console');
    await committee.getByLabel('Subject (English)').fill('Why we are voting yes');
    await committee.getByLabel('Message (English, plain text or Markdown)').fill('Fellow members,\n\nThe agreement covers new media from day one. Vote yes.');
    await committee.getByRole('button', { name: 'Submit for approval' }).click();
    await committee.getByText('Submitted. An administrator will approve or reject it.').waitFor();
    await committee.getByText('waiting for approval').waitFor();
    await noViolations(committee, 'campaign console with an appeal');

    await admin.reload();
    await admin.getByRole('heading', { level: 2, name: 'Why we are voting yes' }).waitFor();
    await noViolations(admin, 'appeals review');
    await admin.getByRole('button', { name: 'Approve and send to the roll' }).click();
    await admin.getByText('3 recipients').waitFor();

    // Delivered through the queue to the SMTP sink: one message per member of the roll.
    for (let i = 0; i < 200 && sink.received.filter((m) => m.subject === '[Campaign] Why we are voting yes').length < ROLL.length; i++) await new Promise((r) => setTimeout(r, 50));
    const appeals = sink.received.filter((m) => m.subject === '[Campaign] Why we are voting yes');
    expect(appeals.map((m) => m.to).sort()).toEqual(ROLL.map(([, , email]) => email).sort());
    for (const m of appeals) {
      expect(m.text).toContain('The agreement covers new media from day one. Vote yes.');
      expect(m.text).toContain("Campaign message from Actors for a Fair Contract (for in \"Ratification of the 2008 contract\"), sent by the union's election platform.");
    }

    await admin.reload();
    await admin.getByRole('button', { name: 'Delivery record' }).click();
    const record = admin.getByRole('table', { name: 'Delivery record' });
    await record.getByText('M3').waitFor();
    expect((await record.getByRole('cell', { name: 'sent', exact: true }).count())).toBe(3);
    await noViolations(admin, 'appeals review with the delivery record');

    await committee.reload();
    await committee.getByText('3 recipients: 3 sent').waitFor();
    // The committee never received an address (or a member number) from the server.
    await new Promise((r) => setTimeout(r, 200));
    expect(seen.length).toBeGreaterThan(2);
    for (const body of seen) expect(body).not.toMatch(/@example\.org|"M[123]"/);
  }, 120_000);
});

// Chromium flow of the staff pages (packages/web admin/ and trustee/) against the real server, run as
// main.ts runs it: configuration from the environment (SMTP_URL pointing at an SMTP sink on
// 127.0.0.1, RATIFY_SECRET_KEY), mail through nodemailer drained by the delivery job in throttled
// batches, and the scheduler opening and closing votes on the server's clock. An administrator signs
// in with password + TOTP, adds a union, sees a bad roll file's problems by line and column, imports
// a good one, writes a draft (field errors first); three trustees, each in their own browser
// context, run the key ceremony in the browser (key files sealed with a passphrase and downloaded),
// one of them answering a complaint about her share by revealing it from her key file;
// the administrator creates the vote and issues the credentials by email from the console; the
// scheduler opens the vote at its opening time; a member opens the booth link of her email and signs
// in with the one-time code mailed to her, another types the credential printed in his email; both
// vote; reminders reach only those who have not voted; the scheduler closes the vote; two trustees
// open their key files and decrypt in the browser; the result page states the outcome; the result is
// announced by email; the exported record verifies with @ratify/verifier. axe-core: no violations
// on any staff page.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createComplaint, unwrap } from '@ratify/crypto';
import { createStaffAccount, totpCode } from '@ratify/engine';
import { encodeCeremonyMessage } from '@ratify/protocol';
import { createClient } from '@ratify/server/client';
import { verifyRecord } from '@ratify/verifier';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../packages/server/test/smtp-sink.ts';
import { staffSignIn, startWebEnv, type WebEnv, noViolations } from './web-harness.ts';

const PHONE = { width: 360, height: 740 };
const KEY = randomBytes(32);
const PASSWORD = 'a long enough staff password';
const PASSPHRASE = 'trustee passphrase for e2e';
const VOTE = 'local-9-2027';
const TITLE = 'Ratify the 2027 agreement';
const TRUSTEES = ['ana', 'ben', 'cyd'] as const;
const MEMBERS = [
  ['N1', 'Nia Reyes', 'nia@example.org', 'north'],
  ['N2', 'Omar Diaz', 'omar@example.org', 'north'],
  ['S1', 'Pat Lee', 'pat@example.org', 'south'],
  ['S2', 'Quinn Roe', 'quinn@example.org', 'south'],
] as const;
// Rae is a member not in good standing on the record date: not on the frozen roll until amended.
const GOOD_CSV = ['member_number,name,email,good_standing,unit', ...MEMBERS.map(([n, name, email, unit]) => `${n},${name},${email},yes,${unit}`), 'S3,Rae Kim,rae@example.org,no,south'].join('\n') + '\n';
const SCHEDULER_MS = 200;
// The vote opens an hour from now and closes two hours later (whole minutes, UTC: the staff browsers
// run in UTC). The server's clock is real time plus `offsetMs`; the test moves it past each time.
const OPENS = new Date(Math.ceil((Date.now() + 3600_000) / 60_000) * 60_000);
const CLOSES = new Date(OPENS.getTime() + 2 * 3600_000);
let offsetMs = 0;
const BAD_CSV = 'member_number,name,email,good_standing,unit\nN1,Nia Reyes,nia@example.org,yes,north\nN1,Omar Diaz,not-an-email,maybe,north\n';

let env: WebEnv;
let sink: SmtpSink;
let browser: Browser;
let adminSecret: string;
let downloads: string;
const contexts = new Map<string, BrowserContext>();
const pages = new Map<string, Page>();
const keyFiles = new Map<string, string>();

beforeAll(async () => {
  sink = await startSmtpSink();
  env = await startWebEnv('admin', {
    secretKey: KEY,
    runtime: {
      env: { SMTP_URL: sink.url, RATIFY_SECRET_KEY: KEY.toString('hex'), RATIFY_MAIL_FROM: 'Local 9 elections <elections@example.org>' },
      clock: () => new Date(Date.now() + offsetMs),
      schedulerIntervalMs: SCHEDULER_MS,
      mailIntervalMs: 300,
      mailBatchSize: 2,
    },
  });
  const admin = unwrap(await createStaffAccount(env.engine.store, { username: 'ada', password: PASSWORD, role: 'administrator', secretKey: KEY }));
  adminSecret = new URL(admin.totpUri!).searchParams.get('secret')!;
  for (const username of TRUSTEES) unwrap(await createStaffAccount(env.engine.store, { username, password: PASSWORD, role: 'trustee', secretKey: KEY }));
  unwrap(await createStaffAccount(env.engine.store, { username: 'olga', password: PASSWORD, role: 'observer', secretKey: KEY }));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  downloads = mkdtempSync(join(tmpdir(), 'ratify-keys-'));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await env?.close();
  await sink?.close();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

async function staffPage(name: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: env.baseUrl, locale: 'en-US', timezoneId: 'UTC', viewport: PHONE, acceptDownloads: true });
  contexts.set(name, context);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[${name} page error] ${e.message}`));
  pages.set(name, page);
  return page;
}

/** axe-core finds nothing, and the page fits the phone's width (no sideways scrolling). */
async function saveKeyFile(page: Page, trustee: string, stage: string): Promise<void> {
  const link = page.getByRole('link', { name: /^Save my key file/ });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = join(downloads, `${trustee}-${stage}.json`);
  await download.saveAs(path);
  keyFiles.set(trustee, path);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` gives a value (mail arriving through SMTP, a scheduled job running). */
async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Signs a member in through the booth's form with the one-time code that reached the SMTP sink. */
async function memberSignIn(page: Page, memberNumber: string, email: string, path: string): Promise<void> {
  const codeMails = () => sink.received.filter((m) => m.to === email && m.subject === 'Your Ratify sign-in code');
  const before = codeMails().length;
  await page.context().clearCookies();
  await page.goto(path);
  await page.getByLabel('Member number').fill(memberNumber);
  await page.getByRole('button', { name: 'Send me a code' }).click();
  const mail = await until(() => codeMails()[before], `the sign-in code for ${email}`);
  await page.getByLabel('One-time code').fill(/\b(\d{6})\b/.exec(mail.text)![1]!);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByLabel('One-time code').waitFor({ state: 'detached' });
}

/** The credential as printed on its own line of the email (XXXXXX-XXXXXX-…). */
function printedCredential(text: string): string {
  const m = /\n {4}([0-9A-Z]{1,6}(?:-[0-9A-Z]{1,6})+)\n/.exec(text);
  if (m === null) throw new Error('no credential printed in the email');
  return m[1]!;
}

async function castIn(page: Page, choice: string): Promise<void> {
  await page.getByRole('radio', { name: choice }).check();
  await page.getByRole('button', { name: 'Encrypt my ballot' }).click();
  await page.getByRole('button', { name: 'Cast my ballot' }).click();
  await page.getByRole('heading', { name: 'Your ballot was cast' }).waitFor();
}

async function confirmAction(page: Page, button: string, done: string | RegExp): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await page.getByRole('button', { name: 'Yes, go ahead' }).click();
  await page.getByRole('status').filter({ hasText: done }).waitFor();
}

describe('admin console and trustee ceremony', () => {
  it('runs a vote from sign-in and roll upload to a result decrypted in trustees’ browsers', async () => {
    // 1. The administrator signs in (password + TOTP) and adds a union.
    const admin = await staffPage('admin');
    await page_goto_signin_checks(admin);
    await staffSignIn(admin, 'ada', PASSWORD, totpCode('ada', adminSecret, new Date()));
    await admin.getByRole('heading', { name: 'Unions and rolls' }).waitFor();
    await admin.getByLabel('Union name').fill('Local 9');
    await admin.getByLabel('Short identifier').fill('local-9');
    await admin.getByRole('button', { name: 'Add the union' }).click();
    await admin.getByRole('status').filter({ hasText: 'Union Local 9 added.' }).waitFor();
    await noViolations(admin, 'unions');

    // 2. A bad roll file: every problem by line and column, nothing imported; then the good one.
    await admin.getByRole('link', { name: 'Upload the roll of Local 9' }).click();
    await admin.getByLabel('Roll file (CSV)').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) });
    await admin.getByRole('button', { name: 'Check the file' }).click();
    await admin.getByRole('heading', { name: /The file has \d+ problems/ }).waitFor();
    const issues = await admin.locator('table.issues tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));
    expect(issues.length).toBeGreaterThanOrEqual(2);
    expect(issues.every(([line]) => line === '3')).toBe(true);
    expect(await admin.getByRole('button', { name: /Import these/ }).count()).toBe(0);
    await noViolations(admin, 'roll preview with errors');
    await admin.getByLabel('Roll file (CSV)').setInputFiles({ name: 'roll.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_CSV) });
    await admin.getByRole('button', { name: 'Check the file' }).click();
    await admin.getByRole('heading', { name: 'The file is ready to import.' }).waitFor();
    await admin.getByRole('button', { name: 'Import these 5 rows' }).click();
    await admin.getByRole('status').filter({ hasText: 'Roll imported: 5 added, 0 kept, 0 removed, 0 no longer in good standing; 4 eligible.' }).waitFor();

    // 3. The draft: an empty form lists its problems next to the fields; a filled one is saved.
    await admin.goto('/admin/drafts/new');
    await admin.getByRole('heading', { name: 'New vote' }).waitFor();
    await admin.getByRole('option', { name: 'Local 9' }).waitFor({ state: 'attached' });
    await admin.getByRole('button', { name: 'Check and save the draft' }).click();
    await admin.getByRole('heading', { name: /The vote has \d+ problems/ }).waitFor();
    expect(await admin.locator('.alert ul').innerText()).toContain('Fill in “Vote identifier”.');
    expect(await admin.locator('.alert ul').innerText()).not.toMatch(/Too small|expected|voteId/);
    expect(await admin.getByLabel('Vote identifier').getAttribute('aria-invalid')).toBe('true');
    await noViolations(admin, 'draft form with errors');
    await admin.getByLabel('Title', { exact: true }).fill(TITLE);
    await admin.getByLabel('Vote identifier').fill(VOTE);
    await admin.getByLabel('Union', { exact: true }).selectOption('local-9');
    await admin.getByLabel('Record date').fill(new Date().toISOString().slice(0, 10));
    await admin.getByLabel('Opens').fill(OPENS.toISOString().slice(0, 16));
    await admin.getByLabel('Closes').fill(CLOSES.toISOString().slice(0, 16));
    await admin.getByLabel('Summary of the offer').fill('A 4% raise each year for three years.');
    await admin.getByLabel('Question', { exact: true }).fill('Do you ratify the tentative agreement?');
    for (const [i, name] of TRUSTEES.entries()) {
      await admin.getByLabel(`Trustee ${i + 1}: name`).fill(name.toUpperCase());
      await admin.getByLabel(`Trustee ${i + 1}: staff username`).fill(name);
    }
    await admin.getByRole('button', { name: 'Check and save the draft' }).click();
    await admin.getByRole('heading', { name: TITLE }).waitFor();
    await admin.getByText('Waiting for trustees to publish their commitments.').waitFor();
    await noViolations(admin, 'draft page');

    // 4. Three trustees, each in their own browser, run the ceremony.
    for (const name of TRUSTEES) {
      const page = await staffPage(name);
      await staffSignIn(page, name, PASSWORD);
      await page.getByRole('link', { name: `Key ceremony: ${TITLE}` }).click();
      await page.getByRole('heading', { name: `Key ceremony: ${VOTE}` }).waitFor();
      if (name === 'ana') await noViolations(page, 'trustee ceremony before key');
      await page.getByLabel('Passphrase for your key file').fill(PASSPHRASE);
      await page.getByLabel('Passphrase again').fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Create my key' }).click();
      await page.getByRole('status').filter({ hasText: 'Your key material is ready.' }).waitFor();
      expect(await page.getByRole('button', { name: 'Publish my commitments' }).isDisabled()).toBe(true);
      await saveKeyFile(page, name, 'initial');
      await page.getByRole('button', { name: 'Publish my commitments' }).click();
      await page.getByRole('status').filter({ hasText: 'Your commitments were published.' }).waitFor();
      if (name === 'ana') await noViolations(page, 'trustee ceremony after commitments');
    }
    for (const name of TRUSTEES) {
      const page = pages.get(name)!;
      await page.getByRole('button', { name: 'Prepare my encrypted shares' }).click();
      await page.getByRole('status').filter({ hasText: 'Your encrypted shares are ready.' }).waitFor();
      expect(await page.getByRole('button', { name: 'Publish my encrypted shares' }).isDisabled()).toBe(true);
      await saveKeyFile(page, name, 'shares');
      await page.getByRole('button', { name: 'Publish my encrypted shares' }).click();
      await page.getByRole('status').filter({ hasText: 'Your encrypted shares were published.' }).waitFor();
    }

    // 4b. Ben's own tools (the CLI, or a faulty device) complain about Ana's share. Ana, on a fresh
    // page, sees the complaint, opens her key file and answers by revealing the disputed share.
    const benDevice = createClient({ baseUrl: env.baseUrl });
    expect((await benDevice.staff.login('ben', PASSWORD)).ok).toBe(true);
    const complaint = encodeCeremonyMessage(env.engine.group, createComplaint(2, { ok: false, error: 'bad_share', trustee: 1 }));
    expect(await benDevice.call('trusteePostCeremonyMessage', { params: { id: VOTE }, text: complaint })).toMatchObject({ ok: true, value: { kind: 'complaint', trustee: 2 } });
    await admin.reload();
    const complaintsTable = admin.getByRole('table', { name: 'Complaints and their answers' });
    await complaintsTable.getByRole('row', { name: 'BEN ANA Waiting for ANA to reveal the share.' }).waitFor();
    await noViolations(admin, 'draft page with a complaint');
    await pages.get('ben')!.getByText('Waiting for ANA to answer your complaint.').waitFor();
    const ana = pages.get('ana')!;
    await ana.reload();
    await ana.getByRole('heading', { name: 'Complaints against you' }).waitFor();
    await ana.getByText('BEN (trustee 2) complained about the share you sent them.').waitFor();
    await ana.getByText('Open your key file to answer.').waitFor();
    await noViolations(ana, 'trustee ceremony, complaint against you');
    await ana.getByLabel('Key file').setInputFiles(keyFiles.get('ana')!);
    await ana.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await ana.getByRole('button', { name: 'Open my key file' }).click();
    await ana.getByRole('button', { name: 'Reveal the disputed shares' }).click();
    await ana.getByRole('status').filter({ hasText: 'Your answer was published: 1 disputed shares revealed.' }).waitFor();
    await ana.getByRole('table', { name: 'Complaints and their answers' }).getByRole('row', { name: /^BEN ANA (✓ )?Answered/ }).waitFor();
    expect(await ana.getByRole('heading', { name: 'Complaints against you' }).count()).toBe(0);
    await admin.reload();
    await complaintsTable.getByRole('row', { name: /^BEN ANA (✓ )?Answered: the share was revealed/ }).waitFor();

    for (const name of TRUSTEES) {
      const page = pages.get(name)!;
      await page.getByRole('button', { name: 'Check my shares and confirm my key' }).click();
      await page.getByRole('status').filter({ hasText: 'Your key share was confirmed.' }).waitFor();
      await saveKeyFile(page, name, 'final');
    }
    const storage = await pages.get('ana')!.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(storage).not.toMatch(/secret|polynomial|ratify-trustee/);

    // 5. The administrator creates the vote and issues the credentials from the console (the
    // credential authority step): the mails leave in throttled batches through SMTP to the sink.
    await admin.getByRole('button', { name: 'Create the vote' }).click();
    await admin.getByRole('status').filter({ hasText: 'The vote was created with 4 eligible members.' }).waitFor();
    await admin.getByRole('link', { name: 'Go to the vote' }).click();
    await admin.getByText('0 of 4 eligible members have voted (0%).').waitFor();
    await admin.getByText('Being prepared').waitFor();

    // 5a. The frozen roll is amended with reasons: Rae added late, then removed; who and when listed.
    await admin.getByRole('link', { name: 'Amend the frozen roll' }).click();
    await admin.getByRole('heading', { name: `Roll amendments: ${VOTE}` }).waitFor();
    await admin.getByText('Frozen with 4 eligible members; 4 eligible now.').waitFor();
    await admin.getByRole('button', { name: 'Record the amendment' }).click();
    for (const problem of ['Choose the change.', 'Enter the member number.', 'Give the reason for the amendment.']) await admin.getByText(problem).waitFor();
    expect(await admin.getByLabel('Reason').getAttribute('aria-invalid')).toBe('true');
    await noViolations(admin, 'roll amendments with errors');
    const amend = async (change: string, member: string, reason: string) => {
      await admin.getByRole('radio', { name: change }).check();
      await admin.getByLabel('Member number').fill(member);
      await admin.getByLabel('Reason').fill(reason);
      await admin.getByRole('button', { name: 'Record the amendment' }).click();
    };
    await amend('Add a member late', 'N1', 'Checking a duplicate');
    await admin.getByText('This member is already on the roll.').waitFor();
    await amend('Add a member late', 'S3', 'Dues paid before the record date');
    await admin.getByRole('status').filter({ hasText: 'Recorded: Add a member late, member S3.' }).waitFor();
    await admin.getByText('Frozen with 4 eligible members; 5 eligible now.').waitFor();
    await amend('Remove a member', 'S3', 'The dues receipt was for another member');
    await admin.getByRole('status').filter({ hasText: 'Recorded: Remove a member, member S3.' }).waitFor();
    await admin.getByText('Frozen with 4 eligible members; 4 eligible now.').waitFor();
    const amendments = await admin.getByRole('table', { name: '2 amendments, oldest first' }).locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));
    expect(amendments.map(([seq, , who, change, member, reason]) => [seq, who, change, member, reason])).toEqual([
      ['1', 'ada', 'Add a member late', 'S3', 'Dues paid before the record date'],
      ['2', 'ada', 'Remove a member', 'S3', 'The dues receipt was for another member'],
    ]);
    await noViolations(admin, 'roll amendments');
    await admin.getByRole('link', { name: 'Back to the vote console' }).click();
    await admin.getByText('0 of 4 eligible members have voted (0%).').waitFor();
    await confirmAction(admin, 'Issue credentials by email', '4 credentials issued; 4 emails queued.');
    const credentialMails = await until(() => {
      const mails = sink.received.filter((m) => m.subject === `Your voting credential: ${TITLE}`);
      return mails.length === MEMBERS.length ? mails : undefined;
    }, 'four credential emails');
    expect(credentialMails.map((m) => m.to).sort()).toEqual(MEMBERS.map((m) => m[2]).sort());
    await admin.reload();
    await admin.getByRole('table', { name: 'Messages by kind and delivery status' }).getByRole('row', { name: 'Voting credential Sent 4' }).waitFor();
    await noViolations(admin, 'vote console, credentials sent');

    // 6. The scheduler opens the vote at its opening time, not before (the server's clock moves on).
    await sleep(3 * SCHEDULER_MS);
    expect((await env.engine.store.votes.getVote(VOTE))?.status).toBe('draft');
    offsetMs = OPENS.getTime() - Date.now() + 1000;
    await until(async () => ((await env.engine.store.votes.getVote(VOTE))?.status === 'open' ? true : undefined), 'the scheduled opening');
    await admin.reload();
    await admin.getByText('Open for voting').waitFor();

    // 7. Nia opens the link in her email (the credential rides in the fragment) and signs in with
    // the one-time code mailed to her; Pat types the credential printed in his email.
    const nia = await env.newPage(PHONE);
    const niaMail = credentialMails.find((m) => m.to === 'nia@example.org')!;
    const link = new RegExp(`${env.baseUrl}/booth/${VOTE}#credential=([0-9A-Z-]+)`).exec(niaMail.text);
    expect(link, 'booth link in the email').not.toBeNull();
    await memberSignIn(nia, 'N1', 'nia@example.org', link![0].slice(env.baseUrl.length));
    expect(nia.url()).not.toContain('credential');
    await nia.getByText('Filled in from the link you opened.').waitFor();
    expect((await nia.getByLabel('Your voting credential').inputValue()).replaceAll('-', '')).toBe(link![1]!.replaceAll('-', ''));
    await castIn(nia, 'Yes');
    const pat = await env.newPage(PHONE);
    await memberSignIn(pat, 'S1', 'pat@example.org', '/booth');
    await pat.getByRole('link', { name: `Vote: ${TITLE} (Local 9)` }).click();
    await pat.getByLabel('Your voting credential').fill(printedCredential(credentialMails.find((m) => m.to === 'pat@example.org')!.text));
    await castIn(pat, 'Yes');

    // 8. Turnout and who voted; reminders reach only the two who have not voted.
    await admin.reload();
    await admin.getByText('2 of 4 eligible members have voted (50%).').waitFor();
    expect(await admin.getByRole('img', { name: /Ballots received over time/ }).count()).toBe(1);
    await admin.getByRole('table', { name: '2 members have voted' }).getByText('N1').waitFor();
    await confirmAction(admin, 'Send reminders', '2 reminders queued.');
    const reminders = await until(() => {
      const mails = sink.received.filter((m) => m.subject === `Reminder: vote in "${TITLE}"`);
      return mails.length === 2 ? mails : undefined;
    }, 'two reminders');
    expect(reminders.map((m) => m.to).sort()).toEqual(['omar@example.org', 'quinn@example.org']);
    expect(reminders.every((m) => !m.text.includes('#credential='))).toBe(true);

    // 9. The scheduler closes the vote at its closing time; nobody closes it by hand.
    offsetMs = CLOSES.getTime() - Date.now() + 1000;
    await until(async () => ((await env.engine.store.votes.getVote(VOTE))?.status === 'closed' ? true : undefined), 'the scheduled closing');
    await admin.reload();
    await admin.getByText('Closed, counting').waitFor();
    await noViolations(admin, 'vote console after close');

    // 10. Two of three trustees decrypt in their browsers; the second publishes the result.
    for (const [n, name] of (['ana', 'cyd'] as const).entries()) {
      const page = pages.get(name)!;
      await page.goto('/trustee');
      await page.getByRole('link', { name: `Count the votes: ${TITLE}` }).click();
      await page.getByLabel('Key file').setInputFiles(keyFiles.get(name)!);
      await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Open my key file' }).click();
      await page.getByRole('button', { name: 'Decrypt my part and send it' }).click();
      await page.getByRole('status').filter({ hasText: n === 0 ? 'Your part was accepted (1 of 2).' : 'the result is published' }).waitFor();
      await noViolations(page, `decrypt page ${name}`);
    }
    const cyd = pages.get('cyd')!;
    await cyd.getByRole('link', { name: 'See the result' }).click();
    await cyd.getByText('How to verify').waitFor();
    expect(await cyd.locator('[data-outcome]').innerText()).toBe('Passed.');

    // 11. The administrator announces the result by email; the exported record verifies.
    await admin.reload();
    await admin.getByText('Result published').waitFor();
    await confirmAction(admin, 'Announce the result by email', '4 result announcements queued.');
    const announcements = await until(() => {
      const mails = sink.received.filter((m) => m.subject === `Result: ${TITLE}`);
      return mails.length === MEMBERS.length ? mails : undefined;
    }, 'four result announcements');
    expect(announcements.every((m) => m.text.includes(`${env.baseUrl}/votes/${VOTE}/result`))).toBe(true);
    await admin.reload();
    await admin.getByRole('table', { name: 'Messages by kind and delivery status' }).waitFor();
    expect(await admin.locator('table', { hasText: 'Messages by kind' }).innerText()).not.toMatch(/failed|bounced|queued/);
    await noViolations(admin, 'vote console after the announcement');
    const record = (await (await fetch(`${env.baseUrl}/api/votes/${VOTE}/record`)).json()) as { files: Record<string, string> };
    const report = await verifyRecord(record.files);
    expect(report.ok, JSON.stringify(report).slice(0, 2000)).toBe(true);

    // 12. The observer sees turnout and the audit log, never who voted.
    const olga = await staffPage('olga');
    await staffSignIn(olga, 'olga', PASSWORD);
    await olga.goto(`/admin/votes/${VOTE}`);
    await olga.getByText('2 of 4 eligible members have voted (50%).').waitFor();
    expect(await olga.getByRole('heading', { name: 'Who has voted' }).count()).toBe(0);
    expect(await olga.getByRole('link', { name: 'Amend the frozen roll' }).count()).toBe(0);
    await olga.goto(`/admin/votes/${VOTE}/roll`);
    await olga.getByText('Your account (observer) cannot use this page.').waitFor();
    await noViolations(olga, 'roll amendments refused to an observer');
    await olga.goto(`/admin/votes/${VOTE}`);
    await olga.getByRole('link', { name: 'Audit log of this vote' }).click();
    await olga.getByRole('table', { name: /Entries \d+ to \d+/ }).waitFor();
    expect(await olga.locator('table.audit').innerText()).toContain('ada');
    expect(await olga.locator('table.audit').innerText()).toContain('Issued the credentials by email');
    expect(await olga.locator('table.audit').innerText()).not.toMatch(/staff:|adminOpen|staffLogin/);
    await noViolations(olga, 'audit log');
  }, 240_000);

  it('refuses a wrong passphrase and pages for other roles; has no violations in Spanish', async () => {
    const ben = pages.get('ben')!;
    await ben.goto(`/trustee/votes/${VOTE}`);
    await ben.getByLabel('Key file').setInputFiles(keyFiles.get('ben')!);
    await ben.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
    await ben.getByRole('button', { name: 'Open my key file' }).click();
    await ben.getByRole('alert').filter({ hasText: 'The passphrase is wrong, or the file was changed.' }).waitFor();
    await noViolations(ben, 'decrypt page, wrong passphrase');
    await ben.goto('/admin/unions');
    await ben.getByText('Your account (trustee) cannot use this page.').waitFor();
    await ben.getByRole('button', { name: 'Español' }).click();
    await ben.goto('/trustee');
    await ben.getByRole('heading', { name: 'Mis tareas de custodio' }).waitFor();
    await noViolations(ben, 'trustee home (es)');
    const admin = pages.get('admin')!;
    await admin.getByRole('button', { name: 'Español' }).click();
    for (const path of ['/admin/drafts/new', '/admin/drafts', `/admin/drafts/${VOTE}`, '/admin/votes', `/admin/votes/${VOTE}`, `/admin/votes/${VOTE}/roll`, '/admin/staff', '/staff/password', '/admin/audit', '/admin/unions']) {
      await admin.goto(path);
      await admin.getByText(/Sesión iniciada como ada/).waitFor();
      await admin.locator('h1').waitFor();
      await noViolations(admin, `${path} (es)`);
    }
    await admin.getByRole('button', { name: 'Cerrar sesión' }).click();
    await admin.getByRole('heading', { name: 'Acceso del personal' }).waitFor();
    await admin.goto('/admin/unions');
    await admin.getByText('Esta página es para el personal electoral. Inicie sesión primero.').waitFor();
  }, 120_000);
  it('lets an administrator disable a staff account and enable it again, and any staff member change their password', async () => {
    // A fresh browser for the administrator; the server's clock runs ahead (the scheduled close), so the code is for its time.
    const ada = await staffPage('ada-again');
    await staffSignIn(ada, 'ada', PASSWORD, totpCode('ada', adminSecret, new Date(Date.now() + offsetMs)));
    await ada.getByRole('link', { name: 'Staff accounts' }).click();
    await ada.getByRole('heading', { name: 'Staff accounts' }).waitFor();
    const table = ada.getByRole('table', { name: '5 staff accounts' });
    await table.getByRole('row', { name: /^ben trustee Active/ }).waitFor();
    expect(await table.getByRole('button', { name: 'Disable ada' }).count()).toBe(0);
    await noViolations(ada, 'staff accounts');
    await ada.getByRole('button', { name: 'Disable ben' }).click();
    await ada.getByRole('button', { name: 'Yes, go ahead' }).click();
    // Two sessions: Ben's browser and the device that filed his complaint.
    await ada.getByRole('status').filter({ hasText: 'The account ben was disabled; sessions ended: 2.' }).waitFor();
    await table.getByRole('row', { name: /^ben trustee Disabled since/ }).waitFor();
    await noViolations(ada, 'staff accounts after disabling');
    // Ben's open page is signed out at once, and he cannot sign in again.
    const ben = pages.get('ben')!;
    await ben.goto('/trustee');
    await ben.getByText('Esta página es para el personal electoral. Inicie sesión primero.').waitFor();
    await ben.getByRole('button', { name: 'English' }).click();
    await ben.goto('/staff');
    await ben.getByLabel('Username').fill('ben');
    await ben.getByLabel('Password').fill(PASSWORD);
    await ben.getByRole('button', { name: 'Sign in as staff' }).click();
    await ben.getByText('The username, password or code is not right.').waitFor();

    // Ada enables Ben again (a second click confirms): he signs in with the password he had.
    await table.getByRole('button', { name: 'Enable ben' }).click();
    await ada.getByText('Enable the account ben? It can sign in again with its existing password (and authenticator code); its earlier sessions stay ended.').waitFor();
    await noViolations(ada, 'staff accounts, confirming enabling');
    await ada.getByRole('button', { name: 'Yes, go ahead' }).click();
    await ada.getByRole('status').filter({ hasText: 'The account ben was enabled; it can sign in again.' }).waitFor();
    await table.getByRole('row', { name: /^ben trustee Active/ }).waitFor();
    expect(await table.getByRole('button', { name: 'Enable ben' }).count()).toBe(0);
    await table.getByRole('button', { name: 'Disable ben' }).waitFor();
    await noViolations(ada, 'staff accounts after enabling');
    await staffSignIn(ben, 'ben', PASSWORD);
    await ben.goto('/trustee');
    await ben.getByRole('heading', { name: 'My trustee duties' }).waitFor();

    // Olga changes her password: the current one is checked, and her session in another browser is
    // signed out (this one stays signed in).
    const olga = pages.get('olga')!;
    const olga2 = await staffPage('olga-phone');
    await staffSignIn(olga2, 'olga', PASSWORD);
    await olga.getByRole('link', { name: 'My password' }).click();
    await olga.getByRole('heading', { name: 'Change my password' }).waitFor();
    await olga.getByLabel('Current password').fill('not my password at all');
    await olga.getByLabel('New password', { exact: true }).fill('a brand new staff password');
    await olga.getByLabel('New password again').fill('a brand new staff password');
    await olga.getByRole('button', { name: 'Change my password' }).click();
    await olga.getByText('The current password is wrong.').waitFor();
    expect(await olga.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');
    await noViolations(olga, 'password page with an error');
    await olga.getByLabel('Current password').fill(PASSWORD);
    await olga.getByRole('button', { name: 'Change my password' }).click();
    await olga.getByRole('status').filter({ hasText: 'Your password was changed. Other sessions signed out: 1.' }).waitFor();
    await olga2.goto('/admin/votes');
    await olga2.getByText('This page is for election staff. Please sign in first.').waitFor();
    await olga.goto('/admin/votes');
    await olga.getByRole('heading', { name: 'Votes' }).waitFor();
    const audit = await env.engine.store.audit.listAudit({ limit: 1000 });
    expect(audit.filter((e) => ['disableStaffAccount', 'enableStaffAccount', 'changeStaffPassword'].includes(e.action)).map((e) => [e.actor, e.action, e.details])).toEqual([
      ['staff:ada', 'disableStaffAccount', JSON.stringify({ params: { username: 'ben' } })],
      ['staff:ada', 'enableStaffAccount', JSON.stringify({ params: { username: 'ben' } })],
      ['staff:olga', 'changeStaffPassword', expect.any(String)],
    ]);
    expect(JSON.stringify(audit)).not.toContain('a brand new staff password');
  }, 90_000);
});

async function page_goto_signin_checks(page: Page): Promise<void> {
  // The sign-in page, and an administrator without a code is told the code is needed.
  await page.goto('/staff');
  await page.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
  await noViolations(page, 'staff sign-in');
  await page.getByLabel('Username').fill('ada');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in as staff' }).click();
  await page.getByText('Administrators need the 6-digit code from their authenticator app.').waitFor();
}

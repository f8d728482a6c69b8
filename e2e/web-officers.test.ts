// Chromium flows for an election officer (issue 16), English and Spanish, axe-core on every page:
// the vote console offers only what the vote's state allows (no "Open" on an open vote, no
// "Announce" before a result) and reconciles members marked as voted with ballots counted; reminders
// after casts reach only those who have not voted, and a second run warns with the time of the
// last; the mail queue shows its progress and the time left; a roll import that removes or
// disqualifies members is a warning that needs the number typed back and lands in the audit log
// with its counts; shared email addresses are flagged; roll problems, the audit log (with its CSV
// export) and the draft form's problems are in words, never codes or validator jargon; a member
// not in good standing is told why they cannot vote; staff pages use a wide screen.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { unwrap } from '@ratify/crypto';
import { createStaffAccount, totpCode } from '@ratify/engine';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FED_VOTE, GUILD_VOTE, PAST_VOTE, noViolations, signIn, staffSignIn, startWebEnv, type WebEnv } from './web-harness.ts';

const KEY = randomBytes(32);
const PASSWORD = 'a long enough staff password';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
let env: WebEnv;
let admin: Page;

beforeAll(async () => {
  env = await startWebEnv('officers', { secretKey: KEY });
  const account = unwrap(await createStaffAccount(env.engine.store, { username: 'ada', password: PASSWORD, role: 'administrator', secretKey: KEY }));
  admin = await env.newPage(DESKTOP);
  await staffSignIn(admin, 'ada', PASSWORD, totpCode('ada', new URL(account.totpUri!).searchParams.get('secret')!, new Date()));
}, 180_000);
afterAll(async () => {
  await env?.close();
});

const buttons = async (page: Page) => (await page.locator('#actions-heading ~ .actions button').allInnerTexts()).sort();

async function confirmAction(page: Page, button: string, done: string | RegExp): Promise<string> {
  await page.getByRole('button', { name: button }).click();
  const question = await page.locator('#confirm-text').innerText();
  await page.getByRole('button', { name: 'Yes, go ahead' }).click();
  await page.getByRole('status').filter({ hasText: done }).waitFor();
  return question;
}

describe('vote console', () => {
  it('offers actions by state, reconciles the figures, and reminds only members who have not voted, warning before a second run', async () => {
    // An open vote: reminders and closing, never opening; a published one: the announcement only.
    await env.cast(GUILD_VOTE, 'G1', true);
    await admin.goto(`/admin/votes/${GUILD_VOTE}`);
    await admin.getByText('1 of 3 eligible members have voted (33.3%).').waitFor();
    expect(await buttons(admin)).toEqual(['Close the vote now', 'Send reminders']);
    expect(await admin.locator('[data-reconciliation]').getAttribute('data-reconciliation')).toBe('agree');
    expect(await admin.locator('[data-reconciliation]').innerText()).toBe('Check passed: members marked as voted and ballots counted agree (1).');
    // The console uses the wide screen: two columns, a main column wider than a phone page.
    expect(await admin.locator('main').evaluate((m) => m.getBoundingClientRect().width)).toBeGreaterThan(1000);
    await noViolations(admin, 'console, open vote');

    // Reminders after casts: only G2 and G3 (G1 voted), then a second run says when the first was.
    const question = await confirmAction(admin, 'Send reminders', '2 reminders queued.');
    expect(question).toBe('Email a reminder to every eligible member who has not voted?');
    const reminded = (await env.engine.store.mail.listMail({ voteId: GUILD_VOTE, kind: 'reminder' })).map((m) => m.memberNumber).sort();
    expect(reminded).toEqual(['G2', 'G3']);
    await admin.locator('[data-last-reminder]').waitFor();
    expect(await admin.locator('[data-last-reminder]').innerText()).toMatch(/^Reminders last queued .+, to 2 members\.$/);
    await env.cast(GUILD_VOTE, 'G2', false);
    const again = await confirmAction(admin, 'Send reminders again', '0 reminders queued.');
    expect(again).toMatch(/^Reminders were last queued .+ to 2 members\. Send another to every eligible member who has still not voted\?/);
    expect((await env.engine.store.mail.listMail({ voteId: GUILD_VOTE, kind: 'reminder' })).length).toBe(2);
    // The queue's progress and the time left (nothing drains the queue in this test).
    await admin.locator('[data-mail-progress]').waitFor();
    expect(await admin.locator('[data-mail-progress]').innerText()).toBe('0 of 2 messages sent. 2 still to send: about 1 min left at 60 a minute.');
    expect(await admin.getByRole('table', { name: 'Messages by kind and delivery status' }).innerText()).toContain('Reminder\tWaiting to be sent\t2');
    await noViolations(admin, 'console after reminders');

    await admin.goto(`/admin/votes/${PAST_VOTE}`);
    await admin.getByText('3 of 3 eligible members have voted (100%).').waitFor();
    expect(await buttons(admin)).toEqual(['Announce the result by email']);
    await admin.getByText('The result is published. Announce it to the members by email.').waitFor();

    // Spanish: the same console in the member's other language, axe-clean.
    await admin.goto(`/admin/votes/${FED_VOTE}`);
    await admin.getByRole('button', { name: 'Español' }).click();
    await admin.getByText('Se aceptan papeletas. La votación se cierra sola el', { exact: false }).waitFor();
    expect(await buttons(admin)).toEqual(['Cerrar la votación ahora', 'Enviar recordatorios']);
    await noViolations(admin, 'console in Spanish');
    await admin.getByRole('button', { name: 'English' }).click();
  });
});

describe('roll import', () => {
  it('warns before removing or disqualifying members, needs their number typed, flags shared addresses and audits the counts', async () => {
    await admin.goto('/admin/unions/fed/roll');
    await admin.getByRole('heading', { name: 'Roll of Artists Federation (sample)' }).waitFor();
    // F2 leaves the roll, F3 loses good standing, F4 and F5 share one address.
    const csv = 'member_number,name,email,good_standing,unit\nF1,Member F1,dual@example.org,yes,\nF3,Member F3,f3@example.org,no,\nF4,Member F4,home@example.org,yes,\nF5,Member F5,home@example.org,yes,\n';
    await admin.getByLabel('Roll file (CSV)').setInputFiles({ name: 'roll.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await admin.getByRole('button', { name: 'Check the file' }).click();
    await admin.getByRole('heading', { name: 'The file is ready to import.' }).waitFor();
    expect(await admin.locator('#removal-warning').innerText()).toBe(
      'Warning: this import removes 1 members from the roll and takes good standing (so the right to vote) from 1 more. Check that the file is the whole roll before importing it.',
    );
    expect(await admin.getByRole('table', { name: /share one email address/ }).innerText()).toContain('home@example.org\tF4, F5');
    expect(await admin.getByRole('button', { name: /^Import these \d+ rows$/ }).count()).toBe(0);
    await noViolations(admin, 'roll preview removing members');
    const importButton = admin.getByRole('button', { name: 'Import these 4 rows and remove 2 members' });
    await admin.getByLabel(/type the number of members this removes/).fill('699');
    await importButton.click();
    await admin.getByText('Type 2 to confirm, or choose another file.').waitFor();
    expect(await admin.getByLabel(/type the number of members this removes/).getAttribute('aria-invalid')).toBe('true');
    await admin.getByLabel(/type the number of members this removes/).fill('2');
    await importButton.click();
    await admin.getByRole('status').filter({ hasText: 'Roll imported: 2 added, 2 kept, 1 removed, 1 no longer in good standing; 3 eligible.' }).waitFor();

    // A bad file's problems in words, never the codes.
    await admin.getByLabel('Roll file (CSV)').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('member_number,name,email,good_standing\nF1,A,not-an-email,maybe\n') });
    await admin.getByRole('button', { name: 'Check the file' }).click();
    await admin.getByRole('heading', { name: /The file has \d+ problems/ }).waitFor();
    const reasons = await admin.locator('table.issues tbody tr td:last-child').allInnerTexts();
    expect(reasons).toEqual(['This is not an email address.', 'Good standing must be yes or no (or true/false, 1/0).']);

    // The audit log: words, the import's counts, and the whole log as CSV.
    await admin.goto('/admin/audit');
    await admin.getByRole('table', { name: /Entries \d+ to \d+/ }).waitFor();
    const row = admin.locator('tr[data-action="importRoll"]');
    expect(await row.innerText()).toMatch(/ada\tImported a roll\t—\t\s*Union: fed\s+Members added: 2\s+Members kept: 2\s+Members removed: 1\s+No longer in good standing: 1\s+Eligible: 3/);
    const text = await admin.locator('table.audit').innerText();
    expect(text).toContain('Signed in');
    expect(text).toContain('Sent reminders');
    expect(text).not.toMatch(/staffLogin|adminSendReminders|staff:ada|ops-token/);
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('button', { name: 'Download the whole log (CSV)' }).click()]);
    const exported = readFileSync((await download.path())!, 'utf8');
    expect(exported.split('\r\n')[0]).toBe('\uFEFFNo.,When,UTC,Who,Action,Vote,Details,Recorded action,Recorded details');
    expect(exported).toContain(',ada,Imported a roll,,Union: fed; Members added: 2; Members kept: 2; Members removed: 1; No longer in good standing: 1; Eligible: 3,importRoll,');
    await noViolations(admin, 'audit log');
  });
});

describe('draft form', () => {
  it('lists every empty field in words on submit, none before, and says date problems plainly', async () => {
    await admin.goto('/admin/drafts/new');
    await admin.getByRole('heading', { name: 'New vote' }).waitFor();
    expect(await admin.locator('.alert, .field-error').count()).toBe(0);
    await admin.getByRole('button', { name: 'Check and save the draft' }).click();
    await admin.getByRole('heading', { name: 'The vote has 10 problems; each is shown next to its field.' }).waitFor();
    const problems = await admin.locator('.alert li').allInnerTexts();
    expect(problems.slice(0, 6)).toEqual(['Fill in “Title”.', 'Fill in “Vote identifier”.', 'Fill in “Union”.', 'Choose a day for “Record date” with the date picker.', 'Choose a day and a time for “Opens”.', 'Choose a day and a time for “Closes”.']);
    expect(problems.join(' ')).not.toMatch(/Too small|expected|YYYY|schedule\.|voteId/);
    await noViolations(admin, 'empty draft form');
    await admin.getByRole('button', { name: 'Español' }).click();
    await admin.getByText('Rellene «Título».').first().waitFor();
    await noViolations(admin, 'empty draft form in Spanish');
    await admin.getByRole('button', { name: 'English' }).click();
  });
});

describe('a member who cannot vote', () => {
  it('is told why (not in good standing on the record date), on a phone, in English and Spanish', async () => {
    // G9 joins the guild's roll not in good standing, after the guild's vote froze its roll.
    unwrap(await env.engine.store.members.importRoll('guild', [
      { memberNumber: 'G1', name: 'Member G1', email: 'g1@example.org', goodStanding: true, unit: null },
      { memberNumber: 'G2', name: 'Member G2', email: 'g2@example.org', goodStanding: true, unit: null },
      { memberNumber: 'G3', name: 'Member G3', email: 'dual@example.org', goodStanding: true, unit: null },
      { memberNumber: 'G9', name: 'Member G9', email: 'g9@example.org', goodStanding: false, unit: null },
    ]));
    const page = await env.newPage(PHONE);
    await signIn(env, page, { memberNumber: 'G9', email: 'g9@example.org' });
    await page.getByText('You have no ballots to cast right now. Below is why.').waitFor();
    expect(await page.locator('[data-cannot-vote]').first().innerText()).toContain('You were not in good standing on the record date (November 1, 2026), so you are not on this vote’s roll.');
    await noViolations(page, 'booth, cannot vote');
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByText('No estaba al corriente en la fecha de referencia (1 de noviembre de 2026)', { exact: false }).first().waitFor();
    await noViolations(page, 'booth, cannot vote, Spanish');
    await page.close();
  });
});

// Chromium flow of linked follow-up votes (protocol §M7) against the real server: a counted guild
// ratification that failed (seeded by the demo's module, through the real engine) shows on its vote
// page what would follow each outcome and on its result page what its failure triggered; anonymous
// readers get no start action; the administrator's vote console lists every declaration, marks the
// triggered one and links its start page; the administrator starts the strike-authorization
// follow-up from the result page, lands on a draft form pre-filled from the signed template, saves
// it, and the draft page shows "Follows from"; the result page and the console then link the
// started draft (the console with its status); once the follow-up vote exists both votes' pages and
// consoles show the link; an observer's console is read-only; the draft form declares a vote
// follow-up with two questions and shows the server's problem at the second question's field; the
// booth shows a member what follows each outcome. axe-core: no violations.
import { randomBytes } from 'node:crypto';
import { seededRandom, toHex, unwrap } from '@ratify/crypto';
import { type VoteDefinition, createStaffAccount, definitionCeremonyContext, runLocalCeremony, totpCode } from '@ratify/engine';
import { asVoteId, generatePrivateCredential, publicCredential, generateElectionId } from '@ratify/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratificationFollowUps, seedCountedRatification } from '../packages/server/src/demo/follow-ups.ts';
import { G1, signIn, staffSignIn, startWebEnv, type WebEnv, noViolations } from './web-harness.ts';
import { ristretto255 as caGroup } from '@ratify/crypto';
import { newAuthority } from '@ratify/engine';

/** The election committee's offline credential authority for this file's votes (test key). */
const TEST_AUTHORITY = newAuthority(caGroup, 'offline');

const PHONE = { width: 360, height: 740 };
const KEY = randomBytes(32);
const PASSWORD = 'a long enough staff password';
const PARENT = 'guild-commercials';
const CHILD = 'guild-strike-2008';
const OPEN = 'guild-theatrical-2008';

/** An open guild ratification that declares the demo's follow-ups (credentials published, none needed here). */
async function seedOpenRatification(): Promise<void> {
  const rng = seededRandom('web-followups-open');
  const definition: VoteDefinition = {
    credentialAuthority: TEST_AUTHORITY.credentialAuthority,
    voteId: OPEN,
    electionId: generateElectionId(),
    title: 'Ratification of the theatrical contract',
    unionId: 'guild',
    unionName: 'Screen Actors Guild (sample)',
    recordDate: '2026-11-01',
    schedule: { opensAt: '2026-11-02T09:00:00Z', closesAt: '2030-11-20T17:00:00Z' },
    questions: [{ id: 'ratify', kind: 'yes_no', text: 'Do you ratify the theatrical contract?', options: ['yes', 'no'], min: 1, max: 1, blankAllowed: false, rule: { kind: 'ratification', blankPolicy: 'excluded' } }],
    trustees: { threshold: 2, members: [1, 2, 3].map((i) => ({ id: `trustee-${i}`, name: `Trustee ${i}` })) },
    followUps: ratificationFollowUps('ratify'),
  };
  const { group } = env.engine;
  const ceremony = runLocalCeremony(group, { context: definitionCeremonyContext(definition), threshold: 2, trusteeCount: 3 }, rng);
  unwrap(await env.engine.createVote(definition, ceremony.messages));
  const credentials = [1, 2, 3].map(() => generatePrivateCredential(rng));
  unwrap(await env.engine.publishCredentials(asVoteId(OPEN), credentials.map((c) => toHex(group.encodeElement(publicCredential(group, definition, c)))), { key: TEST_AUTHORITY.key }));
  unwrap(await env.engine.openVote(asVoteId(OPEN)));
}

let env: WebEnv;
let adminSecret: string;

beforeAll(async () => {
  env = await startWebEnv('followups', { secretKey: KEY });
  // The guild's three members vote: one yes, two no — the ratification fails.
  expect(await seedCountedRatification(env.engine, { voteId: PARENT, unionId: 'guild', unionName: 'Screen Actors Guild (sample)', now: new Date(), voters: 3, yesShare: 0.34 })).toBe(true);
  const admin = unwrap(await createStaffAccount(env.engine.store, { username: 'ada', password: PASSWORD, role: 'administrator', secretKey: KEY }));
  adminSecret = new URL(admin.totpUri!).searchParams.get('secret')!;
  unwrap(await createStaffAccount(env.engine.store, { username: 'olga', password: PASSWORD, role: 'observer', secretKey: KEY }));
  await seedOpenRatification();
}, 180_000);
afterAll(async () => {
  await env?.close();
});

describe('linked follow-up votes in the browser', () => {
  it('the booth shows a member what follows each outcome before they vote', async () => {
    const page = await env.newPage(PHONE);
    await signIn(env, page, G1);
    await page.goto(`/booth/${OPEN}`);
    // Folded below the question on a phone, under a line that says what it holds.
    await page.locator('#fold-follow-ups > summary', { hasText: 'What happens after each outcome' }).click();
    const section = page.locator('#booth-follow-ups');
    await section.getByRole('heading', { name: 'What follows each outcome' }).waitFor();
    const text = await section.innerText();
    expect(text).toContain('If it fails');
    expect(text).toContain('A new vote follows: Strike authorization.');
    expect(text).toContain('Its rule: Passes with at least 75%');
    expect(text).toContain('The new contract takes effect on ratification.');
    await noViolations(page, 'booth with follow-ups');
  }, 120_000);

  it('shows what follows, and an administrator starts the follow-up vote from the result page', async () => {
    const page = await env.newPage(PHONE);

    // The vote page: what would follow each outcome, sealed in the fingerprint.
    await page.goto(`/votes/${PARENT}`);
    const would = page.locator('#would-follow');
    await would.getByRole('heading', { name: 'What follows each outcome' }).waitFor();
    expect(await would.innerText()).toContain('If it passes');
    expect(await would.innerText()).toContain('The new contract takes effect on ratification.');
    expect(await would.innerText()).toContain('A new vote follows: Strike authorization.');
    expect(await would.innerText()).toContain('at least 75%');
    await noViolations(page, 'vote page with follow-ups');

    // The result page: the failure triggered the strike vote; no start action for the public.
    await page.goto(`/votes/${PARENT}/result`);
    const follows = page.locator('#what-follows');
    await follows.getByRole('heading', { name: 'What follows' }).waitFor();
    await follows.getByText('The outcome (failed) triggers this:').waitFor();
    expect(await follows.innerText()).toContain('a strike-authorization vote opens');
    expect(await page.getByRole('link', { name: 'Start the follow-up vote' }).count()).toBe(0);
    await noViolations(page, 'result page with a triggered follow-up');

    // In Spanish.
    await page.getByRole('button', { name: 'Español' }).click();
    await follows.getByRole('heading', { name: 'Qué sigue' }).waitFor();
    await follows.getByText('El resultado (rechazada) pone en marcha esto:').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await follows.getByRole('heading', { name: 'What follows' }).waitFor();

    // An administrator signs in. The vote console lists every declaration, marks what the failure
    // triggered, and links the page that starts it (the one the result page links).
    await staffSignIn(page, 'ada', PASSWORD, totpCode('ada', adminSecret, new Date()));
    await page.goto(`/admin/votes/${PARENT}`);
    const consoleFollowUps = page.locator('#console-follow-ups');
    await consoleFollowUps.getByRole('heading', { name: 'Follow-ups' }).waitFor();
    const failedItem = consoleFollowUps.locator('li[data-outcome="failed"]');
    const passedItem = consoleFollowUps.locator('li[data-outcome="passed"]');
    expect(await failedItem.innerText()).toContain('If it fails');
    expect(await failedItem.innerText()).toContain('New vote');
    expect(await failedItem.innerText()).toContain('A new vote follows: Strike authorization.');
    expect(await failedItem.innerText()).toContain('Triggered by the published outcome (failed).');
    expect(await passedItem.innerText()).toContain('Note');
    expect(await passedItem.innerText()).toContain('Not triggered by the published outcome.');
    const consoleStart = failedItem.getByRole('link', { name: 'Start the follow-up vote' });
    expect(await consoleStart.getAttribute('href')).toBe(`/admin/votes/${PARENT}/follow-up?question=ratify`);
    expect(await passedItem.getByRole('link').count()).toBe(0);
    await noViolations(page, 'vote console with a triggered follow-up');

    // It is started from the result page.
    await page.goto(`/votes/${PARENT}/result`);
    await page.getByRole('link', { name: 'Start the follow-up vote' }).click();

    // The pre-filled draft form: the template's title and questions; the administrator sets the rest.
    await page.getByRole('heading', { name: 'Start the follow-up vote' }).waitFor();
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Strike authorization');
    const template = page.locator('#follow-up-template');
    expect(await template.innerText()).toContain('Do you authorize the National Board to call a strike');
    expect(await template.innerText()).toContain('at least 75%');
    await noViolations(page, 'follow-up draft form');
    await page.getByLabel('Vote identifier').fill(CHILD);
    await page.getByLabel('Record date').fill(new Date().toISOString().slice(0, 10));
    await page.getByLabel('Opens').fill('2030-01-10T09:00');
    await page.getByLabel('Closes').fill('2030-01-12T17:00');
    for (const i of [1, 2, 3]) await page.getByLabel(`Trustee ${i}: name`).fill(`Trustee ${i}`);
    // The follow-up carries its own official statements, one length limit for both sides.
    await page.getByLabel('Summary of the offer').fill('The employers walked away from the table; this vote asks for strike authorization.');
    await page.getByLabel('Statement for: author').fill('Negotiating Committee');
    await page.getByLabel('Statement for: text').fill('A strike authorization gives the committee leverage.');
    await page.getByLabel('Statement against: author').fill('Members for a Fair Deal');
    await page.getByLabel('Statement against: text').fill('Return to the table first.');
    await page.getByRole('button', { name: 'Save the follow-up draft' }).click();

    // The new draft, linked back to its parent.
    await page.getByRole('heading', { name: 'Strike authorization' }).waitFor();
    const from = page.locator('#follows-from');
    await from.waitFor();
    expect(await from.innerText()).toContain(`Follows from: ${PARENT} — failed`);
    const saved = JSON.parse((await env.engine.store.drafts.getDraft(asVoteId(CHILD)))!.definition) as { information?: { statements?: { author: string; text: string }[] } };
    expect(saved.information?.statements?.map((x) => x.author)).toEqual(['Negotiating Committee', 'Members for a Fair Deal']);
    await noViolations(page, 'follow-up draft page');

    // The result page now points to the started draft instead of offering a second start.
    await page.goto(`/votes/${PARENT}/result`);
    await page.getByRole('link', { name: `Open the draft ${CHILD}` }).waitFor();
    expect(await page.getByRole('link', { name: 'Start the follow-up vote' }).count()).toBe(0);
    expect(await page.locator('#what-follows').innerText()).toContain('A follow-up draft was started by ada');

    // So does the vote console, with the draft's status.
    await page.goto(`/admin/votes/${PARENT}`);
    await failedItem.getByRole('link', { name: `Open the draft ${CHILD}` }).waitFor();
    expect(await consoleFollowUps.getByRole('link', { name: 'Start the follow-up vote' }).count()).toBe(0);
    expect(await failedItem.innerText()).toContain('Status: draft — the trustees’ key ceremony is running.');
    await noViolations(page, 'vote console with a started follow-up draft');

    // Once the trustees' ceremony has produced the vote (played here through the engine, under the
    // draft's id), both votes' public pages show the link.
    const parent = unwrap(await env.engine.context(asVoteId(PARENT))).manifest;
    const strike: VoteDefinition = {
      credentialAuthority: TEST_AUTHORITY.credentialAuthority,
      voteId: CHILD, electionId: generateElectionId(), title: 'Strike authorization', unionId: 'guild', unionName: parent.unionName, recordDate: '2029-12-01',
      schedule: { opensAt: '2030-01-10T09:00:00Z', closesAt: '2030-01-12T17:00:00Z' },
      questions: parent.followUps[0]!.vote!.questions as VoteDefinition['questions'],
      trustees: { threshold: 2, members: [1, 2, 3].map((i) => ({ id: `trustee-${i}`, name: `Trustee ${i}` })) },
    };
    const ceremony = runLocalCeremony(env.engine.group, { context: definitionCeremonyContext(strike), threshold: 2, trusteeCount: 3 }, seededRandom('web-followups-child'));
    unwrap(await env.engine.createVote(strike, ceremony.messages));
    await page.goto(`/votes/${CHILD}`);
    await page.locator('#follows-from').waitFor();
    expect(await page.locator('#follows-from').innerText()).toBe('Follows from: Ratification of the commercials contract — failed');
    await noViolations(page, 'follow-up vote page');
    await page.goto(`/votes/${PARENT}`);
    await page.getByRole('link', { name: 'Strike authorization' }).waitFor();
    expect(await page.locator('.followed-by').innerText()).toBe('Follow-up vote: Strike authorization');

    // The consoles: the follow-up vote names the vote it follows from (linking its console); the
    // parent's links the vote created from the draft.
    await page.goto(`/admin/votes/${CHILD}`);
    const childFrom = page.locator('#console-follow-ups #follows-from');
    await childFrom.waitFor();
    expect(await childFrom.innerText()).toBe('Follows from: Ratification of the commercials contract — failed');
    expect(await childFrom.getByRole('link').getAttribute('href')).toBe(`/admin/votes/${PARENT}`);
    await noViolations(page, 'follow-up vote console');
    await page.goto(`/admin/votes/${PARENT}`);
    await failedItem.getByRole('link', { name: `Open the vote ${CHILD}` }).waitFor();
    expect(await failedItem.getByRole('link', { name: `Open the vote ${CHILD}` }).getAttribute('href')).toBe(`/admin/votes/${CHILD}`);
    expect(await failedItem.innerText()).toContain('Status: vote created from the draft.');

    // Declaring follow-ups while drafting a vote: a note, then a new vote with its 75% rule.
    await page.goto('/admin/drafts/new');
    await page.getByRole('heading', { name: 'New vote' }).waitFor();
    await page.getByRole('button', { name: 'Add a follow-up' }).click();
    const row = page.getByRole('group', { name: 'Follow-up 1' });
    await row.getByLabel('Outcome').selectOption('failed');
    await row.getByLabel('What follows', { exact: true }).selectOption('vote');
    await row.getByLabel('Title of the new vote').fill('Strike authorization');
    const threshold = row.getByRole('group', { name: 'Yes votes needed (fraction)' });
    expect([await threshold.getByLabel('Numerator').inputValue(), await threshold.getByLabel('Denominator').inputValue()]).toEqual(['3', '4']);
    await noViolations(page, 'draft form with a follow-up');

    // A second question for the new vote, with the same fields as the form's own questions; the
    // server's problem with it (no text) is shown at its field, not at the first question's.
    await row.getByRole('button', { name: 'Add a question to follow-up 1' }).click();
    const first = row.getByRole('group', { name: 'Question 1 of the new vote' });
    const second = row.getByRole('group', { name: 'Question 2 of the new vote' });
    await second.waitFor();
    const secondThreshold = second.getByRole('group', { name: 'Yes votes needed (fraction)' });
    expect([await secondThreshold.getByLabel('Numerator').inputValue(), await secondThreshold.getByLabel('Denominator').inputValue()]).toEqual(['3', '4']);
    await first.getByLabel('Question', { exact: true }).fill('Do you authorize a strike?');
    await page.getByLabel('Vote identifier').fill('guild-theatrical-2031');
    await page.getByLabel('Union', { exact: true }).selectOption('guild');
    await page.getByRole('button', { name: 'Check and save the draft' }).click();
    await page.locator('#draft-problems').waitFor();
    expect(await page.locator('.alert[role="alert"]').innerText()).toContain('Fill in “Follow-up 1, Question 2: Question”.');
    expect(await second.getByLabel('Question', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await second.locator('.field-error').count()).toBeGreaterThan(0);
    expect(await first.getByLabel('Question', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    await noViolations(page, 'draft form with a two-question follow-up and its problems');
    await row.getByRole('button', { name: 'Remove question 2 of follow-up 1' }).click();
    expect(await row.getByRole('group', { name: 'Question 2 of the new vote' }).count()).toBe(0);
    expect(await first.getByLabel('Question', { exact: true }).inputValue()).toBe('Do you authorize a strike?');
  }, 180_000);

  it('an observer reads the follow-ups in the vote console, without actions', async () => {
    const page = await env.newPage(PHONE);
    await page.context().clearCookies();
    await staffSignIn(page, 'olga', PASSWORD);
    await page.goto(`/admin/votes/${PARENT}`);
    const section = page.locator('#console-follow-ups');
    await section.getByRole('heading', { name: 'Follow-ups' }).waitFor();
    const failed = section.locator('li[data-outcome="failed"]');
    expect(await failed.innerText()).toContain('Triggered by the published outcome (failed).');
    // The follow-up vote created from it (previous test), linked to its console; no start, no drafts.
    expect(await failed.locator('.followed-by').innerText()).toBe('Follow-up vote: Strike authorization');
    expect(await failed.getByRole('link', { name: 'Strike authorization' }).getAttribute('href')).toBe(`/admin/votes/${CHILD}`);
    expect(await section.getByRole('link', { name: 'Start the follow-up vote' }).count()).toBe(0);
    expect(await section.getByText(/Open the (draft|vote)/).count()).toBe(0);
    await noViolations(page, 'vote console of an observer with follow-ups');
  }, 120_000);
});

// Chromium: the offer a vote ratifies, in the booth and on the public vote page. The demo's
// bargaining timeline is seeded and a guild vote is bound to the producers' final offer by digest;
// members see the offer, the browser's own digest check, and the comparison table with the right
// better/worse marks in words and symbols (not colour alone), and the offer's document as a
// download link (kind, size, SHA-256, which the offer's digest covers) that yields the stored bytes,
// in English and Spanish, axe-clean. Administrators remove a mistaken document and an unbound offer
// after confirming; the bound offer and its document offer no removal and say why.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemRandom, toHex, unwrap } from '@ratify/crypto';
import { createStaffAccount, definitionCeremonyContext, newAuthority, runLocalCeremony, totpCode } from '@ratify/engine';
import { asVoteId, generatePrivateCredential, publicCredential } from '@ratify/protocol';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkDemoOffers } from '../packages/server/src/demo/bargaining.ts';
import { demoVotes } from '../packages/server/src/demo/votes.ts';
import { axeViolations, G1, noViolations, signIn, staffSignIn, startWebEnv, type WebEnv } from './web-harness.ts';

const VOTE = 'guild-strike-authorization-2009';
const PHONE = { width: 390, height: 844 };
/** Screenshots of the phone booth, kept for a person to look at (the assertions are on geometry). */
const SHOTS = mkdtempSync(join(tmpdir(), 'ratify-phone-booth-'));
const shot = (name: string) => join(SHOTS, name);
const KEY = randomBytes(32);
const PASSWORD = 'a long enough staff password';
let env: WebEnv;
let adminSecret: string;

beforeAll(async () => {
  env = await startWebEnv('bargaining', { secretKey: KEY });
  const { engine } = env;
  const admin = unwrap(await createStaffAccount(engine.store, { username: 'ada', password: PASSWORD, role: 'administrator', secretKey: KEY }));
  adminSecret = new URL(admin.totpUri!).searchParams.get('secret')!;
  const definitions = await linkDemoOffers(engine.store, demoVotes(new Date()));
  const authority = newAuthority(engine.group, 'offline');
  const guild = { ...definitions.find((d) => d.voteId === VOTE)!, title: 'Strike authorization after the final offer', credentialAuthority: authority.credentialAuthority };
  const ceremony = runLocalCeremony(engine.group, { context: definitionCeremonyContext(guild), threshold: 2, trusteeCount: 3 }, systemRandom);
  unwrap(await engine.createVote(guild, ceremony.messages));
  const entries = await engine.store.rolls.listRollEntries(asVoteId(VOTE));
  const publics = entries.map(() => toHex(engine.group.encodeElement(publicCredential(engine.group, guild, generatePrivateCredential()))));
  unwrap(await engine.publishCredentials(asVoteId(VOTE), publics, { key: authority.key }));
  unwrap(await engine.openVote(asVoteId(VOTE)));
}, 180_000);
afterAll(async () => {
  await env?.close();
  console.log(`[web] phone booth screenshots (390×844): ${SHOTS}`);
});

/** The mark shown for the offer against one other agreement on one term. */
const mark = (page: Page, term: string, offer: string) => page.locator(`tr[data-term="${term}"] td[data-offer="${offer}"] .verdict-mark`);

async function expectComparison(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'How this offer compares' }).waitFor();
  await page.getByText('Checked: this is exactly the offer signed into this vote').waitFor();
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader', { name: 'Federation 2008 primetime deal (demo)' }).count()).resolves.toBe(1);
  // The final offer is not retroactive; the federation's deal is: worse for members.
  expect(await mark(page, 'retroactive-pay', 'federation-2008-agreement').textContent()).toBe('▼ This offer is worse');
  // Year-2 raise 3.5% against the directors' 3.0%: better.
  expect(await mark(page, 'wage-y2', 'directors-2008-agreement').textContent()).toBe('▲ This offer is better');
  expect(await mark(page, 'wage-y1', 'federation-2008-agreement').textContent()).toBe('= Same');
  // Free streaming window: 17 days against the writers' 24 (lower is better): better.
  expect(await mark(page, 'nm-free-window', 'writers-2008-agreement').textContent()).toBe('▲ This offer is better');
  expect(await mark(page, 'force-majeure', 'federation-2008-agreement').textContent()).toBe('≠ Different');
  expect(await mark(page, 'health-pension', 'directors-2008-agreement').textContent()).toBe('— Not in this agreement');
  expect(await page.getByRole('rowheader', { name: 'Raises retroactive to the expiry date' }).count()).toBe(1);
}

const SUMMARY = 'producers-2008-final-offer-summary';

/**
 * The comparison on a phone: every cell inside the window, nothing scrolled sideways, and each term's
 * values one under another (same left edge, growing top), each under its agreement's name.
 */
async function expectStacked(page: Page): Promise<void> {
  const geometry = await page.locator('table.comparison').evaluate((table) => {
    const scroller = table.parentElement!;
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => {
      const cells = [...tr.querySelectorAll('td')].map((td) => {
        const r = td.getBoundingClientRect();
        const label = td.querySelector('.cell-label');
        return { left: Math.round(r.left), right: r.right, top: r.top, label: label === null ? '' : getComputedStyle(label).display };
      });
      return cells;
    });
    return { scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth, innerWidth: window.innerWidth, columns: table.querySelectorAll('thead th').length, rows };
  });
  expect(geometry.scrollWidth).toBeLessThanOrEqual(geometry.clientWidth);
  expect(geometry.rows.length).toBeGreaterThan(3);
  expect(geometry.columns).toBeGreaterThan(2);
  for (const cells of geometry.rows) {
    expect(cells.length).toBe(geometry.columns - 1);
    for (const c of cells) {
      expect(c.right).toBeLessThanOrEqual(geometry.innerWidth);
      expect(c.label).toBe('block');
    }
    expect(new Set(cells.map((c) => c.left)).size).toBe(1);
    for (let i = 1; i < cells.length; i++) expect(cells[i]!.top).toBeGreaterThan(cells[i - 1]!.top);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
}

/**
 * The final offer's document is listed with its kind, size and SHA-256, and its link downloads
 * exactly the stored bytes (through the public route, whoever follows it).
 */
async function expectDocumentDownload(page: Page, linkName: string): Promise<void> {
  const stored = (await env.engine.store.bargaining.getDocument(SUMMARY))!;
  const item = page.locator(`li[data-document="${SUMMARY}"]`);
  const link = item.getByRole('link', { name: linkName });
  expect(await link.getAttribute('href')).toBe(`/api/votes/${VOTE}/offer/documents/${SUMMARY}`);
  await item.getByText(stored.sha256).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('final-offer-summary.md');
  expect(new Uint8Array(readFileSync((await download.path())!))).toEqual(stored.bytes);
}

describe('offer comparison in Chromium', () => {
  it('shows the offer, its document and its comparison on the public vote page at 360 px, axe-clean, in English and Spanish', async () => {
    const page = await env.newPage({ width: 360, height: 740 });
    await page.goto(`/votes/${VOTE}`);
    await expectComparison(page);
    await page.getByText('43 days of formal negotiations').waitFor();
    await page.getByRole('heading', { name: 'Documents of this offer' }).waitFor();
    // The note says what is true: the documents' SHA-256 are inside the offer the vote signed.
    await page.getByText('Each file’s SHA-256 fingerprint is part of the offer signed into this vote').waitFor();
    const size = (await env.engine.store.bargaining.getDocument(SUMMARY))!.size;
    await page.locator(`li[data-document="${SUMMARY}"]`).getByText(`Markdown text · ${size} bytes`).waitFor();
    // 360 px: the list (a 64-digit fingerprint, a long file name) wraps instead of widening the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    await expectDocumentDownload(page, 'Download final-offer-summary.md');
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { name: 'Cómo se compara esta oferta' }).waitFor();
    expect(await mark(page, 'retroactive-pay', 'federation-2008-agreement').textContent()).toBe('▼ Esta oferta es peor');
    await page.getByRole('heading', { name: 'Documentos de esta oferta' }).waitFor();
    await page.getByText('La huella SHA-256 de cada archivo forma parte de la oferta firmada en esta votación').waitFor();
    await page.locator(`li[data-document="${SUMMARY}"]`).getByText(`Texto Markdown · ${size} bytes`).waitFor();
    await page.getByRole('link', { name: 'Descargar final-offer-summary.md' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
  });

  it('shows the same in the booth before the member votes; the document link downloads the stored bytes, and only the bound offer’s', async () => {
    const page = await env.newPage({ width: 1024, height: 800 });
    await signIn(env, page, G1);
    await page.goto(`/booth/${VOTE}`);
    await expectComparison(page);
    await page.getByText('Each file’s SHA-256 fingerprint is part of the offer signed into this vote').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await expectDocumentDownload(page, 'Download final-offer-summary.md');
    // Only the bound offer's documents: another offer's document is not served on this vote's route.
    const other = await page.evaluate(async (url) => (await fetch(url)).status, `/api/votes/${VOTE}/offer/documents/federation-2008-agreement-highlights`);
    expect(other).toBe(404);
  });

  it('puts the question on the first screen of a phone (390×844) and stacks the comparison term by term, in English and Spanish, axe-clean', async () => {
    const page = await env.newPage(PHONE);
    await signIn(env, page, G1);
    await page.goto(`/booth/${VOTE}`);
    const question = page.locator('fieldset').first();
    await question.waitFor();
    // The question, its rule and both answers are inside the first screen, before any scrolling.
    const firstScreen = async () => {
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      for (const el of [question.locator('legend'), ...(await question.locator('label.choice').all())]) {
        const box = (await el.boundingBox())!;
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    };
    await firstScreen();
    await page.screenshot({ path: shot('booth-first-screen-en.png') });
    // What to read is folded below the question and linked from under the ballot's heading.
    expect(await page.getByRole('link', { name: 'Read about this vote before you choose (below the questions)' }).getAttribute('href')).toBe('#before-you-choose');
    expect(await page.locator('details.fold[open]').count()).toBe(0);
    // A strike authorization: the offer is the one on the table, not what is voted on.
    await page.locator('summary', { hasText: 'The offer on the table: Producers’ final offer' }).click();
    await page.getByRole('heading', { name: 'The offer on the table: Producers’ final offer' }).waitFor();
    await page.getByText('This vote does not accept or reject this offer: it is shown because it is the offer on the table.').waitFor();
    expect(await page.locator('main').innerText()).not.toContain('The offer you are voting on');
    await expectComparison(page);
    await expectStacked(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('table.comparison').screenshot({ path: shot('booth-comparison-en.png') });

    await page.getByRole('button', { name: 'Español' }).click();
    await page.reload();
    await question.waitFor();
    await firstScreen();
    await page.screenshot({ path: shot('booth-first-screen-es.png') });
    await page.locator('summary', { hasText: 'La oferta sobre la mesa:' }).click();
    await page.getByRole('heading', { name: 'La oferta sobre la mesa: Producers’ final offer' }).waitFor();
    await page.getByText('Esta votación no acepta ni rechaza esta oferta').waitFor();
    await page.getByRole('heading', { name: 'Cómo se compara esta oferta' }).waitFor();
    await expectStacked(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
  });

  it('lets an administrator follow the timeline, add a session (the count follows), edit an unbound offer but not the bound one, and read the comparisons, axe-clean', async () => {
    const page = await env.newPage({ width: 1024, height: 800 });
    await page.context().clearCookies();
    await staffSignIn(page, 'ada', PASSWORD, totpCode('ada', adminSecret, new Date()));
    await page.goto('/admin/contracts');
    await page.getByRole('link', { name: 'Guild TV/Theatrical Contract 2005–2008 (demo)' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Guild TV/Theatrical Contract 2005–2008 (demo)' }).click();
    await page.getByText('43 days of formal negotiations').waitFor();
    await page.getByText('Status: Expired → Working without a contract').waitFor();
    await page.getByRole('heading', { name: /Producers’ final offer to the guild/ }).waitFor();
    expect(await mark(page, 'retroactive-pay', 'federation-2008-agreement').first().textContent()).toBe('▼ This offer is worse');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Date', { exact: true }).first().fill('2008-07-07');
    await page.getByRole('button', { name: 'Add a bargaining session' }).click();
    await page.getByText('44 days of formal negotiations').waitFor();
    // An offer no vote binds can be edited; its terms table shows the exact new value.
    const proposal = page.locator('article', { has: page.getByRole('heading', { name: 'Guild opening proposal (demo)' }) });
    await proposal.getByText('Edit Guild opening proposal (demo)').click();
    await proposal.locator('#oe-guild-2008-union-proposal-t0-value').fill('4.25');
    await proposal.getByRole('button', { name: 'Save the offer' }).click();
    await page.locator('article', { has: page.getByRole('heading', { name: 'Guild opening proposal (demo)' }) }).getByRole('cell', { name: '4.25%' }).first().waitFor();
    // The final offer is bound to the vote by its digest: the server refuses to change it.
    const final = page.locator('article', { has: page.getByRole('heading', { name: /Producers’ final offer to the guild/ }) });
    await final.getByText(/^Edit Producers’ final offer/).click();
    await final.getByRole('button', { name: 'Save the offer' }).click();
    await final.getByRole('alert').filter({ hasText: 'offer_in_use' }).or(final.getByRole('alert').filter({ hasText: 'binds this offer' })).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // The final offer's Markdown summary, rendered safely (text nodes only) on the page.
    await page.getByRole('button', { name: 'Read final-offer-summary.md here' }).click();
    await page.locator('.markdown strong', { hasText: 'Not retroactive' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  }, 180_000);

  it('lets an administrator remove a mistaken document and an unbound offer after confirming; the bound offer and its document say why they stay, axe-clean', async () => {
    // A second administrator: each TOTP code signs in once.
    const bea = unwrap(await createStaffAccount(env.engine.store, { username: 'bea', password: PASSWORD, role: 'administrator', secretKey: KEY }));
    const secret = new URL(bea.totpUri!).searchParams.get('secret')!;
    const page = await env.newPage({ width: 1024, height: 800 });
    await page.context().clearCookies();
    await staffSignIn(page, 'bea', PASSWORD, totpCode('bea', secret, new Date()));
    await page.goto('/admin/contracts/guild-tv-theatrical-2005');
    const article = (name: string | RegExp) => page.locator('article', { has: page.getByRole('heading', { name }) });

    // Bound to the vote by its digest: no "Remove", and the page says why.
    const final = article(/Producers’ final offer to the guild/);
    await final.getByText('A vote or draft binds this offer by its digest, so it cannot be removed.').waitFor();
    expect(await final.getByRole('button', { name: /^Remove Producers’ final offer/ }).count()).toBe(0);
    const boundDocument = page.locator(`li[data-document="${SUMMARY}"]`);
    await boundDocument.getByText('which a vote or draft binds by its digest: it cannot be removed').waitFor();
    expect(await boundDocument.getByRole('button', { name: 'Remove final-offer-summary.md' }).count()).toBe(0);

    // A document attached to the (unbound) proposal by mistake goes, after a question naming the offer.
    const id = 'guild-tv-theatrical-2005-mistake-md';
    await page.setInputFiles('#doc-file', { name: 'mistake.md', mimeType: 'text/markdown', buffer: Buffer.from('# Attached by mistake\n') });
    await page.selectOption('#doc-offer', 'guild-2008-union-proposal');
    await page.getByRole('button', { name: 'Attach a document (PDF or Markdown)' }).click();
    const mistake = page.locator(`li[data-document="${id}"]`);
    await mistake.getByRole('button', { name: 'Remove mistake.md' }).click();
    await mistake.getByRole('group', { name: 'Remove the document mistake.md? It is also taken out of “Guild opening proposal (demo)”, whose digest changes.' }).waitFor();
    await noViolations(page, 'confirming the removal of a document');
    await mistake.getByRole('button', { name: 'Yes, remove it' }).click();
    await page.getByRole('status').filter({ hasText: 'Removed mistake.md.' }).waitFor();
    await mistake.waitFor({ state: 'detached' });
    expect(await env.engine.store.bargaining.getDocument(id)).toBeNull();

    // The proposal itself: Cancel keeps it; confirming removes it.
    const proposal = article('Guild opening proposal (demo)');
    await proposal.getByRole('button', { name: 'Remove Guild opening proposal (demo)' }).click();
    await proposal.getByText('Remove “Guild opening proposal (demo)”? No vote or draft binds it').waitFor();
    // The question takes the focus (a screen reader reads it); Cancel gives it back to the button.
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent);
    await expect.poll(focused).toBe('remove-offer-guild-2008-union-proposal-question');
    await proposal.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(focused).toBe('Remove Guild opening proposal (demo)');
    await proposal.getByRole('button', { name: 'Remove Guild opening proposal (demo)' }).click();
    await noViolations(page, 'confirming the removal of an offer');
    await proposal.getByRole('button', { name: 'Yes, remove it' }).click();
    await page.getByRole('status').filter({ hasText: 'Removed Guild opening proposal (demo).' }).waitFor();
    await page.getByRole('heading', { name: 'Guild opening proposal (demo)' }).waitFor({ state: 'detached' });
    expect(await env.engine.store.bargaining.getOffer('guild-2008-union-proposal')).toBeNull();
    await noViolations(page, 'the contract page after the removals');
  }, 180_000);
});

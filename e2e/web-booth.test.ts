// Chromium flows through the booth (packages/web) against the real server: sign in → read → audit
// (checked on the independent audit page) → encrypt again → cast → tracking code on the board;
// revote; a dual member votes in both unions; the credential arrives in the link's fragment. Runs at
// 360×740 (phone). Logs the booth's JS size (gzip) and the in-page encryption time (asserts neither
// number), and checks that a member's pages never fetch the staff pages' chunk.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { asVoteId } from '@ratify/protocol';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUAL, FED_VOTE, G1, G2, GUILD_VOTE, signIn, startWebEnv, type WebEnv } from './web-harness.ts';

const PHONE = { width: 360, height: 740 };
let env: WebEnv;
const encryptMs: number[] = [];
const scripts = new Set<string>();

beforeAll(async () => {
  env = await startWebEnv('booth');
}, 180_000);
afterAll(async () => {
  await env?.close();
});

async function trackingCodeOn(page: Page, section: string): Promise<string> {
  const el = page.locator(`section[aria-labelledby="${section}"] [data-tracking-code]`);
  await el.waitFor();
  return (await el.getAttribute('data-tracking-code'))!;
}

async function encrypt(page: Page, answer: 'Yes' | 'No', credential?: string): Promise<string> {
  await page.getByRole('radio', { name: answer }).check();
  if (credential !== undefined) await page.getByLabel('Your voting credential').fill(credential);
  await page.getByRole('button', { name: 'Encrypt my ballot' }).click();
  await page.getByRole('heading', { name: 'Check and cast your ballot' }).waitFor();
  encryptMs.push(Number(await page.locator('[data-encrypt-ms]').getAttribute('data-encrypt-ms')));
  return trackingCodeOn(page, 'review-heading');
}

async function cast(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Cast my ballot' }).click();
  await page.getByRole('heading', { name: 'Your ballot was cast' }).waitFor();
  return trackingCodeOn(page, 'receipt-heading');
}

async function boardRows(page: Page, voteId: string, prefix: string): Promise<{ code: string; counts: string }[]> {
  await page.goto(`/votes/${voteId}/board?q=${prefix}`);
  await page.locator('#board-head').waitFor();
  await page.getByRole('status').filter({ hasText: /ballot/ }).waitFor();
  return page.locator('table.board tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({ code: r.querySelector('[data-tracking-code]')!.getAttribute('data-tracking-code')!, counts: r.lastElementChild!.textContent! })),
  );
}

const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('booth', () => {
  it('signs in, reads, audits, re-encrypts, casts, and finds the tracking code on the board', async () => {
    const page = await env.newPage(PHONE);
    page.on('response', (r) => void (r.url().endsWith('.js') && scripts.add(new URL(r.url()).pathname)));
    await signIn(env, page, G1);
    await page.getByRole('link', { name: 'Vote: Strike authorization (Screen Actors Guild (sample))' }).click();

    // Read: the question, the official summary, both statements (folded below the question on a
    // phone: opened here), the rule in words.
    await page.getByText('The official summary and the statements for and against').click();
    await page.getByRole('heading', { name: 'About this strike authorization' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('The final offer raises minimum rates by 3.5% a year.');
    expect(text).toContain('For, by Vote Yes Committee');
    expect(text).toContain('Against, by Vote No Committee');
    expect(text).toContain('Strike authorization: do you vote yes?');
    expect(text).toContain('Passes with at least 75% of the yes and no votes cast');
    expect(await fitsWidth(page)).toBe(true);

    // A missing credential is reported, tied to its field.
    await page.getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('button', { name: 'Encrypt my ballot' }).click();
    await page.getByText('Enter your voting credential.').waitFor();
    expect(await page.getByLabel('Your voting credential').getAttribute('aria-invalid')).toBe('true');

    const audited = await encrypt(page, 'Yes', env.credential(GUILD_VOTE, 'G1'));
    expect(await fitsWidth(page)).toBe(true);
    await page.getByRole('button', { name: 'Audit this ballot' }).click();
    await page.getByRole('heading', { name: 'Audit: check the encryption' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('It will never be counted.');

    // The independent check page recomputes the encryption from the fragment and says "match".
    const href = (await page.locator('#audit-link').getAttribute('href'))!;
    expect(href).toMatch(/^\/audit\.html#audit=/);
    const check = await env.newPage(PHONE);
    await check.goto(href);
    const verdict = check.locator('[data-verdict]');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-verdict')).toBe('match');
    expect(await verdict.innerText()).toContain(`${audited.slice(0, 4)}-${audited.slice(4, 8)}`);
    expect(await verdict.innerText()).toContain('Yes');
    // …and "mismatch" when the revealed choice is changed.
    const pkg = JSON.parse(await check.getByLabel('Audit data').inputValue()) as { selections: number[][] };
    pkg.selections = [[0, 1]];
    await check.getByLabel('Audit data').fill(JSON.stringify({ ...JSON.parse(await check.getByLabel('Audit data').inputValue()), selections: pkg.selections }));
    await check.getByRole('button', { name: 'Check' }).click();
    await check.locator('[data-verdict="mismatch"]').waitFor();
    await check.close();

    // Encrypt again (fresh randomness), then cast; the audited ballot never reaches the board.
    await page.getByRole('button', { name: 'Encrypt again to vote' }).click();
    await page.getByRole('heading', { name: 'Check and cast your ballot' }).waitFor();
    encryptMs.push(Number(await page.locator('[data-encrypt-ms]').getAttribute('data-encrypt-ms')));
    const fresh = await trackingCodeOn(page, 'review-heading');
    expect(fresh).not.toBe(audited);
    const receipt = await cast(page);
    expect(receipt).toBe(fresh);
    expect(await page.locator('main').innerText()).toContain('You may vote again until the vote closes; only your last ballot counts.');
    expect(await fitsWidth(page)).toBe(true);

    await page.getByRole('link', { name: 'Find your tracking code on the public board' }).click();
    await page.locator('table.board').waitFor();
    const found = await page.locator('table.board [data-tracking-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-tracking-code')));
    expect(found).toEqual([receipt]);
    expect(await boardRows(page, GUILD_VOTE, audited.slice(0, 16))).toEqual([]);
  });

  it('lets the member vote again; only the last ballot counts', async () => {
    const page = await env.newPage(PHONE);
    await signIn(env, page, G1);
    await page.getByText('You have voted in this ballot.').waitFor();
    await page.getByRole('link', { name: 'Vote again: Strike authorization (Screen Actors Guild (sample))' }).click();
    await page.getByText('You may vote again; only your last ballot counts.').waitFor();
    const second = await encrypt(page, 'No', env.credential(GUILD_VOTE, 'G1'));
    expect(await cast(page)).toBe(second);
    const rows = await boardRows(page, GUILD_VOTE, '');
    expect(rows.at(-1)).toEqual({ code: second, counts: 'Counts' });
    expect(rows.filter((r) => r.counts === 'Replaced by a later ballot')).toHaveLength(1);
  });

  it('gives a dual member one ballot per union and takes a vote in each', async () => {
    const page = await env.newPage(PHONE);
    await signIn(env, page, DUAL);
    const guild = page.getByRole('link', { name: 'Vote: Strike authorization (Screen Actors Guild (sample))' });
    const fed = page.getByRole('link', { name: 'Vote: Primetime contract ratification (Artists Federation (sample))' });
    await guild.waitFor();
    await fed.waitFor();
    await guild.click();
    await encrypt(page, 'Yes', env.credential(GUILD_VOTE, 'G3'));
    const guildCode = await cast(page);
    await page.goto('/booth');
    await fed.click();
    await page.getByText('Passes with more than half of the yes and no votes cast').waitFor();
    await encrypt(page, 'No', env.credential(FED_VOTE, 'F1'));
    const fedCode = await cast(page);
    await page.goto('/booth');
    await page.getByRole('link', { name: /^Vote again: Primetime/ }).waitFor();
    for (const title of ['Strike authorization', 'Primetime contract ratification'])
      expect(await page.locator('li.card', { hasText: title }).innerText()).toContain('You have voted in this ballot.');
    expect(await boardRows(page, GUILD_VOTE, guildCode.slice(0, 16))).toEqual([{ code: guildCode, counts: 'Counts' }]);
    expect(await boardRows(page, FED_VOTE, fedCode.slice(0, 16))).toEqual([{ code: fedCode, counts: 'Counts' }]);
  });

  it('checks the credential against the vote before encrypting: another vote’s is refused next to the button, nothing encrypted', async () => {
    const before = await env.engine.store.ballots.countBallots(asVoteId(GUILD_VOTE));
    const page = await env.newPage(PHONE);
    await signIn(env, page, G2, `/booth/${GUILD_VOTE}`);
    await page.getByRole('radio', { name: 'Yes' }).check();
    // A well-formed credential (checksum right) from the federation's vote.
    await page.getByLabel('Your voting credential').fill(env.credential(FED_VOTE, 'F2'));
    const button = page.getByRole('button', { name: 'Encrypt my ballot' });
    await button.click();
    const error = page.locator('#encrypt-error');
    await error.filter({ hasText: 'This credential is not one of this vote’s' }).waitFor();
    // Next to the action: right under the button, scrolled inside the window, announced; the field says it too.
    await expect.poll(async () => { const box = (await error.boundingBox())!; return box.y >= 0 && box.y + box.height <= PHONE.height + 0.5; }, { timeout: 10_000 }).toBe(true);
    const [b, e] = [(await button.boundingBox())!, (await error.boundingBox())!];
    expect(e.y).toBeGreaterThanOrEqual(b.y + b.height);
    expect(e.y - (b.y + b.height)).toBeLessThan(40);
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await page.locator('#credential-problem').innerText()).toContain('This credential is not one of this vote’s');
    expect(await page.getByLabel('Your voting credential').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[data-encrypt-ms]').count()).toBe(0);
    expect(await env.engine.store.ballots.countBallots(asVoteId(GUILD_VOTE))).toEqual(before);
  });

  it('takes the credential from the emailed link and removes it from the address bar', async () => {
    const page = await env.newPage(PHONE);
    const credential = env.credential(GUILD_VOTE, 'G2');
    await signIn(env, page, G2, `/booth/${GUILD_VOTE}#credential=${credential}`);
    expect(page.url()).not.toContain('credential');
    expect(await page.evaluate(() => history.length >= 1 && !location.href.includes('#'))).toBe(true);
    await page.getByText('Filled in from the link you opened.').waitFor();
    expect(await page.getByLabel('Your voting credential').inputValue()).toBe(credential);
    await encrypt(page, 'Yes');
    await cast(page);
  });

  it('takes a code only in the browser that asked for it (the binding cookie, decision 0019)', async () => {
    const page = await env.newPage(PHONE);
    await page.context().clearCookies();
    await page.goto('/booth');
    await page.getByLabel('Member number').fill(G2.memberNumber);
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await page.getByLabel('One-time code').waitFor();
    expect(await page.getByText('It works only in this browser.').count()).toBe(1);
    const code = await env.lastCode(G2.email);
    const binding = (await page.context().cookies()).find((c) => c.name === 'ratify_browser')!;
    expect(binding).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('ratify_browser');
    // Without that browser's cookie (another browser, or cookies cleared), the right code is refused…
    await page.context().clearCookies();
    await page.getByLabel('One-time code').fill(code);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('That code is not right or has expired.').waitFor();
    // …and costs the code nothing: back in the browser that asked, it signs in.
    await page.context().addCookies([binding]);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByLabel('One-time code').waitFor({ state: 'detached' });
  });

  it('reports the booth JS size (gzip) and the encryption time', () => {
    const files = [...scripts].map((p) => ({ path: p, gzip: gzipSync(readFileSync(join(env.dist, p))).length }));
    const total = files.reduce((n, f) => n + f.gzip, 0);
    console.log(`[web] booth JS (gzip): ${(total / 1024).toFixed(1)} kB total — ${files.map((f) => `${f.path} ${(f.gzip / 1024).toFixed(1)} kB`).join(', ')}`);
    const sorted = [...encryptMs].sort((a, b) => a - b);
    console.log(`[web] yes/no ballot encryption in Chromium (worker, pure-TS ristretto255): ${encryptMs.map((m) => m.toFixed(1)).join(', ')} ms; median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms`);
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => f.path.includes('staff-pages'))).toEqual([]);
  });
});

// Chromium checks of every page of packages/web: axe-core (WCAG 2.2 A/AA + best practices) with zero
// violations on each page and booth screen, in English and Spanish; the language choice persists; a
// keyboard-only vote with a visible focus ring; the results page (outcome in words, chart with a
// labelled threshold line, record download that unzips to the verifier's directory).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, G1, G2, GUILD_VOTE, PAST_VOTE, signIn, startWebEnv, type WebEnv } from './web-harness.ts';

const PHONE = { width: 360, height: 740 };
let env: WebEnv;

beforeAll(async () => {
  env = await startWebEnv('pages');
}, 180_000);
afterAll(async () => {
  await env?.close();
});

async function expectAccessible(page: Page, label: string): Promise<void> {
  expect(await axeViolations(page), label).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.lang), label).toMatch(/^(en|es)$/);
  expect(await page.locator('h1').count(), `${label}: one h1`).toBe(1);
}

describe('accessibility (axe-core, 360×740)', () => {
  it('public pages have no violations', async () => {
    const page = await env.newPage(PHONE);
    for (const [path, ready] of [
      ['/', 'Votes'],
      [`/votes/${GUILD_VOTE}`, 'Trustees'],
      [`/votes/${GUILD_VOTE}/board`, 'Chain head hash:'],
      [`/votes/${PAST_VOTE}/result`, 'How to verify'],
      [`/votes/${GUILD_VOTE}/result`, 'The result is not published yet.'],
      ['/no/such/page', 'Page not found'],
    ] as const) {
      await page.goto(path);
      await page.getByText(ready, { exact: false }).first().waitFor();
      await expectAccessible(page, path);
    }
  });

  it('every booth screen has no violations, in English and Spanish', async () => {
    const page = await env.newPage(PHONE);
    await page.context().clearCookies();
    await page.goto('/booth');
    await page.getByLabel('Member number').waitFor();
    await expectAccessible(page, 'sign-in');
    await signIn(env, page, G2);
    await page.getByRole('link', { name: /^Vote: Strike authorization/ }).waitFor();
    await expectAccessible(page, 'ballot list');
    await page.getByRole('link', { name: /^Vote: Strike authorization/ }).click();
    await page.getByRole('button', { name: 'Encrypt my ballot' }).click();
    await page.getByText('Question 1: choose an answer.').waitFor();
    await expectAccessible(page, 'ballot with problems');
    await page.getByRole('radio', { name: 'No' }).check();
    await page.getByLabel('Your voting credential').fill(env.credential(GUILD_VOTE, 'G2'));
    await page.getByRole('button', { name: 'Encrypt my ballot' }).click();
    await page.getByRole('heading', { name: 'Check and cast your ballot' }).waitFor();
    await expectAccessible(page, 'review');
    await page.getByRole('button', { name: 'Audit this ballot' }).click();
    await page.getByRole('heading', { name: 'Audit: check the encryption' }).waitFor();
    await expectAccessible(page, 'audited');
    const audit = await env.newPage(PHONE);
    await audit.goto((await page.locator('#audit-link').getAttribute('href'))!);
    await audit.locator('[data-verdict="match"]').waitFor();
    await expectAccessible(audit, 'audit page');
    await page.getByRole('button', { name: 'Encrypt again to vote' }).click();
    await page.getByRole('button', { name: 'Cast my ballot' }).click();
    await page.getByRole('heading', { name: 'Your ballot was cast' }).waitFor();
    await expectAccessible(page, 'receipt');

    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { name: 'Su papeleta fue emitida' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await expectAccessible(page, 'receipt (es)');
    await page.getByRole('button', { name: 'Votar de nuevo' }).click();
    // What to read is folded below the question on a phone: opened, then checked too.
    await page.getByText('El resumen oficial y las declaraciones a favor y en contra').click();
    await page.getByRole('heading', { name: 'Sobre esta autorización de huelga' }).waitFor();
    await expectAccessible(page, 'ballot (es)');
    await page.goto(`/votes/${PAST_VOTE}/result`);
    await page.getByText('Cómo verificar').waitFor();
    await expectAccessible(page, 'result (es)');
    expect(audit.url()).not.toContain('#audit=');
    await audit.getByRole('button', { name: 'Español' }).click();
    await audit.getByRole('heading', { name: 'Coincide: el cifrado es correcto' }).waitFor();
    expect(await audit.locator('h1').innerText()).toBe('Comprobar una papeleta auditada');
    await expectAccessible(audit, 'audit page (es)');
    await page.getByRole('button', { name: 'English' }).click();
  }, 180_000);
});

describe('language', () => {
  it('persists the choice across reloads and sets <html lang>', async () => {
    const page = await env.newPage(PHONE);
    await page.goto('/');
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { name: 'Votaciones del sindicato' }).waitFor();
    expect(await page.getByRole('button', { name: 'Español' }).getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await page.getByRole('heading', { name: 'Votaciones del sindicato' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, localStorage.getItem('ratify.lang')])).toEqual(['es', 'es']);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Union votes' }).waitFor();
  });
});

describe('keyboard only', () => {
  /** Presses Tab until the focused element matches, failing after `max` presses. Checks the focus ring. */
  async function tabTo(page: Page, matches: (el: { tag: string; label: string }) => boolean, max = 40): Promise<void> {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const el = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        if (!a) return { tag: '', label: '', outline: 'none' };
        const label = ((a as HTMLInputElement).labels?.[0]?.textContent ?? a.getAttribute('aria-label') ?? a.textContent ?? '').trim();
        return { tag: a.tagName.toLowerCase(), label, outline: getComputedStyle(a).outlineStyle };
      });
      if (el.tag !== 'body') expect(el.outline, `focus ring on ${el.tag} "${el.label}"`).not.toBe('none');
      if (matches(el)) return;
    }
    throw new Error('focus never reached the element');
  }

  it('signs in and casts a ballot with the keyboard alone, with a visible focus ring', async () => {
    const page = await env.newPage(PHONE);
    await page.context().clearCookies();
    await page.goto(`/booth/${GUILD_VOTE}`);
    await page.getByLabel('Member number').waitFor();
    await tabTo(page, (e) => e.label === 'Member number');
    await page.keyboard.type(G1.memberNumber);
    await page.keyboard.press('Enter');
    await page.getByLabel('One-time code').waitFor();
    // The code field takes focus when it appears.
    // The page moves focus right after it renders the screen: wait for it, then assert it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('one-time-code');
    await page.keyboard.type(await env.lastCode(G1.email));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your ballot' }).waitFor();
    await tabTo(page, (e) => e.tag === 'input' && e.label === 'Yes');
    await page.keyboard.press('Space');
    await tabTo(page, (e) => e.label === 'Your voting credential');
    await page.keyboard.type(env.credential(GUILD_VOTE, 'G1'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Check and cast your ballot' }).waitFor();
    // Focus moved to the new screen's heading; the next Tab reaches its controls.
    // The page moves focus right after it renders the screen: wait for it, then assert it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('review-heading');
    await tabTo(page, (e) => e.tag === 'button' && e.label === 'Cast my ballot');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your ballot was cast' }).waitFor();
    // The page moves focus right after it renders the screen: wait for it, then assert it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('receipt-heading');
  });
});

describe('result page', () => {
  it('states the outcome in words, charts the counts with a labelled threshold, and offers the record', async () => {
    const page = await env.newPage(PHONE);
    await page.goto(`/votes/${PAST_VOTE}/result`);
    await page.getByText('How to verify').waitFor();
    expect(await page.locator('[data-outcome]').innerText()).toBe('Passed.');
    expect(await page.locator('#result-turnout').innerText()).toBe('3 of 3 eligible members voted (100%).');
    const chart = page.getByRole('img', { name: 'Chart of the votes on question 1' });
    expect(await chart.locator('text').evaluateAll((els) => els.map((e) => e.textContent))).toEqual(['Yes: 2 (66.7%)', 'No: 1 (33.3%)', 'Needed: at least two thirds']);
    expect(await chart.locator('line[stroke-dasharray]').count()).toBe(1);
    expect(await page.locator('table').first().innerText()).toContain('Yes\t2\t66.7%');
    expect(await page.locator('main').innerText()).toContain('Yes 66.7% (2 of 3 counted); at least two thirds required: met.');
    // The printed commands, run below exactly as printed (RATIFY = this repository).
    const printed = (await page.locator('pre.command').innerText()).split('\n');
    expect(printed).toEqual([`unzip ratify-record-${PAST_VOTE}.zip`, `node RATIFY/packages/cli/bin/ratify.js verify ratify-record-${PAST_VOTE}`]);
    expect(printed.join('\n')).not.toContain('npx');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the election record (.zip)' }).click()]);
    expect(download.suggestedFilename()).toBe(`ratify-record-${PAST_VOTE}.zip`);
    await page.getByText(/The record \(\d+ files\) is downloading\./).waitFor();
    // Follow the page's instructions: unzip, then the independent verifier accepts the directory.
    const dir = mkdtempSync(join(tmpdir(), 'ratify-web-record-'));
    try {
      const zip = join(dir, download.suggestedFilename());
      await download.saveAs(zip);
      const [unzipLine, verifyLine] = printed.map((line) => line.replaceAll('RATIFY', resolve(import.meta.dirname, '..')).split(' '));
      const unzip = spawnSync(unzipLine![0]!, ['-q', ...unzipLine!.slice(1)], { cwd: dir, encoding: 'utf8' });
      expect(unzip.status, unzip.stderr).toBe(0);
      expect(verifyLine![0]).toBe('node');
      const verify = spawnSync(process.execPath, [...verifyLine!.slice(1), '--json'], { cwd: dir, encoding: 'utf8' });
      expect(verify.status, `${verify.stdout}\n${verify.stderr}`).toBe(0);
      expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, voteId: PAST_VOTE });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows live turnout (counts only) on the vote page', async () => {
    const page = await env.newPage(PHONE);
    await page.goto(`/votes/${GUILD_VOTE}`);
    const turnout = page.locator('#turnout-text');
    await turnout.filter({ hasText: 'eligible members have voted' }).waitFor();
    expect(await turnout.innerText()).toMatch(/^\d of 3 eligible members have voted \([\d.]+%\)\.$/);
    expect(await turnout.getAttribute('aria-live')).toBe('polite');
  });
});

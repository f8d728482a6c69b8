// Chromium, decision 0018: a signed-in member cannot cast with another member's credential (the
// booth says so in words and nothing reaches the board); with their own, the booth offers the
// receipt as a download, that receipt verifies against the exported record (`receipts` check), and
// the public board page finds it — and says "not found at its place" for a receipt whose position
// was altered.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { asVoteId, parseReceipt, toWireReceipt } from '@ratify/protocol';
import { unwrap } from '@ratify/crypto';
import { verifyRecord } from '@ratify/verifier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { G1, G2, GUILD_VOTE, signIn, startWebEnv, type WebEnv } from './web-harness.ts';

let env: WebEnv;
beforeAll(async () => {
  env = await startWebEnv('receipts');
}, 180_000);
afterAll(async () => {
  await env?.close();
});

async function encryptAndCast(page: Page, credential: string): Promise<void> {
  await page.getByRole('radio', { name: 'Yes' }).check();
  await page.getByLabel('Your voting credential').fill(credential);
  await page.getByRole('button', { name: 'Encrypt my ballot' }).click();
  await page.getByRole('heading', { name: 'Check and cast your ballot' }).waitFor();
  await page.getByRole('button', { name: 'Cast my ballot' }).click();
}

describe('receipts and own credentials in the browser', () => {
  it("refuses another member's credential, then casts with the member's own and the downloaded receipt verifies", { timeout: 180_000 }, async () => {
    const page = await env.newPage();
    await signIn(env, page, G2, `/booth/${GUILD_VOTE}`);
    const before = unwrap(await env.engine.exportRecord(asVoteId(GUILD_VOTE))).get('ballots.jsonl');

    await encryptAndCast(page, env.credential(GUILD_VOTE, G1.memberNumber));
    await page.getByText('This credential was not issued to you.').waitFor();
    expect(unwrap(await env.engine.exportRecord(asVoteId(GUILD_VOTE))).get('ballots.jsonl')).toBe(before);

    await page.goto(`/booth/${GUILD_VOTE}`);
    await encryptAndCast(page, env.credential(GUILD_VOTE, G2.memberNumber));
    await page.getByRole('heading', { name: 'Your ballot was cast' }).waitFor();
    await page.getByText(/^Position on the board: \d+$/).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download your receipt' }).click()]);
    const receipt = unwrap(parseReceipt(JSON.parse(await readFile((await download.path())!, 'utf8'))));
    expect(download.suggestedFilename()).toBe(`receipt-${GUILD_VOTE}-${receipt.trackingCode.slice(0, 16)}.json`);

    // The receipt verifies against the exported record.
    const files = Object.fromEntries(unwrap(await env.engine.exportRecord(asVoteId(GUILD_VOTE))));
    const report = await verifyRecord(files, { workers: 0, receipts: [{ receipt, file: 'download', index: 1 }] });
    expect(report.checks.find((c) => c.name === 'receipts')).toMatchObject({ status: 'passed' });
    expect(report.receipts).toEqual({ checked: 1, found: 1 });

    // The public board page checks it in the browser, in words.
    await page.goto(`/votes/${GUILD_VOTE}/board`);
    await page.getByLabel('Receipt', { exact: true }).fill(toWireReceipt(receipt));
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.locator('#receipt-outcomes li[data-found="yes"]').waitFor();
    expect(await page.locator('#receipt-outcomes').innerText()).toMatch(/^Found: your ballot [0-9a-f-]+ is on the board at position \d+/);

    const moved = toWireReceipt({ ...receipt, boardSeq: receipt.boardSeq + 1 });
    await page.getByLabel('Receipt', { exact: true }).fill(moved);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.locator('#receipt-outcomes li[data-found="no"]').waitFor();
    expect(await page.locator('#receipt-outcomes').innerText()).toContain('Not found at its place');
  });
});

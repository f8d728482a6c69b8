// The whole demo flow in Chromium with the store on PostgreSQL: the server as main.ts would run it
// with DATABASE_URL=postgres://… pointing at a fresh database on the run's throw-away cluster
// (scripts/vitest-postgres.mjs). Two members sign in with a mailed one-time code and cast in the
// booth; an administrator signs in (password + TOTP) and closes the vote from the console, which
// computes the encrypted tally; two of three trustees send their parts through the admin API (made
// with their key shares, as the trustee's own tools would) and the result is published; the result
// page states the outcome; the record downloaded from it verifies with `ratify verify`. Every row
// lives in PostgreSQL (checked there directly). The SQLite twin of the staff flow, trustees decrypting
// in their browsers, is e2e/web-admin-console.test.ts.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unwrap } from '@ratify/crypto';
import { createStaffAccount, totpCode } from '@ratify/engine';
import { createClient } from '@ratify/server/client';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dropTestDatabase } from '../packages/storage/test/postgres-harness.ts';
import { G1, G2, GUILD_VOTE, signIn, staffSignIn, startWebEnv, type WebEnv } from './web-harness.ts';

const PHONE = { width: 360, height: 740 };
const KEY = randomBytes(32);
const PASSWORD = 'a long enough staff password';
let env: WebEnv;
let databaseUrl = '';

async function count(sql: string, params: unknown[]): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(sql, params)).rows[0]!.n);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  databaseUrl = await createTestDatabase('web_e2e');
  env = await startWebEnv('postgres', { databaseUrl, secretKey: KEY });
}, 180_000);
afterAll(async () => {
  await env?.close();
  if (databaseUrl !== '') await dropTestDatabase(databaseUrl);
});

describe('the demo flow on PostgreSQL (DATABASE_URL=postgres://…)', () => {
  it('signs in, casts, closes, tallies, publishes, shows the result, exports a record that verifies', async () => {
    expect(env.databaseUrl).toMatch(/^postgres:\/\/.*127\.0\.0\.1/);

    // 1. Two members sign in with the mailed code and cast in the booth.
    for (const [member, answer] of [[G1, 'Yes'], [G2, 'Yes']] as const) {
      const page = await env.newPage(PHONE);
      await signIn(env, page, member);
      await page.getByRole('link', { name: /Strike authorization/ }).click();
      await page.getByRole('radio', { name: answer }).check();
      await page.getByLabel('Your voting credential').fill(env.credential(GUILD_VOTE, member.memberNumber));
      await page.getByRole('button', { name: 'Encrypt my ballot' }).click();
      await page.getByRole('button', { name: 'Cast my ballot' }).click();
      await page.getByRole('heading', { name: 'Your ballot was cast' }).waitFor();
      await page.close();
    }
    expect(await count('select count(*) as n from ballots where vote_id = $1', [GUILD_VOTE])).toBe(2);

    // 2. An administrator closes the vote from the console (the encrypted tally is computed).
    const ada = await env.newPage(PHONE);
    await staffSignIn(ada, 'ada', PASSWORD, totpCode('ada', await administrator('ada'), new Date()));
    await ada.goto(`/admin/votes/${GUILD_VOTE}`);
    await ada.getByText('2 of 3 eligible members have voted (66.7%).').waitFor();
    await ada.getByRole('button', { name: 'Close the vote now' }).click();
    await ada.getByRole('button', { name: 'Yes, go ahead' }).click();
    await ada.getByRole('status').filter({ hasText: 'The vote is closed; 2 ballots will be counted.' }).waitFor();

    // 3. Two of three trustees' parts go in through the admin API; the result is published.
    const api = createClient({ baseUrl: env.baseUrl });
    expect((await api.staff.login('bea', PASSWORD, totpCode('bea', await administrator('bea'), new Date()))).ok).toBe(true);
    for (const trustee of [0, 2]) {
      expect(await api.admin.submitPartialDecryption(GUILD_VOTE, await env.partialDecryption(GUILD_VOTE, trustee))).toMatchObject({ ok: true, status: 201 });
    }
    expect(await api.admin.publishResult(GUILD_VOTE)).toMatchObject({ ok: true, status: 201 });

    // 4. The result page states the outcome; the record it offers verifies.
    const page = await env.newPage(PHONE);
    await page.goto(`/votes/${GUILD_VOTE}/result`);
    await page.getByText('How to verify').waitFor();
    expect(await page.locator('[data-outcome]').innerText()).toBe('Passed.');
    expect(await page.locator('#result-turnout').innerText()).toBe('2 of 3 eligible members voted (66.7%).');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the election record (.zip)' }).click()]);
    const dir = mkdtempSync(join(tmpdir(), 'ratify-pg-record-'));
    try {
      const zip = join(dir, download.suggestedFilename());
      await download.saveAs(zip);
      const unzip = spawnSync('unzip', ['-q', zip, '-d', dir], { encoding: 'utf8' });
      expect(unzip.status, unzip.stderr).toBe(0);
      const cli = resolve(import.meta.dirname, '../packages/cli/bin/ratify.js');
      const verify = spawnSync(process.execPath, [cli, 'verify', join(dir, `ratify-record-${GUILD_VOTE}`), '--json'], { encoding: 'utf8' });
      expect(verify.status, `${verify.stdout}\n${verify.stderr}`).toBe(0);
      expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, voteId: GUILD_VOTE });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // 5. It all happened in PostgreSQL: the board, the close in the audit log.
    expect(await count("select count(*) as n from board_events where vote_id = $1 and kind = 'result_published'", [GUILD_VOTE])).toBe(1);
    expect(await count("select count(*) as n from audit_log where action = 'adminClose'", [])).toBe(1);
  }, 240_000);
});

/** Creates an administrator account (in PostgreSQL, through the engine); returns its TOTP secret. */
async function administrator(username: string): Promise<string> {
  const created = unwrap(await createStaffAccount(env.engine.store, { username, password: PASSWORD, role: 'administrator', secretKey: KEY }));
  return new URL(created.totpUri!).searchParams.get('secret')!;
}

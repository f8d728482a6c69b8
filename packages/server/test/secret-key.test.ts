// A server started without RATIFY_SECRET_KEY: each route that needs the key checks the request
// first (a wrong id or state is said as such) and then answers 503 secret_key_missing with a
// message naming what it could not do; an administrator with the right password and TOTP is told
// the server lacks the key (not invalid_credentials), and a wrong password still gets
// invalid_credentials. The start-up warning lists everything the missing key disables.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { appConfig, readConfig } from '../src/index.ts';
import { WITHOUT_SECRET_KEY, startupWarnings } from '../src/startup-warnings.ts';
import { ADMIN_TOKEN, GUILD, type TestServer, seedScenario, startServer } from './fixtures.ts';
import { STAFF_PASSWORD, addStaff, freshTotp } from './staff-fixtures.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('routes that need RATIFY_SECRET_KEY, on a server without it', () => {
  it('check ids and states first, then say what needs the key', async () => {
    const s = (server = await startServer({ secretKey: null }));
    await seedScenario(s);
    const admin = s.client({ adminToken: ADMIN_TOKEN }).admin;
    expect(await admin.sendReminders('no-such-vote')).toMatchObject({ status: 404, error: { code: 'vote_not_found' } });
    expect(await admin.issueCredentials(GUILD.voteId)).toMatchObject({ status: 409, error: { code: 'vote_not_draft' } });
    expect(await admin.announceResult(GUILD.voteId)).toMatchObject({ ok: false, error: { code: 'result_not_published' } });
    expect(await admin.replaceCredential(GUILD.voteId, { memberNumber: 'NOBODY', reason: 'lost', credentialHandle: '0'.repeat(64) })).toMatchObject({
      status: 404,
      error: { code: 'member_not_on_roll' },
    });
    expect(await admin.sendReminders(GUILD.voteId)).toEqual({
      ok: false,
      status: 503,
      error: { code: 'secret_key_missing', message: 'Emailing reminders needs RATIFY_SECRET_KEY, which the server was started without; set it and restart.' },
    });
    const replaced = await admin.replaceCredential(GUILD.voteId, { memberNumber: 'G1', reason: 'lost', credentialHandle: '0'.repeat(64) });
    expect(replaced).toMatchObject({ status: 503, error: { code: 'secret_key_missing', message: expect.stringMatching(/^Emailing a replacement credential needs RATIFY_SECRET_KEY/) } });
  });
});

describe('administrator sign-in without the key', () => {
  it('tells an administrator with the right password and TOTP that the server lacks the key', async () => {
    const key = randomBytes(32);
    const s = (server = await startServer({ secretKey: null }));
    const alice = await addStaff(s, 'alice', 'administrator', key);
    const right = await s.client().staff.login('alice', STAFF_PASSWORD, freshTotp(s, alice));
    expect(right).toMatchObject({ ok: false, status: 503, error: { code: 'secret_key_missing', message: expect.stringContaining('RATIFY_SECRET_KEY') } });
    const wrong = await s.client().staff.login('alice', 'not the password at all', freshTotp(s, alice));
    expect(wrong).toMatchObject({ ok: false, status: 401, error: { code: 'invalid_credentials' } });
  });

  it('tells them the key is another one than sealed their authenticator secret', async () => {
    const s = (server = await startServer({ secretKey: randomBytes(32) }));
    const alice = await addStaff(s, 'alice', 'administrator', randomBytes(32));
    expect(await s.client().staff.login('alice', STAFF_PASSWORD, freshTotp(s, alice))).toMatchObject({ ok: false, status: 503, error: { code: 'secret_key_mismatch' } });
  });
});

describe('the start-up warning', () => {
  it('says everything a missing RATIFY_SECRET_KEY disables, and that member sign-in still works', () => {
    const config = readConfig({ RATIFY_PEPPER: 'a'.repeat(64) });
    const warning = startupWarnings(config, true).find((w) => w.startsWith('RATIFY_SECRET_KEY is not set'));
    expect(warning).toBeDefined();
    for (const part of WITHOUT_SECRET_KEY) expect(warning).toContain(part);
    expect(warning).toContain('administrators');
    expect(warning).toContain('Member sign-in still works');
    expect(startupWarnings({ ...config, ...appConfig({ secretKey: randomBytes(32) }) }, true).some((w) => w.includes('RATIFY_SECRET_KEY'))).toBe(false);
  });
});

// Start-up configuration: outside the demo, the public demo admin token and the development mail log
// (every sign-in code readable at /api/dev/mail) are refused unless RATIFY_ALLOW_INSECURE=1 forces
// them (then a warning says what is exposed); RATIFY_TRUST_PROXY is a hop count or addresses.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ALLOW_INSECURE_ENV, DEMO_ADMIN_TOKEN, readConfig } from '../src/index.ts';
import { startupWarnings } from '../src/startup-warnings.ts';

const base = { RATIFY_PEPPER: 'b'.repeat(64) };

describe('readConfig refuses what publishes secrets outside the demo', () => {
  it('the demo admin token', () => {
    expect(() => readConfig({ ...base, RATIFY_ADMIN_TOKEN: DEMO_ADMIN_TOKEN })).toThrow(/demo's public token.*RATIFY_ALLOW_INSECURE=1/);
    expect(readConfig({ ...base, RATIFY_ADMIN_TOKEN: DEMO_ADMIN_TOKEN, RATIFY_DEMO: '1' }).adminToken).toBe(DEMO_ADMIN_TOKEN);
    const forced = readConfig({ ...base, RATIFY_ADMIN_TOKEN: DEMO_ADMIN_TOKEN, [ALLOW_INSECURE_ENV]: '1' });
    expect(forced.adminToken).toBe(DEMO_ADMIN_TOKEN);
    expect(startupWarnings(forced, true).some((w) => w.includes('public demo admin token is accepted'))).toBe(true);
  });

  it('the development mail log', () => {
    expect(() => readConfig({ ...base, RATIFY_DEV_MAIL: '1' })).toThrow(/GET \/api\/dev\/mail.*RATIFY_ALLOW_INSECURE=1/);
    expect(readConfig({ ...base, RATIFY_DEV_MAIL: '1', RATIFY_DEMO: '1' }).devMail).toBe(true);
    const forced = readConfig({ ...base, RATIFY_DEV_MAIL: '1', [ALLOW_INSECURE_ENV]: '1' });
    expect(forced.devMail).toBe(true);
    expect(startupWarnings(forced, false).some((w) => w.includes('every sign-in code is readable'))).toBe(true);
  });

  it('a proxy setting that would trust client-written addresses', () => {
    expect(() => readConfig({ ...base, RATIFY_TRUST_PROXY: 'true' })).toThrow(/hop count/);
    expect(readConfig({ ...base, RATIFY_TRUST_PROXY: '1' }).trustProxy).toEqual({ kind: 'hops', hops: 1 });
    const exposed = readConfig({ ...base, RATIFY_TRUST_PROXY: '1', HOST: '0.0.0.0' });
    expect(startupWarnings(exposed, true).some((w) => w.includes('a client connecting directly can write X-Forwarded-For'))).toBe(true);
  });
});

describe('the server process', () => {
  const MAIN = resolve(import.meta.dirname, '../src/main.ts');
  const start = (env: Record<string, string>) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', MAIN], { env: { PATH: process.env['PATH'] ?? '', PORT: '0', DATABASE_URL: 'sqlite::memory:', ...env }, timeout: 60_000 }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );

  it('refuses to start with the demo token or the development mail log outside the demo, saying what forces it', async () => {
    const token = await start({ RATIFY_ADMIN_TOKEN: DEMO_ADMIN_TOKEN });
    expect(token.code).toBe(1);
    expect(token.stderr).toMatch(/^ratify server: not starting: RATIFY_ADMIN_TOKEN is the demo's public token.*RATIFY_ALLOW_INSECURE=1/);
    const mail = await start({ RATIFY_DEV_MAIL: '1' });
    expect(mail.code).toBe(1);
    expect(mail.stderr).toContain('RATIFY_ALLOW_INSECURE=1');
  }, 120_000);

  it('refuses a DATABASE_URL this build cannot serve, without repeating its password', async () => {
    const r = await start({ DATABASE_URL: 'mysql://root:hunter2@localhost/ratify' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('DATABASE_URL');
    expect(r.stderr).not.toContain('hunter2');
  }, 120_000);
});

// Logs are structured (pino JSON lines) and never hold a one-time code, a session token, the admin
// token, a credential or a ballot (nothing that links a member to a ballot's contents). An
// unexpected throw is logged and answered with a bare 500.
import { afterEach, describe, expect, it } from 'vitest';
import type { SqlStore } from '@ratify/storage';
import { ADMIN_TOKEN, GUILD, type TestServer, makeBallot, makePartialDecryption, nextCode, seedScenario, startServer } from './fixtures.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('log redaction', () => {
  it('keeps secrets and ballots out of a whole flow\'s log output', async () => {
    const s = (server = await startServer());
    const { guild } = await seedScenario(s);
    const c = s.client();
    await c.requestCode('G1');
    const code = await nextCode(s, 'g1@example.org');
    await c.verifyCode('G1', code === '000000' ? '000001' : '000000');
    const signedIn = await c.verifyCode('G1', code);
    expect(signedIn.ok).toBe(true);
    const token = c.cookies().get('ratify_session')!;
    const ballot = await makeBallot(s.engine, GUILD.voteId, guild.credentials.get('G1')!, true, s.rng);
    const cast = await c.castBallot(GUILD.voteId, ballot);
    if (!cast.ok) throw new Error(cast.error.code);
    await c.castBallot(GUILD.voteId, ballot.replace('{', '{ '));
    await c.me();
    const admin = s.client({ adminToken: ADMIN_TOKEN });
    await admin.admin.close(GUILD.voteId);
    await admin.admin.submitPartialDecryption(GUILD.voteId, await makePartialDecryption(s.engine, guild, 0, s.rng));
    await c.logout();

    const output = s.logs.join('');
    const lines = s.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.some((l) => l['msg'] === 'incoming request')).toBe(true);
    const credential = (JSON.parse(ballot) as { credential: string }).credential;
    for (const secret of [code, token, c.cookies().get('ratify_browser')!, ADMIN_TOKEN, credential, cast.value.trackingCode, ballot.slice(0, 40), 'g1@example.org']) {
      expect(output).not.toContain(secret);
    }
    expect(output).not.toMatch(/cookie|authorization/i);
  });
});

describe('unexpected errors', () => {
  it('logs the throw and answers 500 internal_error with no detail', async () => {
    const failing = (store: SqlStore): SqlStore =>
      new Proxy(store, {
        get(target, prop) {
          const value: unknown = Reflect.get(target, prop, target);
          if (prop === 'votes') return { ...store.votes, listVotes: async () => Promise.reject(new Error('database exploded: secret detail')) };
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
    const s = (server = await startServer({}, failing));
    const r = await s.client().listVotes();
    expect(r).toEqual({ ok: false, status: 500, error: { code: 'internal_error', message: 'Something went wrong on the server.' } });
    const errors = s.logs.map((l) => JSON.parse(l) as { level: number; msg: string; err?: { message: string } }).filter((l) => l.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ msg: 'unhandled error', err: { message: 'database exploded: secret detail' } });
    // The server keeps serving.
    expect((await s.client().health()).ok).toBe(true);
  });
});

// The demo's figures agree (decision 0018): its sample ballots go through the signed-in member's
// path (own credential only), so for every vote the staff dashboard's "voted", its voter list, the
// public turnout and the board's counted ballots are one number; and a sample member's session is
// refused every other member's credential from the delivery file.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asVoteId } from '@ratify/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.ts';
import { ADMIN_TOKEN, type TestServer, makeBallot, signIn, startServer } from './fixtures.ts';
import { parsePrivateCredential } from '@ratify/protocol';
import { unwrap } from '@ratify/crypto';

let server: TestServer;
let dir: string;
beforeEach(async () => {
  server = await startServer();
  dir = mkdtempSync(join(tmpdir(), 'ratify-demo-turnout-'));
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('demo turnout', () => {
  it('every figure counts the same ballots, and a session cannot vote the delivery file', async () => {
    const seeded = await seedDemo(server.engine, dir, server.clock.now(), { guild: 40, federation: 30, both: 10 }, 0.25);
    const admin = server.client({ adminToken: ADMIN_TOKEN });
    for (const voteId of seeded.votes) {
      const vote = await server.store.votes.getVote(asVoteId(voteId));
      if (vote?.status !== 'open') continue;
      const counts = await server.store.ballots.countBallots(asVoteId(voteId));
      expect(counts.counted).toBeGreaterThan(0);
      const dash = await admin.call('turnoutDashboard', { params: { id: voteId } });
      expect(dash).toMatchObject({ ok: true, value: { voted: counts.counted, ballotsCounted: counts.counted } });
      const voters = await admin.call('listVoters', { params: { id: voteId } });
      expect(voters.ok && voters.value.voters).toHaveLength(counts.counted);
      expect(await server.client().turnout(voteId)).toMatchObject({ ok: true, value: { ballotsCounted: counts.counted } });
    }
    // The finding: one session, the whole delivery file. Only the member's own credential works.
    const sample = seeded.samples[0]!;
    const rows = readFileSync(join(dir, `credentials-${sample.voteId}.csv`), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const me = rows.find((r) => r[0] === sample.memberNumber)!;
    const c = server.client();
    await signIn(server, c, sample.memberNumber, me[2]!);
    for (const row of rows.filter((r) => r[0] !== sample.memberNumber).slice(0, 10)) {
      const ballot = await makeBallot(server.engine, sample.voteId, unwrap(parsePrivateCredential(row[3]!)), true, server.rng);
      expect(await c.castBallot(sample.voteId, ballot)).toMatchObject({ ok: false, error: { code: 'credential_not_yours' } });
    }
    expect(await c.castBallot(sample.voteId, await makeBallot(server.engine, sample.voteId, unwrap(parsePrivateCredential(sample.credential)), true, server.rng))).toMatchObject({ ok: true });
  });
});

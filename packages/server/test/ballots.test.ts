// Casting through the typed client: a member on the roll casts, the tracking code appears on the
// board and /api/me shows "voted"; a dual member has one vote per union; every kind of bad ballot
// is a 4xx that changes nothing; roles and closed votes are refused.
import { toCanonical, type CanonicalValue } from '@ratify/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, DUAL_EMAIL, FED, GUILD, type SeededVote, type TestServer, makeBallot, seedScenario, signIn, startServer } from './fixtures.ts';

let server: TestServer;
let guild: SeededVote;
let fed: SeededVote;
beforeEach(async () => {
  server = await startServer();
  ({ guild, fed } = await seedScenario(server));
});
afterEach(() => server.close());

const ballotCount = async () => (await server.store.ballots.countBallots(GUILD.voteId)).accepted;

describe('POST /api/votes/:id/ballots', () => {
  it('accepts a ballot from a member on the roll and shows its tracking code on the board', async () => {
    const c = server.client();
    await signIn(server, c, 'G1', 'g1@example.org');
    const before = await c.me();
    expect(before.ok && before.value.votes).toEqual([expect.objectContaining({ voteId: GUILD.voteId, memberNumber: 'G1', hasVoted: false })]);
    const text = await makeBallot(server.engine, GUILD.voteId, guild.credentials.get('G1')!, true, server.rng);
    const cast = await c.castBallot(GUILD.voteId, text);
    if (!cast.ok) throw new Error(cast.error.code);
    expect(cast.status).toBe(201);
    const board = await c.board(GUILD.voteId, { q: cast.value.trackingCode.slice(0, 6) });
    expect(board.ok && board.value.ballots.map((b) => b.trackingCode)).toEqual([cast.value.trackingCode]);
    expect(board.ok && board.value.head?.hash).toBe(cast.value.boardHead);
    const after = await c.me();
    expect(after.ok && after.value.votes[0]!.hasVoted).toBe(true);
    // Revoting (last counts) is allowed; the first ballot stays on the board, no longer counted.
    const again = await c.castBallot(GUILD.voteId, await makeBallot(server.engine, GUILD.voteId, guild.credentials.get('G1')!, false, server.rng));
    expect(again.ok).toBe(true);
    expect(await c.turnout(GUILD.voteId)).toMatchObject({ value: { ballotsCounted: 1 } });
  });

  it('shows a dual member one vote per union and lets them cast in each', async () => {
    const c = server.client();
    await signIn(server, c, 'G3', DUAL_EMAIL);
    const me = await c.me();
    if (!me.ok) throw new Error(me.error.code);
    expect(me.value.votes.map((v) => [v.voteId, v.unionId, v.memberNumber]).sort()).toEqual([
      [FED.voteId, FED.unionId, 'F1'],
      [GUILD.voteId, GUILD.unionId, 'G3'],
    ]);
    expect((await c.castBallot(FED.voteId, await makeBallot(server.engine, FED.voteId, fed.credentials.get('F1')!, true, server.rng))).ok).toBe(true);
    expect((await c.castBallot(GUILD.voteId, await makeBallot(server.engine, GUILD.voteId, guild.credentials.get('G3')!, true, server.rng))).ok).toBe(true);
    const after = await c.me();
    expect(after.ok && after.value.votes.every((v) => v.hasVoted)).toBe(true);
  });

  it('refuses without a session, in another union\'s vote, and for a member not on the roll', async () => {
    const text = await makeBallot(server.engine, GUILD.voteId, guild.credentials.get('G1')!, true, server.rng);
    expect(await server.client().castBallot(GUILD.voteId, text)).toMatchObject({ status: 401, error: { code: 'not_signed_in' } });
    const fedMember = server.client();
    await signIn(server, fedMember, 'F2', 'f2@example.org');
    expect(await fedMember.castBallot(GUILD.voteId, text)).toMatchObject({ status: 403, error: { code: 'not_eligible' } });
    const lapsed = server.client();
    await signIn(server, lapsed, 'G4', 'g4@example.org');
    expect(await lapsed.castBallot(GUILD.voteId, text)).toMatchObject({ status: 403, error: { code: 'not_eligible' } });
    expect(await lapsed.me()).toMatchObject({ ok: true, value: { votes: [] } });
    expect(await fedMember.castBallot('no-such-vote', text)).toMatchObject({ status: 404, error: { code: 'vote_not_found' } });
    expect(await ballotCount()).toBe(0);
  });

  it('answers bad ballots with a 4xx reason code and changes nothing', async () => {
    const c = server.client();
    await signIn(server, c, 'G1', 'g1@example.org');
    const text = await makeBallot(server.engine, GUILD.voteId, guild.credentials.get('G1')!, true, server.rng);
    const wire = JSON.parse(text) as { answers: { choices: { proof: { challenge: string }[] }[] }[] };
    wire.answers[0]!.choices[0]!.proof[0]!.challenge = '01'.padEnd(64, '0');
    const tampered = toCanonical(wire as unknown as CanonicalValue);
    const otherVote = await makeBallot(server.engine, FED.voteId, fed.credentials.get('F2')!, true, server.rng);
    const stranger = await makeBallot(server.engine, GUILD.voteId, fed.credentials.get('F3')!, true, server.rng);
    const cases: [string, string, number, string][] = [
      ['malformed JSON', '{"version":', 400, 'invalid_json'],
      ['empty body', '', 400, 'invalid_json'],
      ['non-canonical (whitespace)', JSON.stringify(JSON.parse(text), null, 1), 400, 'non_canonical'],
      ['wrong shape', '{"hello":"world"}', 400, 'schema_mismatch'],
      ['invalid proof', tampered, 400, 'invalid_choice_proof'],
      ["another vote's ballot", otherVote, 400, 'wrong_vote'],
      ['a credential not of this vote', stranger, 403, 'unknown_credential'],
    ];
    for (const [what, body, status, code] of cases) {
      const r = await c.castBallot(GUILD.voteId, body);
      expect({ what, status: r.status, code: r.ok ? null : r.error.code }).toEqual({ what, status, code });
    }
    const tooLarge = await c.castBallot(GUILD.voteId, `{"x":"${'a'.repeat(300 * 1024)}"}`);
    expect(tooLarge).toMatchObject({ status: 413, error: { code: 'too_large' } });
    expect(await ballotCount()).toBe(0);
    expect((await c.me()).ok && (await server.store.rolls.hasParticipated(GUILD.voteId, 'G1'))).toBe(false);
    expect((await c.castBallot(GUILD.voteId, text)).ok).toBe(true);
    expect(await c.castBallot(GUILD.voteId, text)).toMatchObject({ status: 409, error: { code: 'duplicate_ballot' } });
  });

  it('refuses ballots once the vote is closed', async () => {
    const c = server.client();
    await signIn(server, c, 'G1', 'g1@example.org');
    expect((await server.client({ adminToken: ADMIN_TOKEN }).admin.close(GUILD.voteId)).ok).toBe(true);
    const text = await makeBallot(server.engine, GUILD.voteId, guild.credentials.get('G1')!, true, server.rng);
    expect(await c.castBallot(GUILD.voteId, text)).toMatchObject({ status: 409, error: { code: 'vote_closed' } });
    const me = await c.me();
    expect(me.ok && me.value.votes[0]).toMatchObject({ status: 'closed', hasVoted: false });
  });
});

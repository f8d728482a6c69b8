// The operational admin routes: token required (constant-time compare), open → close → partial
// decryptions → result, and the public result and record that follow.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, GUILD, type SeededVote, type TestServer, makeBallot, makePartialDecryption, seedScenario, seedVote, signIn, startServer } from './fixtures.ts';

let server: TestServer;
let guild: SeededVote;
beforeEach(async () => {
  server = await startServer();
  ({ guild } = await seedScenario(server));
});
afterEach(() => server.close());

describe('admin token', () => {
  it('is required, must match, and admin routes are off without one configured', async () => {
    expect(await server.client().admin.close(GUILD.voteId)).toMatchObject({ status: 401, error: { code: 'admin_token_required' } });
    expect(await server.client({ adminToken: `${ADMIN_TOKEN}x` }).admin.close(GUILD.voteId)).toMatchObject({ status: 403, error: { code: 'admin_token_invalid' } });
    expect(await server.client().call('adminClose', { params: { id: GUILD.voteId }, headers: { authorization: ADMIN_TOKEN } })).toMatchObject({ status: 403 });
    // A member session is not an admin token.
    const member = server.client();
    await signIn(server, member, 'G1', 'g1@example.org');
    expect(await member.admin.publishResult(GUILD.voteId)).toMatchObject({ status: 401 });
    expect((await server.engine.store.votes.getVote(GUILD.voteId))?.status).toBe('open');
    const off = await startServer({ adminToken: null });
    expect(await off.client({ adminToken: ADMIN_TOKEN }).admin.open('x')).toMatchObject({ status: 403, error: { code: 'admin_disabled' } });
    await off.close();
  });
});

describe('open, close, partial decryptions, result', () => {
  it('runs a vote to its published result', async () => {
    const admin = server.client({ adminToken: ADMIN_TOKEN });
    const draft = await seedVote(server.engine, { voteId: 'draft-vote', unionId: GUILD.unionId, unionName: GUILD.unionName, members: [{ memberNumber: 'G1', email: 'g1@example.org' }], open: false }, server.rng);
    expect(await admin.admin.open(draft.voteId)).toMatchObject({ ok: true, value: { status: 'open' } });
    expect(await admin.admin.open(draft.voteId)).toMatchObject({ status: 409, error: { code: 'invalid_transition' } });
    expect(await admin.admin.open('no-such-vote')).toMatchObject({ status: 404 });

    for (const [member, yes] of [['G1', true], ['G2', true], ['G3', false]] as const) {
      const r = await server.engine.castBallot(GUILD.voteId, await makeBallot(server.engine, GUILD.voteId, guild.credentials.get(member)!, yes, server.rng));
      expect(r.ok).toBe(true);
    }
    expect(await admin.admin.submitPartialDecryption(GUILD.voteId, '{}')).toMatchObject({ status: 409, error: { code: 'vote_not_closed' } });
    expect(await admin.admin.close(GUILD.voteId)).toMatchObject({ ok: true, value: { status: 'closed', ballotsCounted: 3 } });
    expect(await admin.admin.close(GUILD.voteId)).toMatchObject({ status: 409, error: { code: 'invalid_transition' } });
    expect(await admin.admin.publishResult(GUILD.voteId)).toMatchObject({ status: 409, error: { code: 'not_enough_shares' } });

    const first = await makePartialDecryption(server.engine, guild, 0, server.rng);
    expect(await admin.admin.submitPartialDecryption(GUILD.voteId, 'not json')).toMatchObject({ status: 400 });
    const forged = first.replace(/"trustee":1/, '"trustee":2');
    expect(await admin.admin.submitPartialDecryption(GUILD.voteId, forged)).toMatchObject({ status: 400, error: { code: 'bad_decryption_proof' } });
    expect(await admin.admin.submitPartialDecryption(GUILD.voteId, first)).toMatchObject({ status: 201, value: { trustee: 1, received: 1, threshold: 2 } });
    expect(await admin.admin.submitPartialDecryption(GUILD.voteId, first)).toMatchObject({ status: 409, error: { code: 'duplicate_partial_decryption' } });
    expect(await server.client().result(GUILD.voteId)).toMatchObject({ status: 404, error: { code: 'result_not_published' } });
    const third = await makePartialDecryption(server.engine, guild, 2, server.rng);
    expect(await admin.admin.submitPartialDecryption(GUILD.voteId, third)).toMatchObject({ ok: true, value: { trustee: 3, received: 2 } });

    const published = await admin.admin.publishResult(GUILD.voteId);
    if (!published.ok) throw new Error(published.error.code);
    expect(published.value.result.questions[0]!.counts).toEqual({ options: [2, 1], blank: 0 });
    expect(published.value.result.questions[0]!.evaluation.outcome.kind).toBe('failed'); // 2/3 < 75%
    const result = await server.client().result(GUILD.voteId);
    expect(result).toMatchObject({ ok: true, value: { result: published.value.result, boardHead: published.value.boardHead } });
    expect(await server.client().turnout(GUILD.voteId)).toMatchObject({ value: { status: 'published', eligible: 3, ballotsCounted: 3 } });
    const record = await server.client().record(GUILD.voteId);
    expect(record.ok && JSON.parse(record.value.files['result.json']!)).toEqual(published.value.result);
    expect(record.ok && JSON.parse(record.value.files['record.json']!).boardHead).toBe(published.value.boardHead);
    expect(await admin.admin.publishResult(GUILD.voteId)).toMatchObject({ status: 409 });
  });
});

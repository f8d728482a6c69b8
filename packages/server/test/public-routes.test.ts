// Public routes through the typed client: success, bad input, unknown votes, and what they must
// never show (choices before the result, anything linking a member to a ballot).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FED, GUILD, type SeededVote, type TestServer, makeBallot, seedScenario, startServer } from './fixtures.ts';
import { asVoteId } from '@ratify/protocol';

let server: TestServer;
let guild: SeededVote;
const codes: string[] = [];

beforeAll(async () => {
  server = await startServer();
  ({ guild } = await seedScenario(server));
  for (const [i, member] of ['G1', 'G2'].entries()) {
    const text = await makeBallot(server.engine, GUILD.voteId, guild.credentials.get(member)!, i === 0, server.rng);
    const cast = await server.engine.castBallot(asVoteId(GUILD.voteId), text);
    if (!cast.ok) throw new Error(cast.error);
    codes.push(cast.value.trackingCode);
  }
});
afterAll(() => server.close());

describe('GET /api/health and unknown routes', () => {
  it('answers health, and a JSON 404 for an unknown route', async () => {
    const c = server.client();
    expect(await c.health()).toMatchObject({ ok: true, status: 200, value: { status: 'ok' } });
    const res = await fetch(`${server.baseUrl}/api/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No such route.' } });
  });
});

describe('GET /api/votes and /api/votes/:id', () => {
  it('lists votes with title, union, status and schedule', async () => {
    const r = await server.client().listVotes();
    // Oldest first; created in the same (fake) instant, so by id.
    expect(r.ok && r.value.votes.map((v) => [v.id, v.unionId, v.status])).toEqual([
      [FED.voteId, FED.unionId, 'open'],
      [GUILD.voteId, GUILD.unionId, 'open'],
    ]);
    expect(r.ok && r.value.votes[0]!.schedule).toEqual({ opensAt: '2026-11-02T09:00:00Z', closesAt: '2026-11-20T17:00:00Z' });
  });

  it('describes a vote with its rules in English and Spanish, schedule and trustees', async () => {
    const r = await server.client().getVote(GUILD.voteId);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.questions[0]!.rule).toEqual({
      kind: 'supermajority',
      // The ballot has no blank choice, so the words say nothing about blank ballots.
      en: 'Passes with at least 75% of the yes and no votes cast.',
      es: 'Se aprueba con al menos 75 % de los votos sí y no emitidos.',
    });
    expect(r.value.trustees).toEqual({ threshold: 2, members: [1, 2, 3].map((i) => ({ id: `trustee-${i}`, name: `Trustee ${i}` })) });
    expect(r.value.eligibleCount).toBe(3);
    expect(r.value.fingerprint).toMatch(/^[0-9a-f]{128}$/);
  });

  it('answers 404 vote_not_found and 400 for an id that is not a slug', async () => {
    const c = server.client();
    expect(await c.getVote('no-such-vote')).toMatchObject({ ok: false, status: 404, error: { code: 'vote_not_found' } });
    expect(await c.getVote('Bad Id!')).toMatchObject({ ok: false, status: 400, error: { code: 'invalid_request' } });
  });
});

describe('GET /api/votes/:id/board', () => {
  it("lists accepted ballots' tracking codes with the chain head", async () => {
    const r = await server.client().board(GUILD.voteId);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.ballots.map((b) => b.trackingCode)).toEqual(codes);
    expect(r.value.head?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(r.value.next).toBeNull();
    expect(JSON.stringify(r.value)).not.toMatch(/credential|G1|G2/);
  });

  it('searches by tracking-code prefix and pages with from/limit', async () => {
    const c = server.client();
    const found = await c.board(GUILD.voteId, { q: codes[1]!.slice(0, 8) });
    expect(found.ok && found.value.ballots.map((b) => b.trackingCode)).toEqual([codes[1]]);
    const page = await c.board(GUILD.voteId, { limit: 1 });
    expect(page.ok && page.value.ballots).toHaveLength(1);
    const next = page.ok ? page.value.next : null;
    expect(next).not.toBeNull();
    const rest = await c.board(GUILD.voteId, { from: next!, limit: 1 });
    expect(rest.ok && rest.value.ballots.map((b) => b.trackingCode)).toEqual([codes[1]]);
  });

  it('rejects a bad query and an unknown vote', async () => {
    const c = server.client();
    expect(await c.board(GUILD.voteId, { q: 'XYZ' })).toMatchObject({ status: 400, error: { code: 'invalid_request' } });
    expect(await c.board(GUILD.voteId, { limit: 5000 })).toMatchObject({ status: 400, error: { code: 'invalid_request' } });
    expect(await c.call('board', { params: { id: GUILD.voteId }, query: { extra: '1' } })).toMatchObject({ status: 400 });
    expect(await c.board('no-such-vote')).toMatchObject({ status: 404, error: { code: 'vote_not_found' } });
  });
});

describe('GET /api/votes/:id/turnout, /result, /record, /ballot-params', () => {
  it('shows counts only', async () => {
    const r = await server.client().turnout(GUILD.voteId);
    expect(r).toMatchObject({ ok: true, value: { voteId: GUILD.voteId, status: 'open', eligible: 3, ballotsCounted: 2 } });
    expect(Object.keys(r.ok ? r.value : {}).sort()).toEqual(['ballotsCounted', 'eligible', 'status', 'voteId']);
    expect(await server.client().turnout('no-such-vote')).toMatchObject({ status: 404 });
  });

  it('answers 404 result_not_published before the result', async () => {
    expect(await server.client().result(GUILD.voteId)).toMatchObject({ ok: false, status: 404, error: { code: 'result_not_published' } });
    expect(await server.client().result('no-such-vote')).toMatchObject({ status: 404, error: { code: 'vote_not_found' } });
  });

  it('exports the record so far as a map of files', async () => {
    const r = await server.client().record(GUILD.voteId);
    if (!r.ok) throw new Error(r.error.code);
    expect(Object.keys(r.value.files).sort()).toEqual(['ballots.jsonl', 'board.jsonl', 'credentials.json', 'manifest.json', 'partial-decryptions.json', 'record.json', 'trustees.json']);
    expect(r.value.files['ballots.jsonl']!.trim().split('\n')).toHaveLength(2);
    expect(await server.client().record('no-such-vote')).toMatchObject({ status: 404 });
  });

  it('gives the booth the manifest text and fingerprint', async () => {
    const c = server.client();
    const params = await c.ballotParams(GUILD.voteId);
    const detail = await c.getVote(GUILD.voteId);
    if (!params.ok || !detail.ok) throw new Error('failed');
    expect(params.value.manifest).toBe(detail.value.manifest);
    expect(params.value.fingerprint).toBe(detail.value.fingerprint);
    expect(await c.ballotParams('no-such-vote')).toMatchObject({ status: 404 });
  });

  it('serves one bucket of public credentials (by first byte) for the booth to check a credential, active and revoked apart', async () => {
    const c = server.client();
    const stored = await server.engine.store.ballots.listCredentials(asVoteId(GUILD.voteId));
    const target = stored[0]!.credential;
    const prefix = target.slice(0, 2);
    const r = await c.credentialBucket(GUILD.voteId, prefix);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.prefix).toBe(prefix);
    expect(r.value.active).toContain(target);
    // Exactly the stored credentials with that first byte, none other.
    expect([...r.value.active, ...r.value.revoked].sort()).toEqual(stored.filter((x) => x.credential.startsWith(prefix)).map((x) => x.credential).sort());
    // The other vote's credentials are not this vote's.
    const fed = await server.engine.store.ballots.listCredentials(asVoteId(FED.voteId));
    const other = await c.credentialBucket(GUILD.voteId, fed[0]!.credential.slice(0, 2));
    if (!other.ok) throw new Error(other.error.code);
    expect(other.value.active).not.toContain(fed[0]!.credential);
    // Only two lower-case hex digits: anything else is refused before any lookup.
    for (const bad of ['a', 'abc', 'AB', 'zz', '']) expect(await c.credentialBucket(GUILD.voteId, bad)).toMatchObject({ ok: false, status: 400 });
    expect(await c.credentialBucket('no-such-vote', prefix)).toMatchObject({ ok: false, status: 404, error: { code: 'vote_not_found' } });
  });
});

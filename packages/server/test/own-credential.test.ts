// One member, own credential (decision 0018): the server keeps privately which member each public
// credential was issued to and refuses a signed-in member's ballot signed with anyone else's
// (credential_not_yours), before any proof check and again inside the cast's transaction. "Has
// voted" and every turnout figure come from the counted ballots, so they agree with the board; the
// member ↔ credential link is in no exported file. Replays the finding: five member sessions
// trying the whole roll's credentials get exactly their own five ballots counted.
import { toHex, unwrap } from '@ratify/crypto';
import { parseReceipt, publicCredential, asVoteId } from '@ratify/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, type SeededVote, type TestServer, makeBallot, seedVote, signIn, startServer } from './fixtures.ts';

const VOTE = 'roll-of-forty';
const MEMBERS = Array.from({ length: 40 }, (_, i) => ({ memberNumber: `ROLL-${String(i + 1).padStart(2, '0')}`, email: `roll${i + 1}@example.org` }));
const SESSIONS = MEMBERS.slice(0, 5);

let server: TestServer;
let vote: SeededVote;
beforeAll(async () => {
  server = await startServer();
  vote = await seedVote(server.engine, { voteId: VOTE, unionId: 'roll', unionName: 'Roll union (sample)', members: MEMBERS }, server.rng);
});
afterAll(() => server.close());

describe('a signed-in member casts only with their own credential', () => {
  it('five sessions trying all 40 credentials: every other credential is refused, only their own five count', async () => {
    const ballots = new Map<string, string>();
    for (const m of MEMBERS) ballots.set(m.memberNumber, await makeBallot(server.engine, VOTE, vote.credentials.get(m.memberNumber)!, true, server.rng));
    const refused = new Map<string, number>();
    for (const m of SESSIONS) {
      const c = server.client();
      await signIn(server, c, m.memberNumber, m.email);
      for (const other of MEMBERS) {
        if (other.memberNumber === m.memberNumber) continue;
        const r = await c.castBallot(VOTE, ballots.get(other.memberNumber)!);
        expect(r).toMatchObject({ ok: false, status: 403, error: { code: 'credential_not_yours' } });
        refused.set(r.ok ? 'accepted' : r.error.code, (refused.get(r.ok ? 'accepted' : r.error.code) ?? 0) + 1);
      }
      const own = await c.castBallot(VOTE, ballots.get(m.memberNumber)!);
      expect(own).toMatchObject({ ok: true, status: 201 });
      const me = await c.me();
      expect(me.ok && me.value.votes.find((v) => v.voteId === VOTE)?.hasVoted).toBe(true);
    }
    expect(Object.fromEntries(refused)).toEqual({ credential_not_yours: 5 * 39 });

    // Every figure agrees: the board, the public turnout, the staff dashboard and its voter list.
    const anyone = server.client();
    const board = await anyone.board(VOTE, { limit: 100 });
    expect(board.ok && board.value.ballots.filter((b) => b.counted)).toHaveLength(5);
    expect(await anyone.turnout(VOTE)).toMatchObject({ ok: true, value: { ballotsCounted: 5 } });
    const staff = server.client({ adminToken: ADMIN_TOKEN });
    expect(await staff.call('turnoutDashboard', { params: { id: VOTE } })).toMatchObject({ ok: true, value: { voted: 5, ballotsAccepted: 5, ballotsCounted: 5 } });
    const voters = await staff.call('listVoters', { params: { id: VOTE } });
    expect(voters.ok && voters.value.voters.map((v) => v.memberNumber)).toEqual(SESSIONS.map((m) => m.memberNumber));
    // A member who did not vote is "not voted" everywhere.
    expect(await server.store.rolls.hasParticipated(asVoteId(VOTE), 'ROLL-06')).toBe(false);
  });

  it('answers a cast with a receipt that names the ballot, its board position and the chain hash there', async () => {
    const m = MEMBERS[10]!;
    const c = server.client();
    await signIn(server, c, m.memberNumber, m.email);
    const cast = await c.castBallot(VOTE, await makeBallot(server.engine, VOTE, vote.credentials.get(m.memberNumber)!, false, server.rng));
    if (!cast.ok) throw new Error(cast.error.code);
    const receipt = unwrap(parseReceipt(cast.value.receipt));
    const ctx = unwrap(await server.engine.context(asVoteId(VOTE)));
    expect(receipt).toMatchObject({ voteId: VOTE, fingerprint: toHex(ctx.fingerprint), trackingCode: cast.value.trackingCode });
    const [event] = await server.store.board.listEvents(asVoteId(VOTE), { fromSeq: receipt.boardSeq, limit: 1 });
    expect(event).toMatchObject({ seq: receipt.boardSeq, kind: 'ballot_accepted', hash: receipt.boardHash });
    expect(JSON.parse(event!.payload)).toMatchObject({ trackingCode: receipt.trackingCode });
  });

  it('keeps the member ↔ credential link out of the exported record and the record route', async () => {
    const files = unwrap(await server.engine.exportRecord(asVoteId(VOTE)));
    const record = await server.client().record(VOTE);
    if (!record.ok) throw new Error(record.error.code);
    const texts = [...files.values(), ...Object.values(record.value.files)].join('\n');
    // The public credentials are in the record (they must be); nothing that names a member is.
    expect(texts).toContain(toHex(server.engine.group.encodeElement(publicCredential(server.engine.group, unwrap(await server.engine.context(asVoteId(VOTE))).manifest, vote.credentials.get('ROLL-01')!))));
    for (const m of MEMBERS) {
      expect(texts).not.toContain(m.memberNumber);
      expect(texts).not.toContain(m.email);
      expect(texts).not.toContain(`Name ${m.memberNumber}`);
    }
  });
});

// Contract: the read models behind the public pages, member sign-in state (codes single-use and
// expiring, bound to one browser, dying after wrong guesses, only a browser's latest code working),
// queued code requests, staff devices, sessions expiring, rate-limit windows, the private credential holders and "has voted" derived from counted ballots.
import { describe, expect, it } from 'vitest';
import { ballot, credentialHex, expectOk, member, seedOpenVote, seedUnion, useStore } from './fixtures.ts';
import type { StoreFactory } from './fixtures.ts';
import { asVoteId, asUnionId } from '@ratify/protocol';

const T0 = '2026-11-26T12:00:00.000Z';
const T5 = '2026-11-26T12:05:00.000Z';
const T10 = '2026-11-26T12:10:00.000Z';
const T11 = '2026-11-26T12:11:00.000Z';

export function signInContract(factory: StoreFactory): void {
  const t = useStore(factory);

  describe('public read models', () => {
    it('lists votes, counts ballots and lists tracking codes by prefix and page', async () => {
      expect(await t.store.votes.listVotes()).toEqual([]);
      await seedOpenVote(t.store, 5);
      expect((await t.store.votes.listVotes()).map((v) => [v.id, v.status])).toEqual([['v1', 'open']]);
      expect(await t.store.ballots.countBallots(asVoteId('v1'))).toEqual({ accepted: 0, counted: 0 });
      expectOk(await t.store.ballots.castBallot(asVoteId('v1'), ballot(1, 1, { trackingCode: 'aa11' }), 'last_counts'));
      expectOk(await t.store.ballots.castBallot(asVoteId('v1'), ballot(2, 2, { trackingCode: 'ab22' }), 'last_counts'));
      expectOk(await t.store.ballots.castBallot(asVoteId('v1'), ballot(3, 1, { trackingCode: 'b033' }), 'last_counts'));
      expect(await t.store.ballots.countBallots(asVoteId('v1'))).toEqual({ accepted: 3, counted: 2 });
      expect(await t.store.ballots.listBoardBallots(asVoteId('v1'), { limit: 10 })).toEqual([
        { sequence: 1, trackingCode: 'aa11', counted: false },
        { sequence: 2, trackingCode: 'ab22', counted: true },
        { sequence: 3, trackingCode: 'b033', counted: true },
      ]);
      expect((await t.store.ballots.listBoardBallots(asVoteId('v1'), { prefix: 'a', limit: 10 })).map((b) => b.trackingCode)).toEqual(['aa11', 'ab22']);
      expect((await t.store.ballots.listBoardBallots(asVoteId('v1'), { prefix: 'ab2', limit: 10 })).map((b) => b.trackingCode)).toEqual(['ab22']);
      expect(await t.store.ballots.listBoardBallots(asVoteId('v1'), { prefix: 'c', limit: 10 })).toEqual([]);
      expect((await t.store.ballots.listBoardBallots(asVoteId('v1'), { fromSequence: 2, limit: 1 })).map((b) => b.sequence)).toEqual([2]);
      await expect(t.store.ballots.listBoardBallots(asVoteId('v1'), { prefix: "a' or 1=1", limit: 10 })).rejects.toThrow();
    });

    it('finds members by number and by email across unions, and roll entries', async () => {
      await seedUnion(t.store, 'u1', 3);
      expectOk(await t.store.members.createUnion({ id: asUnionId('u2'), name: 'Union u2' }));
      expectOk(await t.store.members.importRoll(asUnionId('u2'), [member(3, { email: 'member1@example.org' }), member(9)]));
      expect((await t.store.members.findMembersByNumber('M3')).map((m) => [m.unionId, m.email])).toEqual([
        ['u1', 'member3@example.org'],
        ['u2', 'member1@example.org'],
      ]);
      expect((await t.store.members.findMembersByEmail('member1@example.org')).map((m) => [m.unionId, m.memberNumber])).toEqual([
        ['u1', 'M1'],
        ['u2', 'M3'],
      ]);
      expect(await t.store.members.findMembersByNumber('nope')).toEqual([]);
      expectOk(await t.store.votes.createVote({ id: asVoteId('v1'), unionId: asUnionId('u1'), manifest: '{}' }));
      expectOk(await t.store.rolls.freezeRoll(asVoteId('v1'), asUnionId('u1'), '2026-11-01'));
      expect(await t.store.rolls.getRollEntry(asVoteId('v1'), 'M1')).toMatchObject({ voteId: asVoteId('v1'), memberNumber: 'M1', status: 'eligible' });
      expect(await t.store.rolls.getRollEntry(asVoteId('v1'), 'M9')).toBeNull();
    });
  });

  describe('one-time codes, bound to a browser', () => {
    const code = (id: string, codeHash: string, bindingHash = 'b1', expiresAt = T10) => ({ id, unionId: asUnionId('u1'), memberNumber: 'M1', codeHash, bindingHash, expiresAt });
    const attempt = (codeHash: string, bindingHash = 'b1', now = T5, memberNumber = 'M1') => ({ memberNumber, bindingHash, codeHash, now, maxWrongGuesses: 3 });
    const signedIn = { kind: 'signed_in', subject: { unionId: asUnionId('u1'), memberNumber: 'M1' } };

    it('consumes a code once, before it expires, for the right member and browser only', async () => {
      await seedUnion(t.store, 'u1', 3);
      await t.store.signIn.createLoginCode(code('c1', 'h1'));
      expect(await t.store.signIn.consumeLoginCode(attempt('h1', 'b1', T5, 'M2'))).toEqual({ kind: 'no_code' });
      expect(await t.store.signIn.consumeLoginCode(attempt('h1', 'other-browser'))).toEqual({ kind: 'no_code' });
      expect(await t.store.signIn.consumeLoginCode(attempt('wrong'))).toEqual({ kind: 'wrong' });
      expect(await t.store.signIn.consumeLoginCode(attempt('h1'))).toEqual(signedIn);
      expect(await t.store.signIn.consumeLoginCode(attempt('h1'))).toEqual({ kind: 'no_code' });
      await t.store.signIn.createLoginCode(code('c2', 'h2'));
      expect(await t.store.signIn.consumeLoginCode(attempt('h2', 'b1', T10))).toEqual({ kind: 'no_code' });
    });

    it("keeps only a browser's latest unused code, and never touches another browser's code", async () => {
      await seedUnion(t.store, 'u1', 3);
      await t.store.signIn.createLoginCode(code('c1', 'h1', 'victim'));
      for (let i = 0; i < 20; i++) await t.store.signIn.createLoginCode(code(`a${i}`, `ha${i}`, 'attacker'));
      await t.store.signIn.createLoginCode(code('c2', 'h2', 'b1'));
      await t.store.signIn.createLoginCode(code('c3', 'h3', 'b1'));
      expect(await t.store.signIn.consumeLoginCode(attempt('h2', 'b1'))).toEqual({ kind: 'wrong' });
      expect(await t.store.signIn.consumeLoginCode(attempt('h3', 'b1'))).toEqual(signedIn);
      expect(await t.store.signIn.consumeLoginCode(attempt('ha0', 'attacker'))).toEqual({ kind: 'wrong' });
      expect(await t.store.signIn.consumeLoginCode(attempt('ha19', 'attacker'))).toEqual(signedIn);
      expect(await t.store.signIn.consumeLoginCode(attempt('h1', 'victim'))).toEqual(signedIn);
    });

    it("kills a code after its wrong guesses, from its own browser only; others' guesses cost it nothing", async () => {
      await seedUnion(t.store, 'u1', 3);
      await t.store.signIn.createLoginCode(code('victim-code', 'hv', 'victim'));
      await t.store.signIn.createLoginCode(code('attacker-code', 'ha', 'attacker'));
      for (let i = 0; i < 50; i++) {
        expect((await t.store.signIn.consumeLoginCode(attempt(`guess${i}`, 'attacker'))).kind).toBe(i < 3 ? 'wrong' : 'no_code');
        expect(await t.store.signIn.consumeLoginCode(attempt(`guess${i}`, `fresh-browser-${i}`))).toEqual({ kind: 'no_code' });
      }
      // The attacker's own code is dead even with the right guess; the victim's is untouched.
      expect(await t.store.signIn.consumeLoginCode(attempt('ha', 'attacker'))).toEqual({ kind: 'no_code' });
      expect(await t.store.signIn.consumeLoginCode(attempt('typo', 'victim'))).toEqual({ kind: 'wrong' });
      expect(await t.store.signIn.consumeLoginCode(attempt('hv', 'victim'))).toEqual(signedIn);
    });

    it('lets concurrent wrong guesses take no more than the limit', async () => {
      await seedUnion(t.store, 'u1', 3);
      await t.store.signIn.createLoginCode(code('c1', 'h1'));
      const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => t.store.signIn.consumeLoginCode(attempt(`wrong${i}`))));
      expect(outcomes.filter((o) => o.kind === 'wrong')).toHaveLength(3);
      expect(outcomes.filter((o) => o.kind === 'no_code')).toHaveLength(9);
      expect(await t.store.signIn.consumeLoginCode(attempt('h1'))).toEqual({ kind: 'no_code' });
    });

    it('lets only one of two racing consumptions win', async () => {
      await seedUnion(t.store, 'u1', 3);
      await t.store.signIn.createLoginCode(code('c1', 'h1'));
      const both = await Promise.all([t.store.signIn.consumeLoginCode(attempt('h1')), t.store.signIn.consumeLoginCode(attempt('h1'))]);
      expect(both.filter((s) => s.kind === 'signed_in')).toHaveLength(1);
    });
  });

  describe('queued code requests', () => {
    it('hands each request out once, oldest first, known member or not', async () => {
      await t.store.signIn.queueSignInRequest({ id: 'r2', memberNumber: 'NOBODY', bindingHash: 'b2', createdAt: T5 });
      await t.store.signIn.queueSignInRequest({ id: 'r1', memberNumber: 'M1', bindingHash: 'b1', createdAt: T0 });
      await t.store.signIn.queueSignInRequest({ id: 'r3', memberNumber: 'M1', bindingHash: 'b1', createdAt: T10 });
      await expect(t.store.signIn.queueSignInRequest({ id: 'r3', memberNumber: 'M1', bindingHash: 'b1', createdAt: T10 })).rejects.toThrow();
      expect((await t.store.signIn.takeSignInRequests(1)).map((r) => r.id)).toEqual(['r1']);
      // Two takers at once never get the same request.
      const [a, b] = await Promise.all([t.store.signIn.takeSignInRequests(1), t.store.signIn.takeSignInRequests(1)]);
      const raced = [...a!, ...b!, ...(await t.store.signIn.takeSignInRequests(10))];
      expect(raced.map((r) => r.id).sort()).toEqual(['r2', 'r3']);
      expect(raced.find((r) => r.id === 'r2')).toEqual({ id: 'r2', memberNumber: 'NOBODY', bindingHash: 'b2', createdAt: T5 });
      expect(await t.store.signIn.takeSignInRequests(10)).toEqual([]);
    });
  });

  describe('staff devices', () => {
    it('remembers the browsers an account signed in from, since a time', async () => {
      const created = await t.store.staff.createStaffAccount({ id: 's1', username: 'alice', role: 'observer', passwordHash: '$argon2id$x', totpSecretEncrypted: null });
      expect(created.ok).toBe(true);
      expect(await t.store.staff.isKnownStaffDevice('s1', 'd1', T0)).toBe(false);
      await t.store.staff.rememberStaffDevice('s1', 'd1', T5);
      expect(await t.store.staff.isKnownStaffDevice('s1', 'd1', T0)).toBe(true);
      expect(await t.store.staff.isKnownStaffDevice('s1', 'd1', T10)).toBe(false);
      await t.store.staff.rememberStaffDevice('s1', 'd1', T11);
      expect(await t.store.staff.isKnownStaffDevice('s1', 'd1', T10)).toBe(true);
      expect(await t.store.staff.isKnownStaffDevice('s1', 'd2', T0)).toBe(false);
      expect(await t.store.staff.isKnownStaffDevice('nobody', 'd1', T0)).toBe(false);
      await expect(t.store.staff.rememberStaffDevice('nobody', 'd1', T5)).rejects.toThrow();
    });
  });

  describe('sessions, rate limits, pruning', () => {
    it('finds a session by token hash until it expires, and deletes it', async () => {
      await seedUnion(t.store, 'u1', 3);
      await t.store.signIn.createSession({ tokenHash: 's1', unionId: asUnionId('u1'), memberNumber: 'M2', expiresAt: T10 });
      expect(await t.store.signIn.getSession('s1', T5)).toMatchObject({ unionId: asUnionId('u1'), memberNumber: 'M2', expiresAt: T10 });
      expect(await t.store.signIn.getSession('s1', T10)).toBeNull();
      expect(await t.store.signIn.getSession('other', T5)).toBeNull();
      expect(await t.store.signIn.deleteSession('s1')).toBe(true);
      expect(await t.store.signIn.deleteSession('s1')).toBe(false);
      expect(await t.store.signIn.getSession('s1', T5)).toBeNull();
    });

    it('counts hits per key and window', async () => {
      expect(await t.store.signIn.hitRateLimit('k', T0)).toBe(1);
      expect(await t.store.signIn.hitRateLimit('k', T0)).toBe(2);
      expect(await t.store.signIn.hitRateLimit('other', T0)).toBe(1);
      expect(await t.store.signIn.hitRateLimit('k', T10)).toBe(1);
    });

    it('prunes expired codes, sessions and old windows only', async () => {
      await seedUnion(t.store, 'u1', 3);
      await t.store.signIn.createLoginCode({ id: 'c1', unionId: asUnionId('u1'), memberNumber: 'M1', codeHash: 'h1', bindingHash: 'b', expiresAt: T5 });
      await t.store.signIn.createLoginCode({ id: 'c2', unionId: asUnionId('u1'), memberNumber: 'M2', codeHash: 'h2', bindingHash: 'b', expiresAt: T11 });
      await t.store.signIn.queueSignInRequest({ id: 'r1', memberNumber: 'M1', bindingHash: 'b', createdAt: T0 });
      await t.store.signIn.queueSignInRequest({ id: 'r2', memberNumber: 'M1', bindingHash: 'b', createdAt: T10 });
      await t.store.signIn.createSession({ tokenHash: 's1', unionId: asUnionId('u1'), memberNumber: 'M1', expiresAt: T5 });
      await t.store.signIn.createSession({ tokenHash: 's2', unionId: asUnionId('u1'), memberNumber: 'M2', expiresAt: T11 });
      await t.store.signIn.hitRateLimit('k', T0);
      await t.store.signIn.hitRateLimit('k', T10);
      expect(await t.store.signIn.pruneSignIn(T10, T10)).toEqual({ codes: 1, sessions: 1, rateLimits: 1, requests: 1 });
      expect(await t.store.signIn.getSession('s2', T10)).not.toBeNull();
      expect(await t.store.signIn.consumeLoginCode({ memberNumber: 'M2', bindingHash: 'b', codeHash: 'h2', now: T10, maxWrongGuesses: 3 })).toMatchObject({ kind: 'signed_in' });
      expect((await t.store.signIn.takeSignInRequests(10)).map((r) => r.id)).toEqual(['r2']);
      expect(await t.store.signIn.hitRateLimit('k', T10)).toBe(2);
    });
  });

  describe('credential holders and "has voted"', () => {
    it('links credentials to members privately, all or nothing, one active credential per member', async () => {
      await seedOpenVote(t.store, 4);
      const v = asVoteId('v1');
      expect(await t.store.ballots.linkHolders(v, [{ credential: credentialHex(1), memberNumber: 'M1' }, { credential: credentialHex(99), memberNumber: 'M2' }])).toMatchObject({ ok: false, error: 'unknown_credential' });
      expect(await t.store.ballots.getHolder(v, credentialHex(1))).toBeNull();
      expect(await t.store.ballots.linkHolders(v, [{ credential: credentialHex(1), memberNumber: 'M1' }, { credential: credentialHex(2), memberNumber: 'M1' }])).toMatchObject({ ok: false, error: 'member_has_credential' });
      expect(expectOk(await t.store.ballots.linkHolders(v, [{ credential: credentialHex(1), memberNumber: 'M1' }, { credential: credentialHex(2), memberNumber: 'M2' }]))).toBe(2);
      expect(await t.store.ballots.getHolder(v, credentialHex(1))).toBe('M1');
      expect(await t.store.ballots.linkHolders(v, [{ credential: credentialHex(1), memberNumber: 'M3' }])).toMatchObject({ ok: false, error: 'credential_has_holder' });
      expect(await t.store.ballots.linkHolders(v, [{ credential: credentialHex(3), memberNumber: 'M1' }])).toMatchObject({ ok: false, error: 'member_has_credential' });
      expect(await t.store.ballots.linkHolders(asVoteId('nope'), [])).toMatchObject({ ok: false, error: 'vote_not_found' });
      // After a revocation the member may be given a new credential.
      expectOk(await t.store.ballots.revokeCredential(v, credentialHex(1), 'lost'));
      expectOk(await t.store.ballots.linkHolders(v, [{ credential: credentialHex(3), memberNumber: 'M1' }]));
      expect((await t.store.ballots.heldCredentials(v, 'M1')).map((c) => [c.credential, c.revoked])).toEqual([[credentialHex(1), true], [credentialHex(3), false]]);
    });

    it('derives "has voted" from counted ballots under the member\'s own credentials', async () => {
      await seedOpenVote(t.store, 3);
      const v = asVoteId('v1');
      expectOk(await t.store.ballots.linkHolders(v, [1, 2, 3].map((n) => ({ credential: credentialHex(n), memberNumber: `M${n}` }))));
      expect(await t.store.rolls.hasParticipated(v, 'M1')).toBe(false);
      expectOk(await t.store.ballots.castBallot(v, ballot(1, 1), 'last_counts'));
      expectOk(await t.store.ballots.castBallot(v, ballot(2, 1), 'last_counts'));
      expect(await t.store.rolls.hasParticipated(v, 'M1')).toBe(true);
      expect(await t.store.rolls.hasParticipated(v, 'M2')).toBe(false);
      // A revoked credential's ballot stops counting: its member has not voted (until they vote again).
      expectOk(await t.store.ballots.revokeCredential(v, credentialHex(1), 'lost'));
      expect(await t.store.rolls.hasParticipated(v, 'M1')).toBe(false);
      expect(await t.store.rolls.hasParticipated(asVoteId('nope'), 'M1')).toBe(false);
    });
  });
}

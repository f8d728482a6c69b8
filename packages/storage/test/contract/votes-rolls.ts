// Contract: vote status transitions, frozen rolls and their audited amendments, credentials.
import { describe, expect, it } from 'vitest';
import type { VoteStatus } from '../../src/index.ts';
import { FIXED_TIME, credentialHex, expectOk, member, seedUnion, useStore } from './fixtures.ts';
import type { StoreFactory } from './fixtures.ts';

export function votesRollsContract(factory: StoreFactory): void {
  const t = useStore(factory);
  const newVote = async (id = 'v1'): Promise<void> => {
    if ((await t.store.members.getUnion('u1')) === null) await seedUnion(t.store, 'u1', 10);
    expectOk(await t.store.votes.createVote({ id, unionId: 'u1', manifest: '{"title":"Ratify 2026 offer"}' }));
  };

  describe('votes', () => {
    it('creates a draft vote keeping the manifest text byte for byte', async () => {
      await seedUnion(t.store);
      const manifest = '{"a":1,"title":"Offer \\u00e9"}';
      const vote = expectOk(await t.store.votes.createVote({ id: 'v1', unionId: 'u1', manifest }));
      expect(vote).toEqual({
        id: 'v1',
        unionId: 'u1',
        manifest,
        status: 'draft',
        createdAt: FIXED_TIME.toISOString(),
      });
      expect(await t.store.votes.getVote('v1')).toEqual(vote);
      expect(await t.store.votes.createVote({ id: 'v1', unionId: 'u1', manifest })).toMatchObject({
        ok: false,
        error: 'duplicate_vote',
      });
      expect(await t.store.votes.createVote({ id: 'v2', unionId: 'nope', manifest })).toMatchObject({
        ok: false,
        error: 'union_not_found',
      });
    });

    it('moves draft → open → closed → tallied → published and nothing else', async () => {
      await newVote();
      const order: VoteStatus[] = ['open', 'closed', 'tallied', 'published'];
      expect(await t.store.votes.transitionVote('v1', 'closed')).toMatchObject({
        ok: false,
        error: 'invalid_transition',
      });
      for (const status of order) {
        expect(expectOk(await t.store.votes.transitionVote('v1', status)).status).toBe(status);
        expect(await t.store.votes.transitionVote('v1', 'draft')).toMatchObject({
          ok: false,
          error: 'invalid_transition',
        });
      }
      expect(await t.store.votes.transitionVote('v1', 'published')).toMatchObject({
        ok: false,
        error: 'invalid_transition',
      });
      expect(await t.store.votes.transitionVote('nope', 'open')).toMatchObject({
        ok: false,
        error: 'vote_not_found',
      });
    });
  });

  describe('rolls', () => {
    it('freezes the members in good standing; later imports do not touch it', async () => {
      await newVote();
      const roll = expectOk(await t.store.rolls.freezeRoll('v1', 'u1', '2026-11-01'));
      expect(roll).toEqual({
        voteId: 'v1',
        unionId: 'u1',
        recordDate: '2026-11-01',
        frozenAt: FIXED_TIME.toISOString(),
        frozenCount: 8,
      });
      expect(await t.store.rolls.getRoll('v1')).toEqual(roll);
      const before = await t.store.rolls.listRollEntries('v1');
      expect(before.map((e) => e.memberNumber)).toEqual(['M1', 'M10', 'M2', 'M3', 'M5', 'M6', 'M7', 'M9']);
      expect(before.every((e) => e.status === 'eligible' && e.origin === 'frozen')).toBe(true);
      expectOk(await t.store.members.importRoll('u1', [member(1, { name: 'Renamed' }), member(77)]));
      expect(await t.store.rolls.listRollEntries('v1')).toEqual(before);
    });

    it('refuses bad freezes', async () => {
      await newVote();
      expect(await t.store.rolls.freezeRoll('v1', 'u1', '2026-02-30')).toMatchObject({
        ok: false,
        error: 'invalid_record_date',
      });
      expect(await t.store.rolls.freezeRoll('nope', 'u1', '2026-11-01')).toMatchObject({
        ok: false,
        error: 'vote_not_found',
      });
      await seedUnion(t.store, 'u2', 2);
      expect(await t.store.rolls.freezeRoll('v1', 'u2', '2026-11-01')).toMatchObject({
        ok: false,
        error: 'union_mismatch',
      });
      expectOk(await t.store.rolls.freezeRoll('v1', 'u1', '2026-11-01'));
      expect(await t.store.rolls.freezeRoll('v1', 'u1', '2026-11-02')).toMatchObject({
        ok: false,
        error: 'roll_already_frozen',
      });
      await newVote('v2');
      expectOk(await t.store.votes.transitionVote('v2', 'open'));
      expect(await t.store.rolls.freezeRoll('v2', 'u1', '2026-11-01')).toMatchObject({
        ok: false,
        error: 'vote_not_draft',
      });
      expect(await t.store.rolls.listRollEntries('v2')).toEqual([]);
    });

    it('changes a frozen roll only through audited events with reasons', async () => {
      await newVote();
      expect(
        await t.store.rolls.amendRoll('v1', { kind: 'removed', memberNumber: 'M1', reason: 'x' }),
      ).toMatchObject({ ok: false, error: 'roll_not_frozen' });
      expectOk(await t.store.rolls.freezeRoll('v1', 'u1', '2026-11-01'));
      const late = expectOk(
        await t.store.rolls.amendRoll('v1', {
          kind: 'added',
          memberNumber: 'M4',
          reason: '  dues paid 2026-10-30  ',
        }),
      );
      expect(late).toEqual({
        voteId: 'v1',
        seq: 1,
        kind: 'added',
        memberNumber: 'M4',
        reason: 'dues paid 2026-10-30',
        at: FIXED_TIME.toISOString(),
      });
      expectOk(await t.store.rolls.amendRoll('v1', { kind: 'removed', memberNumber: 'M2', reason: 'deceased' }));
      expectOk(
        await t.store.rolls.amendRoll('v1', { kind: 'challenged', memberNumber: 'M3', reason: 'not in the unit' }),
      );

      const refused = [
        [{ kind: 'added', memberNumber: 'M1', reason: 'again' }, 'already_on_roll'],
        [{ kind: 'added', memberNumber: 'M404', reason: 'who' }, 'member_not_found'],
        [{ kind: 'removed', memberNumber: 'M2', reason: 'twice' }, 'not_on_roll'],
        [{ kind: 'challenged', memberNumber: 'M3', reason: 'twice' }, 'already_challenged'],
        [{ kind: 'challenged', memberNumber: 'M8', reason: 'never frozen' }, 'not_on_roll'],
        [{ kind: 'removed', memberNumber: 'M5', reason: '   ' }, 'missing_reason'],
      ] as const;
      for (const [amendment, code] of refused) {
        expect(await t.store.rolls.amendRoll('v1', amendment)).toMatchObject({ ok: false, error: code });
      }
      expectOk(
        await t.store.rolls.amendRoll('v1', { kind: 'added', memberNumber: 'M2', reason: 'removed in error' }),
      );

      const events = await t.store.rolls.listRollEvents('v1');
      expect(events.map((e) => [e.seq, e.kind, e.memberNumber])).toEqual([
        [1, 'added', 'M4'],
        [2, 'removed', 'M2'],
        [3, 'challenged', 'M3'],
        [4, 'added', 'M2'],
      ]);
      const entries = new Map((await t.store.rolls.listRollEntries('v1')).map((e) => [e.memberNumber, e]));
      expect(entries.get('M4')).toMatchObject({ status: 'eligible', origin: 'added' });
      expect(entries.get('M2')).toMatchObject({ status: 'eligible', origin: 'frozen' });
      expect(entries.get('M3')).toMatchObject({ status: 'challenged' });
    });

    it('locks the roll once the vote is tallied', async () => {
      await newVote();
      expectOk(await t.store.rolls.freezeRoll('v1', 'u1', '2026-11-01'));
      for (const status of ['open', 'closed', 'tallied'] as const)
        expectOk(await t.store.votes.transitionVote('v1', status));
      expect(
        await t.store.rolls.amendRoll('v1', { kind: 'removed', memberNumber: 'M1', reason: 'late' }),
      ).toMatchObject({ ok: false, error: 'roll_locked' });
      expect(await t.store.rolls.listRollEvents('v1')).toEqual([]);
    });
  });

  describe('credentials', () => {
    it('adds lower-case hex credentials, unique per vote, all or nothing', async () => {
      await newVote();
      expect(expectOk(await t.store.ballots.addCredentials('v1', [credentialHex(1), credentialHex(2)]))).toBe(2);
      expect(await t.store.ballots.addCredentials('v1', [credentialHex(3), 'ABCD'])).toMatchObject({
        ok: false,
        error: 'invalid_credential',
      });
      expect(await t.store.ballots.addCredentials('v1', [credentialHex(3), 'abc'])).toMatchObject({
        ok: false,
        error: 'invalid_credential',
      });
      expect(await t.store.ballots.addCredentials('v1', [credentialHex(3), credentialHex(3)])).toMatchObject({
        ok: false,
        error: 'duplicate_credential',
      });
      expect(await t.store.ballots.addCredentials('v1', [credentialHex(4), credentialHex(1)])).toMatchObject({
        ok: false,
        error: 'duplicate_credential',
      });
      expect(await t.store.ballots.addCredentials('nope', [credentialHex(5)])).toMatchObject({
        ok: false,
        error: 'vote_not_found',
      });
      expect((await t.store.ballots.listCredentials('v1')).map((c) => c.credential)).toEqual([
        credentialHex(1),
        credentialHex(2),
      ]);
      await newVote('v2');
      expectOk(await t.store.ballots.addCredentials('v2', [credentialHex(1)]));
    });

    it('looks one credential up, per vote, with its revocation state', async () => {
      await newVote();
      await newVote('v2');
      expectOk(await t.store.ballots.addCredentials('v1', [credentialHex(1)]));
      expect(await t.store.ballots.getCredential('v1', credentialHex(1))).toMatchObject({ voteId: 'v1', credential: credentialHex(1), revoked: false });
      expect(await t.store.ballots.getCredential('v2', credentialHex(1))).toBeNull();
      expect(await t.store.ballots.getCredential('v1', credentialHex(2))).toBeNull();
      expectOk(await t.store.ballots.revokeCredential('v1', credentialHex(1), 'reported lost'));
      expect(await t.store.ballots.getCredential('v1', credentialHex(1))).toMatchObject({ revoked: true, revokedReason: 'reported lost' });
    });

    it('revokes a credential once, recording why and when', async () => {
      await newVote();
      expectOk(await t.store.ballots.addCredentials('v1', [credentialHex(1)]));
      const revoked = expectOk(await t.store.ballots.revokeCredential('v1', credentialHex(1), 'reported lost'));
      expect(revoked).toEqual({
        voteId: 'v1',
        credential: credentialHex(1),
        revoked: true,
        revokedReason: 'reported lost',
        revokedAt: FIXED_TIME.toISOString(),
      });
      expect(await t.store.ballots.revokeCredential('v1', credentialHex(1), 'again')).toMatchObject({
        ok: false,
        error: 'already_revoked',
      });
      expect(await t.store.ballots.revokeCredential('v1', credentialHex(9), 'x')).toMatchObject({
        ok: false,
        error: 'unknown_credential',
      });
      expect(await t.store.ballots.revokeCredential('v1', credentialHex(1), '')).toMatchObject({
        ok: false,
        error: 'missing_reason',
      });
    });
  });
}

// Contract: the ballot box. Open vote and listed credential checked in the cast's transaction;
// revote policies; one counted ballot per credential proven in the database itself.
import { describe, expect, it } from 'vitest';
import { FIXED_TIME, ballot, credentialHex, expectOk, seedOpenVote, useStore } from './fixtures.ts';
import type { StoreFactory } from './fixtures.ts';

export function ballotsContract(factory: StoreFactory): void {
  const t = useStore(factory);

  describe('castBallot checks', () => {
    it('accepts a ballot from a listed credential on an open vote', async () => {
      await seedOpenVote(t.store);
      const receipt = expectOk(await t.store.ballots.castBallot('v1', ballot(1, 1), 'last_counts'));
      expect(receipt).toEqual({
        sequence: 1,
        trackingCode: 'tc-1',
        receivedAt: FIXED_TIME.toISOString(),
        counted: true,
        supersededTrackingCode: null,
      });
      expect(await t.store.ballots.listBallots('v1')).toEqual([
        { voteId: 'v1', sequence: 1, ...ballot(1, 1), receivedAt: FIXED_TIME.toISOString(), counted: true },
      ]);
    });

    it('stops counting the ballots of a credential when it is revoked', async () => {
      await seedOpenVote(t.store);
      expectOk(await t.store.ballots.castBallot('v1', ballot(1, 1), 'last_counts'));
      expectOk(await t.store.ballots.castBallot('v1', ballot(2, 2), 'last_counts'));
      expectOk(await t.store.ballots.revokeCredential('v1', credentialHex(1), 'reported lost'));
      expect((await t.store.ballots.listBallots('v1', { countedOnly: true })).map((b) => b.trackingCode)).toEqual(['tc-2']);
      expect(await t.store.ballots.listBallots('v1')).toHaveLength(2);
    });

    it('refuses unknown votes, votes not open, unknown and revoked credentials, reused tracking codes', async () => {
      await seedOpenVote(t.store);
      expect(await t.store.ballots.castBallot('nope', ballot(1, 1), 'last_counts')).toMatchObject({
        ok: false,
        error: 'vote_not_found',
      });
      expect(await t.store.ballots.castBallot('v1', ballot(1, 99), 'last_counts')).toMatchObject({
        ok: false,
        error: 'unknown_credential',
      });
      expectOk(await t.store.ballots.revokeCredential('v1', credentialHex(2), 'lost'));
      expect(await t.store.ballots.castBallot('v1', ballot(1, 2), 'last_counts')).toMatchObject({
        ok: false,
        error: 'credential_revoked',
      });
      expectOk(await t.store.ballots.castBallot('v1', ballot(1, 1), 'last_counts'));
      expect(await t.store.ballots.castBallot('v1', ballot(1, 3), 'last_counts')).toMatchObject({
        ok: false,
        error: 'duplicate_ballot',
      });
      // Refusals leave no trace: the next accepted ballot has the next sequence number.
      expect(expectOk(await t.store.ballots.castBallot('v1', ballot(2, 3), 'last_counts')).sequence).toBe(2);

      expectOk(await t.store.votes.createVote({ id: 'draft', unionId: 'u1', manifest: '{}' }));
      expectOk(await t.store.ballots.addCredentials('draft', [credentialHex(1)]));
      expect(await t.store.ballots.castBallot('draft', ballot(9, 1), 'last_counts')).toMatchObject({
        ok: false,
        error: 'vote_closed',
      });
      expectOk(await t.store.votes.transitionVote('v1', 'closed'));
      expect(await t.store.ballots.castBallot('v1', ballot(3, 4), 'last_counts')).toMatchObject({
        ok: false,
        error: 'vote_closed',
      });
      expect((await t.store.ballots.listBallots('v1')).map((b) => b.trackingCode)).toEqual(['tc-1', 'tc-2']);
    });
  });

  describe('revote policies', () => {
    it('last_counts: the newest ballot counts and names the one it superseded', async () => {
      await seedOpenVote(t.store);
      expectOk(await t.store.ballots.castBallot('v1', ballot(1, 1), 'last_counts'));
      expectOk(await t.store.ballots.castBallot('v1', ballot(2, 2), 'last_counts'));
      const second = expectOk(await t.store.ballots.castBallot('v1', ballot(3, 1), 'last_counts'));
      expect(second).toMatchObject({ counted: true, supersededTrackingCode: 'tc-1' });
      const third = expectOk(await t.store.ballots.castBallot('v1', ballot(4, 1), 'last_counts'));
      expect(third).toMatchObject({ counted: true, supersededTrackingCode: 'tc-3' });
      expect((await t.store.ballots.listBallots('v1', { countedOnly: true })).map((b) => b.trackingCode)).toEqual([
        'tc-2',
        'tc-4',
      ]);
      expect((await t.store.ballots.listBallots('v1')).map((b) => [b.trackingCode, b.counted])).toEqual([
        ['tc-1', false],
        ['tc-2', true],
        ['tc-3', false],
        ['tc-4', true],
      ]);
    });

    it('first_counts: later ballots are kept but not counted', async () => {
      await seedOpenVote(t.store);
      expectOk(await t.store.ballots.castBallot('v1', ballot(1, 1), 'first_counts'));
      const again = expectOk(await t.store.ballots.castBallot('v1', ballot(2, 1), 'first_counts'));
      expect(again).toMatchObject({ sequence: 2, counted: false, supersededTrackingCode: null });
      expect((await t.store.ballots.listBallots('v1', { countedOnly: true })).map((b) => b.trackingCode)).toEqual([
        'tc-1',
      ]);
      expect(await t.store.ballots.listBallots('v1')).toHaveLength(2);
    });

    it('the database itself refuses a second counted ballot for a credential', async () => {
      await seedOpenVote(t.store);
      expectOk(await t.store.ballots.castBallot('v1', ballot(1, 1), 'last_counts'));
      expectOk(await t.store.ballots.castBallot('v1', ballot(2, 1), 'last_counts'));
      const row = { vote_id: 'v1', credential: credentialHex(1), ballot: '{}', received_at: 'x' };
      await expect(
        t.store.kysely
          .insertInto('ballots')
          .values({ ...row, sequence: 90, tracking_code: 'raw-1', counted: 1 })
          .execute(),
      ).rejects.toThrow();
      await expect(
        t.store.kysely
          .updateTable('ballots')
          .set({ counted: 1 })
          .where('tracking_code', '=', 'tc-1')
          .execute(),
      ).rejects.toThrow();
      // Uncounted duplicates are fine at the database level (first_counts keeps them).
      await t.store.kysely
        .insertInto('ballots')
        .values({ ...row, sequence: 91, tracking_code: 'raw-2', counted: 0 })
        .execute();
      // A ballot for a credential the vote does not list is refused by the foreign key.
      await expect(
        t.store.kysely
          .insertInto('ballots')
          .values({ ...row, credential: credentialHex(99), sequence: 92, tracking_code: 'raw-3', counted: 1 })
          .execute(),
      ).rejects.toThrow();
      expect((await t.store.ballots.listBallots('v1', { countedOnly: true })).map((b) => b.trackingCode)).toEqual([
        'tc-2',
      ]);
    });

    it('keeps one counted ballot per credential under concurrent casts', async () => {
      await seedOpenVote(t.store, 4);
      const casts = Array.from({ length: 24 }, (_, i) =>
        t.store.ballots.castBallot('v1', ballot(i + 1, (i % 4) + 1), i % 2 === 0 ? 'last_counts' : 'first_counts'),
      );
      const receipts = (await Promise.all(casts)).map(expectOk);
      expect(receipts.map((r) => r.sequence).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 24 }, (_, i) => i + 1),
      );
      const counted = await t.store.ballots.listBallots('v1', { countedOnly: true });
      expect(counted.map((b) => b.credential).sort()).toEqual([1, 2, 3, 4].map(credentialHex));
    });
  });
}

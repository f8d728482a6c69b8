// Contract: the board's hash chain (contiguous seq, prevHash links, caller's hash), the atomic
// cast-plus-event, and transaction(fn) leaving nothing half-written.
import { err, ok } from '@ratify/crypto';
import { describe, expect, it } from 'vitest';
import type { BallotSubmission, BoardEvent, BoardEventInput, CastReceipt, ComputeHash, RevotePolicy, Store } from '../../src/index.ts';
import { FIXED_TIME, ballot, expectOk, seedOpenVote, testHash, useStore } from './fixtures.ts';
import type { StoreFactory } from './fixtures.ts';

const event = (n: number) => ({ kind: 'note', payload: `{"n":${n}}` });

/** Checks contiguous seq from 0 and that each event links and hashes as the chain says. */
function expectChain(events: readonly BoardEvent[]): void {
  events.forEach((e, i) => {
    expect(e.seq).toBe(i);
    expect(e.prevHash).toBe(i === 0 ? null : events[i - 1]?.hash);
    expect(e.hash).toBe(testHash({ prevHash: e.prevHash, seq: e.seq, kind: e.kind, payload: e.payload }));
  });
}

export function boardContract(factory: StoreFactory): void {
  const t = useStore(factory);

  describe('board events', () => {
    it('appends a hash chain from seq 0 and reports its head', async () => {
      await seedOpenVote(t.store);
      expect(await t.store.board.head('v1')).toBeNull();
      const first = expectOk(await t.store.board.appendEvent('v1', event(0), testHash));
      expect(first).toEqual({
        voteId: 'v1',
        seq: 0,
        prevHash: null,
        ...event(0),
        hash: testHash({ prevHash: null, seq: 0, ...event(0) }),
        createdAt: FIXED_TIME.toISOString(),
      });
      for (let n = 1; n < 5; n += 1) expectOk(await t.store.board.appendEvent('v1', event(n), testHash));
      const events = await t.store.board.listEvents('v1');
      expectChain(events);
      expect(await t.store.board.head('v1')).toEqual({ seq: 4, hash: events[4]?.hash });
      expect((await t.store.board.listEvents('v1', { fromSeq: 2, limit: 2 })).map((e) => e.seq)).toEqual([2, 3]);
      expect(await t.store.board.appendEvent('nope', event(0), testHash)).toMatchObject({
        ok: false,
        error: 'vote_not_found',
      });
    });

    it('keeps seq contiguous per vote under concurrent appends', async () => {
      await seedOpenVote(t.store, 1, 'v1');
      await seedOpenVote(t.store, 1, 'v2');
      await Promise.all(
        Array.from({ length: 40 }, (_, n) =>
          t.store.board.appendEvent(n % 2 === 0 ? 'v1' : 'v2', event(n), testHash),
        ),
      );
      for (const vote of ['v1', 'v2']) {
        const events = await t.store.board.listEvents(vote);
        expect(events).toHaveLength(20);
        expectChain(events);
      }
    });

    it('appends nothing when the hash function throws, and carries on after', async () => {
      await seedOpenVote(t.store);
      expectOk(await t.store.board.appendEvent('v1', event(0), testHash));
      await expect(
        t.store.board.appendEvent('v1', event(1), () => {
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      await expect(t.store.board.appendEvent('v1', event(1), () => 'NOT HEX')).rejects.toThrow();
      expectOk(await t.store.board.appendEvent('v1', event(1), testHash));
      expectChain(await t.store.board.listEvents('v1'));
    });

    it('refuses a second event at the same seq in the database', async () => {
      await seedOpenVote(t.store);
      const first = expectOk(await t.store.board.appendEvent('v1', event(0), testHash));
      const { voteId: vote_id, prevHash: prev_hash, createdAt: created_at, ...rest } = first;
      await expect(
        t.store.kysely
          .insertInto('board_events')
          .values({ ...rest, vote_id, prev_hash, created_at })
          .execute(),
      ).rejects.toThrow();
    });
  });

  /** A cast and its board event composed from two ports in one transaction, as the engine does. */
  const castWithEvent = (
    store: Store,
    voteId: string,
    submission: BallotSubmission,
    policy: RevotePolicy,
    toEvent: (receipt: CastReceipt) => BoardEventInput,
    hash: ComputeHash,
  ) =>
    store.transaction(async (tx) => {
      const cast = await tx.ballots.castBallot(voteId, submission, policy);
      if (!cast.ok) return cast;
      const appended = await tx.board.appendEvent(voteId, toEvent(cast.value), hash);
      return appended.ok ? ok({ receipt: cast.value, event: appended.value }) : appended;
    });

  describe('atomic cast and board event (two ports, one transaction)', () => {
    it('stores the ballot and its event together', async () => {
      await seedOpenVote(t.store);
      const { receipt, event: e } = expectOk(
        await castWithEvent(t.store, 
          'v1',
          ballot(1, 1),
          'last_counts',
          (r) => ({ kind: 'ballot', payload: `{"tracking_code":"${r.trackingCode}"}` }),
          testHash,
        ),
      );
      expect(receipt.trackingCode).toBe('tc-1');
      expect(e).toMatchObject({ seq: 0, kind: 'ballot', payload: '{"tracking_code":"tc-1"}' });
    });

    it('stores neither when the cast is refused or building the event fails', async () => {
      await seedOpenVote(t.store);
      const toEvent = () => event(0);
      expect(
        await castWithEvent(t.store, 'v1', ballot(1, 99), 'last_counts', toEvent, testHash),
      ).toMatchObject({ ok: false, error: 'unknown_credential' });
      await expect(
        castWithEvent(t.store, 
          'v1',
          ballot(1, 1),
          'last_counts',
          () => {
            throw new Error('no');
          },
          testHash,
        ),
      ).rejects.toThrow('no');
      expect(await t.store.ballots.listBallots('v1')).toEqual([]);
      expect(await t.store.board.listEvents('v1')).toEqual([]);
      expect(
        expectOk(await castWithEvent(t.store, 'v1', ballot(1, 1), 'last_counts', toEvent, testHash))
          .receipt.sequence,
      ).toBe(1);
    });
  });

  describe('transaction(fn)', () => {
    const castTwoAndNote = (tx: Store) => async () => {
      expectOk(await tx.ballots.castBallot('v1', ballot(1, 1), 'last_counts'));
      expectOk(await tx.ballots.castBallot('v1', ballot(2, 2), 'last_counts'));
      return tx.board.appendEvent('v1', event(0), testHash);
    };

    it('commits every step on ok', async () => {
      await seedOpenVote(t.store);
      expectOk(await t.store.transaction((tx) => castTwoAndNote(tx)()));
      expect(await t.store.ballots.listBallots('v1')).toHaveLength(2);
      expect(await t.store.board.listEvents('v1')).toHaveLength(1);
    });

    it('rolls back every step on an error result or a throw', async () => {
      await seedOpenVote(t.store);
      const refused = await t.store.transaction(async (tx) => {
        await castTwoAndNote(tx)();
        return err('vote_closed');
      });
      expect(refused).toMatchObject({ ok: false, error: 'vote_closed' });
      await expect(
        t.store.transaction(async (tx) => {
          await castTwoAndNote(tx)();
          throw new Error('crash mid-way');
        }),
      ).rejects.toThrow('crash mid-way');
      expect(await t.store.ballots.listBallots('v1')).toEqual([]);
      expect(await t.store.board.listEvents('v1')).toEqual([]);
      expect(await t.store.board.head('v1')).toBeNull();
    });

    it('undoes only a refused step inside a transaction that goes on to succeed', async () => {
      await seedOpenVote(t.store);
      const outcome = await t.store.transaction(async (tx) => {
        expect(await tx.ballots.castBallot('v1', ballot(1, 99), 'last_counts')).toMatchObject({
          ok: false,
          error: 'unknown_credential',
        });
        const nested = await tx.transaction(async (inner) => {
          expectOk(await inner.ballots.castBallot('v1', ballot(2, 2), 'last_counts'));
          return err('duplicate_ballot');
        });
        expect(nested.ok).toBe(false);
        return tx.ballots.castBallot('v1', ballot(3, 3), 'last_counts');
      });
      expect(expectOk(outcome).sequence).toBe(1);
      expect((await t.store.ballots.listBallots('v1')).map((b) => [b.sequence, b.trackingCode])).toEqual([
        [1, 'tc-3'],
      ]);
    });
  });
}

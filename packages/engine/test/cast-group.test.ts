// Group commit (decision 0022): ballots cast concurrently are stored several per transaction, each
// in its own savepoint; a refused ballot rolls back alone; no cast resolves before the commit that
// holds it; a failed commit fails every ballot of its group and leaves nothing stored; the board's
// hash chain and the ballot box stay consistent, and each receipt names its own ballot.
import { describe, expect, it } from 'vitest';
import { ristretto255 as g, seededRandom, toHex, unwrap, type Result } from '@ratify/crypto';
import { asUnionId, asVoteId, type BoardEventKind, computeEventHash, createBallot, credentialSecret, encodeBallot, GENESIS_HASH, generatePrivateCredential, publicCredential, generateElectionId } from '@ratify/protocol';
import { openStore, type Store } from '@ratify/storage';
import { createCastCommitter, createEngine, definitionCeremonyContext, runLocalCeremony, type VoteDefinition } from '../src/index.ts';
import { ristretto255 as caGroup } from '@ratify/crypto';
import { newAuthority } from '@ratify/engine';

/** The election committee's offline credential authority for this file's votes (test key). */
const TEST_AUTHORITY = newAuthority(caGroup, 'offline');

const rng = seededRandom('cast-group');
const VOTE = asVoteId('group-commit');
const VOTERS = 12;

async function setUp(wrap: (store: Store) => Store = (s) => s, castGroupMax?: number) {
  const store = await openStore(':memory:');
  const engine = createEngine({ store: wrap(store), now: () => new Date('2026-11-10T12:00:00Z'), ...(castGroupMax !== undefined && { castGroupMax }) });
  unwrap(await store.members.createUnion({ id: asUnionId('guild'), name: 'Guild' }));
  const members = Array.from({ length: VOTERS }, (_, i) => ({ memberNumber: `M${i}`, name: `Member ${i}`, email: `m${i}@example.org`, goodStanding: true, unit: null }));
  unwrap(await store.members.importRoll(asUnionId('guild'), members));
  const definition: VoteDefinition = {
    credentialAuthority: TEST_AUTHORITY.credentialAuthority,
    voteId: VOTE,
    electionId: generateElectionId(),
    title: 'Group commit',
    unionId: 'guild',
    unionName: 'Guild',
    recordDate: '2026-11-01',
    schedule: { opensAt: '2026-11-02T09:00:00Z', closesAt: '2026-11-20T17:00:00Z' },
    questions: [{ id: 'ratify', kind: 'yes_no', text: 'Ratify?', options: ['yes', 'no'], min: 1, max: 1, blankAllowed: false, rule: { kind: 'ratification', blankPolicy: 'excluded' } }],
    trustees: { threshold: 2, members: [1, 2, 3].map((i) => ({ id: `t${i}`, name: `Trustee ${i}` })) },
  };
  const ceremony = runLocalCeremony(g, { context: definitionCeremonyContext(definition), threshold: 2, trusteeCount: 3 }, rng);
  unwrap(await engine.createVote(definition, ceremony.messages));
  const creds = members.map(() => generatePrivateCredential(rng));
  // With the private holder link (decision 0018): each member casts with their own credential.
  unwrap(await engine.publishHeldCredentials(VOTE, creds.map((c, i) => ({ credential: toHex(g.encodeElement(publicCredential(g, definition, c))), memberNumber: members[i]!.memberNumber })), { key: TEST_AUTHORITY.key }));
  unwrap(await engine.openVote(VOTE));
  const ctx = unwrap(await engine.context(VOTE));
  const ballots = creds.map((c, i) => encodeBallot(g, unwrap(createBallot(ctx.ballotParams, [i % 2 === 0 ? [1, 0] : [0, 1]], credentialSecret(g, definition, c), rng)).ballot));
  return { store, engine, ballots, members };
}

/** The board's chain recomputed from its stored events: every link and hash. */
async function chainHolds(store: Store): Promise<boolean> {
  let prev: string | null = null;
  for (const e of await store.board.listEvents(VOTE)) {
    if (e.prevHash !== prev) return false;
    if (computeEventHash(VOTE, e.seq, prev ?? GENESIS_HASH, e.kind as BoardEventKind, e.payload) !== e.hash) return false;
    prev = e.hash;
  }
  return true;
}

describe('group commit of cast ballots', () => {
  it('stores concurrent casts several per commit; every receipt is its own ballot; the chain holds', async () => {
    const { store, engine, ballots, members } = await setUp();
    const receipts = await Promise.all(ballots.map((b, i) => engine.castBallot(VOTE, b, { memberNumber: members[i]!.memberNumber })));
    expect(receipts.every((r) => r.ok)).toBe(true);
    const sizes = engine.castGroupSizes();
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(VOTERS);
    expect(Math.max(...sizes)).toBeGreaterThan(1);
    const stored = await store.ballots.listBallots(VOTE);
    expect(stored).toHaveLength(VOTERS);
    // Each receipt's tracking code is the one stored with its ballot text.
    for (const [i, r] of receipts.entries()) expect(stored.find((s) => s.ballot === ballots[i])?.trackingCode).toBe(unwrap(r).trackingCode);
    expect(await chainHolds(store)).toBe(true);
    expect((await store.board.head(VOTE))?.hash).toBe(unwrap(receipts[receipts.length - 1]!).boardHead);
  });

  it('with castGroupMax 1, one commit per ballot', async () => {
    const { engine, ballots } = await setUp(undefined, 1);
    const receipts = await Promise.all(ballots.slice(0, 4).map((b) => engine.castBallot(VOTE, b)));
    expect(receipts.every((r) => r.ok)).toBe(true);
    expect(engine.castGroupSizes()).toEqual([1, 1, 1, 1]);
  });

  it('a refused ballot inside a group rolls back alone; the others commit', async () => {
    const { store, engine, ballots } = await setUp();
    // The same ballot twice in one burst: the second is a duplicate, refused inside the group.
    const burst = [ballots[0]!, ballots[1]!, ballots[0]!, ballots[2]!];
    const results = await Promise.all(burst.map((b) => engine.castBallot(VOTE, b)));
    expect(results.map((r) => (r.ok ? 'ok' : r.error))).toEqual(['ok', 'ok', 'duplicate_ballot', 'ok']);
    expect(Math.max(...engine.castGroupSizes())).toBeGreaterThan(1);
    expect(await store.ballots.listBallots(VOTE)).toHaveLength(3);
    expect((await store.board.listEvents(VOTE)).filter((e) => e.kind === 'ballot_accepted')).toHaveLength(3);
    expect(await chainHolds(store)).toBe(true);
  });

  it('no cast resolves before the commit that holds its ballot', async () => {
    const events: string[] = [];
    const observed = (store: Store): Store =>
      Object.assign(Object.create(store) as Store, {
        transaction: async <T, E extends string>(fn: (tx: Store) => Promise<Result<T, E>>) => {
          const r = await store.transaction(fn);
          events.push('commit');
          return r;
        },
      });
    const { engine, ballots } = await setUp(observed);
    const before = events.length;
    await Promise.all(ballots.slice(0, 6).map((b) => engine.castBallot(VOTE, b).then(() => events.push('receipt'))));
    const cast = events.slice(before);
    expect(cast.filter((e) => e === 'receipt')).toHaveLength(6);
    expect(cast[0]).toBe('commit');
    // Receipts come in runs after the commit of their group, never more than that group held.
    const sizes = engine.castGroupSizes();
    const runs = cast.join(' ').split('commit').slice(1).map((s) => s.trim().split(' ').filter((x) => x === 'receipt').length);
    expect(runs).toEqual(sizes);
  });

  it('a failed commit fails every ballot of its group and stores none of them', async () => {
    let failNext = false;
    const failing = (store: Store): Store =>
      Object.assign(Object.create(store) as Store, {
        transaction: async <T, E extends string>(fn: (tx: Store) => Promise<Result<T, E>>) => {
          if (!failNext) return store.transaction(fn);
          failNext = false;
          // The group's statements run, then the commit fails (a full disk, an I/O error).
          await store.transaction(async (tx) => {
            await fn(tx);
            return { ok: false, error: 'forced_rollback' } as Result<T, 'forced_rollback'>;
          });
          throw new Error('disk I/O error at commit');
        },
      });
    const { store, engine, ballots } = await setUp(failing);
    failNext = true;
    const burst = ballots.slice(0, 5).map((b) => engine.castBallot(VOTE, b));
    const settled = await Promise.allSettled(burst);
    const firstGroup = engine.castGroupSizes().length === 0 ? 5 : 5 - engine.castGroupSizes().reduce((a, b) => a + b, 0);
    expect(settled.filter((s) => s.status === 'rejected')).toHaveLength(firstGroup);
    expect(firstGroup).toBeGreaterThan(1);
    expect(settled.filter((s) => s.status === 'rejected').every((s) => /disk I\/O error/.test(String((s as PromiseRejectedResult).reason)))).toBe(true);
    expect(await store.ballots.listBallots(VOTE)).toHaveLength(5 - firstGroup);
    expect(await chainHolds(store)).toBe(true);
    // The failed ones can be cast again (nothing of them was stored).
    const again = await Promise.all(ballots.slice(0, 5).map((b) => engine.castBallot(VOTE, b)));
    expect(again.filter((r) => r.ok)).toHaveLength(firstGroup);
  });

  it('refuses a group cap that is not a whole number ≥ 1', async () => {
    const store = await openStore(':memory:');
    expect(() => createCastCommitter(store, 0)).toThrow(/maxGroup/);
    expect(() => createCastCommitter(store, 1.5)).toThrow(/maxGroup/);
  });
});

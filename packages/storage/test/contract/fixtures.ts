// Builders and helpers shared by the contract suites: a fresh store per test, seeded unions,
// members, votes, credentials and ballots, and a test-only hash for board chains.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach } from 'vitest';
import type { Kysely } from 'kysely';
import type { BallotSubmission, ComputeHash, Database, MemberRecord, Store } from '../../src/index.ts';

/** A store under test plus raw Kysely access, used only to prove database-level constraints. */
export type StoreUnderTest = Store & { readonly kysely: Kysely<Database> };
export type StoreFactory = (options: { readonly now: () => Date }) => Promise<StoreUnderTest>;

export const FIXED_TIME = new Date('2026-11-26T12:00:00.000Z');

/** Opens a fresh store before each test and closes it after; read `.store` inside tests. */
export function useStore(factory: StoreFactory): { readonly store: StoreUnderTest } {
  const holder: { store: StoreUnderTest | undefined } = { store: undefined };
  beforeEach(async () => {
    holder.store = await factory({ now: () => FIXED_TIME });
  });
  afterEach(async () => {
    await holder.store?.close();
    holder.store = undefined;
  });
  return {
    get store(): StoreUnderTest {
      if (holder.store === undefined) throw new Error('store used outside a test');
      return holder.store;
    },
  };
}

export const member = (n: number, overrides: Partial<MemberRecord> = {}): MemberRecord => ({
  memberNumber: `M${n}`,
  name: `Member ${n}`,
  email: `member${n}@example.org`,
  goodStanding: true,
  unit: null,
  ...overrides,
});

export const credentialHex = (n: number): string => n.toString(16).padStart(64, '0');

export const ballot = (
  n: number,
  credential: number,
  overrides: Partial<BallotSubmission> = {},
): BallotSubmission => ({
  credential: credentialHex(credential),
  trackingCode: `tc-${n}`,
  ballot: `{"answers":[${n % 2}],"n":${n}}`,
  ...overrides,
});

/** Test-only chain hash; the real one is the protocol's. */
export const testHash: ComputeHash = ({ prevHash, seq, kind, payload }) =>
  createHash('sha256')
    .update(JSON.stringify([prevHash, seq, kind, payload]))
    .digest('hex');

/** Unwraps an ok Result or fails the test with its error code. */
export function expectOk<T>(
  result: { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string },
): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error}`);
  return result.value;
}

/** A union `u1` with members M1..M{count}; every 4th is not in good standing. */
export async function seedUnion(store: Store, id = 'u1', count = 10): Promise<void> {
  expectOk(await store.members.createUnion({ id, name: `Union ${id}` }));
  const rows = Array.from({ length: count }, (_, i) => member(i + 1, { goodStanding: (i + 1) % 4 !== 0 }));
  expectOk(await store.members.importRoll(id, rows));
}

/** A vote `v1` of union `u1`, opened, with credentials 1..credentials. */
export async function seedOpenVote(
  store: Store,
  credentials = 5,
  voteId = 'v1',
  unionId = 'u1',
): Promise<void> {
  if ((await store.members.getUnion(unionId)) === null) await seedUnion(store, unionId);
  expectOk(await store.votes.createVote({ id: voteId, unionId, manifest: `{"vote":"${voteId}"}` }));
  expectOk(
    await store.ballots.addCredentials(
      voteId,
      Array.from({ length: credentials }, (_, i) => credentialHex(i + 1)),
    ),
  );
  expectOk(await store.votes.transitionVote(voteId, 'open'));
}

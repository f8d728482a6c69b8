// Test fixtures: a whole server in-process on 127.0.0.1 (real SQLite in memory, real engine, a
// fake clock, captured logs) and a small seeded scenario — two unions with a dual member, a vote
// per union, credentials from a seeded (test-only) random source — plus helpers to sign in and to
// make ballots as the booth does.
import { type RandomSource, createPartialDecryption, seededRandom, toHex, unwrap } from '@ratify/crypto';
import { type Engine, type VoteAuthority, type VoteDefinition, createEngine, definitionCeremonyContext, flattenTally, newAuthority, ruleOf, runLocalCeremony } from '@ratify/engine';
import { asUnionId, asVoteId, createBallot, credentialSecret, encodeBallot, encodePartialDecryption, generatePrivateCredential, type PrivateCredential, publicCredential, generateElectionId } from '@ratify/protocol';
import { type SqlStore, openSqliteStore } from '@ratify/storage';
import type { FastifyInstance } from 'fastify';
import { type AppConfig, DevMailLog, appConfig, buildApp } from '../src/index.ts';
import { type RatifyClient, createClient } from '../src/client.ts';

export const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';
export const START = new Date('2026-11-10T12:00:00Z');

export type Clock = { now: () => Date; advance: (ms: number) => void };
export function fakeClock(start = START): Clock {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}

type VoteSeed = { readonly voteId: string; readonly unionId: string; readonly unionName: string; readonly members: readonly Seat[]; readonly open?: boolean };
type Seat = { readonly memberNumber: string; readonly email: string; readonly goodStanding?: boolean };

export type SeededVote = {
  readonly voteId: string;
  /** Private credentials by member number (the CLI would mail these; the server never sees them). */
  readonly credentials: ReadonlyMap<string, PrivateCredential>;
  readonly keys: ReturnType<typeof runLocalCeremony>['keys'];
  /** The election committee's offline credential authority (it signed the list). */
  readonly authority: VoteAuthority;
};

export async function seedVote(engine: Engine, seed: VoteSeed, rng: RandomSource): Promise<SeededVote> {
  const { store, group } = engine;
  if ((await store.members.getUnion(asUnionId(seed.unionId))) === null) unwrap(await store.members.createUnion({ id: asUnionId(seed.unionId), name: seed.unionName }));
  unwrap(
    await store.members.importRoll(
      asUnionId(seed.unionId),
      seed.members.map((m) => ({ memberNumber: m.memberNumber, name: `Name ${m.memberNumber}`, email: m.email, goodStanding: m.goodStanding ?? true, unit: null })),
    ),
  );
  const authority = newAuthority(group, 'offline', rng);
  const definition: VoteDefinition = {
    voteId: seed.voteId,
    electionId: generateElectionId(rng),
    credentialAuthority: authority.credentialAuthority,
    title: `Vote ${seed.voteId}`,
    unionId: seed.unionId,
    unionName: seed.unionName,
    recordDate: '2026-11-01',
    schedule: { opensAt: '2026-11-02T09:00:00Z', closesAt: '2026-11-20T17:00:00Z' },
    questions: [{ id: 'q1', kind: 'yes_no', text: 'Do you ratify the agreement?', options: ['yes', 'no'], min: 1, max: 1, blankAllowed: false, rule: ruleOf('supermajority:3/4')! }],
    trustees: { threshold: 2, members: [1, 2, 3].map((i) => ({ id: `trustee-${i}`, name: `Trustee ${i}` })) },
  };
  const ceremony = runLocalCeremony(group, { context: definitionCeremonyContext(definition), threshold: 2, trusteeCount: 3 }, rng);
  unwrap(await engine.createVote(definition, ceremony.messages));
  const eligible = seed.members.filter((m) => m.goodStanding ?? true);
  const credentials = new Map(eligible.map((m) => [m.memberNumber, generatePrivateCredential(rng)] as const));
  // As the CLI's credential authority does: the public list, and privately whose each credential is.
  const links = [...credentials].map(([memberNumber, c]) => ({ credential: toHex(group.encodeElement(publicCredential(group, definition, c))), memberNumber }));
  unwrap(await engine.publishHeldCredentials(asVoteId(seed.voteId), links, { key: authority.key }));
  if (seed.open ?? true) unwrap(await engine.openVote(asVoteId(seed.voteId)));
  return { voteId: seed.voteId, credentials, keys: ceremony.keys, authority };
}

/** A ballot as the booth makes it: canonical JSON text, signed with the member's credential. */
export async function makeBallot(engine: Engine, voteId: string, credential: PrivateCredential, yes: boolean, rng: RandomSource): Promise<string> {
  const ctx = unwrap(await engine.context(asVoteId(voteId)));
  const secret = credentialSecret(engine.group, ctx.manifest, credential);
  const { ballot } = unwrap(createBallot(ctx.ballotParams, [yes ? [1, 0] : [0, 1]], secret, rng));
  return encodeBallot(engine.group, ballot);
}

/** What trustee `index` (0-based) submits after the close. */
export async function makePartialDecryption(engine: Engine, vote: SeededVote, index: number, rng: RandomSource): Promise<string> {
  const ctx = unwrap(await engine.context(asVoteId(vote.voteId)));
  const tally = unwrap(await engine.readTally(asVoteId(vote.voteId)));
  const partial = createPartialDecryption(engine.group, vote.keys[index]!, flattenTally(tally), ctx.fingerprint, rng);
  return encodePartialDecryption(engine.group, partial);
}

export type TestServer = {
  readonly app: FastifyInstance;
  readonly store: SqlStore;
  readonly engine: Engine;
  readonly mail: DevMailLog;
  readonly clock: Clock;
  readonly logs: string[];
  readonly baseUrl: string;
  readonly rng: RandomSource;
  /** A new client (its own cookie jar) against this server. */
  client(options?: { adminToken?: string }): RatifyClient;
  close(): Promise<void>;
};

export async function startServer(overrides: Partial<AppConfig> = {}, wrapStore?: (store: SqlStore) => SqlStore): Promise<TestServer> {
  const clock = fakeClock();
  const store = await openSqliteStore(':memory:', { now: clock.now });
  const engine = createEngine({ store: wrapStore ? wrapStore(store) : store, now: clock.now });
  const mail = new DevMailLog(clock.now);
  const logs: string[] = [];
  const config = appConfig({ adminToken: ADMIN_TOKEN, devMail: true, pepper: new TextEncoder().encode('test-pepper'), ...overrides });
  const app = buildApp({ engine, mailer: mail, devMailLog: mail, clock: clock.now, config, logger: { level: 'info', stream: { write: (line) => void logs.push(line) } } });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app, store, engine, mail, clock, logs, baseUrl: address, rng: seededRandom('server-tests'),
    client: (options = {}) => createClient({ baseUrl: address, ...(options.adminToken !== undefined ? { adminToken: options.adminToken } : {}) }),
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

/** Guild (G1–G4; G4 not in good standing) and Federation (F1–F3); G3 and F1 are one person. */
export const GUILD = { voteId: 'guild-strike', unionId: 'guild', unionName: 'Screen Actors Guild (sample)' };
export const FED = { voteId: 'fed-ratify', unionId: 'fed', unionName: 'Artists Federation (sample)' };
export const DUAL_EMAIL = 'dual@example.org';

export async function seedScenario(server: TestServer): Promise<{ guild: SeededVote; fed: SeededVote }> {
  const guild = await seedVote(
    server.engine,
    {
      ...GUILD,
      members: [
        { memberNumber: 'G1', email: 'g1@example.org' },
        { memberNumber: 'G2', email: 'g2@example.org' },
        { memberNumber: 'G3', email: DUAL_EMAIL },
        { memberNumber: 'G4', email: 'g4@example.org', goodStanding: false },
      ],
    },
    server.rng,
  );
  const fed = await seedVote(
    server.engine,
    { ...FED, members: [{ memberNumber: 'F1', email: DUAL_EMAIL }, { memberNumber: 'F2', email: 'f2@example.org' }, { memberNumber: 'F3', email: 'f3@example.org' }] },
    server.rng,
  );
  return { guild, fed };
}

/** The latest code mailed to `email`, read from the development mail log (a 12-digit code without its spaces). */
export function lastCode(mail: DevMailLog, email: string): string {
  const message = [...mail.messages()].reverse().find((m) => m.to === email);
  const code = message ? /code is (\d{4} \d{4} \d{4}|\d{6})\b/.exec(message.text)?.[1] : undefined;
  if (code === undefined) throw new Error(`no code mailed to ${email}`);
  return code.replace(/ /g, '');
}

/** The latest code mailed to `email`, once the sign-in outbox has made and mailed every code asked for. */
export async function nextCode(server: TestServer, email: string): Promise<string> {
  await server.app.signInOutbox.idle();
  return lastCode(server.mail, email);
}

export async function signIn(server: TestServer, client: RatifyClient, memberNumber: string, email: string): Promise<void> {
  const requested = await client.requestCode(memberNumber);
  if (!requested.ok) throw new Error(`request-code failed: ${requested.error.code}`);
  const verified = await client.verifyCode(memberNumber, await nextCode(server, email));
  if (!verified.ok) throw new Error(`verify-code failed: ${verified.error.code}`);
}

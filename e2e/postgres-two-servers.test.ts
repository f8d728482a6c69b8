// Two server processes (packages/server/src/main.ts, as deployed) on one PostgreSQL database (a fresh
// one on the run's throw-away cluster), behind what would be a load balancer: members sign in on one
// and cast on the other (sessions live in the database), and ballots arrive through both at once.
// The board stays one gap-free, hash-chained sequence with every acknowledged ballot on it; then one
// server is killed with SIGKILL mid-load (casts in flight, more to come): nothing it acknowledged is lost, members
// whose cast went unanswered send the same ballot again through the survivor (accepted, or refused
// as already received when the dead server had committed it), and the exported record verifies with
// every ballot counted. Clients come from distinct addresses (X-Forwarded-For through one trusted
// hop), as members behind a proxy would, so the per-address sign-in limits apply as in production.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { type AddressInfo, createServer } from 'node:net';
import { resolve } from 'node:path';
import { type RandomSource, createPartialDecryption, seededRandom, toHex, unwrap } from '@ratify/crypto';
import { type Engine, type VoteDefinition, createEngine, definitionCeremonyContext, flattenTally, ruleOf, runLocalCeremony } from '@ratify/engine';
import { asUnionId, asVoteId, createBallot, credentialSecret, encodeBallot, trackingCode, encodePartialDecryption, generatePrivateCredential, publicCredential, generateElectionId } from '@ratify/protocol';
import { createClient } from '@ratify/server/client';
import { type Store, openStore } from '@ratify/storage';
import { verifyRecord } from '@ratify/verifier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dropTestDatabase } from '../packages/storage/test/postgres-harness.ts';
import { ristretto255 as caGroup } from '@ratify/crypto';
import { newAuthority } from '@ratify/engine';

/** The election committee's offline credential authority for this file's votes (test key). */
const TEST_AUTHORITY = newAuthority(caGroup, 'offline');

const ROOT = resolve(import.meta.dirname, '..');
const VOTE = asVoteId('two-servers-2027');
const UNION = asUnionId('local-2');
const MEMBERS = 48;
const ADMIN_TOKEN = randomBytes(24).toString('hex');
const PEPPER = randomBytes(32).toString('hex');

type Server = { readonly name: string; readonly url: string; readonly child: ChildProcess; readonly log: () => string };
type Voter = { readonly memberNumber: string; readonly address: string; readonly ballot: string; readonly trackingCode: string; readonly yes: boolean; cookie: string };

let databaseUrl = '';
let store: Store;
let engine: Engine;
let keys: ReturnType<typeof runLocalCeremony>['keys'];
let voters: Voter[] = [];
const servers: Server[] = [];
const acknowledged = new Set<string>();
const rng: RandomSource = seededRandom('two-servers');

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

/** Starts main.ts with DATABASE_URL on the test database; resolves once /api/health answers. */
async function startServer(name: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      RATIFY_PEPPER: PEPPER,
      RATIFY_ADMIN_TOKEN: ADMIN_TOKEN,
      RATIFY_DEV_MAIL: '1',
      RATIFY_ALLOW_INSECURE: '1',
      RATIFY_TRUST_PROXY: '1',
      RATIFY_SCHEDULER_SECONDS: '3600',
      LOG_LEVEL: 'warn',
    },
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server ${name} exited ${child.exitCode}: ${output}`);
    const health = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (health) break;
    if (Date.now() > deadline) throw new Error(`server ${name} did not answer: ${output}`);
    await new Promise((done) => setTimeout(done, 200));
  }
  const server = { name, url, child, log: () => output };
  servers.push(server);
  return server;
}

const client = (server: Server) => createClient({ baseUrl: server.url });

/** Signs a member in on `server` (code read from that server's development mail log); keeps the cookie. */
async function signIn(server: Server, voter: Voter): Promise<void> {
  const api = client(server);
  const headers = { 'x-forwarded-for': voter.address };
  const requested = await api.call('requestCode', { json: { memberNumber: voter.memberNumber }, headers });
  expect(requested.ok, JSON.stringify(requested)).toBe(true);
  // The code leaves through a sign-in outbox after the answer — either server's: the queue of requests
  // is in the database and whichever outbox runs first takes it. Look in both development mail logs.
  const to = `${voter.memberNumber.toLowerCase()}@example.org`;
  let code: string | undefined;
  for (const deadline = Date.now() + 60_000; code === undefined && Date.now() < deadline; ) {
    const logs = await Promise.all(servers.filter((s) => s.child.exitCode === null && s.child.signalCode === null).map(async (s) => unwrap_(await client(s).devMail()).messages));
    const mail = logs.flat().filter((m) => m.to === to).sort((x, y) => x.sentAt.localeCompare(y.sentAt)).at(-1);
    code = /code is (\d{4} \d{4} \d{4}|\d{6})\b/.exec(mail?.text ?? '')?.[1]?.replace(/ /g, '');
    if (code === undefined) await new Promise((done) => setTimeout(done, 100));
  }
  expect(code, `code mailed to ${voter.memberNumber}`).toBeDefined();
  const verified = await api.call('verifyCode', { json: { memberNumber: voter.memberNumber, code }, headers });
  expect(verified.ok, JSON.stringify(verified)).toBe(true);
  voter.cookie = [...api.cookies()].map(([k, v]) => `${k}=${v}`).join('; ');
}

function unwrap_<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** Casts the voter's ballot through `server` with their session; 'ack' when the server acknowledged it. */
async function cast(server: Server, voter: Voter): Promise<'ack' | 'duplicate' | 'no answer'> {
  let r;
  try {
    r = await client(server).call('castBallot', { params: { id: VOTE }, text: voter.ballot, headers: { cookie: voter.cookie, 'x-forwarded-for': voter.address } });
  } catch {
    return 'no answer';
  }
  if (r.ok) {
    expect(r.value.trackingCode).toBe(voter.trackingCode);
    acknowledged.add(voter.trackingCode);
    return 'ack';
  }
  if (r.error.code === 'duplicate_ballot') return 'duplicate';
  throw new Error(`cast of ${voter.memberNumber} through ${server.name}: ${JSON.stringify(r)}`);
}

/** The board and the ballot box as the database holds them: one gap-free chain, gap-free sequences. */
async function checkBoard(): Promise<Set<string>> {
  const events = await store.board.listEvents(VOTE);
  events.forEach((e, i) => {
    expect(e.seq).toBe(i);
    expect(e.prevHash).toBe(i === 0 ? null : events[i - 1]!.hash);
  });
  const ballots = await store.ballots.listBallots(VOTE);
  const sequences = ballots.map((b) => b.sequence).sort((a, b) => a - b);
  expect(sequences).toEqual(sequences.map((_, i) => sequences[0]! + i));
  const codes = ballots.map((b) => b.trackingCode);
  expect(new Set(codes).size).toBe(codes.length);
  // Each stored ballot has its ballot_accepted event on the board, and no event names another.
  const accepted = events.filter((e) => e.kind === 'ballot_accepted').map((e) => (JSON.parse(e.payload) as { trackingCode: string }).trackingCode);
  expect([...accepted].sort()).toEqual([...codes].sort());
  return new Set(codes);
}

beforeAll(async () => {
  databaseUrl = await createTestDatabase('two_servers');
  store = await openStore(databaseUrl);
  engine = createEngine({ store });
  unwrap(await store.members.createUnion({ id: UNION, name: 'Local 2' }));
  const numbers = Array.from({ length: MEMBERS }, (_, i) => `M${String(i + 1).padStart(3, '0')}`);
  unwrap(await store.members.importRoll(UNION, numbers.map((n) => ({ memberNumber: n, name: `Member ${n}`, email: `${n.toLowerCase()}@example.org`, goodStanding: true, unit: null }))));
  const now = Math.floor(Date.now() / 1000) * 1000;
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  const definition: VoteDefinition = {
    credentialAuthority: TEST_AUTHORITY.credentialAuthority,
    voteId: VOTE,
    electionId: generateElectionId(),
    title: 'Two servers, one board',
    unionId: UNION,
    unionName: 'Local 2',
    recordDate: new Date(now - 86_400_000).toISOString().slice(0, 10),
    schedule: { opensAt: iso(now - 3600_000), closesAt: iso(now + 86_400_000) },
    questions: [{ id: 'q1', kind: 'yes_no', text: 'Ratify?', options: ['yes', 'no'], min: 1, max: 1, blankAllowed: false, rule: ruleOf('ratification')! }],
    trustees: { threshold: 2, members: [1, 2, 3].map((i) => ({ id: `trustee-${i}`, name: `Trustee ${i}` })) },
  };
  const ceremony = runLocalCeremony(engine.group, { context: definitionCeremonyContext(definition), threshold: 2, trusteeCount: 3 }, rng);
  keys = ceremony.keys;
  unwrap(await engine.createVote(definition, ceremony.messages));
  const credentials = numbers.map(() => generatePrivateCredential(rng));
  // Each member casts only with their own credential (the private member ↔ credential link).
  unwrap(await engine.publishHeldCredentials(VOTE, credentials.map((c, i) => ({ credential: toHex(engine.group.encodeElement(publicCredential(engine.group, definition, c))), memberNumber: numbers[i]! })), { key: TEST_AUTHORITY.key }));
  unwrap(await engine.openVote(VOTE));
  const ctx = unwrap(await engine.context(VOTE));
  voters = numbers.map((memberNumber, i) => {
    const yes = i % 3 !== 0;
    const { ballot } = unwrap(createBallot(ctx.ballotParams, [yes ? [1, 0] : [0, 1]], credentialSecret(engine.group, definition, credentials[i]!), rng));
    return { memberNumber, address: `10.0.${i >> 8}.${i & 255}`, ballot: encodeBallot(engine.group, ballot), trackingCode: trackingCode(engine.group, ballot), yes, cookie: '' };
  });
  await startServer('A');
  await startServer('B');
}, 240_000);

afterAll(async () => {
  for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGTERM');
  await Promise.all(servers.map((s) => (s.child.exitCode === null && s.child.signalCode === null ? new Promise((done) => s.child.once('exit', done)) : undefined)));
  await store?.close();
  if (databaseUrl !== '') await dropTestDatabase(databaseUrl);
});

describe('two server processes on one PostgreSQL database', () => {
  it('cast concurrently through both: one gap-free board holding every acknowledged ballot', async () => {
    const [a, b] = servers as [Server, Server];
    const first = voters.slice(0, MEMBERS / 2);
    // Sign in on one server, cast on the other: the session lives in the database.
    await Promise.all(first.map((v, i) => signIn(i % 2 === 0 ? a : b, v)));
    const outcomes = await Promise.all(first.map((v, i) => cast(i % 2 === 0 ? b : a, v)));
    expect(outcomes.every((o) => o === 'ack')).toBe(true);
    const onBoard = await checkBoard();
    expect(onBoard.size).toBe(first.length);
    for (const code of acknowledged) expect(onBoard.has(code)).toBe(true);
  }, 240_000);

  it('loses nothing acknowledged when one is killed (SIGKILL) mid-load; the record verifies', async () => {
    const [a, b] = servers as [Server, Server];
    const second = voters.slice(MEMBERS / 2);
    const through = (i: number) => (i % 3 === 0 ? a : b);
    await Promise.all(second.map((v, i) => signIn(through(i), v)));
    // Casts flow through both servers, four at a time each, two in three through B; B is killed
    // when it acknowledges its third ballot, with casts in flight and more still to come.
    let acksFromB = 0;
    let killedWith = -1;
    const outcomes = new Map<Voter, 'ack' | 'duplicate' | 'no answer'>();
    const pipeline = async (server: Server, queue: Voter[]) => {
      const worker = async () => {
        for (let v = queue.shift(); v !== undefined; v = queue.shift()) {
          const outcome = await cast(server, v);
          outcomes.set(v, outcome);
          if (server === b && outcome === 'ack' && ++acksFromB === 3) {
            killedWith = acknowledged.size;
            b.child.kill('SIGKILL');
          }
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
    };
    await Promise.all([pipeline(a, second.filter((_, i) => through(i) === a)), pipeline(b, second.filter((_, i) => through(i) === b))]);
    await new Promise((done) => (b.child.exitCode !== null || b.child.signalCode !== null ? done(undefined) : b.child.once('exit', done)));
    expect(b.child.signalCode).toBe('SIGKILL');
    expect(killedWith).toBeGreaterThan(0);
    const unanswered = second.filter((v) => outcomes.get(v) === 'no answer');
    expect(unanswered.length, 'casts B never answered').toBeGreaterThan(0);
    expect(second.every((v) => outcomes.get(v) === 'ack' || outcomes.get(v) === 'no answer')).toBe(true);
    // Nothing acknowledged (by A or by B before it died) is lost.
    const afterKill = await checkBoard();
    for (const code of acknowledged) expect(afterKill.has(code), code).toBe(true);
    // The unanswered members send the same ballot again through A: taken now, or already there.
    for (const v of unanswered) {
      const again = await cast(a, v);
      expect(again === 'ack' || (again === 'duplicate' && afterKill.has(v.trackingCode))).toBe(true);
    }
    const onBoard = await checkBoard();
    expect([...onBoard].sort()).toEqual(voters.map((v) => v.trackingCode).sort());

    // Close through A, two trustees' parts, publish; the exported record verifies and counts all.
    const admin = createClient({ baseUrl: a.url, adminToken: ADMIN_TOKEN });
    const closed = unwrap_(await admin.admin.close(VOTE));
    expect(closed.ballotsCounted).toBe(MEMBERS);
    const ctx = unwrap(await engine.context(VOTE));
    const tally = flattenTally(unwrap(await engine.readTally(VOTE)));
    for (const key of [keys[0]!, keys[1]!]) {
      unwrap_(await admin.admin.submitPartialDecryption(VOTE, encodePartialDecryption(engine.group, createPartialDecryption(engine.group, key, tally, ctx.fingerprint, rng))));
    }
    const published = unwrap_(await admin.admin.publishResult(VOTE));
    const yes = voters.filter((v) => v.yes).length;
    expect(published.result.questions[0]!.counts).toMatchObject({ options: [yes, MEMBERS - yes] });
    const record = unwrap_(await createClient({ baseUrl: a.url }).record(VOTE));
    const report = await verifyRecord(record.files);
    expect(report.ok, JSON.stringify(report).slice(0, 2000)).toBe(true);
    await checkBoard();
  }, 300_000);
});

// Casting at volume: `npm run bench:cast` (about two minutes; `-- --quick` about one).
// Seeds a real SQLite database file (a vote with one member per ballot, credentials, sessions stored
// as the sign-in flow stores them), pre-generates valid ballots as the booth makes them, then starts
// the real server (packages/server/src/main.ts, its ballot-check worker pool, FULL-sync WAL) on
// 127.0.0.1 and drives POST /api/votes/:id/ballots over HTTP keep-alive. Per server it measures a
// baseline at 1 request in flight, then the rest at --concurrency requests in flight, and prints
// throughput and p50/p99 latency with the ratio to the baseline of the same run. The server runs
// twice on copies of the same database: with group commit (the default) and with
// RATIFY_CAST_GROUP_MAX=1 (one commit per ballot), so the gain is measured in the same run.
// Asserts nothing about speed; every answer must be a 201 receipt or the bench fails.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { toHex, unwrap, systemRandom } from '../packages/crypto/src/index.ts';
import { createEngine, definitionCeremonyContext, ruleOf, runLocalCeremony, type VoteDefinition } from '../packages/engine/src/index.ts';
import { asUnionId, asVoteId, createBallot, credentialSecret, encodeBallot, generatePrivateCredential, publicCredential, generateElectionId } from '../packages/protocol/src/index.ts';
import { openSqliteStore } from '../packages/storage/src/index.ts';
import { hashSessionToken } from '../packages/server/src/auth/secrets.ts';
import { machineLoad } from './measure.ts';
import { ristretto255 as caGroup } from '@ratify/crypto';
import { newAuthority } from '@ratify/engine';

/** The election committee's offline credential authority for this file's votes (test key). */
const TEST_AUTHORITY = newAuthority(caGroup, 'offline');

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const BASELINE = option('--baseline', quick ? 60 : 150);
const LOADED = option('--ballots', quick ? 600 : 2000);
const CONCURRENCY = option('--concurrency', 64);
const WARMUP = 40;
const TOTAL = WARMUP + BASELINE + LOADED;
const ROOT = resolve(import.meta.dirname, '..');
const VOTE = asVoteId('bench-cast');
const UNION = asUnionId('bench-union');

type Prepared = { readonly dbPath: string; readonly ballots: readonly { readonly cookie: string; readonly text: string }[] };

async function prepare(dir: string): Promise<Prepared> {
  const dbPath = join(dir, 'seed.db');
  const store = await openSqliteStore(dbPath);
  const engine = createEngine({ store });
  const group = engine.group;
  unwrap(await store.members.createUnion({ id: UNION, name: 'Bench Guild' }));
  const members = Array.from({ length: TOTAL }, (_, i) => ({
    memberNumber: `B${String(i + 1).padStart(7, '0')}`,
    name: `Member ${i + 1}`,
    email: `member${i + 1}@example.org`,
    goodStanding: true,
    unit: null,
  }));
  unwrap(await store.members.importRoll(UNION, members));
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const definition: VoteDefinition = {
    credentialAuthority: TEST_AUTHORITY.credentialAuthority,
    voteId: VOTE,
    electionId: generateElectionId(),
    title: 'Bench: casting at volume',
    unionId: UNION,
    unionName: 'Bench Guild',
    recordDate: new Date(now - 86_400_000).toISOString().slice(0, 10),
    // Open now and for a day: the server's scheduler must not close it during the run.
    schedule: { opensAt: iso(now - 3_600_000), closesAt: iso(now + 86_400_000) },
    questions: [{ id: 'ratify', kind: 'yes_no', text: 'Do you ratify?', options: ['yes', 'no'], min: 1, max: 1, blankAllowed: false, rule: ruleOf('ratification')! }],
    trustees: { threshold: 2, members: [1, 2, 3].map((i) => ({ id: `trustee-${i}`, name: `Trustee ${i}` })) },
  };
  const ceremony = runLocalCeremony(group, { context: definitionCeremonyContext(definition), threshold: 2, trusteeCount: 3 }, systemRandom);
  unwrap(await engine.createVote(definition, ceremony.messages));
  const credentials = members.map(() => generatePrivateCredential(systemRandom));
  unwrap(await engine.publishCredentials(VOTE, credentials.map((c) => toHex(group.encodeElement(publicCredential(group, definition, c)))), { key: TEST_AUTHORITY.key }));
  unwrap(await engine.openVote(VOTE));
  const ctx = unwrap(await engine.context(VOTE));
  const ballots: { cookie: string; text: string }[] = [];
  const expiresAt = new Date(now + 86_400_000).toISOString();
  for (const [i, m] of members.entries()) {
    const token = randomBytes(32).toString('base64url');
    await store.signIn.createSession({ tokenHash: hashSessionToken(token), unionId: UNION, memberNumber: m.memberNumber, expiresAt });
    const secret = credentialSecret(group, definition, credentials[i]!);
    const { ballot } = unwrap(createBallot(ctx.ballotParams, [i % 3 === 0 ? [0, 1] : [1, 0]], secret, systemRandom));
    ballots.push({ cookie: `ratify_session=${token}`, text: encodeBallot(group, ballot) });
  }
  await store.close();
  return { dbPath, ballots };
}

type Server = { readonly url: string; stop(): Promise<void> };

/** Starts packages/server/src/main.ts on a copy of the seeded database; resolves once it listens. */
function startServer(dbPath: string, env: Record<string, string>): Promise<Server> {
  const profile = args.includes('--profile') ? ['--cpu-prof', `--cpu-prof-dir=${join(ROOT, 'bench-profiles')}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', join(ROOT, 'packages/server/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      DATABASE_URL: `sqlite:${dbPath}`,
      PORT: '0',
      HOST: '127.0.0.1',
      RATIFY_ADMIN_TOKEN: 'bench-admin-token-not-secret',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (process.env['BENCH_SHOW_SERVER_STDERR'] === '1') process.stderr.write(d);
  });
  return new Promise((resolveStart, rejectStart) => {
    child.once('exit', (code) => rejectStart(new Error(`the server exited (${code}) before listening: ${stderr}`)));
    // Every log line is read (and dropped) so the pipe never blocks the server.
    createInterface({ input: child.stdout }).on('line', (line) => {
      const url = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
      if (url === undefined) return;
      resolveStart({
        url,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

type Phase = { readonly ballots: number; readonly seconds: number; readonly p50: number; readonly p99: number; readonly perSecond: number };

async function drive(url: string, ballots: Prepared['ballots'], inFlight: number): Promise<Phase> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    for (;;) {
      const i = next++;
      if (i >= ballots.length) return;
      const t = performance.now();
      const response = await fetch(`${url}/api/votes/${VOTE}/ballots`, {
        method: 'POST',
        headers: { cookie: ballots[i]!.cookie, 'content-type': 'application/json' },
        body: ballots[i]!.text,
      });
      const body = await response.text();
      if (response.status !== 201) throw new Error(`ballot ${i}: HTTP ${response.status} ${body}`);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, ballots.length) }, lane));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { ballots: ballots.length, seconds, p50: at(0.5), p99: at(0.99), perSecond: ballots.length / seconds };
}

const row = (label: string, p: Phase, base?: Phase) =>
  `  ${label.padEnd(34)} ${String(p.ballots).padStart(5)} ballots ${p.seconds.toFixed(1).padStart(6)} s ${p.perSecond.toFixed(0).padStart(6)} ballots/s  p50 ${p.p50.toFixed(1).padStart(7)} ms  p99 ${p.p99.toFixed(1).padStart(7)} ms` +
  (base ? `  ×${(p.perSecond / base.perSecond).toFixed(1)} throughput of 1 in flight` : '');

const dir = mkdtempSync(join(tmpdir(), 'ratify-bench-cast-'));
try {
  console.log(`bench:cast — ${availableParallelism()} cores, ${machineLoad()}`);
  const t = performance.now();
  const prepared = await prepare(dir);
  console.log(`  prepared ${prepared.ballots.length} members, sessions and valid ballots in ${((performance.now() - t) / 1000).toFixed(1)} s (SQLite file, WAL, synchronous=FULL)`);
  const configurations: readonly (readonly [string, Record<string, string>])[] = [
    ['one commit per ballot', { RATIFY_CAST_GROUP_MAX: '1' }],
    ['group commit (default)', {}],
  ];
  const loaded: Phase[] = [];
  for (const [name, env] of configurations) {
    const dbPath = join(dir, `run-${loaded.length}.db`);
    copyFileSync(prepared.dbPath, dbPath);
    const server = await startServer(dbPath, env);
    try {
      const warm = prepared.ballots.slice(0, WARMUP);
      await drive(server.url, warm, 4);
      const base = await drive(server.url, prepared.ballots.slice(WARMUP, WARMUP + BASELINE), 1);
      const load = await drive(server.url, prepared.ballots.slice(WARMUP + BASELINE), CONCURRENCY);
      console.log(`${name}:`);
      console.log(row('1 request in flight (baseline)', base));
      console.log(row(`${CONCURRENCY} requests in flight`, load, base));
      loaded.push(load);
    } finally {
      await server.stop();
    }
  }
  if (loaded.length === 2)
    console.log(`  group commit vs one commit per ballot at ${CONCURRENCY} in flight: ×${(loaded[1]!.perSecond / loaded[0]!.perSecond).toFixed(1)} throughput`);
  console.log(`  (issue 15 target: ≥ 500 ballots/s sustained with p99 < 250 ms on 2 cores) — ${machineLoad()}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

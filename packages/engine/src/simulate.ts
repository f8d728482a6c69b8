// `ratify simulate`: a whole vote through the real code paths — roll import, key ceremony, vote
// creation, credentials, ballots created as the booth does and received as the server does (some
// voters revote), close, k-of-n decryption, result, export — with synthetic voters. It is a
// SIMULATION: its summary says so, and with a seed its randomness is deterministic (not secure).
import {
  type RandomSource,
  type Result,
  createPartialDecryption,
  seededRandom,
  systemRandom,
  toHex,
  unwrap,
} from '@ratify/crypto';
import {
  type ElectionResult,
  type Rule,
  type Rational,
  createBallot,
  credentialSecret,
  generateElectionId,
  encodeBallot,
  encodePartialDecryption,
  electionFingerprint,
  generatePrivateCredential,
  publicCredential,
  signCredentialList,
} from '@ratify/protocol';
import type { VoteId } from '@ratify/protocol';
import { asUnionId, asVoteId } from '@ratify/protocol';
import type { Engine } from './engine.ts';
import type { VerifiedBallotText } from './casting.ts';
import type { RecordFiles } from './export-record.ts';
import { flattenTally } from './counting.ts';
import { type VoteDefinition, definitionCeremonyContext } from './setup.ts';
import { runLocalCeremony } from './local-ceremony.ts';
import { newAuthority } from './credential-authority.ts';

export type SimulationOptions = {
  readonly voters: number;
  readonly seed?: string;
  /** Share of the eligible who vote, as a rational or a decimal in [0, 1]. */
  readonly turnout: number;
  /** Share of voters who vote yes. */
  readonly yes: number;
  readonly rule: Rule;
  readonly trustees: number;
  readonly threshold: number;
  /** Share of voters who cast a second ballot (the second one counts). */
  readonly revote?: number;
  readonly onProgress?: (phase: string, done: number, total: number) => void;
};

export type SimulationSummary = {
  readonly simulation: true;
  readonly note: string;
  readonly voteId: VoteId;
  readonly eligible: number;
  readonly ballotsCast: number;
  readonly revotes: number;
  readonly expected: { readonly yes: number; readonly no: number };
  readonly result: ElectionResult;
  readonly countsMatch: boolean;
  readonly outcome: string;
  readonly boardHead: string;
  readonly timings: Readonly<Record<string, number>>;
};

const VOTE_ID = asVoteId('simulated-ratification');
const UNION_ID = asUnionId('sim-union');
/** Ballots verified ahead of storing: enough to keep every worker busy. */
const PIPELINE_DEPTH = 16;

function pick(rng: RandomSource, share: number): boolean {
  const r = rng(4);
  return (((r[0]! << 24) | (r[1]! << 16) | (r[2]! << 8) | r[3]!) >>> 0) / 2 ** 32 < share;
}

export function ruleOf(spec: string): Rule | undefined {
  if (spec === 'ratification') return { kind: 'ratification', blankPolicy: 'excluded' };
  const m = /^supermajority:(\d+)\/(\d+)$/.exec(spec);
  if (!m) return undefined;
  const threshold: Rational = { numerator: Number(m[1]), denominator: Number(m[2]) };
  return { kind: 'supermajority', threshold, blankPolicy: 'excluded' };
}

export async function simulateVote(
  engine: Engine,
  options: SimulationOptions,
): Promise<{ readonly summary: SimulationSummary; readonly record: RecordFiles }> {
  const { store, group } = engine;
  const rng = options.seed !== undefined ? seededRandom(options.seed) : systemRandom;
  const progress = options.onProgress ?? (() => undefined);
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (name: string) => {
    const t = performance.now();
    timings[name] = Math.round(t - t0);
    t0 = t;
  };

  unwrap(await store.members.createUnion({ id: UNION_ID, name: 'Simulated Guild' }));
  const members = Array.from({ length: options.voters }, (_, i) => ({
    memberNumber: `M${String(i + 1).padStart(7, '0')}`,
    name: `Member ${i + 1}`,
    email: `member${i + 1}@example.org`,
    goodStanding: true,
    unit: null,
  }));
  unwrap(await store.members.importRoll(UNION_ID, members));
  // The simulation plays the election committee too: an offline credential authority of its own.
  const authority = newAuthority(group, 'offline', rng);
  const definition: VoteDefinition = {
    voteId: VOTE_ID,
    electionId: generateElectionId(rng),
    credentialAuthority: authority.credentialAuthority,
    title: 'SIMULATION — ratification of the simulated agreement',
    unionId: 'sim-union',
    unionName: 'Simulated Guild',
    recordDate: '2026-11-01',
    schedule: { opensAt: '2026-11-02T09:00:00Z', closesAt: '2026-11-20T17:00:00Z' },
    questions: [{ id: 'ratify', kind: 'yes_no', text: 'Do you ratify the simulated agreement?', options: ['yes', 'no'], min: 1, max: 1, blankAllowed: false, rule: options.rule }],
    trustees: {
      threshold: options.threshold,
      members: Array.from({ length: options.trustees }, (_, i) => ({ id: `trustee-${i + 1}`, name: `Trustee ${i + 1}` })),
    },
  };
  const parameters = { context: definitionCeremonyContext(definition), threshold: options.threshold, trusteeCount: options.trustees };
  const ceremony = runLocalCeremony(group, parameters, rng);
  lap('ceremony');
  const manifest = unwrap(await engine.createVote(definition, ceremony.messages));

  const credentials = members.map(() => generatePrivateCredential(rng));
  // The committee signs the list itself with the run's randomness (a seeded run gives the same board).
  const published = credentials.map((c) => toHex(group.encodeElement(publicCredential(group, manifest, c)))).sort();
  const signature = signCredentialList(group, authority.key, electionFingerprint(manifest), published, rng);
  unwrap(await engine.publishCredentials(VOTE_ID, published, { signature }));
  unwrap(await engine.openVote(VOTE_ID));
  lap('setup');

  const ctx = unwrap(await engine.context(VOTE_ID));
  const expected = { yes: 0, no: 0 };
  let ballotsCast = 0;
  let revotes = 0;
  // Ballots are made here (as booths would), verified ahead in the engine's worker pool when it has
  // one, and stored strictly in the order they were made, so a seeded run gives the same board.
  const inFlight: Promise<Result<VerifiedBallotText, string>>[] = [];
  const storeOldest = async () => unwrap(await engine.storeVerifiedBallot(VOTE_ID, unwrap(await inFlight.shift()!)));
  for (const [i, credential] of credentials.entries()) {
    if (!pick(rng, options.turnout)) continue;
    const secret = credentialSecret(group, manifest, credential);
    const revoting = pick(rng, options.revote ?? 0.05);
    // A revoter first votes the other way; the second (counted) ballot is the intended one.
    const yes = pick(rng, options.yes);
    const choices = revoting ? [!yes, yes] : [yes];
    for (const choice of choices) {
      const { ballot } = unwrap(createBallot(ctx.ballotParams, [choice ? [1, 0] : [0, 1]], secret, rng));
      inFlight.push(engine.verifyIncomingBallot(VOTE_ID, encodeBallot(group, ballot)));
      if (inFlight.length >= PIPELINE_DEPTH) await storeOldest();
      ballotsCast++;
    }
    if (revoting) revotes++;
    if (yes) expected.yes++;
    else expected.no++;
    if (i % 100 === 0) progress('ballots', i, credentials.length);
  }
  while (inFlight.length > 0) await storeOldest();
  lap('ballots');

  const tally = unwrap(await engine.closeVote(VOTE_ID));
  for (const key of ceremony.keys.slice(0, options.threshold)) {
    const partial = createPartialDecryption(group, key, flattenTally(tally), ctx.fingerprint, rng);
    unwrap(await engine.submitPartialDecryption(VOTE_ID, encodePartialDecryption(group, partial)));
  }
  const result = unwrap(await engine.publishResult(VOTE_ID));
  lap('tally');
  const record = unwrap(await engine.exportRecord(VOTE_ID));
  lap('export');
  const counts = result.questions[0]!.counts.options;
  return {
    summary: {
      simulation: true,
      note: options.seed !== undefined
        ? 'SIMULATION with synthetic voters and a SEEDED (deterministic, insecure) random source'
        : 'SIMULATION with synthetic voters',
      voteId: manifest.voteId,
      eligible: manifest.eligibleCount,
      ballotsCast,
      revotes,
      expected,
      result,
      countsMatch: counts[0] === expected.yes && counts[1] === expected.no,
      outcome: result.questions[0]!.evaluation.outcome.kind,
      boardHead: JSON.parse(record.get('record.json')!).boardHead as string,
      timings,
    },
    record,
  };
}

// Crypto benchmarks: `npm run bench` (about a minute) or `npm run bench -- --quick` (about 15 s).
// Every row runs on both ristretto255 backends in the same process, interleaved (bench/measure.ts), and
// prints µs per call for each and the speed-up of the native addon over the pure-TypeScript reference
// (@noble/curves). Asserts nothing about speed: shared machines vary by ±20–30 %; the machine's load is
// printed before and after. Issue 15's target: a v1 yes/no ballot verifies ≥ 12× faster natively.
// Then: where a ballot verification's time goes (group operations, scalar arithmetic, the rest:
// SHA-512 transcripts, codecs), per backend.
import {
  type Group,
  type GroupElement,
  type Scalar,
  encrypt,
  generateKeyPair,
  hashItems,
  proveEncryptionIn,
  referenceRistretto255 as reference,
  seededRandom,
  signMessage,
  unwrap,
  utf8,
  verifyEncryptionIn,
  verifySignature,
} from '../packages/crypto/src/index.ts';
import { loadNativeBinding } from '../packages/crypto/src/native/binding.ts';
import { createNativeRistretto255 } from '../packages/crypto/src/native/ristretto255-native.ts';
import { checkBallot, createBallot } from './ballot-v1.ts';
import { type Timing, interleaved, machineLoad } from './measure.ts';
import { breakdown } from './time-split.ts';

const quick = process.argv.includes('--quick');
const BUDGET_MS = quick ? 240 : 1500;
const ROUNDS = quick ? 4 : 8;
const WARMUP_MS = quick ? 40 : 200;

const loaded = loadNativeBinding();
const native = loaded.ok ? createNativeRistretto255(loaded.value) : undefined;
const backends: readonly (readonly [string, Group])[] = native
  ? [
      ['native', native],
      ['reference', reference],
    ]
  : [['reference', reference]];

// ── fixtures: the same bytes and scalars on both backends (deterministic, so runs compare) ─────────
const rng = seededRandom('ratify/bench');
const maker = native ?? reference;
const F = maker.scalars;
const [s1, s2, s3] = [F.random(rng), F.random(rng), F.random(rng)];
const bytesOf = (k: Scalar) => maker.encodeElement(maker.baseMultiply(k));
const p1Bytes = bytesOf(F.random(rng));
const p2Bytes = bytesOf(F.random(rng));
const election = generateKeyPair(maker, rng);
const credential = generateKeyPair(maker, rng);
const electionKeyBytes = maker.encodeElement(election.publicKey);
const ctx = hashItems('ratify/bench/context', [
  ['election', utf8('bench election')],
  ['credential', maker.encodeElement(credential.publicKey)],
]);
const ballot = createBallot(maker, maker.precompute(election.publicKey), credential, ctx, [1, 0]);
const MSM_SIZES = [64, 1024, 16384] as const;
const msmScalars = MSM_SIZES.map((n) => Array.from({ length: n }, () => F.random(rng)));

type Fixture = ReturnType<typeof fixture>;
function fixture(g: Group) {
  const el = (b: Uint8Array) => unwrap(g.decodeElement(b));
  const p1 = el(p1Bytes);
  const p2 = el(p2Bytes);
  const electionKey = g.precompute(el(electionKeyBytes));
  const credentialKey = el(ballot.credential);
  const signature = signMessage(g, credential.secretKey, credentialKey, utf8('m'), ctx, seededRandom('sig'));
  const enc = encrypt(g, electionKey, 1, seededRandom('enc'));
  const statement01 = { publicKey: electionKey, ciphertext: enc.ciphertext, allowed: [0, 1] };
  const proof01 = proveEncryptionIn(g, statement01, 1, enc.randomness, ctx, seededRandom('proof'));
  const credentialPair = { secretKey: credential.secretKey, publicKey: credentialKey };
  // MSM inputs: (i+1)·p1 by repeated addition (identical points on both backends, cheap to build).
  const msmPoints = MSM_SIZES.map((n) => {
    const out: GroupElement[] = [p1];
    for (let i = 1; i < n; i++) out.push(g.add(out[i - 1]!, p1));
    return out;
  });
  if (!checkBallot(g, electionKey, ctx, ballot))
    throw new Error(`bench fixture: the ballot does not verify on ${g.name}`);
  return { p1, p2, electionKey, credentialKey, credentialPair, signature, statement01, proof01, msmPoints };
}
const fixtures = new Map(backends.map(([name, g]) => [name, fixture(g)]));

type Row = { readonly name: string; readonly op: (g: Group, fx: Fixture) => () => unknown };
const rows: Row[] = [
  { name: 'decodeElement', op: (g) => () => g.decodeElement(p1Bytes) },
  { name: 'add', op: (g, fx) => () => g.add(fx.p1, fx.p2) },
  {
    name: 'add + encodeElement (a fresh element)',
    op: (g, fx) => () => g.encodeElement(g.add(fx.p1, fx.p2)),
  },
  { name: 'baseMultiply (constant time)', op: (g) => () => g.baseMultiply(s1) },
  { name: 'multiply (constant time)', op: (g, fx) => () => g.multiply(fx.p1, s1) },
  { name: 'multiply, precomputed key (constant time)', op: (g, fx) => () => g.multiply(fx.electionKey, s1) },
  { name: 'multiplyPublic', op: (g, fx) => () => g.multiplyPublic(fx.p1, s1) },
  {
    name: 'double-scalar g^a·P^b (multiMultiplyPublic)',
    op: (g, fx) => () => g.multiMultiplyPublic([g.generator, fx.p1], [s1, s2]),
  },
  {
    name: 'double-scalar P^a·Q^b, no fixed base',
    op: (g, fx) => () => g.multiMultiplyPublic([fx.p1, fx.p2], [s1, s2]),
  },
  {
    name: 'triple g^a·h^b·P^c (h precomputed)',
    op: (g, fx) => () => g.multiMultiplyPublic([g.generator, fx.electionKey, fx.p1], [s1, s2, s3]),
  },
  ...MSM_SIZES.map((n, i) => ({
    name: `multiMultiplyPublic, ${n} terms`,
    op: (g: Group, fx: Fixture) => () => g.multiMultiplyPublic(fx.msmPoints[i]!, msmScalars[i]!),
  })),
  { name: 'ElGamal encrypt (precomputed key)', op: (g, fx) => () => encrypt(g, fx.electionKey, 1) },
  {
    name: 'Schnorr signature verify',
    op: (g, fx) => () => verifySignature(g, fx.credentialKey, utf8('m'), fx.signature, ctx),
  },
  {
    name: 'disjunctive 0/1 proof verify',
    op: (g, fx) => () => verifyEncryptionIn(g, fx.statement01, fx.proof01, ctx),
  },
  {
    name: 'yes/no ballot (v1): create',
    op: (g, fx) => () => createBallot(g, fx.electionKey, fx.credentialPair, ctx, [0, 1]),
  },
  { name: 'yes/no ballot (v1): verify', op: (g, fx) => () => checkBallot(g, fx.electionKey, ctx, ballot) },
];

// ── run ───────────────────────────────────────────────────────────────────────────────────────
const loadBefore = machineLoad();
const started = performance.now();
const results = rows.map((row) => {
  const fns = backends.map(([name, g]) => row.op(g, fixtures.get(name)!));
  const big = row.name.includes('16384');
  return {
    row,
    timings: interleaved(fns, big ? BUDGET_MS * 2 : BUDGET_MS, big ? 1 : ROUNDS, big ? 0 : WARMUP_MS),
  };
});
const elapsed = (performance.now() - started) / 1000;

// ── table ─────────────────────────────────────────────────────────────────────────────────────
const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const header = ['operation', ...backends.map(([n]) => `${n} µs`), ...(native ? ['speed-up'] : [])];
const body = results.map(({ row, timings }) => [
  row.name,
  ...timings.map((t: Timing) => fmt(t.usPerOp)),
  ...(native ? [`${fmt(timings[1]!.usPerOp / timings[0]!.usPerOp)}×`] : []),
]);
const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
const line = (cells: readonly string[]) =>
  `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
const find = (name: string) => results.find((r) => r.row.name === name)!.timings;
const verify = find('yes/no ballot (v1): verify');
const base = find('baseMultiply (constant time)');
const out = [
  `Ratify crypto bench — ristretto255, node ${process.version}, ${quick ? 'quick' : 'full'} mode, ${fmt(elapsed)} s`,
  `machine: ${loadBefore} before, ${machineLoad()} after`,
  native
    ? 'backends: native addon vs pure-TypeScript reference, interleaved in this run'
    : 'backends: reference only (native addon not built: npm run build:native)',
  '',
  line(header),
  `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  ...body.map(line),
  '',
  ...backends.map(
    ([name], i) =>
      `${name}: yes/no ballot verify = ${fmt(verify[i]!.usPerOp / base[i]!.usPerOp, 2)}× one constant-time baseMultiply, ` +
      `${fmt(verify[i]!.usPerOp / 11, 1)} µs per verification equation (11 per ballot), ${fmt(1e6 / verify[i]!.usPerOp, 0)} ballots/s on one core`,
  ),
  ...(native
    ? [
        `yes/no ballot verify: native is ${fmt(verify[1]!.usPerOp / verify[0]!.usPerOp, 1)}× faster than the reference (issue 15 target: ≥ 12×)`,
      ]
    : []),
  '',
  'where a yes/no ballot verification spends its time:',
  ...backends.map(
    ([name, g]) =>
      `  ${name}: ${breakdown(g, fixtures.get(name)!.electionKey, ctx, ballot, quick ? 200 : 800)}`,
  ),
  '',
];
process.stdout.write(`${out.join('\n')}\n`);

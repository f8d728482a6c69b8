// Crypto benchmarks: `npm run bench` (about 45 s) or `npm run bench -- --quick` (about 10 s).
// Prints µs/op, ops/s and the ratio of each row to a baseline measured in the same run (one
// constant-time baseMultiply), so numbers from different machines can be compared by ratio.
// Asserts nothing about speed: shared machines vary by ±20–30 %.
// The ballot rows compose a yes/no ballot from the crypto functions directly (the protocol package
// owns the real ballot format): two 0/1 ciphertexts with disjunctive proofs, the overall [1, 1] proof
// on their sum, and the credential's Schnorr signature over the ballot hash.
import {
  type Ciphertext,
  type DisjunctiveProof,
  type GroupElement,
  type Scalar,
  decodeChallengeResponse,
  decodeCiphertext,
  encodeChallengeResponse,
  encodeCiphertext,
  encrypt,
  generateKeyPair,
  hashItems,
  partialDecrypt,
  proveEncryptionIn,
  proveEqualLogs,
  proveKnowledge,
  rangeValues,
  ristretto255 as g,
  seededRandom,
  signMessage,
  sumCiphertexts,
  unwrap,
  utf8,
  verifyEncryptionIn,
  verifyEqualLogs,
  verifyKnowledge,
  verifySignature,
} from '../packages/crypto/src/index.ts';

const quick = process.argv.includes('--quick');
const BUDGET_MS = quick ? 220 : 1400;
const WARMUP_MS = quick ? 40 : 200;

type Row = { readonly name: string; readonly usPerOp: number; readonly ops: number };

/** Runs fn repeatedly for about `ms` milliseconds; returns µs per call. */
function measure(fn: () => unknown, ms: number): { usPerOp: number; ops: number } {
  let ops = 0;
  let sink: unknown;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    // Batches of calls between clock reads keep timer overhead out of fast rows.
    for (let i = 0; i < 8; i++) sink = fn();
    ops += 8;
    now = performance.now();
  }
  if (sink === Symbol.for('never')) process.stdout.write('');
  return { usPerOp: ((now - start) * 1000) / ops, ops };
}

function bench(name: string, fn: () => unknown): Row {
  measure(fn, WARMUP_MS);
  return { name, ...measure(fn, BUDGET_MS) };
}

// ── fixtures (deterministic so runs are comparable) ────────────────────────────────────────────
const rng = seededRandom('ratify/bench');
const F = g.scalars;
const election = generateKeyPair(g, rng);
const electionKey = g.precompute(election.publicKey); // as a booth or verifier would hold it
const credential = generateKeyPair(g, rng);
const trustee = generateKeyPair(g, rng);
const s1 = F.random(rng);
const s2 = F.random(rng);
const s3 = F.random(rng);
const s4 = F.random(rng);
const p1 = g.baseMultiply(F.random(rng));
const p2 = g.baseMultiply(F.random(rng));
const p3 = g.baseMultiply(F.random(rng));
const p4 = g.baseMultiply(F.random(rng));
const p1Bytes = g.encodeElement(p1);
const ctx = hashItems('ratify/bench/context', [
  ['election', utf8('bench election')],
  ['credential', g.encodeElement(credential.publicKey)],
]);

const enc1 = encrypt(g, electionKey, 1, rng);
const st01 = { publicKey: electionKey, ciphertext: enc1.ciphertext, allowed: [0, 1] };
const proof01 = proveEncryptionIn(g, st01, 1, enc1.randomness, ctx, rng);
const st03 = { ...st01, allowed: rangeValues(0, 3) };
const proof03 = proveEncryptionIn(g, st03, 1, enc1.randomness, ctx, rng);
const pok = proveKnowledge(g, trustee.secretKey, trustee.publicKey, ctx, rng);
const sig = signMessage(g, credential.secretKey, credential.publicKey, utf8('m'), ctx, rng);
const cpSt = {
  publicKey: trustee.publicKey,
  base: enc1.ciphertext.alpha,
  result: partialDecrypt(g, trustee.secretKey, enc1.ciphertext),
};
const cpProof = proveEqualLogs(g, trustee.secretKey, cpSt, ctx, rng);

// ── a yes/no ballot: wire bytes = ciphertexts, proofs, overall proof, signature ────────────────
type WireBallot = {
  readonly choices: readonly { readonly ciphertext: Uint8Array; readonly proof: readonly Uint8Array[] }[];
  readonly overall: readonly Uint8Array[];
  readonly credential: Uint8Array;
  readonly signature: Uint8Array;
};
const OVERALL = rangeValues(1, 1); // exactly one of yes/no; [0, 1] if blank ballots are allowed

function ballotHash(choices: WireBallot['choices'], overall: readonly Uint8Array[]): Uint8Array {
  const items: [string, Uint8Array][] = [];
  choices.forEach((c, i) => {
    items.push([`choice[${i}].ciphertext`, c.ciphertext]);
    c.proof.forEach((p, j) => items.push([`choice[${i}].proof[${j}]`, p]));
  });
  overall.forEach((p, j) => items.push([`overall[${j}]`, p]));
  return hashItems('ratify/bench/ballot', items);
}

function createBallot(vote: readonly [number, number]): WireBallot {
  const encs = vote.map((m) => ({ m, ...encrypt(g, electionKey, m) }));
  const choices = encs.map(({ m, ciphertext, randomness }) => ({
    ciphertext: encodeCiphertext(g, ciphertext),
    proof: proveEncryptionIn(
      g,
      { publicKey: electionKey, ciphertext, allowed: [0, 1] },
      m,
      randomness,
      ctx,
    ).map((p) => encodeChallengeResponse(g, p)),
  }));
  const total = sumCiphertexts(
    g,
    encs.map((e) => e.ciphertext),
  );
  const r: Scalar = encs.reduce((acc, e) => F.add(acc, e.randomness), F.zero);
  const overall = proveEncryptionIn(
    g,
    { publicKey: electionKey, ciphertext: total, allowed: OVERALL },
    vote[0] + vote[1],
    r,
    ctx,
  ).map((p) => encodeChallengeResponse(g, p));
  const signature = encodeChallengeResponse(
    g,
    signMessage(g, credential.secretKey, credential.publicKey, ballotHash(choices, overall), ctx),
  );
  return { choices, overall, credential: g.encodeElement(credential.publicKey), signature };
}

function checkBallot(b: WireBallot): boolean {
  const credentialKey = g.decodeElement(b.credential);
  if (!credentialKey.ok) return false;
  const cts: Ciphertext[] = [];
  for (const c of b.choices) {
    const ct = decodeCiphertext(g, c.ciphertext);
    const proof = decodeProof(c.proof);
    if (
      !ct.ok ||
      !proof ||
      !verifyEncryptionIn(g, { publicKey: electionKey, ciphertext: ct.value, allowed: [0, 1] }, proof, ctx)
    )
      return false;
    cts.push(ct.value);
  }
  const overall = decodeProof(b.overall);
  if (
    !overall ||
    !verifyEncryptionIn(
      g,
      { publicKey: electionKey, ciphertext: sumCiphertexts(g, cts), allowed: OVERALL },
      overall,
      ctx,
    )
  )
    return false;
  const signature = decodeChallengeResponse(g, b.signature);
  return (
    signature.ok &&
    verifySignature(g, credentialKey.value, ballotHash(b.choices, b.overall), signature.value, ctx)
  );
}

function decodeProof(parts: readonly Uint8Array[]): DisjunctiveProof | undefined {
  const out = [];
  for (const p of parts) {
    const d = decodeChallengeResponse(g, p);
    if (!d.ok) return undefined;
    out.push(d.value);
  }
  return out;
}

const ballot = createBallot([1, 0]);
if (!checkBallot(ballot)) throw new Error('bench fixture: the ballot does not verify');
if (checkBallot({ ...ballot, choices: [ballot.choices[1]!, ballot.choices[0]!] }))
  throw new Error('bench fixture: a reordered ballot verifies');

// ── rows ───────────────────────────────────────────────────────────────────────────────────────
const started = performance.now();
const baseline = bench('baseMultiply (baseline)', () => g.baseMultiply(s1));
const rows: Row[] = [
  baseline,
  bench('decodeElement', () => unwrap(g.decodeElement(p1Bytes))),
  bench('encodeElement', () => g.encodeElement(p2)),
  bench('add', () => g.add(p1, p2)),
  bench('multiply (constant time)', () => g.multiply(p1, s1)),
  bench('multiply, precomputed key', () => g.multiply(electionKey, s1)),
  bench('multiplyPublic', () => g.multiplyPublic(p1, s1)),
  bench('multiMultiplyPublic, 2 terms', () => g.multiMultiplyPublic([p1, p2], [s1, s2])),
  bench('multiMultiplyPublic, 4 terms', () =>
    g.multiMultiplyPublic([p1, p2, p3, p4] as GroupElement[], [s1, s2, s3, s4]),
  ),
  bench('ElGamal encrypt (precomputed key)', () => encrypt(g, electionKey, 1)),
  bench('Schnorr PoK prove', () => proveKnowledge(g, trustee.secretKey, trustee.publicKey, ctx)),
  bench('Schnorr PoK verify', () => verifyKnowledge(g, trustee.publicKey, pok, ctx)),
  bench('Schnorr sign', () => signMessage(g, credential.secretKey, credential.publicKey, utf8('m'), ctx)),
  bench('Schnorr signature verify', () => verifySignature(g, credential.publicKey, utf8('m'), sig, ctx)),
  bench('Chaum–Pedersen prove', () => proveEqualLogs(g, trustee.secretKey, cpSt, ctx)),
  bench('Chaum–Pedersen verify', () => verifyEqualLogs(g, cpSt, cpProof, ctx)),
  bench('disjunctive 0/1 prove', () => proveEncryptionIn(g, st01, 1, enc1.randomness, ctx)),
  bench('disjunctive 0/1 verify', () => verifyEncryptionIn(g, st01, proof01, ctx)),
  bench('disjunctive [0,3] prove', () => proveEncryptionIn(g, st03, 1, enc1.randomness, ctx)),
  bench('disjunctive [0,3] verify', () => verifyEncryptionIn(g, st03, proof03, ctx)),
  bench('yes/no ballot: create', () => createBallot([0, 1])),
  bench('yes/no ballot: verify', () => checkBallot(ballot)),
];
const elapsed = (performance.now() - started) / 1000;

// ── table ──────────────────────────────────────────────────────────────────────────────────────
const fmt = (n: number, digits: number) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const header = ['operation', 'µs/op', 'ops/s', '× baseline'];
const body = rows.map((r) => [
  r.name,
  fmt(r.usPerOp, 1),
  fmt(1e6 / r.usPerOp, 0),
  fmt(r.usPerOp / baseline.usPerOp, 2),
]);
const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
const line = (cells: readonly string[]) =>
  `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
const out = [
  `Ratify crypto bench — ${g.name} (@noble/curves), node ${process.version}, ${quick ? 'quick' : 'full'} mode, ${fmt(elapsed, 1)} s`,
  `baseline = one constant-time baseMultiply = ${fmt(baseline.usPerOp, 1)} µs`,
  '',
  line(header),
  `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  ...body.map(line),
  '',
];
process.stdout.write(`${out.join('\n')}\n`);

// Generator of the golden crypto test vectors test-vectors/crypto/v2.json.
//   regenerate:  node --import tsx test-vectors/crypto/generate.ts
//   check:       packages/crypto/test/golden-vectors.test.ts (regenerates and compares byte for byte,
//                then verifies every stored proof without using this file)
// A change to v2.json is a change to a byte format or to the RNG consumption order: it needs a new
// vectors version and a CHANGELOG entry under "Protocol/crypto", never a silent regeneration.
//
// ── FORMAT (for other implementations checking themselves against Ratify) ──────────────────────
// Every byte string is lowercase hex. Elements are 32-byte ristretto255 encodings (RFC 9496 §4.3.2);
// scalars are 32-byte little-endian, canonical (< ℓ). Proof bytes are challenge || response (64 bytes).
// All randomness comes from `seededRandom(seed)` (see `note`): NOT how production keys are made.
// {
//   "format": "ratify/crypto-test-vectors", "version": 1, "note": string, "seed": string,
//   "protocol": "ratify/v2", "group": "ristretto255", "generator": element,
//   "keyPairs":   [{ "name", "secretKey": scalar, "publicKey": element }]      publicKey = g^secretKey
//   "wideReductions": [{ "input": 64 bytes, "scalar": scalar }]                 scalar = LE(input) mod ℓ
//   "transcripts": [{ "domain", "items": [{ "label": utf8 string, "data": bytes }], "challengeLabel",
//                     "preimage": bytes, "challenge": scalar }]
//        preimage = item("protocol","ratify/v2") || item("group","ristretto255") || item("domain",domain)
//                   || item(label_i, data_i)… || item("challenge", challengeLabel)
//        item(l, d) = u32be(len(l)) || l || u32be(len(d)) || d;  challenge = LE(SHA-512(preimage)) mod ℓ
//   "hashItems":  [{ "domain", "items": [...], "digest": 64 bytes }]
//        digest = SHA-512(item("protocol","ratify/v2") || item("domain",domain) || item(label_i,data_i)…)
//   "ciphertexts": [{ "publicKey", "message": integer, "randomness": scalar, "ciphertext": α || β }]
//        α = g^r, β = h^r · g^m
//   "schnorrKnowledge": [{ "context": bytes, "publicKey", "proof" }]               docs §5.2
//   "schnorrSignature": [{ "context", "publicKey", "message": bytes, "signature" }]  docs §5.3
//   "chaumPedersen":    [{ "context", "publicKey", "base", "result", "proof" }]     docs §5.4
//   "disjunctive":      [{ "context", "publicKey", "ciphertext", "allowed": integer[],
//                          "plaintext": integer, "proof": [64 bytes per allowed value] }]  docs §5.5
// }
// The transcript of each proof is specified in docs/protocol.md; a correct verifier
// accepts every proof here, and rejects it after any single-byte change.
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type Group,
  type GroupElement,
  PROTOCOL_VERSION,
  Transcript,
  type KeyPair,
  bigintToBytesLE,
  concatBytes,
  encodeChallengeResponse,
  encodeCiphertext,
  encryptWith,
  generateKeyPair,
  hashItems,
  partialDecrypt,
  proveEncryptionIn,
  proveEqualLogs,
  proveKnowledge,
  rangeValues,
  ristretto255,
  seededRandom,
  signMessage,
  toHex,
  u32be,
  utf8,
} from '../../packages/crypto/src/index.ts';

export const VECTORS_SEED = 'ratify/test-vectors/crypto/v1';

type Item = { readonly label: string; readonly data: string };

function item(label: string, data: Uint8Array): Uint8Array {
  const l = utf8(label);
  return concatBytes(u32be(l.length), l, u32be(data.length), data);
}

function transcriptVector(
  g: Group,
  domain: string,
  items: readonly (readonly [string, Uint8Array])[],
  challengeLabel: string,
) {
  const t = new Transcript(g, domain);
  for (const [label, data] of items) t.appendBytes(label, data);
  const preimage = concatBytes(
    item('protocol', utf8(PROTOCOL_VERSION)),
    item('group', utf8(g.name)),
    item('domain', utf8(domain)),
    ...items.map(([l, d]) => item(l, d)),
    item('challenge', utf8(challengeLabel)),
  );
  return {
    domain,
    items: items.map(([label, data]): Item => ({ label, data: toHex(data) })),
    challengeLabel,
    preimage: toHex(preimage),
    challenge: toHex(g.scalars.encode(t.challenge(challengeLabel))),
  };
}

/** Builds the vectors. Pure and deterministic: the same output on every run and platform. */
export function buildVectors(g: Group = ristretto255) {
  const rng = seededRandom(VECTORS_SEED);
  const F = g.scalars;
  const el = (e: GroupElement) => toHex(g.encodeElement(e));

  const names = ['election', 'trustee', 'credential-a', 'credential-b'] as const;
  const keys = Object.fromEntries(names.map((n) => [n, generateKeyPair(g, rng)])) as Record<
    (typeof names)[number],
    KeyPair
  >;
  const h = keys.election.publicKey;

  const wideInputs = [
    new Uint8Array(64),
    new Uint8Array(64).fill(0xff),
    bigintToBytesLE(F.order, 64),
    rng(64),
  ];

  const fixedItems: readonly (readonly [string, Uint8Array])[] = [
    ['element', g.encodeElement(g.generator)],
    ['scalar', F.encode(F.one)],
    ['uint', new Uint8Array([0, 0, 0, 0, 0, 0, 0, 42])],
    ['empty', new Uint8Array(0)],
  ];
  const transcripts = [
    transcriptVector(g, 'ratify/test-vectors/empty', [], 'challenge'),
    transcriptVector(g, 'ratify/test-vectors/boundaries', [['ab', utf8('c')]], 'challenge'),
    transcriptVector(g, 'ratify/test-vectors/boundaries', [['a', utf8('bc')]], 'challenge'),
    transcriptVector(g, 'ratify/test-vectors/typed', fixedItems, 'custom-label'),
  ];

  const hashItemVectors = [
    { domain: 'ratify/test-vectors/hash', items: [] as [string, Uint8Array][] },
    {
      domain: 'ratify/test-vectors/hash',
      items: [
        ['election', utf8('golden election')],
        ['key', g.encodeElement(h)],
      ] as [string, Uint8Array][],
    },
  ].map(({ domain, items }) => ({
    domain,
    items: items.map(([label, data]): Item => ({ label, data: toHex(data) })),
    digest: toHex(hashItems(domain, items)),
  }));

  const ciphertexts = [0, 1, 2, 5].map((message) => {
    const randomness = F.randomNonZero(rng);
    return {
      publicKey: el(h),
      message,
      randomness: toHex(F.encode(randomness)),
      ciphertext: toHex(encodeCiphertext(g, encryptWith(g, h, message, randomness))),
    };
  });

  // Contexts as the protocol builds them: an election fingerprint, plus the credential for ballots.
  const ballotContext = (credential: GroupElement) =>
    hashItems('ratify/test-vectors/ballot-context', [
      ['election', utf8('golden election')],
      ['credential', g.encodeElement(credential)],
    ]);
  const ctxA = ballotContext(keys['credential-a'].publicKey);
  const ctxB = ballotContext(keys['credential-b'].publicKey);
  const electionCtx = hashItems('ratify/test-vectors/election-context', [
    ['election', utf8('golden election')],
  ]);

  const schnorrKnowledge = [keys.trustee, keys.election].map((kp) => ({
    context: toHex(electionCtx),
    publicKey: el(kp.publicKey),
    proof: toHex(encodeChallengeResponse(g, proveKnowledge(g, kp.secretKey, kp.publicKey, electionCtx, rng))),
  }));

  const schnorrSignature = [
    { kp: keys['credential-a'], ctx: ctxA, message: utf8('ballot hash A') },
    { kp: keys['credential-b'], ctx: ctxB, message: new Uint8Array(0) },
  ].map(({ kp, ctx, message }) => ({
    context: toHex(ctx),
    publicKey: el(kp.publicKey),
    message: toHex(message),
    signature: toHex(
      encodeChallengeResponse(g, signMessage(g, kp.secretKey, kp.publicKey, message, ctx, rng)),
    ),
  }));

  const chaumPedersen = [0, 1].map((m) => {
    const ct = encryptWith(g, h, m, F.randomNonZero(rng));
    const st = {
      publicKey: keys.trustee.publicKey,
      base: ct.alpha,
      result: partialDecrypt(g, keys.trustee.secretKey, ct),
    };
    return {
      context: toHex(electionCtx),
      publicKey: el(st.publicKey),
      base: el(st.base),
      result: el(st.result),
      proof: toHex(
        encodeChallengeResponse(g, proveEqualLogs(g, keys.trustee.secretKey, st, electionCtx, rng)),
      ),
    };
  });

  const disjunctive = [
    { allowed: [0, 1], plaintext: 0, ctx: ctxA },
    { allowed: [0, 1], plaintext: 1, ctx: ctxA },
    { allowed: rangeValues(0, 3), plaintext: 2, ctx: ctxB },
    { allowed: rangeValues(1, 2), plaintext: 1, ctx: ctxB },
  ].map(({ allowed, plaintext, ctx }) => {
    const r = F.randomNonZero(rng);
    const ciphertext = encryptWith(g, h, plaintext, r);
    const proof = proveEncryptionIn(g, { publicKey: h, ciphertext, allowed }, plaintext, r, ctx, rng);
    return {
      context: toHex(ctx),
      publicKey: el(h),
      ciphertext: toHex(encodeCiphertext(g, ciphertext)),
      allowed,
      plaintext,
      proof: proof.map((p) => toHex(encodeChallengeResponse(g, p))),
    };
  });

  return {
    format: 'ratify/crypto-test-vectors',
    version: 1,
    note: `Deterministic test data generated with seededRandom("${VECTORS_SEED}") by test-vectors/crypto/generate.ts. NOT FOR PRODUCTION: every secret here is public.`,
    seed: VECTORS_SEED,
    protocol: PROTOCOL_VERSION,
    group: g.name,
    generator: el(g.generator),
    keyPairs: names.map((name) => ({
      name,
      secretKey: toHex(F.encode(keys[name].secretKey)),
      publicKey: el(keys[name].publicKey),
    })),
    wideReductions: wideInputs.map((input) => ({
      input: toHex(input),
      scalar: toHex(F.encode(F.fromWideBytes(input))),
    })),
    transcripts,
    hashItems: hashItemVectors,
    ciphertexts,
    schnorrKnowledge,
    schnorrSignature,
    chaumPedersen,
    disjunctive,
  };
}

export type CryptoVectorsV1 = ReturnType<typeof buildVectors>;

/** The exact file contents: two-space JSON and a final newline. */
export function serializeVectors(v: CryptoVectorsV1): string {
  return `${JSON.stringify(v, null, 2)}\n`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = fileURLToPath(new URL('./v2.json', import.meta.url));
  writeFileSync(out, serializeVectors(buildVectors()));
  process.stdout.write(`wrote ${out}\n`);
}

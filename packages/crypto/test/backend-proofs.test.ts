// Every proof type on both backends: the same seeded inputs give byte-identical proofs (the whole
// golden-vector set, then a threshold ceremony and its partial decryptions), and each backend accepts
// the other's proofs and rejects the same tampered ones. Elements cross backends only as bytes.
import { describe, expect, it } from 'vitest';
import { buildVectors, serializeVectors } from '../../../test-vectors/crypto/generate.ts';
import {
  type Group,
  checkCeremony,
  createPartialDecryption,
  decodeChallengeResponse,
  decodeCiphertext,
  encodeChallengeResponse,
  encodeCiphertext,
  encrypt,
  generateKeyPair,
  partialDecrypt,
  proveEncryptionIn,
  proveEqualLogs,
  proveKnowledge,
  rangeValues,
  seededRandom,
  signMessage,
  toHex,
  unwrap,
  utf8,
  verifyEncryptionIn,
  verifyEqualLogs,
  verifyKnowledge,
  verifyPartialDecryption,
  verifySignature,
} from '../src/index.ts';
import { native, nativeAvailable, reference } from './backends.ts';
import { runCeremony } from './threshold-fixtures.ts';

const context = utf8('ratify/test/backend-proofs');
const hexes = (g: Group, es: readonly Parameters<Group['encodeElement']>[0][]) =>
  es.map((e) => toHex(g.encodeElement(e)));

/** Everything one backend produces from one seed, as bytes. */
function produce(g: Group) {
  const rng = seededRandom('ratify/test/backend-proofs');
  const F = g.scalars;
  const key = generateKeyPair(g, rng);
  const h = g.precompute(key.publicKey);
  const enc = encrypt(g, h, 2, rng);
  const statement = { publicKey: h, ciphertext: enc.ciphertext, allowed: rangeValues(0, 3) };
  const pf = (p: { challenge: bigint; response: bigint }) => toHex(encodeChallengeResponse(g, p as never));
  const result = partialDecrypt(g, key.secretKey, enc.ciphertext);
  return {
    publicKey: toHex(g.encodeElement(key.publicKey)),
    ciphertext: toHex(encodeCiphertext(g, enc.ciphertext)),
    result: toHex(g.encodeElement(result)),
    knowledge: pf(proveKnowledge(g, key.secretKey, key.publicKey, context, rng)),
    signature: pf(signMessage(g, key.secretKey, key.publicKey, utf8('ballot hash'), context, rng)),
    equalLogs: pf(
      proveEqualLogs(
        g,
        key.secretKey,
        { publicKey: key.publicKey, base: enc.ciphertext.alpha, result },
        context,
        rng,
      ),
    ),
    disjunctive: proveEncryptionIn(g, statement, 2, enc.randomness, context, rng).map(pf),
    zero: toHex(F.encode(F.zero)),
  };
}
type Produced = ReturnType<typeof produce>;

/** Verifies every proof of `p` (bytes from either backend) with `g`; `tamper` flips a proof byte. */
function verifyAll(g: Group, p: Produced, tamper = false) {
  const el = (h: string) => unwrap(g.decodeElement(Uint8Array.from(Buffer.from(h, 'hex'))));
  const pr = (h: string) => {
    const b = Uint8Array.from(Buffer.from(h, 'hex'));
    if (tamper) b[40]! ^= 1; // inside the response, still canonical for this fixture or rejected by decode
    const d = decodeChallengeResponse(g, b);
    return d.ok ? d.value : undefined;
  };
  const publicKey = el(p.publicKey);
  const ciphertext = unwrap(decodeCiphertext(g, Uint8Array.from(Buffer.from(p.ciphertext, 'hex'))));
  const h = g.precompute(publicKey);
  const ok = (proof: ReturnType<typeof pr>, check: (x: NonNullable<typeof proof>) => boolean) =>
    proof !== undefined && check(proof);
  const disjunctive = p.disjunctive.map(pr);
  return {
    knowledge: ok(pr(p.knowledge), (x) => verifyKnowledge(g, publicKey, x, context)),
    signature: ok(pr(p.signature), (x) => verifySignature(g, publicKey, utf8('ballot hash'), x, context)),
    equalLogs: ok(pr(p.equalLogs), (x) =>
      verifyEqualLogs(g, { publicKey, base: ciphertext.alpha, result: el(p.result) }, x, context),
    ),
    disjunctive:
      disjunctive.every((x) => x !== undefined) &&
      verifyEncryptionIn(
        g,
        { publicKey: h, ciphertext, allowed: rangeValues(0, 3) },
        disjunctive as never,
        context,
      ),
  };
}

const ALL_TRUE = { knowledge: true, signature: true, equalLogs: true, disjunctive: true };
const ALL_FALSE = { knowledge: false, signature: false, equalLogs: false, disjunctive: false };

describe.skipIf(!nativeAvailable)('proofs: native and reference backends agree', () => {
  it('the golden-vector set (keys, ciphertexts, transcripts, every proof type) is byte-identical', () => {
    expect(serializeVectors(buildVectors(native!))).toBe(serializeVectors(buildVectors(reference)));
  });

  const fromNative = nativeAvailable ? produce(native!) : undefined;
  const fromReference = produce(reference);

  it('Schnorr, Chaum–Pedersen and disjunctive proofs from the same seed are byte-identical', () => {
    expect(fromNative).toEqual(fromReference);
  });

  it.each([
    ['native', 'reference'],
    ['reference', 'native'],
    ['native', 'native'],
    ['reference', 'reference'],
  ] as const)(
    'proofs made by %s are accepted by %s, and rejected after a one-bit change',
    (maker, checker) => {
      const made = maker === 'native' ? fromNative! : fromReference;
      const g = checker === 'native' ? native! : reference;
      expect(verifyAll(g, made)).toEqual(ALL_TRUE);
      expect(verifyAll(g, made, true)).toEqual(ALL_FALSE);
    },
  );

  it('a threshold ceremony and its partial decryptions are identical and cross-verify', () => {
    const run = (g: Group) => {
      const c = runCeremony(g, 2, 3, 'backend-proofs');
      expect(checkCeremony(g, c.parameters, c.messages).kind).toBe('complete');
      const key = c.keys[0]!;
      const cts = [0, 1, 1].map((m) => encrypt(g, key.jointPublicKey, m, seededRandom(`ct-${m}`)).ciphertext);
      const partial = createPartialDecryption(g, key, cts, context, seededRandom('partial'));
      return {
        joint: toHex(g.encodeElement(key.jointPublicKey)),
        shares: hexes(g, key.publicKeyShares),
        factors: hexes(g, partial.factors),
        proofs: partial.proofs.map((p) => toHex(encodeChallengeResponse(g, p))),
        cts: cts.map((c) => toHex(encodeCiphertext(g, c))),
      };
    };
    const a = run(native!);
    const b = run(reference);
    expect(a).toEqual(b);
    // Cross-verify: the native partial decryption's bytes checked by the reference, and vice versa.
    for (const [g, made] of [
      [reference, a],
      [native!, b],
    ] as const) {
      const el = (h: string) =>
        unwrap(g.decodeElement(Uint8Array.from(Buffer.from(h, 'hex')), { allowIdentity: true }));
      const cts = made.cts.map((h) => unwrap(decodeCiphertext(g, Uint8Array.from(Buffer.from(h, 'hex')))));
      const partial = {
        trustee: 1,
        factors: made.factors.map(el),
        proofs: made.proofs.map((h) =>
          unwrap(decodeChallengeResponse(g, Uint8Array.from(Buffer.from(h, 'hex')))),
        ),
      };
      expect(verifyPartialDecryption(g, partial, el(made.shares[0]!), cts, context).ok).toBe(true);
    }
  });
});

// Spec conformance of every proof transcript (docs/protocol.md §3, §5.2–§5.5).
// An independent verifier written from the spec text alone — its own item encoding, SHA-512 and wide
// reduction — must accept every proof the library produces. This catches what tamper tests cannot:
// a statement element silently dropped from the hash (weak Fiat–Shamir, BPW12) still rejects
// tampering, because the verifier recomputes the commitments from the tampered statement, but it
// breaks strong soundness. Any omitted, reordered or relabelled item fails here.
import { sha512 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type GroupElement,
  type Scalar,
  bytesToBigintLE,
  concatBytes,
  encodeMessage,
  encryptWith,
  proveEncryptionIn,
  proveEqualLogs,
  proveKnowledge,
  ristretto255 as g,
  signMessage,
  utf8,
} from '../src/index.ts';
import { RUNS, arbContext, arbElement, arbKeyPair, arbNonZeroScalar } from './arbitraries.ts';

const F = g.scalars;

// ── the spec, transcribed ──────────────────────────────────────────────────────────────────────
const u32 = (n: number) => new Uint8Array([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
const u64 = (n: number) => concatBytes(u32(Math.floor(n / 2 ** 32)), u32(n >>> 0));
const item = (label: string, data: Uint8Array) =>
  concatBytes(u32(utf8(label).length), utf8(label), u32(data.length), data);
const enc = (e: GroupElement) => g.encodeElement(e);

type Items = readonly (readonly [string, Uint8Array])[];
function specChallenge(domain: string, items: Items): Scalar {
  const pre = concatBytes(
    item('protocol', utf8('ratify/v2')),
    item('group', utf8('ristretto255')),
    item('domain', utf8(domain)),
    ...items.map(([l, d]) => item(l, d)),
    item('challenge', utf8('challenge')),
  );
  return F.fromBigint(bytesToBigintLE(sha512(pre)));
}

/** g^s · X^c, computed with plain multiplications (no multi-scalar shortcut). */
const commit = (base: GroupElement, s: Scalar, x: GroupElement, c: Scalar) =>
  g.add(g.multiply(base, s), g.multiply(x, c));

// ── tests ──────────────────────────────────────────────────────────────────────────────────────
describe('proof transcripts follow the spec byte for byte', () => {
  it('§5.2 Schnorr proof of knowledge: context, generator, public_key, commitment', () => {
    fc.assert(
      fc.property(arbKeyPair, arbContext, (kp, ctx) => {
        const { challenge: c, response: s } = proveKnowledge(g, kp.secretKey, kp.publicKey, ctx);
        const a = commit(g.generator, s, kp.publicKey, c);
        const items: Items = [
          ['context', ctx],
          ['generator', enc(g.generator)],
          ['public_key', enc(kp.publicKey)],
          ['commitment', enc(a)],
        ];
        expect(specChallenge('ratify/v2/proof/schnorr-knowledge', items)).toBe(c);
      }),
      RUNS,
    );
  });

  it('§5.3 Schnorr signature: context, public_key, message, commitment (no generator)', () => {
    fc.assert(
      fc.property(arbKeyPair, arbContext, fc.uint8Array({ maxLength: 80 }), (kp, ctx, msg) => {
        const { challenge: c, response: s } = signMessage(g, kp.secretKey, kp.publicKey, msg, ctx);
        const a = commit(g.generator, s, kp.publicKey, c);
        const items: Items = [
          ['context', ctx],
          ['public_key', enc(kp.publicKey)],
          ['message', msg],
          ['commitment', enc(a)],
        ];
        expect(specChallenge('ratify/v2/signature/schnorr', items)).toBe(c);
      }),
      RUNS,
    );
  });

  it('§5.4 Chaum–Pedersen: context, generator, public_key, base, result, commitment_1, commitment_2', () => {
    fc.assert(
      fc.property(arbKeyPair, arbElement, arbContext, (kp, base, ctx) => {
        const result = g.multiply(base, kp.secretKey);
        const st = { publicKey: kp.publicKey, base, result };
        const { challenge: c, response: s } = proveEqualLogs(g, kp.secretKey, st, ctx);
        const items: Items = [
          ['context', ctx],
          ['generator', enc(g.generator)],
          ['public_key', enc(kp.publicKey)],
          ['base', enc(base)],
          ['result', enc(result)],
          ['commitment_1', enc(commit(g.generator, s, kp.publicKey, c))],
          ['commitment_2', enc(commit(base, s, result, c))],
        ];
        expect(specChallenge('ratify/v2/proof/chaum-pedersen', items)).toBe(c);
      }),
      RUNS,
    );
  });

  it('§5.5 disjunctive: context, generator, public_key, alpha, beta, allowed_count, allowed[i], commitments', () => {
    const ranges = [[0, 1], [0, 1, 2, 3], [1, 2], [5]];
    fc.assert(
      fc.property(
        arbKeyPair,
        arbNonZeroScalar,
        arbContext,
        fc.constantFrom(...ranges),
        fc.nat(),
        (kp, r, ctx, allowed, pick) => {
          const m = allowed[pick % allowed.length]!;
          const h = kp.publicKey;
          const ciphertext = encryptWith(g, h, m, r);
          const proof = proveEncryptionIn(g, { publicKey: h, ciphertext, allowed }, m, r, ctx);
          const commitments = allowed.flatMap((mi, i) => {
            const { challenge: ci, response: si } = proof[i]!;
            return [
              commit(g.generator, si, ciphertext.alpha, ci),
              commit(h, si, g.subtract(ciphertext.beta, encodeMessage(g, mi)), ci),
            ];
          });
          const items: Items = [
            ['context', ctx],
            ['generator', enc(g.generator)],
            ['public_key', enc(h)],
            ['alpha', enc(ciphertext.alpha)],
            ['beta', enc(ciphertext.beta)],
            ['allowed_count', u64(allowed.length)],
            ...allowed.map((mi, i) => [`allowed[${i}]`, u64(mi)] as const),
            ['commitments', u64(commitments.length)],
            ...commitments.map((e, i) => [`commitments[${i}]`, enc(e)] as const),
          ];
          const sum = proof.reduce((acc, p) => F.add(acc, p.challenge), F.zero);
          expect(specChallenge('ratify/v2/proof/disjunctive-chaum-pedersen', items)).toBe(sum);
        },
      ),
      RUNS,
    );
  });

  it('the spec verifier is not vacuous: it rejects a proof whose transcript omits a statement item', () => {
    const kp = { secretKey: F.fromBigint(21), publicKey: g.baseMultiply(F.fromBigint(21)) };
    const { challenge: c, response: s } = proveKnowledge(g, kp.secretKey, kp.publicKey, utf8('ctx'));
    const a = commit(g.generator, s, kp.publicKey, c);
    const weak: Items = [
      ['context', utf8('ctx')],
      ['generator', enc(g.generator)],
      ['commitment', enc(a)],
    ];
    expect(specChallenge('ratify/v2/proof/schnorr-knowledge', weak)).not.toBe(c);
  });
});

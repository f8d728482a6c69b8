// Chaum–Pedersen proof of equal discrete logs (docs/protocol.md §5.4; ElectionGuard 2.1 §3.6.3):
// a trustee shows D = α^x for its public share X = g^x. Completeness, every single-field tamper
// rejected, a wrong decryption share cannot be proven, context binding, group guards.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHAUM_PEDERSEN_DOMAIN,
  type EqualLogsStatement,
  encrypt,
  partialDecrypt,
  proveEqualLogs,
  proveKnowledge,
  ristretto255 as g,
  toHex,
  utf8,
  verifyEqualLogs,
  verifyKnowledge,
} from '../src/index.ts';
import {
  RUNS,
  arbContext,
  arbElement,
  arbKeyPair,
  arbNonZeroScalar,
  otherBytes,
  otherElement,
  otherScalar,
} from './arbitraries.ts';

const F = g.scalars;

const arbCase = fc.record({ kp: arbKeyPair, base: arbElement, ctx: arbContext }).map(({ kp, base, ctx }) => {
  const statement: EqualLogsStatement = {
    publicKey: kp.publicKey,
    base,
    result: g.multiply(base, kp.secretKey),
  };
  return { secret: kp.secretKey, statement, ctx };
});

describe('Chaum–Pedersen equal-discrete-log proof', () => {
  it('a valid proof verifies (completeness), for arbitrary bases and for ciphertext α', () => {
    fc.assert(
      fc.property(arbCase, ({ secret, statement, ctx }) => {
        expect(verifyEqualLogs(g, statement, proveEqualLogs(g, secret, statement, ctx), ctx)).toBe(true);
      }),
      RUNS,
    );
    const trustee = { secretKey: F.fromBigint(424242), publicKey: g.baseMultiply(F.fromBigint(424242)) };
    const ct = encrypt(g, trustee.publicKey, 1).ciphertext;
    const st = {
      publicKey: trustee.publicKey,
      base: ct.alpha,
      result: partialDecrypt(g, trustee.secretKey, ct),
    };
    expect(verifyEqualLogs(g, st, proveEqualLogs(g, trustee.secretKey, st, utf8('d')), utf8('d'))).toBe(true);
  });

  it('changing any single field is rejected: challenge, response, public key, base, result, context', () => {
    fc.assert(
      fc.property(arbCase, arbNonZeroScalar, fc.nat(), ({ secret, statement: st, ctx }, delta, pos) => {
        const proof = proveEqualLogs(g, secret, st, ctx);
        expect(
          verifyEqualLogs(g, st, { ...proof, challenge: otherScalar(proof.challenge, delta) }, ctx),
        ).toBe(false);
        expect(verifyEqualLogs(g, st, { ...proof, response: otherScalar(proof.response, delta) }, ctx)).toBe(
          false,
        );
        expect(verifyEqualLogs(g, { ...st, publicKey: otherElement(st.publicKey, delta) }, proof, ctx)).toBe(
          false,
        );
        expect(verifyEqualLogs(g, { ...st, base: otherElement(st.base, delta) }, proof, ctx)).toBe(false);
        expect(verifyEqualLogs(g, { ...st, result: otherElement(st.result, delta) }, proof, ctx)).toBe(false);
        expect(verifyEqualLogs(g, st, proof, otherBytes(ctx, pos))).toBe(false);
      }),
      RUNS,
    );
  });

  it('swapping the roles of the elements is rejected (base ↔ public key, result ↔ base)', () => {
    fc.assert(
      fc.property(arbCase, ({ secret, statement: st, ctx }) => {
        const proof = proveEqualLogs(g, secret, st, ctx);
        // A swap of two equal elements (e.g. x = 1 and B = g) is no change at all: only real swaps count.
        if (!g.equals(st.base, st.publicKey)) expect(verifyEqualLogs(g, { ...st, publicKey: st.base, base: st.publicKey }, proof, ctx)).toBe(false);
        if (!g.equals(st.base, st.result)) expect(verifyEqualLogs(g, { ...st, base: st.result, result: st.base }, proof, ctx)).toBe(false);
      }),
      { numRuns: 10 },
    );
  });

  it('a wrong decryption share cannot be proven (soundness: D ≠ B^x)', () => {
    fc.assert(
      fc.property(arbCase, arbNonZeroScalar, ({ secret, statement: st, ctx }, delta) => {
        const cheating = { ...st, result: g.multiply(st.base, F.add(secret, delta)) };
        expect(verifyEqualLogs(g, cheating, proveEqualLogs(g, secret, cheating, ctx), ctx)).toBe(false);
      }),
      RUNS,
    );
  });

  it('rejects an identity public key or base (the statement becomes trivial)', () => {
    const ctx = utf8('c');
    const x = F.fromBigint(3);
    const base = g.baseMultiply(F.fromBigint(11));
    const zeroKey = { publicKey: g.identity, base, result: g.identity };
    expect(verifyEqualLogs(g, zeroKey, proveEqualLogs(g, F.zero, zeroKey, ctx), ctx)).toBe(false);
    const zeroBase = { publicKey: g.baseMultiply(x), base: g.identity, result: g.identity };
    expect(verifyEqualLogs(g, zeroBase, proveEqualLogs(g, x, zeroBase, ctx), ctx)).toBe(false);
  });

  it('is bound to the context (a share proof for one ballot/tally cannot be replayed for another)', () => {
    fc.assert(
      fc.property(arbCase, ({ secret, statement, ctx }) => {
        const other = utf8('another election');
        fc.pre(toHex(other) !== toHex(ctx));
        const proof = proveEqualLogs(g, secret, statement, ctx);
        expect(verifyEqualLogs(g, statement, proof, other)).toBe(false);
      }),
      { numRuns: 10 },
    );
  });

  it('cross-domain: the (g, X) half of a Chaum–Pedersen proof is not a Schnorr proof and vice versa', () => {
    fc.assert(
      fc.property(arbCase, ({ secret, statement: st, ctx }) => {
        expect(verifyKnowledge(g, st.publicKey, proveEqualLogs(g, secret, st, ctx), ctx)).toBe(false);
        expect(verifyEqualLogs(g, st, proveKnowledge(g, secret, st.publicKey, ctx), ctx)).toBe(false);
        // With base = g the statement is "X = g^x and D = g^x": still a different domain.
        const gBase = { publicKey: st.publicKey, base: g.generator, result: st.publicKey };
        expect(verifyKnowledge(g, st.publicKey, proveEqualLogs(g, secret, gBase, ctx), ctx)).toBe(false);
      }),
      { numRuns: 10 },
    );
    expect(CHAUM_PEDERSEN_DOMAIN).toBe('ratify/v2/proof/chaum-pedersen');
  });
});

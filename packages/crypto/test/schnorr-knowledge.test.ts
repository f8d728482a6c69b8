// Schnorr proof of knowledge of a discrete log (docs/protocol.md §5.2; Belenios spec §4.4):
// completeness, every single-field tamper rejected, context binding, domain separation from
// signatures, and the group-membership guard on the statement.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  proveKnowledge,
  ristretto255 as g,
  seededRandom,
  signMessage,
  utf8,
  verifyKnowledge,
  verifySignature,
} from '../src/index.ts';
import {
  RUNS,
  arbContext,
  arbKeyPair,
  arbNonZeroScalar,
  ballotContext,
  otherBytes,
  otherElement,
  otherScalar,
} from './arbitraries.ts';

const F = g.scalars;

describe('Schnorr proof of knowledge', () => {
  it('a valid proof verifies (completeness)', () => {
    fc.assert(
      fc.property(arbKeyPair, arbContext, fc.string(), (kp, ctx, seed) => {
        const proof = proveKnowledge(g, kp.secretKey, kp.publicKey, ctx, seededRandom(seed));
        expect(verifyKnowledge(g, kp.publicKey, proof, ctx)).toBe(true);
      }),
      RUNS,
    );
  });

  it('changing any single field is rejected: challenge, response, public key, context', () => {
    fc.assert(
      fc.property(arbKeyPair, arbContext, arbNonZeroScalar, fc.nat(), (kp, ctx, delta, pos) => {
        const proof = proveKnowledge(g, kp.secretKey, kp.publicKey, ctx);
        const pk = kp.publicKey;
        expect(
          verifyKnowledge(g, pk, { ...proof, challenge: otherScalar(proof.challenge, delta) }, ctx),
        ).toBe(false);
        expect(verifyKnowledge(g, pk, { ...proof, response: otherScalar(proof.response, delta) }, ctx)).toBe(
          false,
        );
        expect(verifyKnowledge(g, otherElement(pk, delta), proof, ctx)).toBe(false);
        expect(verifyKnowledge(g, pk, proof, otherBytes(ctx, pos))).toBe(false);
        expect(verifyKnowledge(g, pk, proof, new Uint8Array([...ctx, 0]))).toBe(false);
      }),
      RUNS,
    );
  });

  it('swapping challenge and response is rejected', () => {
    const kp = { secretKey: F.fromBigint(7), publicKey: g.baseMultiply(F.fromBigint(7)) };
    const proof = proveKnowledge(g, kp.secretKey, kp.publicKey, utf8('ctx'));
    expect(
      verifyKnowledge(g, kp.publicKey, { challenge: proof.response, response: proof.challenge }, utf8('ctx')),
    ).toBe(false);
  });

  it('a proof made with the wrong secret does not verify', () => {
    fc.assert(
      fc.property(arbKeyPair, arbNonZeroScalar, arbContext, (kp, delta, ctx) => {
        const proof = proveKnowledge(g, F.add(kp.secretKey, delta), kp.publicKey, ctx);
        expect(verifyKnowledge(g, kp.publicKey, proof, ctx)).toBe(false);
      }),
      RUNS,
    );
  });

  it('rejects the identity as a public key, even with a proof that would otherwise check', () => {
    // With X = 1 the verification equation degenerates to A = g^s: anyone can "prove" knowledge.
    const ctx = utf8('ctx');
    const proof = proveKnowledge(g, F.zero, g.identity, ctx);
    expect(verifyKnowledge(g, g.identity, proof, ctx)).toBe(false);
  });

  it('is bound to the context: voter A’s proof fails under voter B’s context (ballot copying)', () => {
    fc.assert(
      fc.property(arbKeyPair, arbKeyPair, arbKeyPair, (kp, credA, credB) => {
        fc.pre(!g.equals(credA.publicKey, credB.publicKey));
        const ctxA = ballotContext('election-1', credA.publicKey);
        const ctxB = ballotContext('election-1', credB.publicKey);
        const proof = proveKnowledge(g, kp.secretKey, kp.publicKey, ctxA);
        expect(verifyKnowledge(g, kp.publicKey, proof, ctxA)).toBe(true);
        expect(verifyKnowledge(g, kp.publicKey, proof, ctxB)).toBe(false);
        expect(verifyKnowledge(g, kp.publicKey, proof, ballotContext('election-2', credA.publicKey))).toBe(
          false,
        );
      }),
      RUNS,
    );
  });

  it('cross-domain: a proof of knowledge is not a signature, and a signature is not a proof', () => {
    fc.assert(
      fc.property(arbKeyPair, arbContext, (kp, ctx) => {
        const proof = proveKnowledge(g, kp.secretKey, kp.publicKey, ctx);
        // Whatever message a forger picks (empty, the context itself), the proof is not a signature.
        for (const message of [new Uint8Array(0), ctx, g.encodeElement(kp.publicKey)]) {
          expect(verifySignature(g, kp.publicKey, message, proof, ctx)).toBe(false);
          const sig = signMessage(g, kp.secretKey, kp.publicKey, message, ctx);
          expect(verifySignature(g, kp.publicKey, message, sig, ctx)).toBe(true);
          expect(verifyKnowledge(g, kp.publicKey, sig, ctx)).toBe(false);
        }
      }),
      { numRuns: 10 },
    );
  });

  it('is deterministic under a seeded RNG and randomised under the system RNG', () => {
    const sk = F.fromBigint(12345);
    const pk = g.baseMultiply(sk);
    const ctx = utf8('ctx');
    const a = proveKnowledge(g, sk, pk, ctx, seededRandom('s'));
    const b = proveKnowledge(g, sk, pk, ctx, seededRandom('s'));
    expect(a).toEqual(b);
    const c = proveKnowledge(g, sk, pk, ctx);
    const d = proveKnowledge(g, sk, pk, ctx);
    expect(c.challenge).not.toBe(d.challenge);
  });
});

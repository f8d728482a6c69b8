// Schnorr signatures (docs/protocol.md §5.3; Belenios spec §4.9: the voter's credential signs the
// ballot). Completeness, every single-field tamper rejected, binding to the message and the context,
// and domain separation from proofs of knowledge (the reverse direction is in schnorr-knowledge).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeChallengeResponse,
  encodeChallengeResponse,
  proveKnowledge,
  ristretto255 as g,
  seededRandom,
  signMessage,
  unwrap,
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
const arbMessage = fc.uint8Array({ minLength: 0, maxLength: 96 });

describe('Schnorr signature', () => {
  it('a valid signature verifies (completeness), also after an encode/decode round-trip', () => {
    fc.assert(
      fc.property(arbKeyPair, arbMessage, arbContext, (kp, msg, ctx) => {
        const sig = signMessage(g, kp.secretKey, kp.publicKey, msg, ctx);
        expect(verifySignature(g, kp.publicKey, msg, sig, ctx)).toBe(true);
        const back = unwrap(decodeChallengeResponse(g, encodeChallengeResponse(g, sig)));
        expect(verifySignature(g, kp.publicKey, msg, back, ctx)).toBe(true);
      }),
      RUNS,
    );
  });

  it('changing any single field is rejected: challenge, response, public key, message, context', () => {
    fc.assert(
      fc.property(
        arbKeyPair,
        arbMessage,
        arbContext,
        arbNonZeroScalar,
        fc.nat(),
        (kp, msg, ctx, delta, pos) => {
          const pk = kp.publicKey;
          const sig = signMessage(g, kp.secretKey, pk, msg, ctx);
          expect(
            verifySignature(g, pk, msg, { ...sig, challenge: otherScalar(sig.challenge, delta) }, ctx),
          ).toBe(false);
          expect(
            verifySignature(g, pk, msg, { ...sig, response: otherScalar(sig.response, delta) }, ctx),
          ).toBe(false);
          expect(verifySignature(g, otherElement(pk, delta), msg, sig, ctx)).toBe(false);
          expect(verifySignature(g, pk, otherBytes(msg, pos), sig, ctx)).toBe(false);
          expect(verifySignature(g, pk, new Uint8Array([...msg, 0]), sig, ctx)).toBe(false);
          expect(verifySignature(g, pk, msg, sig, otherBytes(ctx, pos))).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('message and context are separate items: moving bytes between them is rejected', () => {
    const kp = { secretKey: F.fromBigint(99), publicKey: g.baseMultiply(F.fromBigint(99)) };
    const sig = signMessage(g, kp.secretKey, kp.publicKey, utf8('ab'), utf8('c'));
    expect(verifySignature(g, kp.publicKey, utf8('ab'), sig, utf8('c'))).toBe(true);
    expect(verifySignature(g, kp.publicKey, utf8('a'), sig, utf8('bc'))).toBe(false);
    expect(verifySignature(g, kp.publicKey, utf8('abc'), sig, utf8(''))).toBe(false);
  });

  it('another key’s signature does not verify', () => {
    fc.assert(
      fc.property(arbKeyPair, arbKeyPair, arbMessage, arbContext, (a, b, msg, ctx) => {
        fc.pre(!g.equals(a.publicKey, b.publicKey));
        const sig = signMessage(g, a.secretKey, a.publicKey, msg, ctx);
        expect(verifySignature(g, b.publicKey, msg, sig, ctx)).toBe(false);
        // Signing with a's secret but claiming b's key (the prover does not check) also fails.
        expect(
          verifySignature(g, b.publicKey, msg, signMessage(g, a.secretKey, b.publicKey, msg, ctx), ctx),
        ).toBe(false);
      }),
      RUNS,
    );
  });

  it('rejects the identity as a public key', () => {
    const sig = signMessage(g, F.zero, g.identity, utf8('m'), utf8('c'));
    expect(verifySignature(g, g.identity, utf8('m'), sig, utf8('c'))).toBe(false);
  });

  it('a ballot signed under voter A’s credential context fails under voter B’s (ballot copying)', () => {
    fc.assert(
      fc.property(arbKeyPair, arbKeyPair, arbMessage, (credA, credB, ballotHash) => {
        fc.pre(!g.equals(credA.publicKey, credB.publicKey));
        const ctxA = ballotContext('election-1', credA.publicKey);
        const sig = signMessage(g, credA.secretKey, credA.publicKey, ballotHash, ctxA);
        expect(verifySignature(g, credA.publicKey, ballotHash, sig, ctxA)).toBe(true);
        expect(
          verifySignature(g, credA.publicKey, ballotHash, sig, ballotContext('election-1', credB.publicKey)),
        ).toBe(false);
        expect(
          verifySignature(g, credB.publicKey, ballotHash, sig, ballotContext('election-1', credB.publicKey)),
        ).toBe(false);
      }),
      RUNS,
    );
  });

  it('cross-domain: a signature does not verify as a proof of knowledge and vice versa', () => {
    const kp = { secretKey: F.fromBigint(5), publicKey: g.baseMultiply(F.fromBigint(5)) };
    const ctx = utf8('ctx');
    const sig = signMessage(g, kp.secretKey, kp.publicKey, new Uint8Array(0), ctx);
    expect(verifyKnowledge(g, kp.publicKey, sig, ctx)).toBe(false);
    const pok = proveKnowledge(g, kp.secretKey, kp.publicKey, ctx);
    expect(verifySignature(g, kp.publicKey, new Uint8Array(0), pok, ctx)).toBe(false);
  });

  it('the same message signed twice gives two different signatures (fresh nonce), both valid', () => {
    const kp = { secretKey: F.fromBigint(5), publicKey: g.baseMultiply(F.fromBigint(5)) };
    const a = signMessage(g, kp.secretKey, kp.publicKey, utf8('m'), utf8('c'));
    const b = signMessage(g, kp.secretKey, kp.publicKey, utf8('m'), utf8('c'));
    expect(a.challenge).not.toBe(b.challenge);
    expect(verifySignature(g, kp.publicKey, utf8('m'), a, utf8('c'))).toBe(true);
    expect(verifySignature(g, kp.publicKey, utf8('m'), b, utf8('c'))).toBe(true);
    const s1 = signMessage(g, kp.secretKey, kp.publicKey, utf8('m'), utf8('c'), seededRandom('x'));
    const s2 = signMessage(g, kp.secretKey, kp.publicKey, utf8('m'), utf8('c'), seededRandom('x'));
    expect(s1).toEqual(s2);
  });
});

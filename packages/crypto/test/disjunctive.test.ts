// Disjunctive Chaum–Pedersen proof that a ciphertext encrypts one of a list of allowed values
// (docs/protocol.md §5.5; Belenios spec §4.10; CDS94): the 0/1 proof per option and the overall
// [min, max] range proof per question. Completeness, every single-field tamper rejected (each index),
// soundness on an encryption of 2, order of the allowed list, context binding (ballot copying).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DisjunctiveProof,
  type EncryptionStatement,
  type Scalar,
  encrypt,
  encryptWith,
  proveEncryptionIn,
  rangeValues,
  ristretto255 as g,
  sumCiphertexts,
  utf8,
  verifyEncryptionIn,
} from '../src/index.ts';
import {
  RUNS,
  arbContext,
  arbKeyPair,
  arbNonZeroScalar,
  arbScalar,
  ballotContext,
  otherBytes,
  otherElement,
  otherScalar,
} from './arbitraries.ts';

const F = g.scalars;

/** A valid 0/1 (or range) proof with everything a tamper test needs. */
const arbValid = (allowed: readonly number[]) =>
  fc
    .record({
      kp: arbKeyPair,
      r: arbNonZeroScalar,
      index: fc.nat({ max: allowed.length - 1 }),
      ctx: arbContext,
    })
    .map(({ kp, r, index, ctx }) => {
      const m = allowed[index]!;
      const statement: EncryptionStatement = {
        publicKey: kp.publicKey,
        ciphertext: encryptWith(g, kp.publicKey, m, r),
        allowed,
      };
      return { statement, m, r, ctx, proof: proveEncryptionIn(g, statement, m, r, ctx) };
    });

const replaceAt = (proof: DisjunctiveProof, i: number, field: 'challenge' | 'response', delta: Scalar) =>
  proof.map((p, j) => (j === i ? { ...p, [field]: otherScalar(p[field], delta) } : p));

describe('disjunctive proof: 0/1', () => {
  it('a valid proof verifies for 0 and for 1 (completeness)', () => {
    fc.assert(
      fc.property(arbValid([0, 1]), ({ statement, proof, ctx }) => {
        expect(proof.length).toBe(2);
        expect(verifyEncryptionIn(g, statement, proof, ctx)).toBe(true);
      }),
      RUNS,
    );
  });

  it('changing the challenge or the response at any index is rejected', () => {
    fc.assert(
      fc.property(arbValid([0, 1]), arbNonZeroScalar, ({ statement, proof, ctx }, delta) => {
        for (let i = 0; i < proof.length; i++) {
          expect(verifyEncryptionIn(g, statement, replaceAt(proof, i, 'challenge', delta), ctx)).toBe(false);
          expect(verifyEncryptionIn(g, statement, replaceAt(proof, i, 'response', delta), ctx)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('moving challenge mass between indices (keeping Σc) is rejected', () => {
    fc.assert(
      fc.property(arbValid([0, 1]), arbNonZeroScalar, ({ statement, proof, ctx }, delta) => {
        const [p0, p1] = proof as [DisjunctiveProof[0], DisjunctiveProof[0]];
        const shifted = [
          { ...p0, challenge: F.add(p0.challenge, delta) },
          { ...p1, challenge: F.sub(p1.challenge, delta) },
        ];
        expect(verifyEncryptionIn(g, statement, shifted, ctx)).toBe(false);
      }),
      RUNS,
    );
  });

  it('changing any statement element is rejected: public key, α, β, allowed values, context', () => {
    fc.assert(
      fc.property(
        arbValid([0, 1]),
        arbNonZeroScalar,
        fc.nat(),
        ({ statement: st, proof, ctx }, delta, pos) => {
          const { alpha, beta } = st.ciphertext;
          expect(
            verifyEncryptionIn(g, { ...st, publicKey: otherElement(st.publicKey, delta) }, proof, ctx),
          ).toBe(false);
          expect(
            verifyEncryptionIn(
              g,
              { ...st, ciphertext: { alpha: otherElement(alpha, delta), beta } },
              proof,
              ctx,
            ),
          ).toBe(false);
          expect(
            verifyEncryptionIn(
              g,
              { ...st, ciphertext: { alpha, beta: otherElement(beta, delta) } },
              proof,
              ctx,
            ),
          ).toBe(false);
          expect(verifyEncryptionIn(g, { ...st, ciphertext: { alpha: beta, beta: alpha } }, proof, ctx)).toBe(
            false,
          );
          expect(verifyEncryptionIn(g, { ...st, allowed: [0, 2] }, proof, ctx)).toBe(false);
          expect(verifyEncryptionIn(g, { ...st, allowed: [1, 2] }, proof, ctx)).toBe(false);
          expect(verifyEncryptionIn(g, st, proof, otherBytes(ctx, pos))).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('the order of the allowed values is part of the statement', () => {
    fc.assert(
      fc.property(arbValid([0, 1]), ({ statement: st, proof, ctx }) => {
        // Reordering the list, with or without reordering the proof to match, is rejected.
        expect(verifyEncryptionIn(g, { ...st, allowed: [1, 0] }, proof, ctx)).toBe(false);
        expect(verifyEncryptionIn(g, { ...st, allowed: [1, 0] }, [...proof].reverse(), ctx)).toBe(false);
        expect(verifyEncryptionIn(g, st, [...proof].reverse(), ctx)).toBe(false);
      }),
      RUNS,
    );
  });

  it('a proof of the wrong length is rejected; a malformed allowed list is a bug (throws)', () => {
    const kp = { secretKey: F.fromBigint(9), publicKey: g.baseMultiply(F.fromBigint(9)) };
    const { ciphertext, randomness } = encrypt(g, kp.publicKey, 1);
    const st = { publicKey: kp.publicKey, ciphertext, allowed: [0, 1] };
    const proof = proveEncryptionIn(g, st, 1, randomness, utf8('c'));
    expect(verifyEncryptionIn(g, st, proof.slice(0, 1), utf8('c'))).toBe(false);
    expect(verifyEncryptionIn(g, st, [...proof, proof[0]!], utf8('c'))).toBe(false);
    expect(verifyEncryptionIn(g, st, [], utf8('c'))).toBe(false);
    for (const allowed of [[], [0, 0], [-1, 0], [0.5, 1]]) {
      expect(() => verifyEncryptionIn(g, { ...st, allowed }, proof, utf8('c'))).toThrow();
      expect(() => proveEncryptionIn(g, { ...st, allowed }, 1, randomness, utf8('c'))).toThrow();
    }
  });

  it('rejects an identity public key or α (plaintext in the clear)', () => {
    const ctx = utf8('c');
    const pk = g.baseMultiply(F.fromBigint(9));
    const clear = { publicKey: pk, ciphertext: encryptWith(g, pk, 1, F.zero), allowed: [0, 1] };
    expect(g.isIdentity(clear.ciphertext.alpha)).toBe(true);
    expect(verifyEncryptionIn(g, clear, proveEncryptionIn(g, clear, 1, F.zero, ctx), ctx)).toBe(false);
    const noKey = {
      publicKey: g.identity,
      ciphertext: encryptWith(g, g.identity, 1, F.fromBigint(5)),
      allowed: [0, 1],
    };
    expect(verifyEncryptionIn(g, noKey, proveEncryptionIn(g, noKey, 1, F.fromBigint(5), ctx), ctx)).toBe(
      false,
    );
  });
});

describe('disjunctive proof: soundness on an encryption of 2', () => {
  it('the prover refuses to prove 2 ∈ {0, 1}', () => {
    const pk = g.baseMultiply(F.fromBigint(77));
    const { ciphertext, randomness } = encrypt(g, pk, 2);
    expect(() =>
      proveEncryptionIn(g, { publicKey: pk, ciphertext, allowed: [0, 1] }, 2, randomness, utf8('c')),
    ).toThrow(/not in the allowed set/);
  });

  it('forged proofs for an encryption of 2 fail: lying about the plaintext, or simulating every branch', () => {
    fc.assert(
      fc.property(
        arbKeyPair,
        arbNonZeroScalar,
        arbContext,
        fc.array(arbScalar, { minLength: 4, maxLength: 4 }),
        (kp, r, ctx, sims) => {
          const st = {
            publicKey: kp.publicKey,
            ciphertext: encryptWith(g, kp.publicKey, 2, r),
            allowed: [0, 1],
          };
          for (const claimed of [0, 1])
            expect(verifyEncryptionIn(g, st, proveEncryptionIn(g, st, claimed, r, ctx), ctx)).toBe(false);
          const [c0, s0, c1, s1] = sims as [Scalar, Scalar, Scalar, Scalar];
          const simulated = [
            { challenge: c0, response: s0 },
            { challenge: c1, response: s1 },
          ];
          expect(verifyEncryptionIn(g, st, simulated, ctx)).toBe(false);
          // The same ciphertext does have a valid proof for the list that contains 2.
          const wide = { ...st, allowed: [0, 1, 2] };
          expect(verifyEncryptionIn(g, wide, proveEncryptionIn(g, wide, 2, r, ctx), ctx)).toBe(true);
        },
      ),
      { numRuns: 10 },
    );
  });
});

describe('disjunctive proof: ranges [min, max]', () => {
  it('rangeValues lists the range and rejects bad ranges', () => {
    expect(rangeValues(0, 3)).toEqual([0, 1, 2, 3]);
    expect(rangeValues(1, 2)).toEqual([1, 2]);
    expect(rangeValues(1, 1)).toEqual([1]);
    for (const [a, b] of [
      [2, 1],
      [-1, 1],
      [0, 1.5],
    ] as const)
      expect(() => rangeValues(a, b)).toThrow();
  });

  it.each([
    [0, 3],
    [1, 2],
    [1, 1],
    [0, 1],
  ] as const)('[%i, %i]: every value in range proves; values outside cannot', (min, max) => {
    const allowed = rangeValues(min, max);
    const kp = { secretKey: F.fromBigint(31337), publicKey: g.baseMultiply(F.fromBigint(31337)) };
    const ctx = utf8(`range ${min}..${max}`);
    for (let m = 0; m <= max + 1; m++) {
      const { ciphertext, randomness } = encrypt(g, kp.publicKey, m);
      const st = { publicKey: kp.publicKey, ciphertext, allowed };
      if (m >= min && m <= max) {
        const proof = proveEncryptionIn(g, st, m, randomness, ctx);
        expect(proof.length).toBe(allowed.length);
        expect(verifyEncryptionIn(g, st, proof, ctx)).toBe(true);
      } else {
        expect(() => proveEncryptionIn(g, st, m, randomness, ctx)).toThrow();
        expect(verifyEncryptionIn(g, st, proveEncryptionIn(g, st, min, randomness, ctx), ctx)).toBe(false);
      }
    }
  });

  it('overall proof on a homomorphic sum of 0/1 ciphertexts, with range tamper rejected', () => {
    fc.assert(
      fc.property(
        arbKeyPair,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 3 }),
        arbContext,
        (kp, votes, ctx) => {
          const encs = votes.map((v) => encrypt(g, kp.publicKey, v ? 1 : 0));
          const total = sumCiphertexts(
            g,
            encs.map((e) => e.ciphertext),
          );
          const r = encs.reduce((acc, e) => F.add(acc, e.randomness), F.zero);
          const count = votes.filter(Boolean).length;
          const st = { publicKey: kp.publicKey, ciphertext: total, allowed: rangeValues(0, 3) };
          const proof = proveEncryptionIn(g, st, count, r, ctx);
          expect(verifyEncryptionIn(g, st, proof, ctx)).toBe(true);
          expect(verifyEncryptionIn(g, { ...st, allowed: rangeValues(1, 4) }, proof, ctx)).toBe(false);
          expect(verifyEncryptionIn(g, { ...st, allowed: [0, 1, 3, 2] }, proof, ctx)).toBe(false);
        },
      ),
      { numRuns: 10 },
    );
  });
});

describe('disjunctive proof: bound to the voter’s context (ballot copying, Cortier–Smyth)', () => {
  it('voter A’s proof does not verify under voter B’s context, nor under another election', () => {
    fc.assert(
      fc.property(arbKeyPair, arbKeyPair, arbKeyPair, fc.boolean(), (election, credA, credB, vote) => {
        fc.pre(!g.equals(credA.publicKey, credB.publicKey));
        const ctxA = ballotContext('election-1', credA.publicKey);
        const { ciphertext, randomness } = encrypt(g, election.publicKey, vote ? 1 : 0);
        const st = { publicKey: election.publicKey, ciphertext, allowed: [0, 1] };
        const proof = proveEncryptionIn(g, st, vote ? 1 : 0, randomness, ctxA);
        expect(verifyEncryptionIn(g, st, proof, ctxA)).toBe(true);
        expect(verifyEncryptionIn(g, st, proof, ballotContext('election-1', credB.publicKey))).toBe(false);
        expect(verifyEncryptionIn(g, st, proof, ballotContext('election-2', credA.publicKey))).toBe(false);
      }),
      RUNS,
    );
  });
});

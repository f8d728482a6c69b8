// Producer/checker twins of the threshold module, each with every single-field tamper rejected:
// coefficient commitments (Schnorr PoK, ElectionGuard 2.1 §3.2.2), key confirmations (Belenios
// voutput), partial decryptions (Chaum–Pedersen, EG 2.1 §3.6.3) — plus Lagrange algebra properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encrypt, ristretto255 as g, seededRandom, type Scalar, sumCiphertexts, utf8 } from '../src/index.ts';
import {
  type CommitmentsMessage,
  createKeyConfirmation,
  createPartialDecryption,
  createTrusteeCommitments,
  evaluatePolynomial,
  generateTrusteeEncryptionKey,
  lagrangeCoefficient,
  verifyKeyConfirmation,
  verifyPartialDecryption,
  verifyTrusteeCommitments,
} from '../src/threshold/index.ts';
import { parametersFor, runCeremony } from './threshold-fixtures.ts';

const F = g.scalars;
const bump = (s: Scalar): Scalar => F.add(s, F.one);

describe('coefficient commitments', () => {
  const parameters = parametersFor(3, 4, 'commitments');
  const rng = seededRandom('commitments');
  const { message } = createTrusteeCommitments(g, parameters, 2, generateTrusteeEncryptionKey(g, rng), rng);
  const check = (m: CommitmentsMessage, p = parameters) => verifyTrusteeCommitments(g, p, m);
  const withCoefficient = (
    j: number,
    f: (c: CommitmentsMessage['coefficients'][number]) => CommitmentsMessage['coefficients'][number],
  ) => ({
    ...message,
    coefficients: message.coefficients.map((c, i) => (i === j ? f(c) : c)),
  });

  it('valid commitments verify', () => expect(check(message).ok).toBe(true));

  it.each([0, 1, 2])('coefficient %i: each altered field is rejected and named', (j) => {
    const tampers = [
      withCoefficient(j, (c) => ({ ...c, commitment: g.add(c.commitment, g.generator) })),
      withCoefficient(j, (c) => ({ ...c, proof: { ...c.proof, challenge: bump(c.proof.challenge) } })),
      withCoefficient(j, (c) => ({ ...c, proof: { ...c.proof, response: bump(c.proof.response) } })),
    ];
    for (const t of tampers)
      expect(check(t)).toMatchObject({ ok: false, error: 'bad_coefficient_proof', trustee: 2, item: j });
    expect(check(withCoefficient(j, (c) => ({ ...c, commitment: g.identity })))).toMatchObject({
      ok: false,
      error: 'identity_commitment',
      item: j,
    });
  });

  it('rejects a wrong count, a wrong index, a wrong context, a bad encryption-key proof', () => {
    expect(check({ ...message, coefficients: message.coefficients.slice(0, 2) })).toMatchObject({
      ok: false,
      error: 'wrong_coefficient_count',
      trustee: 2,
    });
    expect(check({ ...message, trustee: 3 })).toMatchObject({ ok: false, trustee: 3 });
    expect(check({ ...message, trustee: 5 })).toMatchObject({ ok: false, error: 'bad_trustee_index' });
    expect(check(message, { ...parameters, context: utf8('another vote') }).ok).toBe(false);
    expect(check({ ...message, encryptionKey: g.add(message.encryptionKey, g.generator) })).toMatchObject({
      ok: false,
      error: 'bad_encryption_key',
    });
    expect(
      check({
        ...message,
        encryptionKeyProof: {
          ...message.encryptionKeyProof,
          response: bump(message.encryptionKeyProof.response),
        },
      }),
    ).toMatchObject({ ok: false, error: 'bad_encryption_key' });
  });
});

describe('key confirmation and partial decryption', () => {
  const ceremony = runCeremony(g, 2, 3, 'proofs');
  const { parameters, keys } = ceremony;
  const commitments = ceremony.messages.filter((m): m is CommitmentsMessage => m.kind === 'commitments');
  const rng = seededRandom('proofs-dec');
  const key = keys[1]!;
  const G2 = key.publicKeyShares[1]!;

  it('key confirmation: valid verifies; altered share, challenge, response or index rejected', () => {
    const c = createKeyConfirmation(g, parameters, key, rng);
    expect(verifyKeyConfirmation(g, parameters, c, commitments).ok).toBe(true);
    for (const t of [
      { ...c, publicKeyShare: g.add(c.publicKeyShare, g.generator) },
      { ...c, proof: { ...c.proof, challenge: bump(c.proof.challenge) } },
      { ...c, proof: { ...c.proof, response: bump(c.proof.response) } },
      { ...c, trustee: 3 },
    ]) {
      expect(verifyKeyConfirmation(g, parameters, t, commitments)).toMatchObject({
        ok: false,
        error: 'bad_key_confirmation',
        trustee: t.trustee,
      });
    }
  });

  const tally = [0, 1].map((m) =>
    sumCiphertexts(g, [
      encrypt(g, key.jointPublicKey, m, rng).ciphertext,
      encrypt(g, key.jointPublicKey, 1, rng).ciphertext,
    ]),
  );
  const ctx = parameters.context;
  const partial = createPartialDecryption(g, key, tally, ctx, rng);
  const verify = (p: typeof partial, G = G2, c = ctx) => verifyPartialDecryption(g, p, G, tally, c);
  const at = <T>(list: readonly T[], i: number, f: (x: T) => T): T[] =>
    list.map((x, k) => (k === i ? f(x) : x));

  it('valid partial decryption verifies', () => expect(verify(partial).ok).toBe(true));

  it.each([0, 1])('ciphertext %i: tampered D, challenge or response is rejected and names trustee 2', (i) => {
    for (const t of [
      { ...partial, factors: at(partial.factors, i, (d) => g.add(d, g.generator)) },
      { ...partial, proofs: at(partial.proofs, i, (p) => ({ ...p, challenge: bump(p.challenge) })) },
      { ...partial, proofs: at(partial.proofs, i, (p) => ({ ...p, response: bump(p.response) })) },
    ]) {
      expect(verify(t)).toMatchObject({ ok: false, error: 'bad_decryption_proof', trustee: 2, item: i });
    }
  });

  it('wrong key share, wrong trustee index, wrong context, wrong count are rejected', () => {
    const wrongShare = createPartialDecryption(
      g,
      { ...key, secretShare: bump(key.secretShare) },
      tally,
      ctx,
      rng,
    );
    expect(verify(wrongShare)).toMatchObject({ ok: false, error: 'bad_decryption_proof', trustee: 2 });
    expect(verify({ ...partial, trustee: 3 }, keys[2]!.publicKeyShares[2]!)).toMatchObject({
      ok: false,
      trustee: 3,
    });
    expect(verify(partial, G2, utf8('other')).ok).toBe(false);
    expect(verify({ ...partial, factors: partial.factors.slice(1) })).toMatchObject({
      ok: false,
      error: 'wrong_count',
      trustee: 2,
    });
  });

  it('an empty tally (α = identity) decrypts to D = identity with the fixed (0, 0) proof', () => {
    const empty = [sumCiphertexts(g, [])];
    const p = createPartialDecryption(g, key, empty, ctx, rng);
    expect(verifyPartialDecryption(g, p, G2, empty, ctx).ok).toBe(true);
    const forged = { ...p, factors: [g.generator] };
    expect(verifyPartialDecryption(g, forged, G2, empty, ctx).ok).toBe(false);
  });
});

describe('Lagrange interpolation (fast-check)', () => {
  const scalar = fc.bigInt({ min: 0n, max: F.order - 1n }).map((v) => F.fromBigint(v));

  it('any k distinct points of a degree k−1 polynomial interpolate P(0)', () => {
    fc.assert(
      fc.property(
        fc.array(scalar, { minLength: 1, maxLength: 5 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 50 }), { minLength: 5, maxLength: 5 }),
        (coefficients, pool) => {
          const indices = pool.slice(0, coefficients.length);
          let acc = F.zero;
          for (const l of indices)
            acc = F.add(
              acc,
              F.mul(lagrangeCoefficient(g, indices, l), evaluatePolynomial(g, coefficients, l)),
            );
          return acc === coefficients[0];
        },
      ),
      { numRuns: 100 },
    );
  });

  it('coefficients sum to 1 (interpolating the constant polynomial)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 8 }),
        (indices) => {
          let sum = F.zero;
          for (const l of indices) sum = F.add(sum, lagrangeCoefficient(g, indices, l));
          return sum === F.one;
        },
      ),
    );
  });

  it('throws on duplicate indices or an index outside the set (bugs)', () => {
    expect(() => lagrangeCoefficient(g, [1, 1, 2], 1)).toThrow();
    expect(() => lagrangeCoefficient(g, [1, 2], 3)).toThrow();
  });
});

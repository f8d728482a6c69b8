// Exponential ElGamal (docs/protocol.md §4; Belenios spec §4.1; ElectionGuard 2.1 §3.3):
// round-trip, homomorphism, re-randomisation, and the strict ciphertext codec.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCiphertexts,
  ciphertextEquals,
  decodeCiphertext,
  decryptToElement,
  decryptWithFactor,
  encodeCiphertext,
  encodeMessage,
  encrypt,
  encryptWith,
  generateKeyPair,
  partialDecrypt,
  reRandomize,
  ristretto255 as g,
  seededRandom,
  sumCiphertexts,
  toHex,
  unwrap,
} from '../src/index.ts';
import { RUNS, arbKeyPair, arbNonZeroScalar, arbScalar } from './arbitraries.ts';

const F = g.scalars;
const arbMessage = fc.nat({ max: 1000 });

describe('ElGamal encryption', () => {
  it('generateKeyPair: public key is g^sk, secret is non-zero, seeded generation is deterministic', () => {
    const kp = generateKeyPair(g);
    expect(kp.secretKey).not.toBe(0n);
    expect(g.equals(kp.publicKey, g.baseMultiply(kp.secretKey))).toBe(true);
    expect(generateKeyPair(g, seededRandom('k')).secretKey).toBe(
      generateKeyPair(g, seededRandom('k')).secretKey,
    );
    expect(generateKeyPair(g).secretKey).not.toBe(kp.secretKey);
  });

  it('decrypts to g^m (round-trip), and encrypt returns the randomness it used', () => {
    fc.assert(
      fc.property(arbKeyPair, arbMessage, (kp, m) => {
        const { ciphertext, randomness } = encrypt(g, kp.publicKey, m);
        expect(g.equals(decryptToElement(g, kp.secretKey, ciphertext), encodeMessage(g, m))).toBe(true);
        expect(ciphertextEquals(g, ciphertext, encryptWith(g, kp.publicKey, m, randomness))).toBe(true);
        expect(g.equals(ciphertext.alpha, g.baseMultiply(randomness))).toBe(true);
      }),
      RUNS,
    );
  });

  it('decryption with the wrong key does not give g^m', () => {
    fc.assert(
      fc.property(arbKeyPair, arbNonZeroScalar, arbMessage, (kp, delta, m) => {
        const { ciphertext } = encrypt(g, kp.publicKey, m);
        expect(
          g.equals(decryptToElement(g, F.add(kp.secretKey, delta), ciphertext), encodeMessage(g, m)),
        ).toBe(false);
      }),
      RUNS,
    );
  });

  it('is homomorphic: Enc(m1; r1) ⊗ Enc(m2; r2) = Enc(m1 + m2; r1 + r2)', () => {
    fc.assert(
      fc.property(arbKeyPair, arbMessage, arbMessage, arbScalar, arbScalar, (kp, m1, m2, r1, r2) => {
        const sum = addCiphertexts(
          g,
          encryptWith(g, kp.publicKey, m1, r1),
          encryptWith(g, kp.publicKey, m2, r2),
        );
        expect(ciphertextEquals(g, sum, encryptWith(g, kp.publicKey, m1 + m2, F.add(r1, r2)))).toBe(true);
        expect(g.equals(decryptToElement(g, kp.secretKey, sum), encodeMessage(g, m1 + m2))).toBe(true);
      }),
      RUNS,
    );
  });

  it('sumCiphertexts of a list equals pairwise addition; the empty sum is Enc(0; 0)', () => {
    fc.assert(
      fc.property(arbKeyPair, fc.array(fc.nat({ max: 1 }), { maxLength: 6 }), (kp, votes) => {
        const cts = votes.map((v) => encrypt(g, kp.publicKey, v).ciphertext);
        const total = sumCiphertexts(g, cts);
        const expected = votes.reduce((a, b) => a + b, 0);
        expect(g.equals(decryptToElement(g, kp.secretKey, total), encodeMessage(g, expected))).toBe(true);
      }),
      { numRuns: 10 },
    );
    const empty = sumCiphertexts(g, []);
    expect(g.isIdentity(empty.alpha) && g.isIdentity(empty.beta)).toBe(true);
  });

  it('decryption factor α^x: partialDecrypt + decryptWithFactor equals decryptToElement', () => {
    fc.assert(
      fc.property(arbKeyPair, arbMessage, (kp, m) => {
        const { ciphertext } = encrypt(g, kp.publicKey, m);
        const viaFactor = decryptWithFactor(g, ciphertext, partialDecrypt(g, kp.secretKey, ciphertext));
        expect(g.equals(viaFactor, decryptToElement(g, kp.secretKey, ciphertext))).toBe(true);
      }),
      { numRuns: 10 },
    );
  });

  it('re-randomisation keeps the plaintext and changes the bytes', () => {
    fc.assert(
      fc.property(arbKeyPair, arbMessage, arbNonZeroScalar, (kp, m, r2) => {
        const { ciphertext } = encrypt(g, kp.publicKey, m);
        const fresh = reRandomize(g, kp.publicKey, ciphertext, r2);
        expect(toHex(encodeCiphertext(g, fresh))).not.toBe(toHex(encodeCiphertext(g, ciphertext)));
        expect(toHex(g.encodeElement(fresh.alpha))).not.toBe(toHex(g.encodeElement(ciphertext.alpha)));
        expect(toHex(g.encodeElement(fresh.beta))).not.toBe(toHex(g.encodeElement(ciphertext.beta)));
        expect(g.equals(decryptToElement(g, kp.secretKey, fresh), encodeMessage(g, m))).toBe(true);
      }),
      RUNS,
    );
    // Re-randomising with r = 0 is the identity operation.
    const kp = generateKeyPair(g);
    const { ciphertext } = encrypt(g, kp.publicKey, 3);
    expect(ciphertextEquals(g, reRandomize(g, kp.publicKey, ciphertext, F.zero), ciphertext)).toBe(true);
  });

  it('encryption is randomised: the same message twice gives different ciphertexts', () => {
    const kp = generateKeyPair(g);
    const a = encrypt(g, kp.publicKey, 1).ciphertext;
    const b = encrypt(g, kp.publicKey, 1).ciphertext;
    expect(ciphertextEquals(g, a, b)).toBe(false);
  });
});

describe('ciphertext codec (α || β, strict)', () => {
  it('round-trips: 64 bytes, α then β', () => {
    fc.assert(
      fc.property(arbKeyPair, arbMessage, (kp, m) => {
        const { ciphertext } = encrypt(g, kp.publicKey, m);
        const bytes = encodeCiphertext(g, ciphertext);
        expect(bytes.length).toBe(64);
        expect(toHex(bytes.subarray(0, 32))).toBe(toHex(g.encodeElement(ciphertext.alpha)));
        expect(toHex(bytes.subarray(32))).toBe(toHex(g.encodeElement(ciphertext.beta)));
        expect(ciphertextEquals(g, unwrap(decodeCiphertext(g, bytes)), ciphertext)).toBe(true);
      }),
      RUNS,
    );
  });

  it.each([0, 32, 63, 65, 96])('rejects %i bytes with bad_length', (n) => {
    expect(decodeCiphertext(g, new Uint8Array(n))).toMatchObject({ ok: false, error: 'bad_length' });
    expect(decodeCiphertext(g, new Uint8Array(n), { allowIdentity: true })).toMatchObject({
      ok: false,
      error: 'bad_length',
    });
  });

  it('rejects α = identity (r = 0: plaintext in the clear) unless allowIdentity', () => {
    const pk = g.baseMultiply(F.fromBigint(8));
    const clear = encryptWith(g, pk, 1, F.zero);
    const bytes = encodeCiphertext(g, clear);
    expect(decodeCiphertext(g, bytes)).toMatchObject({ ok: false, error: 'identity' });
    expect(decodeCiphertext(g, bytes, { allowIdentity: true }).ok).toBe(true);
    // The empty homomorphic sum (1, 1) decodes only for computed sums.
    expect(decodeCiphertext(g, new Uint8Array(64))).toMatchObject({ ok: false, error: 'identity' });
    expect(decodeCiphertext(g, new Uint8Array(64), { allowIdentity: true }).ok).toBe(true);
  });

  it('rejects an invalid or non-canonical encoding in either half', () => {
    const kp = generateKeyPair(g);
    const good = encodeCiphertext(g, encrypt(g, kp.publicKey, 1).ciphertext);
    const bad = [
      '0100000000000000000000000000000000000000000000000000000000000000', // negative field element (RFC 9496 A.2)
      'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // s = −1 (RFC 9496 A.2)
    ];
    for (const h of bad) {
      const badBytes = Uint8Array.from(h.match(/../g)!.map((x) => parseInt(x, 16)));
      const badAlpha = good.slice();
      badAlpha.set(badBytes, 0);
      const badBeta = good.slice();
      badBeta.set(badBytes, 32);
      expect(decodeCiphertext(g, badAlpha, { allowIdentity: true })).toMatchObject({
        ok: false,
        error: 'invalid_element',
      });
      expect(decodeCiphertext(g, badBeta, { allowIdentity: true })).toMatchObject({
        ok: false,
        error: 'invalid_element',
      });
    }
    const highBit = good.slice();
    highBit[63] = (highBit[63] as number) | 0x80;
    expect(decodeCiphertext(g, highBit)).toMatchObject({ ok: false, error: 'invalid_element' });
  });
});

import { describe, expect, it } from 'vitest';
import { decryptToElement, encodeMessage, encrypt, generateKeyPair, ristretto255 as g, sumCiphertexts } from '../src/index.ts';

describe('elgamal smoke', () => {
  it('homomorphic sum decrypts to the sum', () => {
    const kp = generateKeyPair(g);
    const cts = [1, 0, 1, 1].map((m) => encrypt(g, kp.publicKey, m).ciphertext);
    const total = sumCiphertexts(g, cts);
    expect(g.equals(decryptToElement(g, kp.secretKey, total), encodeMessage(g, 3))).toBe(true);
  });
});

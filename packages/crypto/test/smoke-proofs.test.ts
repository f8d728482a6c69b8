import { describe, expect, it } from 'vitest';
import { encrypt, generateKeyPair, proveEncryptionIn, ristretto255 as g, utf8, verifyEncryptionIn, signMessage, verifySignature, proveKnowledge, verifyKnowledge, proveEqualLogs, verifyEqualLogs, partialDecrypt } from '../src/index.ts';

const ctx = utf8('test-context');
describe('proof smoke', () => {
  it('all proofs complete', () => {
    const kp = generateKeyPair(g);
    for (const m of [0, 1]) {
      const { ciphertext, randomness } = encrypt(g, kp.publicKey, m);
      const st = { publicKey: kp.publicKey, ciphertext, allowed: [0, 1] };
      const pr = proveEncryptionIn(g, st, m, randomness, ctx);
      expect(verifyEncryptionIn(g, st, pr, ctx)).toBe(true);
      expect(verifyEncryptionIn(g, st, pr, utf8('other'))).toBe(false);
    }
    const sig = signMessage(g, kp.secretKey, kp.publicKey, utf8('msg'), ctx);
    expect(verifySignature(g, kp.publicKey, utf8('msg'), sig, ctx)).toBe(true);
    expect(verifySignature(g, kp.publicKey, utf8('msh'), sig, ctx)).toBe(false);
    expect(verifyKnowledge(g, kp.publicKey, proveKnowledge(g, kp.secretKey, kp.publicKey, ctx), ctx)).toBe(true);
    const ct = encrypt(g, kp.publicKey, 1).ciphertext;
    const st = { publicKey: kp.publicKey, base: ct.alpha, result: partialDecrypt(g, kp.secretKey, ct) };
    expect(verifyEqualLogs(g, st, proveEqualLogs(g, kp.secretKey, st, ctx), ctx)).toBe(true);
  });
});

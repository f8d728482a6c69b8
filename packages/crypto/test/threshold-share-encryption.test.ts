// Hashed-ElGamal share encryption (ElectionGuard 2.1 §3.2.2 construction with SHA-512/HMAC-SHA-512;
// docs/protocol.md §T4): round trip, every tamper rejected, wrong recipient fails,
// and the complaint check (reveal of share + nonce) accepts only the exact ciphertext.
import { describe, expect, it } from 'vitest';
import { ristretto255 as g, seededRandom, utf8 } from '../src/index.ts';
import {
  decryptShare,
  type EncryptedShare,
  encryptShare,
  generateTrusteeEncryptionKey,
  verifyShareReveal,
} from '../src/threshold/index.ts';

const rng = seededRandom('share-encryption');
const F = g.scalars;
const context = utf8('ceremony context');
const recipientKey = generateTrusteeEncryptionKey(g, rng);
const otherKey = generateTrusteeEncryptionKey(g, rng);
const share = F.random(rng);
const { encryptedShare: enc, nonce } = encryptShare(g, context, 1, 3, recipientKey.publicKey, share, rng);
const decrypt = (e: EncryptedShare, recipient = 3, key = recipientKey, ctx = context) =>
  decryptShare(g, ctx, e, recipient, key);
const flip = (bytes: Uint8Array, i: number) => {
  const out = bytes.slice();
  out[i] = (out[i] as number) ^ 1;
  return out;
};

describe('share encryption', () => {
  it('round-trips', () => expect(decrypt(enc)).toEqual({ ok: true, value: share }));

  it('is randomised: two encryptions of one share differ', () => {
    const again = encryptShare(g, context, 1, 3, recipientKey.publicKey, share, rng).encryptedShare;
    expect(again.masked).not.toEqual(enc.masked);
  });

  it('rejects every single-bit change of C1 (masked) and C2 (tag)', () => {
    for (let i = 0; i < 32; i++)
      expect(decrypt({ ...enc, masked: flip(enc.masked, i) })).toMatchObject({
        ok: false,
        error: 'authentication_failed',
      });
    for (let i = 0; i < 64; i++)
      expect(decrypt({ ...enc, tag: flip(enc.tag, i) })).toMatchObject({
        ok: false,
        error: 'authentication_failed',
      });
  });

  it('rejects a changed C0 (ephemeral key), sender, context, truncated fields', () => {
    expect(decrypt({ ...enc, ephemeral: g.add(enc.ephemeral, g.generator) })).toMatchObject({
      ok: false,
      error: 'authentication_failed',
    });
    expect(decrypt({ ...enc, ephemeral: g.identity })).toMatchObject({
      ok: false,
      error: 'authentication_failed',
    });
    expect(decrypt({ ...enc, sender: 2 })).toMatchObject({ ok: false, error: 'authentication_failed' });
    expect(decrypt(enc, 3, recipientKey, utf8('another ceremony'))).toMatchObject({
      ok: false,
      error: 'authentication_failed',
    });
    expect(decrypt({ ...enc, tag: enc.tag.subarray(0, 32) })).toMatchObject({
      ok: false,
      error: 'authentication_failed',
    });
  });

  it('the wrong recipient cannot decrypt', () => {
    expect(decrypt(enc, 3, otherKey)).toMatchObject({ ok: false, error: 'authentication_failed' });
    expect(decrypt(enc, 2, otherKey)).toMatchObject({ ok: false, error: 'wrong_recipient' });
    expect(decrypt({ ...enc, recipient: 2 }, 2, recipientKey)).toMatchObject({
      ok: false,
      error: 'authentication_failed',
    });
  });

  it('a reveal is accepted only with the exact share and nonce', () => {
    expect(verifyShareReveal(g, context, enc, recipientKey.publicKey, share, nonce)).toBe(true);
    expect(verifyShareReveal(g, context, enc, recipientKey.publicKey, F.add(share, F.one), nonce)).toBe(
      false,
    );
    expect(verifyShareReveal(g, context, enc, recipientKey.publicKey, share, F.add(nonce, F.one))).toBe(
      false,
    );
    expect(verifyShareReveal(g, context, enc, otherKey.publicKey, share, nonce)).toBe(false);
    expect(
      verifyShareReveal(g, context, { ...enc, tag: flip(enc.tag, 0) }, recipientKey.publicKey, share, nonce),
    ).toBe(false);
  });
});

// The credential authority's signatures (docs/protocol.md §B1.1): a list or a replacement signed
// with the authority key verifies; every altered field — fingerprint, each credential, the order,
// the count, the key, the challenge, the response — is rejected, and a list signature is never a
// replacement signature (own domain labels). Strict decoding of the signature object.
import { describe, expect, it } from 'vitest';
import { ristretto255 as g, seededRandom, toHex } from '@ratify/crypto';
import {
  authorityKeyFromSeed,
  authorityPublicKeyHex,
  credentialListMessage,
  credentialReplacementMessage,
  decodeAuthorityKey,
  generateAuthorityKey,
  signCredentialList,
  signCredentialReplacement,
  verifyCredentialList,
  verifyCredentialReplacement,
} from '../src/index.ts';

const rng = seededRandom('credential-authority-test');
const key = generateAuthorityKey(g, rng);
const other = generateAuthorityKey(g, rng);
const pk = authorityPublicKeyHex(g, key);
const fingerprint = new Uint8Array(64).fill(7);
const otherFingerprint = new Uint8Array(64).fill(8);
const cred = () => toHex(g.encodeElement(g.baseMultiply(g.scalars.randomNonZero(rng))));
const list = [cred(), cred(), cred()].sort();
const [revoked, added] = [list[0]!, cred()];
const bump = (hex: string) => ((parseInt(hex.slice(0, 2), 16) + 1) % 256).toString(16).padStart(2, '0') + hex.slice(2);

describe('credential list signature', () => {
  const sig = signCredentialList(g, key, fingerprint, list, rng);

  it('verifies', () => {
    expect(verifyCredentialList(g, pk, fingerprint, list, sig)).toEqual({ ok: true, value: true });
  });

  it.each<[string, () => ReturnType<typeof verifyCredentialList>]>([
    ['another fingerprint', () => verifyCredentialList(g, pk, otherFingerprint, list, sig)],
    ['a changed credential', () => verifyCredentialList(g, pk, fingerprint, [list[0]!, list[1]!, cred()], sig)],
    ['another order', () => verifyCredentialList(g, pk, fingerprint, [list[1]!, list[0]!, list[2]!], sig)],
    ['one credential more', () => verifyCredentialList(g, pk, fingerprint, [...list, cred()], sig)],
    ['one credential less', () => verifyCredentialList(g, pk, fingerprint, list.slice(0, 2), sig)],
    ['another key', () => verifyCredentialList(g, authorityPublicKeyHex(g, other), fingerprint, list, sig)],
    ['an altered challenge', () => verifyCredentialList(g, pk, fingerprint, list, { ...sig, challenge: bump(sig.challenge) })],
    ['an altered response', () => verifyCredentialList(g, pk, fingerprint, list, { ...sig, response: bump(sig.response) })],
    ['a replacement signature over the same bytes', () => verifyCredentialList(g, pk, fingerprint, [revoked, added], signCredentialReplacement(g, key, fingerprint, revoked, added, rng))],
  ])('rejects %s', (_, run) => {
    expect(run()).toMatchObject({ ok: false, error: 'invalid_authority_signature' });
  });

  it('decodes strictly', () => {
    expect(verifyCredentialList(g, pk, fingerprint, list, { ...sig, extra: '00' })).toMatchObject({ ok: false, error: 'malformed_authority_signature' });
    expect(verifyCredentialList(g, pk, fingerprint, list, { challenge: sig.challenge })).toMatchObject({ ok: false, error: 'malformed_authority_signature' });
    expect(verifyCredentialList(g, pk, fingerprint, list, { ...sig, response: 'ff'.repeat(32) })).toMatchObject({ ok: false, error: 'malformed_authority_signature' });
    expect(verifyCredentialList(g, pk, fingerprint, list, null)).toMatchObject({ ok: false, error: 'malformed_authority_signature' });
    expect(verifyCredentialList(g, pk, fingerprint, [list[0]!.toUpperCase()], sig)).toMatchObject({ ok: false, error: 'malformed_credential' });
    expect(verifyCredentialList(g, toHex(g.encodeElement(g.identity)), fingerprint, list, sig)).toMatchObject({ ok: false, error: 'invalid_authority_key' });
    expect(verifyCredentialList(g, 'ff'.repeat(32), fingerprint, list, sig)).toMatchObject({ ok: false, error: 'invalid_authority_key' });
  });
});

describe('credential replacement signature', () => {
  const sig = signCredentialReplacement(g, key, fingerprint, revoked, added, rng);

  it('verifies', () => {
    expect(verifyCredentialReplacement(g, pk, fingerprint, revoked, added, sig).ok).toBe(true);
  });

  it.each<[string, () => ReturnType<typeof verifyCredentialReplacement>]>([
    ['another fingerprint', () => verifyCredentialReplacement(g, pk, otherFingerprint, revoked, added, sig)],
    ['another revoked credential', () => verifyCredentialReplacement(g, pk, fingerprint, list[1]!, added, sig)],
    ['another added credential', () => verifyCredentialReplacement(g, pk, fingerprint, revoked, cred(), sig)],
    ['revoked and added swapped', () => verifyCredentialReplacement(g, pk, fingerprint, added, revoked, sig)],
    ['another key', () => verifyCredentialReplacement(g, authorityPublicKeyHex(g, other), fingerprint, revoked, added, sig)],
    ['an altered challenge', () => verifyCredentialReplacement(g, pk, fingerprint, revoked, added, { ...sig, challenge: bump(sig.challenge) })],
    ['an altered response', () => verifyCredentialReplacement(g, pk, fingerprint, revoked, added, { ...sig, response: bump(sig.response) })],
    ['a list signature over [revoked, added]', () => verifyCredentialReplacement(g, pk, fingerprint, revoked, added, signCredentialList(g, key, fingerprint, [revoked, added], rng))],
  ])('rejects %s', (_, run) => {
    expect(run()).toMatchObject({ ok: false, error: 'invalid_authority_signature' });
  });
});

describe('messages and keys', () => {
  it('the two messages use different domains', () => {
    expect(toHex(credentialListMessage(fingerprint, [revoked, added]))).not.toBe(toHex(credentialReplacementMessage(fingerprint, revoked, added)));
  });

  it('a key from a seed is deterministic; the identity is no key', () => {
    const seed = new Uint8Array(64).fill(3);
    expect(authorityPublicKeyHex(g, authorityKeyFromSeed(g, seed))).toBe(authorityPublicKeyHex(g, authorityKeyFromSeed(g, seed)));
    expect(decodeAuthorityKey(g, pk).ok).toBe(true);
    expect(decodeAuthorityKey(g, toHex(g.encodeElement(g.identity)))).toMatchObject({ ok: false, error: 'invalid_authority_key' });
  });
});

// The (challenge, response) byte codec shared by every proof (docs/protocol.md §5.1):
// exactly 64 bytes, c || s, each a canonical 32-byte little-endian scalar < ℓ.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RISTRETTO255_ORDER,
  bigintToBytesLE,
  concatBytes,
  decodeChallengeResponse,
  encodeChallengeResponse,
  ristretto255 as g,
  toHex,
  unwrap,
} from '../src/index.ts';
import { arbScalar } from './arbitraries.ts';

const L = RISTRETTO255_ORDER;

describe('challenge-response codec', () => {
  it('round-trips and lays out c then s, little-endian', () => {
    fc.assert(
      fc.property(arbScalar, arbScalar, (challenge, response) => {
        const bytes = encodeChallengeResponse(g, { challenge, response });
        expect(bytes.length).toBe(64);
        expect(toHex(bytes)).toBe(
          toHex(concatBytes(bigintToBytesLE(challenge, 32), bigintToBytesLE(response, 32))),
        );
        expect(unwrap(decodeChallengeResponse(g, bytes))).toEqual({ challenge, response });
      }),
      { numRuns: 200 },
    );
  });

  it.each([0, 1, 32, 63, 65, 96, 128])('rejects %i bytes with bad_length', (n) => {
    expect(decodeChallengeResponse(g, new Uint8Array(n))).toMatchObject({ ok: false, error: 'bad_length' });
  });

  it.each([
    ['challenge = ℓ', L, 0n],
    ['response = ℓ', 0n, L],
    ['challenge = ℓ + 1', L + 1n, 5n],
    ['response = 2^256 − 1', 5n, 2n ** 256n - 1n],
  ])('rejects a non-canonical scalar (%s)', (_name, c, s) => {
    const bytes = concatBytes(bigintToBytesLE(c, 32), bigintToBytesLE(s, 32));
    expect(decodeChallengeResponse(g, bytes)).toMatchObject({ ok: false, error: 'non_canonical' });
  });

  it('accepts the largest canonical values ℓ − 1', () => {
    const bytes = concatBytes(bigintToBytesLE(L - 1n, 32), bigintToBytesLE(L - 1n, 32));
    expect(unwrap(decodeChallengeResponse(g, bytes))).toEqual({ challenge: L - 1n, response: L - 1n });
  });

  it('a value and the same value plus ℓ never both decode (one encoding per proof)', () => {
    fc.assert(
      fc.property(arbScalar, (s) => {
        fc.pre(s + L < 2n ** 256n);
        const alias = concatBytes(bigintToBytesLE(s + L, 32), bigintToBytesLE(s, 32));
        expect(decodeChallengeResponse(g, alias).ok).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

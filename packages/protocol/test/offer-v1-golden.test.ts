// Golden files of the offer object `ratify/offer/v1` (test-vectors/protocol/offer-v1-*.json) and its
// offer digest (docs/protocol.md §M3.1): each file parses, re-encodes to the same bytes, equals what
// the fixture encodes to today, and its digest is SHA-256 of exactly those bytes. Any byte change
// of an existing file fails: the digest a signed manifest holds must stay reproducible.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { unwrap } from '@ratify/crypto';
import { offerDigest, parseWireOffer, toWireOffer } from '../src/bargaining/index.ts';
import { readVector } from '../../../test-vectors/protocol/vectors.ts';
import { OFFER_SAMPLES } from '../../../test-vectors/protocol/generate.ts';

describe('offer golden files (ratify/offer/v1)', () => {
  it.each(OFFER_SAMPLES)('%s: parses, re-encodes byte for byte, and digests to the golden SHA-256', (name, build) => {
    const text = readVector(`${name}.json`);
    const digest = readVector(`${name}.digest.hex`);
    const parsed = unwrap(parseWireOffer(text));
    expect(toWireOffer(parsed)).toBe(text);
    expect(toWireOffer(build())).toBe(text);
    expect(offerDigest(build())).toBe(digest);
    // Independent of the protocol's own hashing: SHA-256 of the file's bytes.
    expect(createHash('sha256').update(text, 'utf8').digest('hex')).toBe(digest);
  });
});

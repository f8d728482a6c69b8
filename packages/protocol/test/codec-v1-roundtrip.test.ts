// Round trips of every `ratify/v2` wire codec on values built with real crypto (seeded, tests only):
// parse(encode(x)) re-encodes to the same text and still passes the cryptographic checkers; the
// identity round-trips where the format allows it (tally sums, partial-decryption factors).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type CeremonyMessage, createPartialDecryption, seededRandom, unwrap, verifyPartialDecryption } from '@ratify/crypto';
import { checkBallot, createBallot } from '../src/ballot/index.ts';
import { type CanonicalValue, toCanonical } from '../src/codec/canonical-json.ts';
import { credentialSecret, generatePrivateCredential } from '../src/credentials.ts';
import { computeEncryptedTally } from '../src/tally.ts';
import {
  encodeBallot,
  encodeCeremonyMessage,
  encodeEncryptedTally,
  encodePartialDecryption,
  parseWireBallot,
  parseWireCeremonyMessage,
  parseWireEncryptedTally,
  parseWirePartialDecryption,
  toWireBallot,
  toWireCeremonyMessage,
  toWireEncryptedTally,
  toWirePartialDecryption,
} from '../src/codec/v1/index.ts';
import { buildWireV1Fixtures, group as g, VOTE_ID } from '../../../test-vectors/protocol/wire-v1/fixtures.ts';

const f = buildWireV1Fixtures('codec-v1-roundtrip');

describe('ballot', () => {
  it('every fixture ballot round-trips and still checks', () => {
    for (const ballot of f.ballots) {
      const text = encodeBallot(g, ballot);
      const parsed = unwrap(parseWireBallot(g, text));
      expect(encodeBallot(g, parsed)).toBe(text);
      expect(parsed.voteId).toBe(VOTE_ID);
      expect(parsed.fingerprint).toEqual(ballot.fingerprint);
      expect(g.equals(parsed.credential, ballot.credential)).toBe(true);
      expect(checkBallot(f.params, parsed).ok).toBe(true);
    }
  });

  it('round-trips ballots for any valid selection (property)', () => {
    const rng = seededRandom('codec-v1-roundtrip-property');
    const secret = credentialSecret(g, { voteId: VOTE_ID, electionId: 'c0dec0dec0dec0dec0dec0dec0dec0de' }, generatePrivateCredential(rng));
    const sel = fc.tuple(
      fc.constantFrom<(0 | 1)[]>([1, 0], [0, 1]),
      fc.constantFrom<(0 | 1)[]>([0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [1, 0, 1], [0, 1, 1]),
    );
    fc.assert(
      fc.property(sel, (selections) => {
        const { ballot } = unwrap(createBallot(f.params, selections, secret, rng));
        const text = encodeBallot(g, ballot);
        const parsed = unwrap(parseWireBallot(g, text));
        return encodeBallot(g, parsed) === text && checkBallot(f.params, parsed).ok;
      }),
      { numRuns: 10 },
    );
  });
});

describe('encrypted tally', () => {
  it('round-trips a tally of ballots', () => {
    const text = encodeEncryptedTally(g, f.tally);
    expect(encodeEncryptedTally(g, unwrap(parseWireEncryptedTally(g, text)))).toBe(text);
  });

  it('round-trips the empty tally: α and β both the identity', () => {
    const empty = computeEncryptedTally(g, f.params.questions, []);
    const text = encodeEncryptedTally(g, empty);
    expect(text).toContain(`"alpha":"${'00'.repeat(32)}","beta":"${'00'.repeat(32)}"`);
    const parsed = unwrap(parseWireEncryptedTally(g, text));
    expect(parsed.map((row) => row.length)).toEqual([2, 3]);
    expect(parsed.flat().every((c) => g.isIdentity(c.alpha) && g.isIdentity(c.beta))).toBe(true);
  });
});

describe('ceremony messages', () => {
  const kinds = new Set<CeremonyMessage['kind']>();
  for (const message of f.messages) kinds.add(message.kind);

  it('the fixture ceremony has all five kinds', () => {
    expect([...kinds].sort()).toEqual(['commitments', 'complaint', 'encrypted_shares', 'key_confirmation', 'share_reveal']);
  });

  it('every message round-trips with its kind', () => {
    for (const message of f.messages) {
      const text = encodeCeremonyMessage(g, message);
      const parsed = unwrap(parseWireCeremonyMessage(g, text));
      expect(parsed.kind).toBe(message.kind);
      expect(encodeCeremonyMessage(g, parsed)).toBe(text);
    }
  });
});

describe('partial decryption', () => {
  it('round-trips and still verifies', () => {
    const text = encodePartialDecryption(g, f.partialDecryption);
    const parsed = unwrap(parseWirePartialDecryption(g, text));
    expect(encodePartialDecryption(g, parsed)).toBe(text);
    const key = f.keys[parsed.trustee - 1]!;
    const share = key.publicKeyShares[key.trustee - 1]!;
    expect(verifyPartialDecryption(g, parsed, share, f.tallyCiphertexts, f.parameters.context).ok).toBe(true);
  });

  it('round-trips identity factors of an empty tally, which still verify', () => {
    const empty = computeEncryptedTally(g, f.params.questions, []).flat();
    const key = f.keys[0]!;
    const partial = createPartialDecryption(g, key, empty, f.parameters.context, seededRandom('empty'));
    const parsed = unwrap(parseWirePartialDecryption(g, encodePartialDecryption(g, partial)));
    expect(parsed.factors.every((d) => g.isIdentity(d))).toBe(true);
    const share = key.publicKeyShares[key.trustee - 1]!;
    expect(verifyPartialDecryption(g, parsed, share, empty, f.parameters.context).ok).toBe(true);
  });
});

describe('toWire values are canonical-JSON values', () => {
  it('encodeX is toCanonical(toWireX)', () => {
    const values: [CanonicalValue, string][] = [
      [toWireBallot(g, f.ballots[0]!), encodeBallot(g, f.ballots[0]!)],
      [toWireEncryptedTally(g, f.tally), encodeEncryptedTally(g, f.tally)],
      [toWirePartialDecryption(g, f.partialDecryption), encodePartialDecryption(g, f.partialDecryption)],
      ...f.messages.map((m): [CanonicalValue, string] => [toWireCeremonyMessage(g, m), encodeCeremonyMessage(g, m)]),
    ];
    for (const [value, text] of values) expect(toCanonical(value)).toBe(text);
  });
});

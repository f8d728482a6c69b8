// Golden files of the `ratify/v2` wire codecs (test-vectors/protocol/wire-v1/): each file parses,
// re-encodes to the same bytes, and equals what the seeded fixtures encode to today; the golden
// ballot and partial decryption also pass their cryptographic checkers. Any byte change fails.
import { describe, expect, it } from 'vitest';
import { checkCeremony, verifyPartialDecryption } from '@ratify/crypto';
import { checkBallot } from '../src/ballot/index.ts';
import {
  encodeBallot,
  encodeCeremonyMessage,
  encodeEncryptedTally,
  encodePartialDecryption,
  parseWireBallot,
  parseWireCeremonyMessage,
  parseWireEncryptedTally,
  parseWirePartialDecryption,
} from '../src/codec/v1/index.ts';
import { readVector } from '../../../test-vectors/protocol/vectors.ts';
import { buildWireV1Fixtures, goldenFiles, group as g } from '../../../test-vectors/protocol/wire-v1/fixtures.ts';

const fixtures = buildWireV1Fixtures();
const read = (name: string) => readVector(`wire-v1/${name}`);

/** Parse then re-encode with the codec the file name says. */
function reencode(name: string, text: string): string {
  if (name === 'ballot.json') {
    const r = parseWireBallot(g, text);
    if (!r.ok) throw new Error(`${name}: ${r.error} ${r.detail ?? ''}`);
    return encodeBallot(g, r.value);
  }
  if (name === 'encrypted-tally.json') {
    const r = parseWireEncryptedTally(g, text);
    if (!r.ok) throw new Error(`${name}: ${r.error} ${r.detail ?? ''}`);
    return encodeEncryptedTally(g, r.value);
  }
  if (name === 'partial-decryption.json') {
    const r = parseWirePartialDecryption(g, text);
    if (!r.ok) throw new Error(`${name}: ${r.error} ${r.detail ?? ''}`);
    return encodePartialDecryption(g, r.value);
  }
  const r = parseWireCeremonyMessage(g, text);
  if (!r.ok) throw new Error(`${name}: ${r.error} ${r.detail ?? ''}`);
  return encodeCeremonyMessage(g, r.value);
}

describe('wire-v1 golden files', () => {
  it('lists every kind of wire object', () => {
    expect(goldenFiles(fixtures).map(([name]) => name)).toHaveLength(8);
  });

  for (const [name, expected] of goldenFiles(fixtures)) {
    it(`${name} is what the seeded fixtures encode to, byte for byte`, () => {
      expect(read(name)).toBe(expected);
    });

    it(`${name} parses and re-encodes to the same bytes`, () => {
      const text = read(name);
      expect(reencode(name, text)).toBe(text);
      expect(text.endsWith('\n')).toBe(false);
    });
  }

  it('the golden ballot passes checkBallot', () => {
    const ballot = parseWireBallot(g, read('ballot.json'));
    expect(ballot.ok && checkBallot(fixtures.params, ballot.value)).toEqual({ ok: true, value: undefined });
  });

  it('the golden partial decryption verifies against the golden tally', () => {
    const tally = parseWireEncryptedTally(g, read('encrypted-tally.json'));
    const partial = parseWirePartialDecryption(g, read('partial-decryption.json'));
    if (!tally.ok || !partial.ok) throw new Error('golden files do not parse');
    const key = fixtures.keys[partial.value.trustee - 1]!;
    const checked = verifyPartialDecryption(
      g,
      partial.value,
      key.publicKeyShares[key.trustee - 1]!,
      tally.value.flat(),
      fixtures.parameters.context,
    );
    expect(checked.ok).toBe(true);
  });

  it('the fixture ceremony, read back from its wire text, completes', () => {
    const messages = fixtures.messages.map((m) => {
      const r = parseWireCeremonyMessage(g, encodeCeremonyMessage(g, m));
      if (!r.ok) throw new Error(r.error);
      return r.value;
    });
    expect(checkCeremony(g, fixtures.parameters, messages).kind).toBe('complete');
  });
});

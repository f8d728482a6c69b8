// Election fingerprint: golden values for the sample manifests, the exact hash input, and the
// property that any change to the stored manifest bytes either fails to parse or changes it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { concatBytes, toHex, u32be, utf8 } from '@ratify/crypto';
import { checkElectionFingerprint, electionFingerprint, electionFingerprintHex, fingerprintOfCanonical, parseWireManifest } from '../src/index.ts';
import { readVector as read, readVectorBytes } from '../../../test-vectors/protocol/vectors.ts';
import { aftraManifest, sagManifest } from './manifest-fixtures.ts';

const samples = [
  ['manifest-aftra-2008-ratification', aftraManifest],
  ['manifest-sag-2009-strike-authorization', sagManifest],
] as const;

describe('election fingerprint', () => {
  it.each(samples)('%s: matches the golden fingerprint, from the object and from the stored bytes', (name, build) => {
    const hex = electionFingerprintHex(build());
    expect(read(`${name}.fingerprint.hex`)).toBe(hex);
    expect(hex).toMatch(/^[0-9a-f]{128}$/);
    expect(toHex(fingerprintOfCanonical(readVectorBytes(`${name}.json`)))).toBe(hex);
    expect(checkElectionFingerprint(build(), hex)).toBe(true);
    expect(checkElectionFingerprint(build(), hex.toUpperCase())).toBe(false);
    expect(checkElectionFingerprint(build(), hex.slice(0, 126))).toBe(false);
  });

  it('is SHA-512 over the labelled, length-prefixed items of docs/protocol.md', () => {
    const wire = utf8(read('manifest-aftra-2008-ratification.json'));
    const item = (label: string, data: Uint8Array) => concatBytes(u32be(utf8(label).length), utf8(label), u32be(data.length), data);
    const preimage = concatBytes(item('protocol', utf8('ratify/v2')), item('domain', utf8('ratify/v2/election-fingerprint')), item('manifest', wire));
    const expected = new Uint8Array(createHash('sha512').update(preimage).digest());
    expect(electionFingerprint(aftraManifest())).toEqual(expected);
    expect(expected.length).toBe(64);
  });

  it('the two sample votes have different fingerprints', () => {
    expect(electionFingerprintHex(aftraManifest())).not.toBe(electionFingerprintHex(sagManifest()));
  });

  it('any single-character change to the stored manifest fails to parse or changes the fingerprint', () => {
    const text = read('manifest-aftra-2008-ratification.json');
    const original = electionFingerprintHex(aftraManifest());
    const printable = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.nat(text.length - 1), printable, (at, ch) => {
        fc.pre(text[at] !== ch);
        const changed = text.slice(0, at) + ch + text.slice(at + 1);
        const parsed = parseWireManifest(changed);
        if (parsed.ok) expect(electionFingerprintHex(parsed.value)).not.toBe(original);
      }),
      { numRuns: 500 },
    );
  });
});

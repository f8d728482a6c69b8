// The Fiat–Shamir transcript (docs/protocol.md §3) and the random sources. The transcript must be
// injective: labelled, length-prefixed items, a protocol and group and domain header, so that no
// two distinct sequences of items hash alike (the Helios weak-Fiat–Shamir failure).
import { sha512 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PROTOCOL_VERSION,
  Transcript,
  bytesToBigintLE,
  concatBytes,
  hashItems,
  ristretto255 as g,
  seededRandom,
  systemRandom,
  toHex,
  u32be,
  utf8,
} from '../src/index.ts';

const F = g.scalars;

/** Independent re-implementation of the documented format (docs/protocol.md §3). */
function item(label: string, data: Uint8Array): Uint8Array {
  return concatBytes(u32be(utf8(label).length), utf8(label), u32be(data.length), data);
}

const challengeOf = (domain: string, items: readonly (readonly [string, string])[]) => {
  const t = new Transcript(g, domain);
  for (const [label, data] of items) t.appendBytes(label, utf8(data));
  return t.challenge();
};

describe('Transcript', () => {
  it('matches the documented byte format exactly', () => {
    const t = new Transcript(g, 'ratify/test/domain').appendBytes('x', utf8('hello')).appendUint('n', 7);
    const preimage = concatBytes(
      item('protocol', utf8(PROTOCOL_VERSION)),
      item('group', utf8('ristretto255')),
      item('domain', utf8('ratify/test/domain')),
      item('x', utf8('hello')),
      item('n', new Uint8Array([0, 0, 0, 0, 0, 0, 0, 7])),
      item('challenge', utf8('challenge')),
    );
    expect(t.challenge()).toBe(bytesToBigintLE(sha512(preimage)) % F.order);
  });

  it('element lists are a count item followed by label[i] items', () => {
    const e = [g.generator, g.baseMultiply(F.fromBigint(2))];
    const a = new Transcript(g, 'd').appendElements('es', e).challenge('c');
    const b = new Transcript(g, 'd')
      .appendBytes('es', new Uint8Array([0, 0, 0, 0, 0, 0, 0, 2]))
      .appendBytes('es[0]', g.encodeElement(e[0]!))
      .appendBytes('es[1]', g.encodeElement(e[1]!))
      .challenge('c');
    expect(a).toBe(b);
    expect(new Transcript(g, 'd').appendScalar('s', F.fromBigint(5)).challenge()).toBe(
      new Transcript(g, 'd').appendBytes('s', F.encode(F.fromBigint(5))).challenge(),
    );
  });

  it('length-prefixing prevents collisions between item boundaries', () => {
    expect(challengeOf('d', [['ab', 'c']])).not.toBe(challengeOf('d', [['a', 'bc']]));
    expect(
      challengeOf('d', [
        ['x', 'ab'],
        ['y', 'c'],
      ]),
    ).not.toBe(
      challengeOf('d', [
        ['x', 'a'],
        ['y', 'bc'],
      ]),
    );
    expect(challengeOf('d', [['x', 'abc']])).not.toBe(
      challengeOf('d', [
        ['x', 'ab'],
        ['', 'c'],
      ]),
    );
    expect(challengeOf('d', [['x', '']])).not.toBe(challengeOf('d', []));
  });

  it('distinct item sequences give distinct challenges (fast-check)', () => {
    const arbItems = fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 })), {
      maxLength: 3,
    });
    fc.assert(
      fc.property(arbItems, arbItems, (a, b) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(b));
        expect(challengeOf('d', a)).not.toBe(challengeOf('d', b));
      }),
      { numRuns: 300 },
    );
  });

  it('different domains and different challenge labels give different challenges', () => {
    const items = [['context', 'election-1']] as const;
    expect(challengeOf('ratify/v2/proof/schnorr-knowledge', items)).not.toBe(
      challengeOf('ratify/v2/signature/schnorr', items),
    );
    expect(new Transcript(g, 'd').challenge('a')).not.toBe(new Transcript(g, 'd').challenge('b'));
    expect(new Transcript(g, 'd').challenge()).toBe(new Transcript(g, 'd').challenge('challenge'));
  });

  it('is deterministic and returns a canonical scalar', () => {
    fc.assert(
      fc.property(fc.string(), fc.uint8Array({ maxLength: 100 }), (label, data) => {
        const a = new Transcript(g, 'd').appendBytes(label, data).challenge();
        const b = new Transcript(g, 'd').appendBytes(label, data).challenge();
        expect(a).toBe(b);
        expect(F.isValid(a)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('a transcript is finalised once: a second challenge() throws', () => {
    const t = new Transcript(g, 'd');
    t.challenge();
    expect(() => t.challenge()).toThrow();
  });
});

describe('hashItems', () => {
  it('is SHA-512 over protocol, domain and the labelled items (no group item)', () => {
    const got = hashItems('ratify/test/h', [
      ['a', utf8('x')],
      ['b', new Uint8Array(0)],
    ]);
    const want = sha512(
      concatBytes(
        item('protocol', utf8(PROTOCOL_VERSION)),
        item('domain', utf8('ratify/test/h')),
        item('a', utf8('x')),
        item('b', new Uint8Array(0)),
      ),
    );
    expect(toHex(got)).toBe(toHex(want));
    expect(got.length).toBe(64);
    expect(toHex(hashItems('d', [['ab', utf8('c')]]))).not.toBe(toHex(hashItems('d', [['a', utf8('bc')]])));
    expect(toHex(hashItems('d1', []))).not.toBe(toHex(hashItems('d2', [])));
  });
});

describe('random sources', () => {
  it('seededRandom is deterministic, seed-dependent and independent of how reads are split', () => {
    expect(toHex(seededRandom('a')(100))).toBe(toHex(seededRandom('a')(100)));
    expect(toHex(seededRandom('a')(32))).not.toBe(toHex(seededRandom('b')(32)));
    const r = seededRandom('a');
    expect(toHex(concatBytes(r(10), r(90), r(28)))).toBe(toHex(seededRandom('a')(128)));
  });

  it('seededRandom’s first block is SHA-512(tag || u64(len seed) || seed || u64(0))', () => {
    const seed = utf8('seed');
    const tag = utf8('ratify/v1/seeded-random-NOT-FOR-PRODUCTION');
    const first = sha512(
      concatBytes(tag, new Uint8Array([0, 0, 0, 0, 0, 0, 0, seed.length]), seed, new Uint8Array(8)),
    );
    expect(toHex(seededRandom('seed')(64))).toBe(toHex(first));
  });

  it('systemRandom is not deterministic and fills large requests', () => {
    expect(toHex(systemRandom(32))).not.toBe(toHex(systemRandom(32)));
    const big = systemRandom(200_000);
    expect(big.length).toBe(200_000);
    // The tail past the 65,536-byte getRandomValues limit is filled too (all-zero 64 bytes: p = 2^-512).
    expect(big.subarray(199_936).some((b) => b !== 0)).toBe(true);
    expect(systemRandom(0).length).toBe(0);
  });
});

// RFC 9496 (The ristretto255 and decaf448 Groups) known-answer tests for both Group backends (native
// addon and @noble/curves reference), plus scalar codec checks and fast-check algebra properties.
// Vectors: RFC 9496 Appendix A.1 (encodings of small multiples of the generator) and A.2 (invalid
// encodings), copied from the RFC as reproduced in noble-curves test/rfc9496-ristretto-decaf.test.ts
// and libsodium test/default/core_ristretto255.c (both agree). Appendix A.3 (element derivation from
// uniform bytes) is not tested: our Group API offers no hash-to-group, on purpose.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RISTRETTO255_ORDER, bigintToBytesLE, ristretto255, toHex, unwrap } from '../src/index.ts';
import { RUNS, arbNonZeroScalar, arbScalar, hex } from './arbitraries.ts';
import { BACKENDS } from './backends.ts';

const F = ristretto255.scalars;

/** RFC 9496 Appendix A.1: [0]B, [1]B, …, [15]B. */
const SMALL_MULTIPLES = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  'e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76',
  '6a493210f7499cd17fecb510ae0cea23a110e8d5b901f8acadd3095c73a3b919',
  '94741f5d5d52755ece4f23f044ee27d5d1ea1e2bd196b462166b16152a9d0259',
  'da80862773358b466ffadfe0b3293ab3d9fd53c5ea6c955358f568322daf6a57',
  'e882b131016b52c1d3337080187cf768423efccbb517bb495ab812c4160ff44e',
  'f64746d3c92b13050ed8d80236a7f0007c3b3f962f5ba793d19a601ebb1df403',
  '44f53520926ec81fbd5a387845beb7df85a96a24ece18738bdcfa6a7822a176d',
  '903293d8f2287ebe10e2374dc1a53e0bc887e592699f02d077d5263cdd55601c',
  '02622ace8f7303a31cafc63f8fc48fdc16e1c8c8d234b2f0d6685282a9076031',
  '20706fd788b2720a1ed2a5dad4952b01f413bcf0e7564de8cdc816689e2db95f',
  'bce83f8ba5dd2fa572864c24ba1810f9522bc6004afe95877ac73241cafdab42',
  'e4549ee16b9aa03099ca208c67adafcafa4c3f3e4e5303de6026e3ca8ff84460',
  'aa52e000df2e16f55fb1032fc33bc42742dad6bd5a8fc0be0167436c5948501f',
  '46376b80f409b29dc2b5f6f0c52591990896e5716f41477cd30085ab7f10301e',
  'e0c418f7c8d9c4cdd7395b93ea124f3ad99021bb681dfc3302a9d99a2e53e64e',
];

/** RFC 9496 Appendix A.2, grouped by the reason the RFC gives. */
const INVALID_ENCODINGS: Record<string, readonly string[]> = {
  'non-canonical field encoding': [
    '00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
    'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
    'f3ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
    'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  ],
  'negative field element': [
    '0100000000000000000000000000000000000000000000000000000000000000',
    '01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
    'ed57ffd8c914fb201471d1c3d245ce3c746fcbe63a3679d51b6a516ebebe0e20',
    'c34c4e1826e5d403b78e246e88aa051c36ccf0aafebffe137d148a2bf9104562',
    'c940e5a4404157cfb1628b108db051a8d439e1a421394ec4ebccb9ec92a8ac78',
    '47cfc5497c53dc8e61c91d17fd626ffb1c49e2bca94eed052281b510b1117a24',
    'f1c6165d33367351b0da8f6e4511010c68174a03b6581212c71c0e1d026c3c72',
    '87260f7a2f12495118360f02c26a470f450dadf34a413d21042b43b9d93e1309',
  ],
  'non-square x²': [
    '26948d35ca62e643e26a83177332e6b6afeb9d08e4268b650f1f5bbd8d81d371',
    '4eac077a713c57b4f4397629a4145982c661f48044dd3f96427d40b147d9742f',
    'de6a7b00deadc788eb6b6c8d20c0ae96c2f2019078fa604fee5b87d6e989ad7b',
    'bcab477be20861e01e4a0e295284146a510150d9817763caf1a6f4b422d67042',
    '2a292df7e32cababbd9de088d1d1abec9fc0440f637ed2fba145094dc14bea08',
    'f4a9e534fc0d216c44b218fa0c42d99635a0127ee2e53c712f70609649fdff22',
    '8268436f8c4126196cf64b3c7ddbda90746a378625f9813dd9b8457077256731',
    '2810e5cbc2cc4d4eece54f61c6f69758e289aa7ab440b3cbeaa21995c2f4232b',
  ],
  'negative xy': [
    '3eb858e78f5a7254d8c9731174a94f76755fd3941c0ac93735c07ba14579630e',
    'a45fdc55c76448c049a1ab33f17023edfb2be3581e9c7aade8a6125215e04220',
    'd483fe813c6ba647ebbfd3ec41adca1c6130c2beeee9d9bf065c8d151c5f396e',
    '8a2e1d30050198c65a54483123960ccc38aef6848e1ec8f5f780e8523769ba32',
    '32888462f8b486c68ad7dd9610be5192bbeaf3b443951ac1a8118419d9fa097b',
    '227142501b9d4355ccba290404bde41575b037693cef1f438c47f8fbf35d1165',
    '5c37cc491da847cfeb9281d407efc41e15144c876e0170b499a96a22ed31e01e',
    '445425117cb8c90edcbc7c1cc0e74f747f2c1efa5630a967c64f287792a48a4b',
  ],
  's = −1, which gives y = 0': ['ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f'],
};

// Every group test runs on each backend: the native addon (when built) and the @noble/curves reference.
describe.each(BACKENDS)('%s backend', (_name, g) => {
  describe('RFC 9496 §4.3 / Appendix A.1: encodings of small multiples of the generator', () => {
    it.each(SMALL_MULTIPLES.map((h, k) => [k, h] as const))(
      '%i·B encodes to the RFC bytes',
      (k, expected) => {
        expect(toHex(g.encodeElement(g.baseMultiply(F.fromBigint(k))))).toBe(expected);
        // Repeated addition and variable-time multiplication agree with the constant-time path.
        let acc = g.identity;
        for (let i = 0; i < k; i++) acc = g.add(acc, g.generator);
        expect(toHex(g.encodeElement(acc))).toBe(expected);
        expect(toHex(g.encodeElement(g.multiplyPublic(g.generator, F.fromBigint(k))))).toBe(expected);
      },
    );

    it('decodes each multiple and re-encodes it to the same bytes (identity only with allowIdentity)', () => {
      SMALL_MULTIPLES.forEach((h, k) => {
        const decoded = unwrap(g.decodeElement(hex(h), { allowIdentity: true }));
        expect(toHex(g.encodeElement(decoded))).toBe(h);
        expect(g.equals(decoded, g.baseMultiply(F.fromBigint(k)))).toBe(true);
        if (k > 0) expect(g.decodeElement(hex(h)).ok).toBe(true);
      });
    });

    it('the generator and identity constants are [1]B and [0]B', () => {
      expect(toHex(g.encodeElement(g.generator))).toBe(SMALL_MULTIPLES[1]);
      expect(toHex(g.encodeElement(g.identity))).toBe(SMALL_MULTIPLES[0]);
      expect(g.isIdentity(g.identity)).toBe(true);
      expect(g.isIdentity(g.generator)).toBe(false);
    });

    it('the generator has order ℓ', () => {
      expect(g.isIdentity(g.multiplyPublic(g.generator, F.fromBigint(RISTRETTO255_ORDER - 1n)))).toBe(false);
      expect(
        g.equals(g.multiplyPublic(g.generator, F.fromBigint(RISTRETTO255_ORDER - 1n)), g.negate(g.generator)),
      ).toBe(true);
    });
  });

  describe('RFC 9496 §4.3.1 / Appendix A.2: invalid encodings are rejected', () => {
    const cases = Object.entries(INVALID_ENCODINGS).flatMap(([reason, list]) =>
      list.map((h) => [reason, h] as const),
    );
    it.each(cases)('%s: %s', (_reason, h) => {
      for (const allowIdentity of [false, true]) {
        const r = g.decodeElement(hex(h), { allowIdentity });
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error).toBe('invalid_element');
      }
    });

    it('rejects the identity unless allowIdentity is set', () => {
      const zero = new Uint8Array(32);
      const r = g.decodeElement(zero);
      expect(r).toMatchObject({ ok: false, error: 'identity' });
      expect(g.decodeElement(zero, { allowIdentity: false })).toMatchObject({ ok: false, error: 'identity' });
      expect(g.decodeElement(zero, { allowIdentity: true }).ok).toBe(true);
    });

    it.each([0, 1, 31, 33, 64])('rejects a %i-byte input with bad_length', (n) => {
      expect(g.decodeElement(new Uint8Array(n), { allowIdentity: true })).toMatchObject({
        ok: false,
        error: 'bad_length',
      });
    });

    it('rejects a valid encoding with the (ignored-by-some-decoders) top bit set', () => {
      const b = hex(SMALL_MULTIPLES[1] as string);
      b[31] = (b[31] as number) | 0x80;
      expect(g.decodeElement(b)).toMatchObject({ ok: false, error: 'invalid_element' });
    });

    it('never accepts random bytes that do not re-encode identically', () => {
      fc.assert(
        fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
          const r = g.decodeElement(bytes, { allowIdentity: true });
          if (r.ok) expect(toHex(g.encodeElement(r.value))).toBe(toHex(bytes));
        }),
        { numRuns: 200 },
      );
    });
  });
});

describe('scalars: 32-byte little-endian, canonical (< ℓ)', () => {
  const L = RISTRETTO255_ORDER;
  it.each([0n, 1n, 2n, L - 2n, L - 1n])('accepts %s', (v) => {
    const r = F.decode(bigintToBytesLE(v, 32));
    expect(r).toEqual({ ok: true, value: v });
  });

  it.each([L, L + 1n, 2n * L, 2n ** 253n, 2n ** 256n - 1n])('rejects %s as non_canonical', (v) => {
    expect(F.decode(bigintToBytesLE(v, 32))).toMatchObject({ ok: false, error: 'non_canonical' });
  });

  it.each([0, 16, 31, 33, 64])('rejects %i bytes as bad_length', (n) => {
    expect(F.decode(new Uint8Array(n))).toMatchObject({ ok: false, error: 'bad_length' });
  });

  it('ℓ encodes as the RFC 8032 / RFC 9496 constant', () => {
    expect(toHex(bigintToBytesLE(L, 32))).toBe(
      'edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010',
    );
  });

  it('wide reduction takes exactly 64 bytes and reduces mod ℓ', () => {
    expect(() => F.fromWideBytes(new Uint8Array(32))).toThrow();
    expect(F.fromWideBytes(new Uint8Array(64).fill(0xff))).toBe((2n ** 512n - 1n) % L);
    expect(F.fromWideBytes(bigintToBytesLE(L, 64))).toBe(0n);
  });

  it('round-trips every scalar', () => {
    fc.assert(
      fc.property(arbScalar, (s) => {
        const bytes = F.encode(s);
        expect(bytes.length).toBe(32);
        expect(unwrap(F.decode(bytes))).toBe(s);
      }),
      { numRuns: 200 },
    );
  });

  it('field laws: inverse, negation, distributivity', () => {
    fc.assert(
      fc.property(arbNonZeroScalar, arbScalar, arbScalar, (a, b, c) => {
        expect(F.mul(a, F.inv(a))).toBe(1n);
        expect(F.add(b, F.neg(b))).toBe(0n);
        expect(F.mul(a, F.add(b, c))).toBe(F.add(F.mul(a, b), F.mul(a, c)));
        expect(F.sub(b, c)).toBe(F.add(b, F.neg(c)));
      }),
      { numRuns: 100 },
    );
    expect(() => F.inv(F.zero)).toThrow();
  });
});

describe.each(BACKENDS)('%s backend', (_name, g) => {
  /** g^k for a random k ≠ 0, in this backend. */
  const arbElement = arbNonZeroScalar.map((k) => g.baseMultiply(k));

  describe('group: encoding round-trip and algebra (fast-check)', () => {
    it('encode/decode round-trips every element', () => {
      fc.assert(
        fc.property(arbElement, (e) => {
          const bytes = g.encodeElement(e);
          const back = unwrap(g.decodeElement(bytes));
          expect(g.equals(back, e)).toBe(true);
          expect(toHex(g.encodeElement(back))).toBe(toHex(bytes));
        }),
        RUNS,
      );
    });

    it('associativity, identity, inverse, commutativity', () => {
      fc.assert(
        fc.property(arbElement, arbElement, arbElement, (a, b, c) => {
          expect(g.equals(g.add(g.add(a, b), c), g.add(a, g.add(b, c)))).toBe(true);
          expect(g.equals(g.add(a, b), g.add(b, a))).toBe(true);
          expect(g.equals(g.add(a, g.identity), a)).toBe(true);
          expect(g.isIdentity(g.add(a, g.negate(a)))).toBe(true);
          expect(g.equals(g.subtract(a, b), g.add(a, g.negate(b)))).toBe(true);
        }),
        RUNS,
      );
    });

    it('multiplication distributes over scalar addition and composes with scalar multiplication', () => {
      fc.assert(
        fc.property(arbElement, arbScalar, arbScalar, (p, a, b) => {
          expect(g.equals(g.multiply(p, F.add(a, b)), g.add(g.multiply(p, a), g.multiply(p, b)))).toBe(true);
          expect(g.equals(g.multiply(g.multiply(p, a), b), g.multiply(p, F.mul(a, b)))).toBe(true);
          expect(g.equals(g.baseMultiply(F.add(a, b)), g.add(g.baseMultiply(a), g.baseMultiply(b)))).toBe(
            true,
          );
        }),
        RUNS,
      );
    });

    it('0·P is the identity and 1·P is P on every path', () => {
      fc.assert(
        fc.property(arbElement, (p) => {
          for (const mul of [g.multiply, g.multiplyPublic]) {
            expect(g.isIdentity(mul(p, F.zero))).toBe(true);
            expect(g.equals(mul(p, F.one), p)).toBe(true);
          }
          expect(g.isIdentity(g.baseMultiply(F.zero))).toBe(true);
          expect(g.isIdentity(g.multiMultiplyPublic([p, p], [F.zero, F.zero]))).toBe(true);
        }),
        { numRuns: 10 },
      );
      expect(g.isIdentity(g.multiMultiplyPublic([], []))).toBe(true);
      expect(() => g.multiMultiplyPublic([g.generator], [])).toThrow();
    });

    it('multiply, multiplyPublic, baseMultiply, precompute and multiMultiplyPublic agree', () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(arbElement, arbScalar), { minLength: 1, maxLength: 6 }), (terms) => {
          const [p0, s0] = terms[0]!;
          const ct = g.multiply(p0, s0);
          expect(g.equals(g.multiplyPublic(p0, s0), ct)).toBe(true);
          expect(g.equals(g.multiply(g.precompute(p0), s0), ct)).toBe(true);
          expect(g.equals(g.multiplyPublic(g.precompute(p0), s0), ct)).toBe(true);
          expect(g.equals(g.multiply(g.generator, s0), g.baseMultiply(s0))).toBe(true);
          let naive = g.identity;
          for (const [p, s] of terms) naive = g.add(naive, g.multiply(p, s));
          const multi = g.multiMultiplyPublic(
            terms.map((t) => t[0]),
            terms.map((t) => t[1]),
          );
          expect(g.equals(multi, naive)).toBe(true);
        }),
        RUNS,
      );
    });
  });
});

// Differential tests: the native backend against the @noble/curves reference, operation by operation.
// Both must give byte-identical encodings and the same accept/reject decisions on every input
// (random elements, random bytes, edge scalars, identities, precomputed elements, long sums with
// both multi-scalar algorithms). Elements never cross backends: each side rebuilds its inputs from
// the same scalars or bytes, and the results are compared as encodings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Group,
  type GroupElement,
  type Scalar,
  RISTRETTO255_ORDER,
  seededRandom,
  toHex,
} from '../src/index.ts';
import { native, nativeAvailable, nativeGroup, reference } from './backends.ts';

const F = reference.scalars;
const L = RISTRETTO255_ORDER;
const RUNS = { numRuns: 40 };

/** Edge scalars first (0, 1, 2, ℓ−1, ℓ−2, 2^252, 2^128), then anything in [0, ℓ). */
const arbScalar: fc.Arbitrary<Scalar> = fc.oneof(
  fc.constantFrom(0n, 1n, 2n, L - 1n, L - 2n, 2n ** 252n, 2n ** 128n, 2n ** 252n - 1n),
  fc.bigInt({ min: 0n, max: L - 1n }),
) as fc.Arbitrary<Scalar>;

/** How an element is built on each side: k·B (computed, Z ≠ 1), decoded from k·B's bytes (Z = 1),
 * or the identity; optionally precomputed. */
type Recipe = {
  readonly k: Scalar;
  readonly via: 'computed' | 'decoded' | 'identity';
  readonly precomputed: boolean;
};
const arbRecipe: fc.Arbitrary<Recipe> = fc.record({
  k: arbScalar,
  via: fc.constantFrom('computed', 'decoded', 'identity'),
  precomputed: fc.boolean(),
}) as fc.Arbitrary<Recipe>;

function build(g: Group, r: Recipe): GroupElement {
  let e = r.via === 'identity' ? g.identity : g.baseMultiply(r.k);
  if (r.via === 'decoded') {
    const d = g.decodeElement(reference.encodeElement(reference.baseMultiply(r.k)), { allowIdentity: true });
    if (!d.ok) throw new Error('test: a valid encoding did not decode');
    e = d.value;
  }
  return r.precomputed ? g.precompute(e) : e;
}

const hexOf = (g: Group, e: GroupElement) => toHex(g.encodeElement(e));

/** The same element on both sides. */
type Pair = { readonly native: GroupElement; readonly reference: GroupElement };
const pair = (r: Recipe): Pair => ({ native: build(native!, r), reference: build(reference, r) });

/** Runs `op` on both backends over the same elements; the encodings must match. Returns the hex. */
function same(pairs: readonly Pair[], op: (g: Group, es: GroupElement[]) => GroupElement): string {
  const n = hexOf(
    native!,
    op(
      native!,
      pairs.map((p) => p.native),
    ),
  );
  const ref = hexOf(
    reference,
    op(
      reference,
      pairs.map((p) => p.reference),
    ),
  );
  expect(n).toBe(ref);
  return n;
}

describe.skipIf(!nativeAvailable)('native backend = reference backend', () => {
  it('decodes random bytes with the same verdict and re-encodes them identically', () => {
    const arbBytes = fc.oneof(
      fc.uint8Array({ minLength: 32, maxLength: 32 }),
      // valid encodings with one bit flipped: mostly invalid, some valid
      fc.tuple(arbScalar, fc.nat({ max: 255 })).map(([k, bit]) => {
        const b = reference.encodeElement(reference.baseMultiply(k));
        b[bit >> 3]! ^= 1 << (bit & 7);
        return b;
      }),
      fc.uint8Array({ minLength: 0, maxLength: 40 }),
    );
    fc.assert(
      fc.property(arbBytes, fc.boolean(), (bytes, allowIdentity) => {
        const a = native!.decodeElement(bytes, { allowIdentity });
        const b = reference.decodeElement(bytes, { allowIdentity });
        expect(a.ok).toBe(b.ok);
        if (!a.ok && !b.ok) expect(a.error).toBe(b.error);
        if (a.ok && b.ok) {
          expect(hexOf(native!, a.value)).toBe(toHex(bytes));
          expect(hexOf(reference, b.value)).toBe(toHex(bytes));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('baseMultiply, baseMultiplyPublic and the constants encode identically', () => {
    expect(hexOf(native!, native!.generator)).toBe(hexOf(reference, reference.generator));
    expect(hexOf(native!, native!.identity)).toBe(hexOf(reference, reference.identity));
    fc.assert(
      fc.property(arbScalar, (k) => {
        const expected = hexOf(reference, reference.baseMultiply(k));
        expect(hexOf(native!, native!.baseMultiply(k))).toBe(expected);
        expect(hexOf(native!, native!.baseMultiplyPublic(k))).toBe(expected);
      }),
      RUNS,
    );
  });

  it('add, subtract, negate', () => {
    fc.assert(
      fc.property(arbRecipe, arbRecipe, (ra, rb) => {
        const [a, b] = [pair(ra), pair(rb)];
        same([a, b], (g, [x, y]) => g.add(x!, y!));
        same([a, b], (g, [x, y]) => g.subtract(x!, y!));
        same([a], (g, [x]) => g.negate(x!));
        same([a], (g, [x]) => g.add(x!, x!)); // doubling through the addition formula
      }),
      RUNS,
    );
  });

  it('multiply (constant time), multiplyPublic, on plain and precomputed elements', () => {
    fc.assert(
      fc.property(arbRecipe, arbScalar, (ra, s) => {
        const a = pair(ra);
        const ct = same([a], (g, [x]) => g.multiply(x!, s));
        expect(same([a], (g, [x]) => g.multiplyPublic(x!, s))).toBe(ct);
      }),
      RUNS,
    );
  });

  it('equals and isIdentity give the same answers', () => {
    fc.assert(
      fc.property(arbRecipe, arbRecipe, (a, b) => {
        for (const g of [native!, reference]) {
          const [x, y] = [build(g, a), build(g, b)];
          const sameClass =
            a.via === 'identity'
              ? b.via === 'identity' || b.k === 0n
              : a.k === (b.via === 'identity' ? 0n : b.k);
          expect(g.equals(x, y)).toBe(sameClass);
          expect(g.isIdentity(x)).toBe(a.via === 'identity' || a.k === 0n);
        }
      }),
      RUNS,
    );
  });

  it('multiMultiplyPublic on short sums (0–8 terms, identities, zero scalars, precomputed terms)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(arbRecipe, arbScalar), { maxLength: 8 }), (terms) => {
        const recipes = terms.map((t) => t[0]);
        const scalars = terms.map((t) => t[1]);
        const pairs = recipes.map(pair);
        const multi = same(pairs, (g, es) => g.multiMultiplyPublic(es, scalars));
        // and the naive sum on the native side
        let naive = native!.identity;
        pairs.forEach((p, i) => (naive = native!.add(naive, native!.multiply(p.native, scalars[i]!))));
        expect(hexOf(native!, naive)).toBe(multi);
      }),
      { numRuns: 40 },
    );
  });

  // The same long sums for every algorithm: recipes, scalars and the reference's answer built once.
  const rng = seededRandom('ratify/test/msm');
  const SIZES = [1, 2, 17, 240, 241, 1000];
  type LongSum = { recipes: Recipe[]; scalars: Scalar[]; expected?: string };
  const longSums = new Map<number, LongSum>(
    SIZES.map((n) => {
      const recipes: Recipe[] = Array.from({ length: n }, (_, i) => ({
        k: i % 13 === 5 ? F.zero : F.random(rng),
        via: i % 11 === 3 ? 'identity' : i % 3 === 0 ? 'decoded' : 'computed',
        precomputed: i % 50 === 1,
      }));
      const scalars = recipes.map((_, i) =>
        i % 17 === 7 ? F.zero : i % 19 === 2 ? F.fromBigint(L - 1n) : F.random(rng),
      );
      return [n, { recipes, scalars }];
    }),
  );
  const expectedSum = (n: number): string => {
    const sum = longSums.get(n)!;
    sum.expected ??= hexOf(
      reference,
      reference.multiMultiplyPublic(
        sum.recipes.map((r) => build(reference, r)),
        sum.scalars,
      ),
    );
    return sum.expected;
  };

  describe.each(['auto', 'straus', 'pippenger'] as const)('long sums, %s algorithm', (msmAlgorithm) => {
    const g = nativeAvailable ? nativeGroup({ msmAlgorithm }) : reference;
    it.each(SIZES)('%i terms (with identities, zero scalars, ℓ−1, precomputed terms)', (n) => {
      const { recipes, scalars } = longSums.get(n)!;
      expect(
        hexOf(
          g,
          g.multiMultiplyPublic(
            recipes.map((r) => build(g, r)),
            scalars,
          ),
        ),
      ).toBe(expectedSum(n));
    });

    it('all-zero scalars and all-identity elements give the identity', () => {
      const es = Array.from({ length: 120 }, (_, i) => g.baseMultiply(F.fromBigint(i + 1)));
      expect(
        g.isIdentity(
          g.multiMultiplyPublic(
            es,
            es.map(() => F.zero),
          ),
        ),
      ).toBe(true);
      expect(
        g.isIdentity(
          g.multiMultiplyPublic(
            es.map(() => g.identity),
            es.map((_, i) => F.fromBigint(i + 3)),
          ),
        ),
      ).toBe(true);
    });
  });

  it('refuses elements of the other backend, foreign values and out-of-range scalars', () => {
    const n = native!;
    expect(() => n.add(n.generator, reference.generator)).toThrow(TypeError);
    expect(() => n.encodeElement(reference.generator)).toThrow(TypeError);
    expect(() => n.multiMultiplyPublic([n.generator, reference.generator], [F.one, F.one])).toThrow(
      TypeError,
    );
    expect(() => n.multiply(n.generator, L as Scalar)).toThrow(RangeError);
    expect(() => n.multiplyPublic(n.generator, -1n as Scalar)).toThrow(RangeError);
    expect(() => n.baseMultiply((2n ** 256n) as Scalar)).toThrow(RangeError);
    for (const big of [L + 1n, 2n ** 253n, 2n ** 255n - 19n, 2n ** 256n - 1n])
      expect(() => n.multiplyPublic(n.generator, big as Scalar)).toThrow(RangeError);
    expect(n.equals(n.multiply(n.generator, (L - 1n) as Scalar), n.negate(n.generator))).toBe(true);
    expect(() => n.multiMultiplyPublic([n.generator], [L as Scalar])).toThrow(RangeError);
    expect(() => n.multiMultiplyPublic([n.generator], [])).toThrow('length mismatch');
  });

  it('precompute returns an equal element and keeps its encoding', () => {
    const n = native!;
    const e = n.baseMultiply(F.fromBigint(12345n));
    const p = n.precompute(e);
    expect(n.equals(p, e)).toBe(true);
    expect(n.precompute(p)).toBe(p);
    expect(hexOf(n, p)).toBe(hexOf(n, e));
  });
});

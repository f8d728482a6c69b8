// ristretto255 (RFC 9496) on the native addon: the fast backend for the server and the CLI. It must
// produce exactly the bytes of the pure-TypeScript reference (src/ristretto255.ts); the differential
// tests (test/backend-*.test.ts) check every Group operation, every proof and the RFC vectors on both.
// An element is a NativePoint: the addon's extended coordinates (opaque bytes), its cached encoding,
// and, once `precompute` has run, its fixed-base table. Elements of the reference backend are refused
// with a TypeError (mixing backends is a bug, never silently converted).
// Constant time: multiply/baseMultiply use the addon's constant-time ladders (native/src/ladder.h);
// the *Public operations use its variable-time algorithms and must only see public data.
import type { Group, GroupElement } from '../group.ts';
import { err, ok } from '../result.ts';
import { RISTRETTO255_ORDER } from '../ristretto255.ts';
import { createScalarField, type Scalar } from '../scalar.ts';
import type { NativeBinding } from './binding.ts';

class NativePoint {
  encoding: Uint8Array | undefined;
  table: Uint8Array | undefined;
  constructor(readonly coords: Uint8Array) {}
}

const point = (e: GroupElement): NativePoint => {
  if (!(e instanceof NativePoint)) throw new TypeError('not an element of the native ristretto255 backend');
  return e;
};
const element = (p: NativePoint): GroupElement => p as unknown as GroupElement;
/** What the addon multiplies: the table when there is one (faster), else the point. */
const operand = (e: GroupElement): Uint8Array => {
  const p = point(e);
  return p.table ?? p.coords;
};

/** RFC 9496 Appendix A.1: the encoding of the generator [1]B. */
const GENERATOR_BYTES = Uint8Array.from([
  0xe2, 0xf2, 0xae, 0x0a, 0x6a, 0xbc, 0x4e, 0x71, 0xa8, 0x84, 0xa9, 0x61, 0xc5, 0x00, 0x51, 0x5f, 0x58, 0xe3,
  0x0b, 0x6a, 0xa5, 0x82, 0xdd, 0x8d, 0xb6, 0xa6, 0x59, 0x45, 0xe0, 0x8d, 0x2d, 0x76,
]);

export interface NativeOptions {
  /** Multi-scalar algorithm: by size (default), or forced Straus / Pippenger (tests, benchmarks). */
  readonly msmAlgorithm?: 'auto' | 'straus' | 'pippenger';
}

const ALGORITHMS = { auto: 0, straus: 1, pippenger: 2 } as const;

export function createNativeRistretto255(binding: NativeBinding, options: NativeOptions = {}): Group {
  const algorithm = ALGORITHMS[options.msmAlgorithm ?? 'auto'];
  const scalars = createScalarField(RISTRETTO255_ORDER, 32);
  const size = binding.POINT_BYTES;
  // Points are views into 64 KiB slabs: allocating a 160-byte Uint8Array of its own costs a backing
  // store each (measured 5–8× slower than a view), and verification creates dozens per ballot. A slab
  // lives until its last point is collected (a long-lived election key keeps at most one slab).
  const SLAB_POINTS = 409;
  let slab = new ArrayBuffer(size * SLAB_POINTS);
  let used = 0;
  const fresh = () => {
    if (used === SLAB_POINTS) {
      slab = new ArrayBuffer(size * SLAB_POINTS);
      used = 0;
    }
    return new NativePoint(new Uint8Array(slab, size * used++, size));
  };

  const decodeOrThrow = (bytes: Uint8Array): NativePoint => {
    const p = fresh();
    if (binding.decode(p.coords, bytes) < 0) throw new Error('native backend: constant failed to decode');
    p.encoding = bytes.slice();
    return p;
  };
  const generator = decodeOrThrow(GENERATOR_BYTES);
  generator.table = binding.precompute(generator.coords);
  const identity = decodeOrThrow(new Uint8Array(32));
  const generatorTable = generator.table;

  const unary = (f: (out: Uint8Array) => void): GroupElement => {
    const p = fresh();
    f(p.coords);
    return element(p);
  };

  return {
    name: 'ristretto255',
    elementLength: 32,
    scalars,
    generator: element(generator),
    identity: element(identity),
    decodeElement(bytes, options) {
      if (bytes.length !== 32) return err('bad_length', `expected 32 bytes, got ${bytes.length}`);
      const p = fresh();
      const status = binding.decode(p.coords, bytes);
      if (status < 0) return err('invalid_element', 'not a canonical ristretto255 encoding');
      if (status === 1 && !options?.allowIdentity)
        return err('identity', 'the identity element is not allowed here');
      p.encoding = bytes.slice();
      return ok(element(p));
    },
    encodeElement(e) {
      const p = point(e);
      if (!p.encoding) {
        p.encoding = new Uint8Array(32);
        binding.encode(p.encoding, p.coords);
      }
      return p.encoding.slice();
    },
    add: (a, b) => unary((out) => binding.add(out, point(a).coords, point(b).coords)),
    subtract: (a, b) => unary((out) => binding.sub(out, point(a).coords, point(b).coords)),
    negate: (a) => unary((out) => binding.neg(out, point(a).coords)),
    multiply: (e, s: Scalar) => unary((out) => binding.mul(out, operand(e), s, true)),
    multiplyPublic: (e, s: Scalar) => unary((out) => binding.mul(out, operand(e), s, false)),
    baseMultiply: (s: Scalar) => unary((out) => binding.mul(out, generatorTable, s, true)),
    baseMultiplyPublic: (s: Scalar) => unary((out) => binding.mul(out, generatorTable, s, false)),
    multiMultiplyPublic(elements, scalarList) {
      if (elements.length !== scalarList.length) throw new Error('length mismatch');
      const inputs = elements.map(operand);
      return unary((out) => binding.msm(out, inputs, scalarList, algorithm));
    },
    precompute(e) {
      const p = point(e);
      if (p.table) return e;
      const q = new NativePoint(p.coords);
      q.encoding = p.encoding;
      q.table = binding.precompute(p.coords);
      return element(q);
    },
    equals: (a, b) => binding.equals(point(a).coords, point(b).coords),
    isIdentity: (a) => binding.isIdentity(point(a).coords),
  };
}

// Loads the native ristretto255 addon (packages/crypto/native/, built by node-gyp at install) and
// describes its functions. Node only: reached through "#backend" (package.json "imports", condition
// "node"), never from the browser entry. Loading never throws: a missing or broken build is a Result,
// so the caller can fall back to the pure-TypeScript backend.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type Result, err, ok } from '../result.ts';

/** The addon's exports (packages/crypto/native/src/addon.c). Points and tables are opaque bytes. */
export interface NativeBinding {
  readonly POINT_BYTES: number;
  readonly TABLE_BYTES: number;
  readonly STRAUS_MAX_TERMS: number;
  /** RFC 9496 §4.3.1 into `out`: -1 invalid, 0 valid, 1 valid identity. */
  decode(out: Uint8Array, bytes: Uint8Array): number;
  encode(out: Uint8Array, point: Uint8Array): void;
  add(out: Uint8Array, a: Uint8Array, b: Uint8Array): void;
  sub(out: Uint8Array, a: Uint8Array, b: Uint8Array): void;
  neg(out: Uint8Array, a: Uint8Array): void;
  equals(a: Uint8Array, b: Uint8Array): boolean;
  isIdentity(a: Uint8Array): boolean;
  /** A fixed-base table for the point (a new Uint8Array of TABLE_BYTES). */
  precompute(point: Uint8Array): Uint8Array;
  /** point·scalar; `input` is a point or a table; constant time when `constantTime`. */
  mul(out: Uint8Array, input: Uint8Array, scalar: bigint, constantTime: boolean): void;
  /** Σ inputs[i]·scalars[i], variable time; algorithm 0 = by size, 1 = Straus, 2 = Pippenger. */
  msm(out: Uint8Array, inputs: readonly Uint8Array[], scalars: readonly bigint[], algorithm: 0 | 1 | 2): void;
}

/** Where node-gyp puts the addon, relative to this file. */
export const NATIVE_ADDON_PATH = new URL(
  '../../native/build/Release/ratify_ristretto255.node',
  import.meta.url,
);

const FUNCTIONS = [
  'decode',
  'encode',
  'add',
  'sub',
  'neg',
  'equals',
  'isIdentity',
  'precompute',
  'mul',
  'msm',
] as const;

export function loadNativeBinding(
  path: URL = NATIVE_ADDON_PATH,
): Result<NativeBinding, 'not_built' | 'load_failed'> {
  let loaded: unknown;
  try {
    loaded = createRequire(import.meta.url)(fileURLToPath(path));
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'MODULE_NOT_FOUND') return err('not_built', 'the native addon is not built');
    return err('load_failed', `the native addon did not load: ${(e as Error).message.split('\n')[0]}`);
  }
  const b = loaded as Partial<Record<string, unknown>>;
  if (FUNCTIONS.some((name) => typeof b[name] !== 'function') || typeof b['POINT_BYTES'] !== 'number')
    return err('load_failed', 'the native addon is from another version (functions missing)');
  return ok(loaded as NativeBinding);
}

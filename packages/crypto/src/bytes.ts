// Byte helpers: concatenation, constant-layout integer encodings and strict hex.
// Kept tiny and dependency-free; every length prefix in the protocol uses these.

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

/** 4-byte big-endian unsigned integer. */
export function u32be(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new RangeError(`u32 out of range: ${n}`);
  // Byte writes, not a DataView: this runs for every transcript item (hot in verification).
  return Uint8Array.of(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
}

/** 8-byte big-endian unsigned integer. */
export function u64be(n: bigint | number): Uint8Array {
  const v = BigInt(n);
  if (v < 0n || v >= 1n << 64n) throw new RangeError(`u64 out of range: ${v}`);
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, v, false);
  return out;
}

const textEncoder = new TextEncoder();
export function utf8(s: string): Uint8Array {
  return textEncoder.encode(s);
}

const HEX = '0123456789abcdef';
const HEX_BYTE = Array.from({ length: 256 }, (_, b) => HEX[b >> 4]! + HEX[b & 15]!);
export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += HEX[b >> 4]! + HEX[b & 15]!;
  return s;
}

/** Strict hex: lowercase only, even length. Returns undefined on any other input (never throws). */
export function fromHex(hex: string): Uint8Array | undefined {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Little-endian bytes to bigint. */
export function bytesToBigintLE(bytes: Uint8Array): bigint {
  // Through one hex string: a single native parse instead of a BigInt shift per byte (hot: every
  // scalar decoded from a proof and every challenge's wide reduction).
  if (bytes.length === 0) return 0n;
  let hex = '';
  for (let i = bytes.length - 1; i >= 0; i--) hex += HEX_BYTE[bytes[i] as number]!;
  return BigInt(`0x${hex}`);
}

/** bigint to fixed-length little-endian bytes; throws if it does not fit. */
export function bigintToBytesLE(value: bigint, length: number): Uint8Array {
  if (value < 0n) throw new RangeError('negative');
  const hex = value.toString(16);
  if (hex.length > 2 * length && value !== 0n) throw new RangeError('value does not fit');
  const out = new Uint8Array(length);
  // hex digits from the end: the least significant byte first
  for (let i = 0, j = hex.length; i < length && j > 0; i++, j -= 2) out[i] = parseInt(hex.slice(Math.max(0, j - 2), j), 16);
  return out;
}

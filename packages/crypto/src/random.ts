// Sources of randomness. Production code uses `systemRandom` (the platform CSPRNG: WebCrypto
// getRandomValues, in Node and in browsers). `seededRandom` is deterministic and exists ONLY for
// test vectors and seeded simulations, which must say so in their output.
import { sha512 } from '@noble/hashes/sha2.js';
import { concatBytes, u64be, utf8 } from './bytes.ts';

export type RandomSource = (length: number) => Uint8Array;

export const systemRandom: RandomSource = (length) => {
  const out = new Uint8Array(length);
  // getRandomValues is limited to 65,536 bytes per call.
  for (let offset = 0; offset < length; offset += 65536) {
    globalThis.crypto.getRandomValues(out.subarray(offset, Math.min(length, offset + 65536)));
  }
  return out;
};

/**
 * NOT FOR PRODUCTION. A deterministic stream: SHA-512(tag || seed || counter) blocks.
 * Used by golden test vectors and `ratify simulate --seed`.
 */
export function seededRandom(seed: string): RandomSource {
  let counter = 0n;
  let buffer: Uint8Array = new Uint8Array(0);
  const seedBytes = utf8(seed);
  return (length) => {
    while (buffer.length < length) {
      const block = sha512(concatBytes(utf8('ratify/v1/seeded-random-NOT-FOR-PRODUCTION'), u64be(seedBytes.length), seedBytes, u64be(counter++)));
      buffer = concatBytes(buffer, block);
    }
    const out = buffer.slice(0, length);
    buffer = buffer.slice(length);
    return out;
  };
}

// Golden vectors test-vectors/crypto/v2.json (format: header of test-vectors/crypto/generate.ts).
// (a) Regenerating gives the stored file byte for byte: any change to an encoding, a transcript or
//     the order randomness is consumed in shows up here.
// (b) Every stored value is checked from the JSON alone, through the strict decoders and verifiers,
//     without the generator: these are the checks another implementation would run.
import { sha512 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import stored from '../../../test-vectors/crypto/v2.json' with { type: 'json' };
import { buildVectors, serializeVectors } from '../../../test-vectors/crypto/generate.ts';
import {
  PROTOCOL_VERSION,
  bytesToBigintLE,
  ciphertextEquals,
  concatBytes,
  decodeChallengeResponse,
  decodeCiphertext,
  decryptToElement,
  encodeMessage,
  encryptWith,
  ristretto255 as g,
  toHex,
  u32be,
  unwrap,
  utf8,
  verifyEncryptionIn,
  verifyEqualLogs,
  verifyKnowledge,
  verifySignature,
} from '../src/index.ts';
import { hex } from './arbitraries.ts';

const F = g.scalars;
const element = (h: string) => unwrap(g.decodeElement(hex(h)));
const scalar = (h: string) => unwrap(F.decode(hex(h)));
const proof = (h: string) => unwrap(decodeChallengeResponse(g, hex(h)));
const item = (label: string, data: Uint8Array) =>
  concatBytes(u32be(utf8(label).length), utf8(label), u32be(data.length), data);

/** Flips one bit of a hex string at byte `i`. */
const flip = (h: string, i: number) => {
  const b = hex(h);
  b[i % b.length] = (b[i % b.length] as number) ^ 1;
  return toHex(b);
};

describe('golden vectors v1', () => {
  it('(a) regenerating reproduces the stored file byte for byte', () => {
    expect(serializeVectors(buildVectors())).toBe(
      serializeVectors(stored as ReturnType<typeof buildVectors>),
    );
    expect(buildVectors()).toEqual(stored);
  });

  it('says it is seeded test data and names the group and protocol', () => {
    expect(stored.note).toMatch(/seededRandom/);
    expect(stored.note).toMatch(/NOT FOR PRODUCTION/);
    expect(stored.group).toBe(g.name);
    expect(stored.protocol).toBe(PROTOCOL_VERSION);
    expect(stored.generator).toBe(toHex(g.encodeElement(g.generator)));
  });

  it('(b) key pairs: publicKey = g^secretKey, both canonical', () => {
    expect(stored.keyPairs.length).toBeGreaterThan(0);
    for (const kp of stored.keyPairs)
      expect(g.equals(g.baseMultiply(scalar(kp.secretKey)), element(kp.publicKey))).toBe(true);
  });

  it('(b) wide reductions: LE(input) mod ℓ', () => {
    for (const w of stored.wideReductions) {
      expect(hex(w.input).length).toBe(64);
      expect(scalar(w.scalar)).toBe(bytesToBigintLE(hex(w.input)) % F.order);
    }
  });

  it('(b) transcripts: the preimage follows the documented format and hashes to the challenge', () => {
    expect(stored.transcripts.length).toBeGreaterThan(0);
    for (const t of stored.transcripts) {
      const preimage = concatBytes(
        item('protocol', utf8(stored.protocol)),
        item('group', utf8(stored.group)),
        item('domain', utf8(t.domain)),
        ...t.items.map((i) => item(i.label, hex(i.data))),
        item('challenge', utf8(t.challengeLabel)),
      );
      expect(toHex(preimage)).toBe(t.preimage);
      expect(scalar(t.challenge)).toBe(bytesToBigintLE(sha512(preimage)) % F.order);
    }
    // The "ab"/"c" and "a"/"bc" pair collide in a separator-free concatenation, not here.
    const boundary = stored.transcripts.filter((t) => t.domain === 'ratify/test-vectors/boundaries');
    expect(boundary.length).toBe(2);
    expect(boundary[0]!.challenge).not.toBe(boundary[1]!.challenge);
  });

  it('(b) hashItems digests', () => {
    for (const h of stored.hashItems) {
      const pre = concatBytes(
        item('protocol', utf8(stored.protocol)),
        item('domain', utf8(h.domain)),
        ...h.items.map((i) => item(i.label, hex(i.data))),
      );
      expect(toHex(sha512(pre))).toBe(h.digest);
    }
  });

  it('(b) ciphertexts: α = g^r, β = h^r·g^m, and they decrypt with the election key', () => {
    const election = stored.keyPairs.find((k) => k.name === 'election')!;
    for (const c of stored.ciphertexts) {
      const ct = unwrap(decodeCiphertext(g, hex(c.ciphertext)));
      expect(
        ciphertextEquals(g, ct, encryptWith(g, element(c.publicKey), c.message, scalar(c.randomness))),
      ).toBe(true);
      expect(g.equals(decryptToElement(g, scalar(election.secretKey), ct), encodeMessage(g, c.message))).toBe(
        true,
      );
    }
  });

  it('(b) Schnorr proofs of knowledge verify, and fail after a one-bit change', () => {
    expect(stored.schnorrKnowledge.length).toBeGreaterThan(0);
    for (const v of stored.schnorrKnowledge) {
      expect(verifyKnowledge(g, element(v.publicKey), proof(v.proof), hex(v.context))).toBe(true);
      expect(verifyKnowledge(g, element(v.publicKey), proof(flip(v.proof, 0)), hex(v.context))).toBe(false);
      expect(verifyKnowledge(g, element(v.publicKey), proof(v.proof), hex(flip(v.context, 5)))).toBe(false);
    }
  });

  it('(b) Schnorr signatures verify, and fail after a one-bit change', () => {
    expect(stored.schnorrSignature.length).toBeGreaterThan(0);
    for (const v of stored.schnorrSignature) {
      expect(
        verifySignature(g, element(v.publicKey), hex(v.message), proof(v.signature), hex(v.context)),
      ).toBe(true);
      expect(
        verifySignature(
          g,
          element(v.publicKey),
          hex(v.message),
          proof(flip(v.signature, 33)),
          hex(v.context),
        ),
      ).toBe(false);
      expect(
        verifySignature(g, element(v.publicKey), utf8('other'), proof(v.signature), hex(v.context)),
      ).toBe(false);
    }
  });

  it('(b) Chaum–Pedersen proofs verify, and fail after a one-bit change', () => {
    expect(stored.chaumPedersen.length).toBeGreaterThan(0);
    for (const v of stored.chaumPedersen) {
      const st = { publicKey: element(v.publicKey), base: element(v.base), result: element(v.result) };
      expect(verifyEqualLogs(g, st, proof(v.proof), hex(v.context))).toBe(true);
      expect(verifyEqualLogs(g, st, proof(flip(v.proof, 1)), hex(v.context))).toBe(false);
      expect(verifyEqualLogs(g, { ...st, result: st.base }, proof(v.proof), hex(v.context))).toBe(false);
    }
  });

  it('(b) disjunctive proofs verify, and fail after a one-bit change at any index', () => {
    expect(stored.disjunctive.length).toBeGreaterThan(0);
    for (const v of stored.disjunctive) {
      const st = {
        publicKey: element(v.publicKey),
        ciphertext: unwrap(decodeCiphertext(g, hex(v.ciphertext))),
        allowed: v.allowed,
      };
      expect(v.proof.length).toBe(v.allowed.length);
      expect(v.allowed).toContain(v.plaintext);
      expect(verifyEncryptionIn(g, st, v.proof.map(proof), hex(v.context))).toBe(true);
      v.proof.forEach((_, i) => {
        const tampered = v.proof.map((p, j) => proof(j === i ? flip(p, 2) : p));
        expect(verifyEncryptionIn(g, st, tampered, hex(v.context))).toBe(false);
      });
    }
  });

  it('(b) every ballot proof is bound to its voter’s context: swapping contexts between voters fails', () => {
    const [a, b] = [stored.disjunctive[0]!, stored.disjunctive[2]!];
    expect(a.context).not.toBe(b.context);
    const st = {
      publicKey: element(a.publicKey),
      ciphertext: unwrap(decodeCiphertext(g, hex(a.ciphertext))),
      allowed: a.allowed,
    };
    expect(verifyEncryptionIn(g, st, a.proof.map(proof), hex(b.context))).toBe(false);
  });
});

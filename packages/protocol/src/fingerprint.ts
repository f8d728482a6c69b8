// The election fingerprint (docs/protocol.md, "Election fingerprint"): SHA-512 over the canonical
// manifest bytes, which include the joint public key. Every proof, signature and ballot of the vote
// binds it, so nothing made for one vote verifies in another. Pure. Must not hash anything but the
// canonical manifest text: a second spelling of the same manifest must never exist.
import { bytesEqual, fromHex, hashItems, toHex, utf8 } from '@ratify/crypto';
import { toWireManifest, type Manifest } from './manifest.ts';

export const FINGERPRINT_DOMAIN = 'ratify/v2/election-fingerprint';
export const FINGERPRINT_LENGTH = 64;

/** fingerprint = hashItems("ratify/v2/election-fingerprint", [("manifest", UTF-8 canonical manifest)]). */
export function fingerprintOfCanonical(canonicalManifest: Uint8Array): Uint8Array {
  return hashItems(FINGERPRINT_DOMAIN, [['manifest', canonicalManifest]]);
}

export function electionFingerprint(manifest: Manifest): Uint8Array {
  return fingerprintOfCanonical(utf8(toWireManifest(manifest)));
}

/** Lowercase hex (128 characters), as published on the results page and in the record. */
export function electionFingerprintHex(manifest: Manifest): string {
  return toHex(electionFingerprint(manifest));
}

/** Checks a published fingerprint (hex) against the manifest. */
export function checkElectionFingerprint(manifest: Manifest, fingerprintHex: string): boolean {
  const claimed = fromHex(fingerprintHex);
  return claimed !== undefined && claimed.length === FINGERPRINT_LENGTH && bytesEqual(claimed, electionFingerprint(manifest));
}

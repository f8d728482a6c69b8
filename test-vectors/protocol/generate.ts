// Generator of the protocol golden files in this folder (see README.md for the list and format).
//   regenerate:  node --import tsx test-vectors/protocol/generate.ts
//   check:       packages/protocol/test/manifest.test.ts and fingerprint.test.ts compare byte for byte.
// Regenerating must be a deliberate format change: a new codec version and a CHANGELOG entry.
import { writeFileSync } from 'node:fs';
import { offerDigest, toWireOffer, type Offer } from '../../packages/protocol/src/bargaining/index.ts';
import { electionFingerprintHex, toWireManifest, type Manifest } from '../../packages/protocol/src/index.ts';
import { aftraManifest, sagManifest } from '../../packages/protocol/test/manifest-fixtures.ts';
import { finalOffer, finalOfferWithDocuments } from '../../packages/protocol/test/offer-fixtures.ts';
import { VECTORS_DIR } from './vectors.ts';

export const SAMPLES: readonly (readonly [string, () => Manifest])[] = [
  ['manifest-aftra-2008-ratification', aftraManifest],
  ['manifest-sag-2009-strike-authorization', sagManifest],
];

/** Offer objects (`ratify/offer/v1`, docs/protocol.md §M3.1) and their offer digests. */
export const OFFER_SAMPLES: readonly (readonly [string, () => Offer])[] = [
  ['offer-v1-final-offer', finalOffer],
  ['offer-v1-final-offer-with-documents', finalOfferWithDocuments],
];

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  for (const [name, build] of SAMPLES) {
    const manifest = build();
    writeFileSync(`${VECTORS_DIR}${name}.json`, toWireManifest(manifest));
    writeFileSync(`${VECTORS_DIR}${name}.fingerprint.hex`, electionFingerprintHex(manifest));
    console.error(`wrote ${name}.json and ${name}.fingerprint.hex`);
  }
  for (const [name, build] of OFFER_SAMPLES) {
    const offer = build();
    writeFileSync(`${VECTORS_DIR}${name}.json`, toWireOffer(offer));
    writeFileSync(`${VECTORS_DIR}${name}.digest.hex`, offerDigest(offer));
    console.error(`wrote ${name}.json and ${name}.digest.hex`);
  }
}

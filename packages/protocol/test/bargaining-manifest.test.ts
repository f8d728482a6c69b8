// The manifest's optional offer reference (information.offer): binds the offer a vote ratifies by
// its SHA-256 digest. Additive: manifests without it keep their bytes and fingerprints (the golden
// vectors check that too); with it, the id must equal linkedOfferId and the digest is 32-byte hex.
import { describe, expect, it } from 'vitest';
import { unwrap } from '@ratify/crypto';
import { createOffer, offerDigest } from '../src/bargaining/index.ts';
import { createManifest, electionFingerprintHex, parseWireManifest, toWireManifest } from '../src/index.ts';
import { aftraDraft, aftraManifest } from './manifest-fixtures.ts';

const offer = unwrap(
  createOffer({
    id: 'aftra-2008-final-offer', contractId: 'aftra-tv-2008', kind: 'offer', title: 'AMPTP final offer to AFTRA', madeBy: 'AMPTP', madeOn: '2008-05-28', finalOffer: true,
    terms: [{ key: 'wage-y1', label: 'Minimum wage increase, year 1', value: { kind: 'percent', basisPoints: 300 }, direction: 'higher_is_better' }],
  }),
);
const information = { summary: 'A three-year agreement.', statements: [] };
const withOffer = { ...aftraDraft, information: { ...information, offer: { id: offer.id, title: offer.title, digest: offerDigest(offer) } } };

describe('information.offer in the manifest', () => {
  it('round-trips through the canonical wire form and changes the fingerprint', () => {
    const m = unwrap(createManifest(withOffer));
    const wire = toWireManifest(m);
    expect(wire).toContain(`"digest":"${offerDigest(offer)}"`);
    expect(unwrap(parseWireManifest(wire))).toEqual(m);
    const without = unwrap(createManifest({ ...aftraDraft, information }));
    expect(electionFingerprintHex(m)).not.toBe(electionFingerprintHex(without));
  });

  it('leaves a manifest without the field byte for byte as before', () => {
    expect(toWireManifest(aftraManifest())).not.toContain('"offer"');
  });

  it('requires the offer id to equal linkedOfferId, and a 32-byte digest', () => {
    const other = createManifest({ ...withOffer, linkedOfferId: 'another-offer' });
    expect(other.ok ? undefined : other.error).toBe('offer_link_mismatch');
    const { linkedOfferId: _l, ...unlinked } = withOffer;
    const missing = createManifest(unlinked);
    expect(missing.ok ? undefined : missing.error).toBe('offer_link_mismatch');
    const short = createManifest({ ...withOffer, information: { ...information, offer: { id: offer.id, title: offer.title, digest: 'ab' } } });
    expect(short.ok ? undefined : short.error).toBe('schema_mismatch');
  });
});
